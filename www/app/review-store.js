// Where the page keeps the review's marks (../shared/review.js), safe across tabs, as the entries are
// (entries-store.js): IndexedDB database `sahel-tagger-review`, store `marks`, one record per mark
// keyed `[doc, key]` (the document's key: the SHA-256 of its text), indexed by `doc`. Each action puts
// or deletes its own records in one readwrite transaction (no read-modify-write of a shared list, so
// two tabs' actions never overwrite each other's marks), then tells the other tabs over a
// BroadcastChannel, and they re-read the document they show. Where the browser refuses IndexedDB, the
// marks live in this tab's memory.
import { MemoryReviewStore } from '../shared/review.js';

const DB = 'sahel-tagger-review';
const CHANNEL = 'sahel-tagger.review';

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

class IdbReviewStore {
  constructor(db) {
    this.db = db;
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
    const tx = this.db.transaction('marks', 'readwrite');
    const marks = tx.objectStore('marks');
    for (const [key, rec] of changes) {
      if (rec) marks.put({ ...rec, doc, key });
      else marks.delete([doc, key]);
    }
    await done(tx);
    if (this.channel) this.channel.postMessage({ doc });
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
    req.onsuccess = () => {
      clearTimeout(timer);
      const db = req.result;
      db.onversionchange = () => db.close();
      resolve(new IdbReviewStore(db));
    };
    req.onerror = () => {
      clearTimeout(timer);
      memory(req.error);
    };
  });
}
