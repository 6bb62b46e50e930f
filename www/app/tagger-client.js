// The page's side of the tagger worker: request/response calls, and a "latest text wins" tag queue so
// that typing into a long text never piles up tagging jobs.

/** Characters per message when a long text is sent to the worker. */
const PIECE = 2_000_000;

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
    /** The wasm `TagOptions` every text is tagged with (the page's switches). */
    this.options = {};
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

  /**
   * Tags `text`. A long text goes to the worker in pieces, one per task: copying a string into a
   * message blocks the page for about 3.5 ms per million characters, 180 ms for 50 MB in one go.
   * Resolves to the reply, or null when `abandon()` said a newer text is waiting.
   */
  async tag(text, abandon = () => false) {
    if (text.length <= PIECE || this.failed) return this.call('tag', { text, options: this.options });
    const id = ++this.seq;
    for (let at = 0; at < text.length; at += PIECE) {
      this.worker.postMessage({ op: 'piece', id, piece: text.slice(at, at + PIECE) });
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (abandon()) {
        this.worker.postMessage({ op: 'drop', id });
        return null;
      }
    }
    return this.call('tag', { id, options: this.options });
  }

  /** What the mention at [start, end) of `text` may be re-linked to: `{ok, candidates, related}` (worker.js). */
  alternatives(text, start, end) {
    return this.call('alternatives', { text, start, end });
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
      const reply = await this.tag(text, () => this.queued !== null);
      this.busy = false;
      // A newer text is waiting: this result is already stale, skip rendering it.
      if (reply && !this.queued) onResult(text, reply);
    }
  }
}
