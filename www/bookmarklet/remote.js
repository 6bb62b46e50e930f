// The tagger origin's side of the bookmarklet when a page cannot run the tagger itself: loaded in a
// hidden frame or a small window, it says hello to the page that embedded or opened it, accepts one
// MessagePort from it, and answers on it:
//   {k: 'tag', id, text, u?}  → {k: 'spans', id, spans} (the same Uint32Array as Tagger.tagSpans); with
//                               `u` (bookmarklets since names no list holds are shown), also `unl`: the
//                               unlisted names as engine.js `tagUnlisted` lists them
//   {k: 'details', id, text}  → {k: 'details', id, list} (engine.js `details`: variants, candidates)
//   {k: 'format', id, fmt, rows, doc, page} → {k: 'format', id, text} (an export's CSV, GeoJSON or
//     JSON text: ../shared/mentions.js exportText, kept out of the bookmarklet's bundle)
//   {k: 'layer', id, on}      → {k: 'table', id, v, ents, lay} after switching the GeoNames village
//                               layer on or off (a new entity table: every mention must be tagged again)
//   {k: 'article', id, html, early?} → {k: 'article', id, ok, ids, title, byline, published} or {…, ok:
//                               false, why}: the elements of the page's numbered copy
//                               (../shared/article.js) that make its article, found by Readability
//                               (../shared/readable.js); answered while the tagger starts too (`early`:
//                               asked then, answered {ok: false, skipped: true} for a reader of whole pages)
//   {k: 'prefer', id, article} → {k: 'article', id, on}: remembers "article only" (true) or "whole page"
// or {k: 'error', id, msg}. Tagging, details and layer switches wait for the tagger. When ready it sends {k: 'ready', v, ents, lay, art}, where `lay` is
// `{ok, on, n, keep}`: whether the tagger site has the village layer, whether it is in use, its
// entities, and whether the choice can be remembered here; `art` is `{on}`, the reader's choice of
// "article only" (the default) or the whole page.
// It tags whatever text it is sent and keeps nothing of it; the only things it stores are the reader's
// choices of the village layer and of "whole page", and the review's marks of the pages visited
// ({k: 'review', id, doc, changes?} → {k: 'review', id, marks}: ../shared/review.js), in this (the
// tagger) origin's localStorage. In a frame, browsers that
// partition third-party storage keep that choice per visited site; browsers that block third-party
// storage keep it for the run only (a window of remote.html is first-party: there it is kept).
// The tagger itself runs in a worker (engine-worker.js), started here at once with the reader's
// choice of the village layer, so that it compiles and builds while this page still loads and, later,
// while it looks for the article: the visited page's port is handed to the worker, which answers
// tagging itself and passes here what needs this page's DOM or storage. The modules for those are
// imported when first needed (remote.html fetches them with the page): this module runs, starts the
// worker and says hello without waiting for them.
const MAX_TEXT = 64 * 1024 * 1024;
const KEY = 'sahel-tagger.bookmarklet.villages';
const WHOLE = 'sahel-tagger.bookmarklet.whole-page';
const status = document.getElementById('status');
const detail = document.getElementById('detail');
const framed = window.parent !== window;
const peer = framed ? window.parent : window.opener;
const say = (s, d = '') => {
  status.textContent = s;
  detail.textContent = d;
};
const message = (err) => String((err && err.message) || err);

function canKeep() {
  try {
    return Boolean(localStorage);
  } catch {
    return false;
  }
}

function wantsVillages() {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/** Keeps `value` under `key` (removes it for null), where storage is allowed. */
function remember(key, value) {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // storage refused (private mode, blocked third-party storage): the choice lasts this run
  }
}

function wantsArticle() {
  try {
    return localStorage.getItem(WHOLE) !== 'on';
  } catch {
    return true;
  }
}

const worker = peer ? new Worker(new URL('engine-worker.js', import.meta.url), { type: 'module' }) : null;
if (worker) worker.postMessage({ k: 'start', villages: wantsVillages() });
/** Resolves when the worker's modules have loaded; rejects with why they did not. */
const up = new Promise((ok, no) => {
  if (!worker) return;
  worker.addEventListener('message', (e) => (e.data?.k === 'up' ? ok() : e.data?.k === 'down' && no(new Error(e.data.msg))));
  worker.addEventListener('error', (e) => no(new Error(e.message || 'the tagger\u2019s worker did not load')));
});
up.catch((err) => say('The tagger could not start', message(err)));

