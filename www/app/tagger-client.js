// The page's side of the tagger worker: request/response calls, and a "latest text wins" tag queue so
// that typing into a long text never piles up tagging jobs.

export class TaggerClient {
  constructor() {
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.seq = 0;
    this.pending = new Map();
    this.worker.onmessage = (event) => {
      const reply = event.data;
      const waiter = this.pending.get(reply.seq);
      if (!waiter) return;
      this.pending.delete(reply.seq);
      waiter.resolve(reply);
    };
    this.worker.onerror = (event) => {
      const error = `the tagger could not start: ${event.message || 'worker error'}`;
      for (const waiter of this.pending.values()) waiter.resolve({ ok: false, error });
      this.pending.clear();
      this.failed = error;
    };
    this.busy = false;
    this.queued = null;
    this.extended = true;
  }

  /** Sends one operation; resolves to the worker's reply (`{ok, ...}`), never rejects. */
  call(op, payload = {}) {
    if (this.failed) return Promise.resolve({ ok: false, error: this.failed });
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pending.set(seq, { resolve });
      this.worker.postMessage({ seq, op, ...payload });
    });
  }

  /** Rebuilds the tagger; with the GeoNames village layer when `this.extended` is set. */
  build(sources, check) {
    return this.call('build', { sources, check, extended: this.extended });
  }

  exportTsv(onlyUser) {
    return this.call('exportTsv', { onlyUser });
  }

  /**
   * Tags `text` unless a newer text arrives first: while the worker is busy, only the latest text
   * waits. `onResult(text, reply)` is called for each text actually tagged.
   */
  tagLatest(text, onResult) {
    this.queued = { text, onResult };
    if (!this.busy) this._drain();
  }

  async _drain() {
    while (this.queued) {
      const { text, onResult } = this.queued;
      this.queued = null;
      this.busy = true;
      const reply = await this.call('tag', { text });
      this.busy = false;
      // A newer text is waiting: this result is already stale, skip rendering it.
      if (!this.queued) onResult(text, reply);
    }
  }
}
