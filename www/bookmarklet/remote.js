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
import { createEngine, villageLayerAvailable } from './engine.js';
import { findArticleIn } from '../shared/readable.js';
import { exportText } from '../shared/mentions.js';
import { storageReviewStore, MemoryReviewStore } from '../shared/review.js';

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

function rememberVillages(on) {
  remember(KEY, on ? 'on' : null);
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

/** The user's entries and rules the bookmarklet carries (sent with `connect`). */
let carried = [];

/** The engine with or without the layer; `lay` says what the panel's switch shows. */
async function load(on) {
  const ok = await villageLayerAvailable();
  const engine = await createEngine({ villages: on && ok, sources: carried });
  return { engine, lay: { ok, on: engine.villages > 0, n: engine.villages, keep: canKeep() } };
}

/**
 * The entity table in the shape a client of protocol `v` reads: objects since version 2; for a
 * bookmarklet installed before (version 1, its code lives in the reader's bookmarks and is never
 * updated by us), the rows it reads: [id, name, type, subtype, generated (0/1), note].
 */
function entityTable(entities, v) {
  if (v !== '1') return entities;
  return entities.map((e) => {
    const x = e.tier === 'curated' || e.tier === 'user' ? 0 : 1;
    return [e.id, e.name, e.type, e.subtype || '', x, x ? (e.description || '').replace(/\s*\(GeoNames\)$/, '') : ''];
  });
}

function serve(port, origin, v) {
  let reviews = null;
  let chars = 0;
  let mentions = 0;
  let engine = null;
  let lay = null;
  const table = () => ({ v: engine.version, ents: entityTable(engine.entities, v), lay, srcErr: engine.sourcesError });
  say('Loading the tagger…', `For ${origin}`);
  // The tagger starts at once; what needs it waits for it, in the order asked (a text sent after a
  // layer switch is tagged with it). The rest is answered as it comes, before the tagger is ready too:
  // a bookmarklet asks for the page's article while the tagger starts.
  let queue = load(wantsVillages())
    // A village layer that no longer loads (a stale generated file) must not stop the tagger.
    .catch(() => load(false))
    .then(
      (r) => {
        ({ engine, lay } = r);
        performance.mark('sahel-tagger:ready');
        port.postMessage({ k: 'ready', ...table(), art: { on: wantsArticle() } });
        say('Ready', `Tagging the text of ${origin}…`);
      },
      (err) => {
        port.postMessage({ k: 'fail', msg: message(err) });
        say('The tagger could not start', message(err));
      }
    );
  const withEngine = (id, answer) => {
    queue = queue.then(async () => {
      try {
        if (!engine) throw new Error('the tagger could not start');
        await answer();
      } catch (err) {
        port.postMessage({ k: 'error', id, msg: message(err) });
      }
    });
  };
  const tag = (d) => {
    const { spans, unl } = d.u ? engine.tagUnlisted(d.text) : { spans: engine.tagSpans(d.text), unl: undefined };
    chars += d.text.length;
    mentions += spans.length / 4;
    port.postMessage({ k: 'spans', id: d.id, spans, unl }, [spans.buffer]);
    say(`Tagged the text of ${origin}`, `${chars.toLocaleString('en')} characters, ${mentions.toLocaleString('en')} mentions.`);
  };
  const onMessage = (e) => {
    const d = e.data;
    if (!d || !Number.isInteger(d.id)) return;
    if ((d.k === 'tag' || d.k === 'details') && typeof d.text === 'string') {
      withEngine(d.id, () => {
        if (d.text.length > MAX_TEXT) port.postMessage({ k: 'error', id: d.id, msg: 'text too long' });
        else if (d.k === 'tag') tag(d);
        else port.postMessage({ k: 'details', id: d.id, list: engine.details(d.text) });
      });
    } else if (d.k === 'article' && typeof d.html === 'string') {
      // `early`: asked while the tagger starts, before the bookmarklet knows the reader's choice; a
      // reader who tags whole pages is answered `skipped` without a search.
      try {
        performance.mark('sahel-tagger:article');
        if (d.early && !wantsArticle()) port.postMessage({ k: 'article', id: d.id, ok: false, skipped: true });
        else if (d.html.length > MAX_TEXT) port.postMessage({ k: 'article', id: d.id, ok: false, why: 'the page is too large to look for its article' });
        else port.postMessage({ k: 'article', id: d.id, ...findArticleIn(d.html) });
      } catch (err) {
        port.postMessage({ k: 'error', id: d.id, msg: message(err) });
      }
    } else if (d.k === 'review' && typeof d.doc === 'string') {
      // The review marks of the visited page (../shared/review.js), kept in this origin's storage,
      // which browsers partition by the visited site: a page's marks stay with that site.
      reviews = reviews || Promise.resolve(canKeep() ? storageReviewStore(localStorage) : new MemoryReviewStore('storage refused'));
      reviews
        .then((store) => (Array.isArray(d.changes) ? store.write(d.doc, d.changes).then(() => null) : store.load(d.doc)))
        .then(
          (marks) => port.postMessage({ k: 'review', id: d.id, marks, kept: true }),
          (err) => port.postMessage({ k: 'error', id: d.id, msg: message(err) })
        );
    } else if (d.k === 'format' && typeof d.fmt === 'string' && Array.isArray(d.rows)) {
      // The CSV, GeoJSON or JSON text of the panel's export records (../shared/mentions.js exportText).
      try {
        port.postMessage({ k: 'format', id: d.id, text: exportText(d.fmt, d.rows, d.doc || null, d.page || null) });
      } catch (err) {
        port.postMessage({ k: 'error', id: d.id, msg: message(err) });
      }
    } else if (d.k === 'prefer' && typeof d.article === 'boolean') {
      remember(WHOLE, d.article ? null : 'on');
      port.postMessage({ k: 'article', id: d.id, on: d.article });
    } else if (d.k === 'layer' && typeof d.on === 'boolean') {
      withEngine(d.id, async () => {
        try {
          say(d.on ? 'Loading the GeoNames villages…' : 'Removing the GeoNames villages…', `For ${origin}`);
          ({ engine, lay } = await load(d.on));
          if (lay.ok) rememberVillages(d.on);
          port.postMessage({ k: 'table', id: d.id, ...table() });
          say('Ready', lay.on ? `With ${lay.n.toLocaleString('en')} GeoNames villages.` : '');
        } catch (err) {
          say('Ready', `The GeoNames villages could not be loaded: ${message(err)}`);
          throw err;
        }
      });
    }
  };
  port.onmessage = onMessage;
}

if (!peer) {
  say(
    'Nothing to do here',
    'This page is the helper of the Sahel tagger bookmarklet. If the bookmarklet opened it, the page you are reading does not let it answer back: close this window and use "Copy page text" in the bookmarklet\'s panel.'
  );
} else {
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (e.source !== peer || !d || d.t !== 'sahel-tagger' || d.k !== 'connect' || e.ports.length !== 1) return;
    carried = Array.isArray(d.sources) ? d.sources : [];
    serve(e.ports[0], e.origin, String(d.v || '1'));
  });
  // The hello carries nothing: the page answers with a port, sent to this origin only.
  peer.postMessage({ t: 'sahel-tagger', k: 'hello' }, '*');
}