/** The review store of this origin's storage (or of this run where storage is refused), made once. */
let reviews = null;

/** Answers `d`, a message of the visited page the worker passed on (article, review, format, prefer). */
async function answer(d) {
  if (d.k === 'article' && typeof d.html === 'string') {
    // `early`: asked while the tagger starts, before the bookmarklet knows the reader's choice; a
    // reader who tags whole pages is answered `skipped` without a search.
    performance.mark('sahel-tagger:article');
    if (d.early && !wantsArticle()) return { k: 'article', id: d.id, ok: false, skipped: true };
    if (d.html.length > MAX_TEXT) return { k: 'article', id: d.id, ok: false, why: 'the page is too large to look for its article' };
    const { findArticleIn } = await import('../shared/readable.js');
    return { k: 'article', id: d.id, ...findArticleIn(d.html) };
  }
  if (d.k === 'review' && typeof d.doc === 'string') {
    // The review marks of the visited page (../shared/review.js), kept in this origin's storage,
    // which browsers partition by the visited site: a page's marks stay with that site.
    reviews =
      reviews ||
      import('../shared/review.js').then(({ storageReviewStore, MemoryReviewStore }) => (canKeep() ? storageReviewStore(localStorage) : new MemoryReviewStore('storage refused')));
    const store = await reviews;
    const marks = Array.isArray(d.changes) ? await store.write(d.doc, d.changes).then(() => null) : await store.load(d.doc);
    return { k: 'review', id: d.id, marks, kept: true };
  }
  if (d.k === 'format' && typeof d.fmt === 'string' && Array.isArray(d.rows)) {
    // The CSV, GeoJSON or JSON text of the panel's export records (../shared/mentions.js exportText).
    const { exportText } = await import('../shared/mentions.js');
    return { k: 'format', id: d.id, text: exportText(d.fmt, d.rows, d.doc || null, d.page || null) };
  }
  if (d.k === 'prefer' && typeof d.article === 'boolean') {
    remember(WHOLE, d.article ? null : 'on');
    return { k: 'article', id: d.id, on: d.article };
  }
  return null;
}

if (worker) {
  worker.onmessage = (e) => {
    const w = e.data || {};
    if (w.k === 'say') say(w.s, w.d);
    else if (w.k === 'mark') performance.mark(w.name, { startTime: Math.max(0, w.at - performance.timeOrigin) });
    else if (w.k === 'remember') remember(KEY, w.villages ? 'on' : null);
    else if (w.k === 'ask' && w.d && Number.isInteger(w.d.id)) {
      answer(w.d).then(
        (msg) => msg && worker.postMessage({ k: 'answer', sid: w.sid, msg }),
        (err) => worker.postMessage({ k: 'answer', sid: w.sid, msg: { k: 'error', id: w.d.id, msg: message(err) } })
      );
    }
  };
}

/** Connections served: each gets its number, which the worker's questions about it carry. */
let served = 0;

if (!peer) {
  say(
    'Nothing to do here',
    'This page is the helper of the Sahel tagger bookmarklet. If the bookmarklet opened it, the page you are reading does not let it answer back: close this window and use "Copy page text" in the bookmarklet\'s panel.'
  );
} else {
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (e.source !== peer || !d || d.t !== 'sahel-tagger' || d.k !== 'connect' || e.ports.length !== 1) return;
    const sources = Array.isArray(d.sources) ? d.sources : [];
    const port = e.ports[0];
    const sid = ++served;
    // The port goes to the worker once it runs; a worker that cannot load is reported on it.
    up.then(
      () => worker.postMessage({ k: 'serve', sid, port, origin: e.origin, v: String(d.v || '1'), sources, villages: wantsVillages(), art: wantsArticle(), keep: canKeep() }, [port]),
      (err) => port.postMessage({ k: 'fail', msg: message(err) })
    );
  });
  // The hello carries nothing: the page answers with a port, sent to this origin only.
  peer.postMessage({ t: 'sahel-tagger', k: 'hello' }, '*');
}
