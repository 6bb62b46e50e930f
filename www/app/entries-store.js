// Where the user's entries (gazetteer sources) are kept, safe across tabs.
//
// Every change is a delta (put these sources, remove those names) applied in one IndexedDB readwrite
// transaction that first re-reads the store's revision: the browser runs such transactions one at a
// time across every tab of the origin, so a change made in another tab is never written over (a tab
// whose view is stale gets `{conflict}` and re-reads). IndexedDB rather than localStorage: localStorage
// has no transaction, each tab's copy is synchronised with the others asynchronously, so two tabs'
// read-modify-write cycles can still cross and lose one of them; IndexedDB also holds far more than
// localStorage's 5 MB. After a change, the other tabs are told over a BroadcastChannel and re-read.
//
// Older versions kept the sources in localStorage["sahel-tagger.entries.v1"] ({version: 1, sources}):
// the first opening of the database copies them over (in its upgrade transaction, which no other tab
// can interleave) and then removes that key. Where IndexedDB is refused but localStorage is not, the
// same key is the store (re-read before each write, other tabs told by the `storage` event). Where the
// browser refuses both (site storage blocked, or the page framed by another site with third-party
// storage blocked), entries live in this tab's memory only: `persistent` is false and `reason` says why.

const DB_NAME = 'sahel-tagger';
const DB_VERSION = 1;
export const LEGACY_KEY = 'sahel-tagger.entries.v1';
const CHANNEL = 'sahel-tagger.entries';
/** How long opening the database may take before the page goes on without it. */
const OPEN_TIMEOUT_MS = 5000;

/** A stored source as the page uses it: `{name, text, origin, added, entities}` plus its order `seq`. */
function valid(s) {
  return s && typeof s.name === 'string' && typeof s.text === 'string';
}

function bySeq(a, b) {
  return (a.seq ?? 0) - (b.seq ?? 0);
}

/** The sources of the old localStorage format (also the fallback store's format). */
function readLegacy(storage) {
  try {
    const raw = storage.getItem(LEGACY_KEY);
    if (!raw) return { rev: 0, sources: [] };
    const parsed = JSON.parse(raw);
    const list = Array.isArray(parsed?.sources) ? parsed.sources.filter(valid) : [];
    return { rev: Number.isInteger(parsed.rev) ? parsed.rev : 0, sources: list.map((s, k) => ({ ...s, seq: s.seq ?? k + 1 })) };
  } catch {
    return { rev: 0, sources: [] };
  }
}

/** `sources` with `changes` applied: removals by name, then puts (a put of a stored name keeps its place). */
function applyChanges(sources, { put = [], remove = [] }) {
  const gone = new Set(remove);
  const next = sources.filter((s) => !gone.has(s.name));
  let seq = next.reduce((m, s) => Math.max(m, s.seq ?? 0), 0);
  for (const source of put) {
    const at = next.findIndex((s) => s.name === source.name);
    if (at === -1) next.push({ ...source, seq: ++seq });
    else next[at] = { ...source, seq: next[at].seq };
  }
  return next.sort(bySeq);
}

