// The bookmarklet panel's map and incident sheet, with their styles and the little glue that feeds
// them: not in the bookmarklet's bundle (with them it would not fit a `javascript:` URL) but imported
// from the tagger origin when the reader first opens one (www/bookmarklet/src/main.js), as
// review-panel.js is. The page uses map.js and incident-sheet.js directly.
import { TYPES } from './types.js';
import { h } from './dom.js';
import { incidentSheet } from './incident-sheet.js';

export { createMap } from './map.js';

const FONT = 'system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif';

/**
 * The map's and the sheet's styles in the panel's shadow root. The panel is light whatever the
 * system's scheme, so the map is too: its colour variables are pinned here, out of reach of the
 * visited page's own custom properties (which inherit into a shadow root).
 */
export const TOOLS_CSS = [
  `.map .sahel-map{--fg:#1b1c1e;--muted:#565a61;--focus:#0b5cad;--current:#1b1c1e;--font:${FONT};--map-sea:#dce6ed;--map-land:#f1efe8;--map-land-focus:#fff;--map-border:#8f969f;--map-ink:#1b1c1e;--map-muted:#565a61;--map-halo:#fff;--map-focus:#0b5cad;--map-current:#1b1c1e;--map-dot-edge:#fff;${TYPES.map((t) => `--map-${t.id}:${t.line}`).join(';')}}`,
  `.sheet{position:fixed;inset:12px 12px auto;max-height:calc(100vh - 24px);box-sizing:border-box;overflow:auto;background:#fff;color:#202124;border:1px solid #bbb;border-radius:8px;box-shadow:0 6px 32px rgba(0,0,0,.35);font:13px/1.4 ${FONT};text-align:left;direction:ltr;z-index:2}`,
  '.sheet-bar{position:sticky;top:0;height:0;z-index:2;display:flex;align-items:flex-start;justify-content:flex-end}.sheet-bar button{margin:8px 10px 0 0}',
  '.sheet-body{padding:4px}',
].join('\n');

/** The entity index a panel mention `m` stands for: the one it was re-linked to, if any; null if rejected. */
function reviewedIndex(m, S, markOf) {
  const r = markOf(m);
  if (r && r.review === 'rejected') return null;
  return r && r.review === 'relinked' && S.kOf.has(r.entity) ? S.kOf.get(r.entity) : m.k;
}

/**
 * The map's places from the panel's mentions `M` (rejected ones left out, re-linked ones counted for
 * their new entity): `{places, idx}`, `idx` mapping a place's id to its entity index (to jump to it).
 */
export function mapPlaces(M, S, markOf) {
  const n = new Map();
  for (const m of M) {
    const k = reviewedIndex(m, S, markOf);
    if (k != null) n.set(k, (n.get(k) || 0) + 1);
  }
  const places = [];
  const idx = new Map();
  for (const [k, count] of n) {
    const e = S.ents[k];
    if (e.type !== 'place' && !(Number.isFinite(e.lat) && Number.isFinite(e.lon))) continue;
    idx.set(e.id, k);
    places.push({ id: e.id, name: e.name, type: e.type, lat: e.lat, lon: e.lon, count, country: e.country, admin1: e.admin1 });
  }
  return { places, idx };
}

/** The incident sheet's mentions from the panel's: `{id, start, end, review}` (UTF-16 offsets). */
export function sheetMentions(M, S, markOf) {
  return M.map((m) => {
    const r = markOf(m);
    return { id: r && r.review === 'relinked' ? r.entity : S.ents[m.k].id, start: m.s, end: m.e, review: r ? r.review : null };
  });
}

/**
 * The incident sheet as a dialog over the panel, in its shadow `root`: `open(input, key)` shows it,
 * with `input` (`incidentSheet`'s text, mentions, entities, doc) applied when `key` changed since it
 * was last shown; a row's "show" hides it and calls `goTo(utf16Start)` with where its sentences start.
 */
export function panelSheet(root, filename, goTo) {
  const mount = h('div', { class: 'sheet-body' });
  const close = h('button', { class: 'sheet-close', onclick: () => (box.hidden = true) }, 'Close');
  const box = h('div', { class: 'sheet', hidden: true, role: 'dialog', 'aria-label': 'Incident sheet', lang: 'en' }, h('div', { class: 'sheet-bar' }, close), mount);
  root.append(box);
  let sheet = null;
  let shown = null;
  return {
    open(input, key) {
      if (!sheet) {
        sheet = incidentSheet({
          ...input,
          root,
          scheme: 'light',
          filename,
          onShow: (row) => {
            box.hidden = true;
            goTo(row.spans && row.spans.length ? Math.min(...row.spans.map((x) => x.utf16Start)) : row.utf16Start);
          },
        });
        mount.append(sheet.element);
      } else if (shown !== key) sheet.update(input);
      shown = key;
      box.hidden = false;
      close.focus();
    },
    hide: () => (box.hidden = true),
  };
}
