// The review in the bookmarklet's panel (./review.js for the page and the panel alike): the controls of
// the panel's current mention, its keys, the exports' review columns. Not in the bookmarklet's bundle:
// imported from the tagger's origin after the first tagging (like the map), so that the bundle leaves
// room in the `javascript:` URL for the reader's entries and rules it carries.
//
// Marks are kept per page URL in the tagger site's frame or window (remote.js answers `review`:
// browsers partition a frame's storage by the site visited, so a site's marks stay with that site),
// else (the tagger running in the page itself) for this run only.
import { h } from './dom.js';
import { ReviewSession, docKey, reviewControls, reviewKey, reviewed, REVIEW_CSS, RELINKED } from './review.js';

/**
 * The review of the bookmarklet `S` (its shared state: mentions `S.M`, text, entities, engine).
 * `box`: the panel's element for the controls; `root`: its shadow root; `sheetFor(css, root)` adopts
 * a style sheet; `details(S, chunk)` gets a chunk's alternatives; `current()` is the current mention;
 * `changed()` is called after every change (the panel repaints the highlights). Returns `{open(),
 * show(), markOf(m), rows(records, {includeRejected})}`.
 */
export function panelReview(S, { box, root, sheetFor, details, current, changed }) {
  const memory = new Map();
  const store = {
    async load(doc) {
      const kept = S.eng && S.eng.review ? await S.eng.review(doc).catch(() => null) : null;
      return kept || [...(memory.get(doc) || new Map()).values()];
    },
    async write(doc, changes) {
      if (!memory.has(doc)) memory.set(doc, new Map());
      for (const [key, rec] of changes) {
        if (rec) memory.get(doc).set(key, { ...rec, key });
        else memory.get(doc).delete(key);
      }
      if (S.eng && S.eng.review) await S.eng.review(doc, changes).catch(() => {});
    },
    onChange() {},
  };
  // The controls as in the page's card, flattened into the panel's box.
  sheetFor(REVIEW_CSS + '\n.rvbox .rv{margin:0;border:0;padding:0}.rvbox .rv-what{font-size:12px;margin-bottom:2px}', root);
  const session = new ReviewSession(store, { onChange: () => changed() });
  const markOf = (m) => session.of(m.s, m.e, S.text.slice(m.s, m.e));

  async function act(m, name, arg) {
    if (!m) return;
    if (name === 'undo') return session.undo();
    const surface = S.text.slice(m.s, m.e);
    const x = { start: m.s, end: m.e, surface, entity: S.ents[m.k] };
    if (name === 'confirm') await session.confirm(x);
    else if (name === 'reject') await session.reject(x, arg);
    else if (name === 'relink') await session.relink(x, arg ? S.byId.get(arg) : null);
    else if (name === 'never') {
      // The rule belongs to the reader's entries, kept by the tagger page (first-party storage): the
      // page is opened to add it there; here the name is rejected everywhere on this page at once.
      await session.reject(x, 'document');
      window.open(`${S.ORIGIN}/#never=${encodeURIComponent(surface)}`, '_blank', 'noopener');
    }
  }

  function show() {
    const m = current();
    box.hidden = !m || !session.doc;
    if (box.hidden) return;
    const e = S.ents[m.k];
    const surface = S.text.slice(m.s, m.e);
    const mark = markOf(m);
    const to = mark && mark.review === RELINKED ? S.byId.get(mark.entity) : null;
    const focused = box.contains(root.activeElement) ? root.activeElement.className.split(' ')[0] : null;
    box.replaceChildren(
      h('div', { class: 'rv-what', dir: 'auto' }, `\u201c${surface}\u201d \u2192 ${to ? `${to.name} (re-linked from ${e.name})` : e.name}`),
      reviewControls({ start: m.s, end: m.e, surface, entity: e }, mark, m.alt || [], (name, arg) => act(m, name, arg), {
        undo: session.canUndo ? session.undos[session.undos.length - 1].label : '',
      }),
    );
    if (focused) (box.querySelector(`.${focused}`) || box.querySelector('button'))?.focus();
    // The alternatives (other candidates, same-name places) come with the chunk's details.
    if (m.alt === undefined) details(S, m.c).then(() => current() === m && m.alt && show(), () => {});
  }

  // The keys of the review, on the panel (not in its fields), act on the current mention.
  S.listen(root, 'keydown', (event) => {
    const m = current();
    const target = event.composedPath()[0];
    if (!m || (target && target.closest && target.closest('input,select,textarea'))) return;
    const action = reviewKey(event, markOf(m), m.alt || []);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    act(m, ...action);
  });

  return {
    /** Loads the marks of this page (its URL), again after a re-tagging. */
    async open() {
      const key = await docKey('', location.origin + location.pathname + location.search);
      if (session.doc === key) await session.reload();
      else await session.open(key);
    },
    show,
    markOf,
    rows: (records, { includeRejected = false } = {}) => reviewed(records, (x) => session.of(x.utf16Start, x.utf16End, x.surface), S.byId, { includeRejected }),
  };
}