function localStorageOrNull() {
  try {
    const storage = window.localStorage;
    storage.getItem(LEGACY_KEY);
    return storage;
  } catch {
    return null;
  }
}

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDb() {
  return new Promise((resolve, reject) => {
    let req;
    try {
      req = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (err) {
      reject(err);
      return;
    }
    const timer = setTimeout(() => reject(new Error('the browser did not open its database')), OPEN_TIMEOUT_MS);
    req.onupgradeneeded = (event) => {
      const db = req.result;
      if (event.oldVersion < 1) {
        const sources = db.createObjectStore('sources', { keyPath: 'name' });
        const meta = db.createObjectStore('meta');
        // Entries kept by an older version of the page: copied in this same transaction.
        const storage = localStorageOrNull();
        const legacy = storage ? readLegacy(storage).sources : [];
        for (const s of legacy) sources.put(s);
        meta.put({ rev: legacy.length ? 1 : 0, seq: legacy.length, migrated: true }, 'state');
      }
    };
    req.onsuccess = () => {
      clearTimeout(timer);
      const db = req.result;
      // A newer version of the page in another tab wants to upgrade: let it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => {
      clearTimeout(timer);
      reject(req.error || new Error('the browser refused its database'));
    };
    req.onblocked = () => {
      // Another tab holds an older version open; it closes it on versionchange.
    };
  });
}

class IdbStore {
  constructor(db) {
    this.db = db;
    this.kind = 'indexeddb';
    this.persistent = true;
    this.reason = '';
    this.listeners = [];
    try {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = () => this.listeners.forEach((fn) => fn());
    } catch {
      this.channel = null;
    }
  }

  async read() {
    const tx = this.db.transaction(['sources', 'meta'], 'readonly');
    const [list, state] = await Promise.all([request(tx.objectStore('sources').getAll()), request(tx.objectStore('meta').get('state'))]);
    return { rev: state?.rev ?? 0, sources: list.filter(valid).sort(bySeq) };
  }

  /**
   * Applies `changes` if the store is still at revision `rev`. Resolves to `{ok: true, rev, sources}`
   * (the store after the change), or `{ok: false, conflict: true}` when another tab changed it first;
   * rejects when the browser refuses to write (e.g. QuotaExceededError).
   */
  commit(rev, changes) {
    return new Promise((resolve, reject) => {
      let tx;
      try {
        tx = this.db.transaction(['sources', 'meta'], 'readwrite');
      } catch (err) {
        reject(err);
        return;
      }
      const store = tx.objectStore('sources');
      const meta = tx.objectStore('meta');
      let outcome = null;
      const getState = meta.get('state');
      getState.onsuccess = () => {
        const state = getState.result || { rev: 0, seq: 0 };
        if ((state.rev ?? 0) !== rev) {
          outcome = { ok: false, conflict: true };
          tx.abort();
          return;
        }
        const getAll = store.getAll();
        getAll.onsuccess = () => {
          const before = getAll.result.filter(valid).sort(bySeq);
          const next = applyChanges(before, changes);
          for (const name of changes.remove || []) store.delete(name);
          for (const s of next) if ((changes.put || []).some((p) => p.name === s.name)) store.put(s);
          const seq = next.reduce((m, s) => Math.max(m, s.seq ?? 0), state.seq ?? 0);
          meta.put({ ...state, rev: rev + 1, seq }, 'state');
          outcome = { ok: true, rev: rev + 1, sources: next };
        };
      };
      tx.oncomplete = () => {
        if (this.channel) this.channel.postMessage({ rev: outcome.rev });
        resolve(outcome);
      };
      tx.onabort = () => {
        if (outcome && outcome.conflict) resolve(outcome);
        else reject(tx.error || new Error('the change was not stored'));
      };
    });
  }

  onChange(fn) {
    this.listeners.push(fn);
  }
}

class LocalStore {
  constructor(storage, reason) {
    this.storage = storage;
    this.kind = 'localstorage';
    this.persistent = true;
    this.reason = reason;
    this.listeners = [];
    window.addEventListener('storage', (event) => {
      if (event.key === LEGACY_KEY || event.key === null) this.listeners.forEach((fn) => fn());
    });
  }

  async read() {
    return readLegacy(this.storage);
  }

  async commit(rev, changes) {
    const now = readLegacy(this.storage);
    if (now.rev !== rev) return { ok: false, conflict: true };
    const sources = applyChanges(now.sources, changes);
    // Kept even when empty: the revision must never go back.
    this.storage.setItem(LEGACY_KEY, JSON.stringify({ version: 1, rev: rev + 1, sources }));
    return { ok: true, rev: rev + 1, sources };
  }

  onChange(fn) {
    this.listeners.push(fn);
  }
}

class MemoryStore {
  constructor(reason) {
    this.kind = 'memory';
    this.persistent = false;
    this.reason = reason;
    this.state = { rev: 0, sources: [] };
  }

  async read() {
    return this.state;
  }

  async commit(rev, changes) {
    if (this.state.rev !== rev) return { ok: false, conflict: true };
    this.state = { rev: rev + 1, sources: applyChanges(this.state.sources, changes) };
    return { ok: true, ...this.state };
  }

  onChange() {}
}

/** Opens the best store this browser allows: IndexedDB, else localStorage, else this tab's memory. */
export async function openEntriesStore() {
  let why = '';
  try {
    const store = new IdbStore(await openDb());
    // Migrated by this or another tab: the old copy goes (a "Remove all" must leave nothing behind).
    const storage = localStorageOrNull();
    if (storage && storage.getItem(LEGACY_KEY) !== null) {
      const { sources } = await store.read();
      const legacy = readLegacy(storage).sources;
      const kept = new Set(sources.map((s) => s.name));
      // Sources an old version of the page wrote after the copy was made are added, never lost.
      const missing = legacy.filter((s) => !kept.has(s.name));
      if (missing.length) {
        const { rev } = await store.read();
        await store.commit(rev, { put: missing.map(({ seq, ...s }) => s) });
      }
      storage.removeItem(LEGACY_KEY);
    }
    return store;
  } catch (err) {
    why = (err && (err.message || err.name)) || String(err);
  }
  const storage = localStorageOrNull();
  if (storage) return new LocalStore(storage, why);
  return new MemoryStore(why || 'site storage is blocked');
}
