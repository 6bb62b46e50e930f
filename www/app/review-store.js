// Where the page keeps the review's marks (../shared/review.js), safe across tabs, as the entries are
// (entries-store.js): IndexedDB database `sahel-tagger-review`, store `marks`, one record per mark
// keyed `[doc, key]` (the document's key: the SHA-256 of its text), indexed by `doc`. Each action puts
// or deletes its own records in one readwrite transaction (no read-modify-write of a shared list, so
// two tabs' actions never overwrite each other's marks), then tells the other tabs over a
// BroadcastChannel, and they re-read the document they show. Where the browser refuses IndexedDB, the
// marks live in this tab's memory.
//
// The card shows a mark as soon as it is made, while its transaction is still to commit; a tab closed or
// reloaded in that moment would abort it and lose the mark. So each write is first written down in
// localStorage (synchronous, kept over a reload) under `sahel-tagger.review-pending|<tab>|<seq>`, and
// crossed out when its transaction has committed. Each tab holds the Web Lock `sahel-tagger.review-tab|<tab>`
// for its whole life; another tab that finds a tab's pending writes waits for that lock (granted when the
// tab is gone, at once if it already is), then writes them and tells every tab. A live tab's pending
// writes are thus never replayed under it, and a closed tab's are never lost.
import { MemoryReviewStore } from '../shared/review.js';

const DB = 'sahel-tagger-review';
const CHANNEL = 'sahel-tagger.review';
const PENDING = 'sahel-tagger.review-pending|';
const TAB_LOCK = 'sahel-tagger.review-tab|';

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error || new Error('the change was not stored'));
  });
}

/** Puts (a record) or deletes (null) each of `changes` ([key, record|null]) of `doc` in transaction `tx`. */
function apply(tx, doc, changes) {
  const marks = tx.objectStore('marks');
  for (const [key, rec] of changes) {
    if (rec) marks.put({ ...rec, doc, key });
    else marks.delete([doc, key]);
  }
}

/** This tab's localStorage, or null where the browser refuses it. */
function localStore() {
  try {
    return window.localStorage || null;
  } catch {
    return null;
  }
}

/**
 * The writes started and not yet committed, in `storage` (see the module's comment): `add` before a
 * write, `remove` after it, `orphans()` the other tabs' by tab, `take(tab)` one tab's, oldest first.
 */
class PendingWrites {
  constructor(storage, tab) {
    this.storage = storage;
    this.tab = tab;
    this.seq = 0;
  }

  add(doc, changes) {
    if (!this.storage) return null;
    const key = `${PENDING}${this.tab}|${String(++this.seq).padStart(9, '0')}`;
    try {
      this.storage.setItem(key, JSON.stringify({ doc, changes }));
      return key;
    } catch {
      return null; // storage full or refused: the write goes on without its note
    }
  }

  remove(key) {
    if (!key) return;
    try {
      this.storage.removeItem(key);
    } catch {
      // refused: the note is replayed once, which writes the same marks again
    }
  }

  keys() {
    const out = [];
    try {
      for (let i = 0; i < this.storage.length; i++) {
        const k = this.storage.key(i);
        if (k && k.startsWith(PENDING)) out.push(k);
      }
    } catch {
      // no storage: nothing pending
    }
    return out.sort();
  }

  /** The tabs other than this one with pending writes. */
  orphans() {
    return [...new Set(this.keys().map((k) => k.slice(PENDING.length).split('|')[0]))].filter((t) => t !== this.tab);
  }

  /** Tab `tab`'s pending writes `[{key, doc, changes}]`, oldest first (unreadable notes dropped). */
  take(tab) {
    const out = [];
    for (const key of this.keys().filter((k) => k.startsWith(`${PENDING}${tab}|`))) {
      try {
        const { doc, changes } = JSON.parse(this.storage.getItem(key));
        if (typeof doc === 'string' && Array.isArray(changes)) out.push({ key, doc, changes });
        else this.remove(key);
      } catch {
        this.remove(key);
      }
    }
    return out;
  }
}

const randomId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);

/** Resolves once this tab holds its life-long lock (at once where the browser has no Web Locks). */
function holdTabLock(tab) {
  if (!navigator.locks) return Promise.resolve();
  return new Promise((held) => {
    navigator.locks.request(`${TAB_LOCK}${tab}`, () => {
      held();
      return new Promise(() => {}); // released when the tab goes
    }).catch(() => held());
  });
}

class IdbReviewStore {
  constructor(db, pending) {
    this.db = db;
    this.pending = pending;
    this.persistent = true;
    this.listeners = [];
    try {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = (e) => this.listeners.forEach((fn) => fn(e.data && e.data.doc));
    } catch {
      this.channel = null;
    }
  }

  async load(doc) {
    const tx = this.db.transaction('marks', 'readonly');
    const list = await request(tx.objectStore('marks').index('doc').getAll(doc));
    return list.map(({ doc: _, ...r }) => r);
  }

  /** Puts (a record) or deletes (null) each of `changes` ([key, record|null]) in one transaction. */
  async write(doc, changes) {
    const note = this.pending.add(doc, changes);
    const tx = this.db.transaction('marks', 'readwrite');
    apply(tx, doc, changes);
    if (tx.commit) tx.commit();
    await done(tx);
    this.pending.remove(note);
    if (this.channel) this.channel.postMessage({ doc });
  }

  /** Writes the pending writes of every other tab, each once that tab is gone (see the module's comment). */
  recover() {
    for (const tab of this.pending.orphans()) {
      const replay = async () => {
        const writes = this.pending.take(tab);
        if (!writes.length) return;
        const tx = this.db.transaction('marks', 'readwrite');
        for (const { doc, changes } of writes) apply(tx, doc, changes);
        await done(tx);
        for (const { key } of writes) this.pending.remove(key);
        for (const doc of new Set(writes.map((w) => w.doc))) {
          this.listeners.forEach((fn) => fn(doc));
          if (this.channel) this.channel.postMessage({ doc });
        }
      };
      const run = navigator.locks ? navigator.locks.request(`${TAB_LOCK}${tab}`, replay) : replay();
      run.catch(() => {}); // not written now: the notes stay for the next tab that opens
    }
  }

  onChange(fn) {
    this.listeners.push(fn);
  }
}

/** Opens the review store: IndexedDB, else this tab's memory (with `reason`). */
export function openReviewStore() {
  return new Promise((resolve) => {
    const memory = (why) => resolve(new MemoryReviewStore(String((why && (why.message || why.name)) || why || 'site storage is blocked')));
    let req;
    try {
      req = indexedDB.open(DB, 1);
    } catch (err) {
      memory(err);
      return;
    }
    const timer = setTimeout(() => memory('the browser did not open its database'), 5000);
    req.onupgradeneeded = () => {
      const marks = req.result.createObjectStore('marks', { keyPath: ['doc', 'key'] });
      marks.createIndex('doc', 'doc');
    };
    req.onsuccess = async () => {
      clearTimeout(timer);
      const db = req.result;
      db.onversionchange = () => db.close();
      const tab = randomId();
      await holdTabLock(tab);
      const store = new IdbReviewStore(db, new PendingWrites(localStore(), tab));
      resolve(store);
      // After the caller has subscribed (store.onChange) to hear of the marks it brings back.
      setTimeout(() => store.recover(), 0);
    };
    req.onerror = () => {
      clearTimeout(timer);
      memory(req.error);
    };
  });
}
