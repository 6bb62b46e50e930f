// The incident sheet's style sheet (./incident-sheet.js), as a string: the page adopts it into its
// document and the bookmarklet into its panel's shadow root (adoptIncidentSheetStyles), so that one
// text serves both and the page's strict CSP (no inline styles) is kept: a constructed style sheet is
// no inline style. Every rule is under `.isheet`, and the colours are the sheet's own variables, so
// that neither the page's style.css nor a visited page's styles are needed or leak in.

const LIGHT = `
  --is-bg: #ffffff; --is-fg: #1b1c1e; --is-muted: #565a61; --is-border: #c9cdd3; --is-head: #f0f1f3;
  --is-cell: #ffffff; --is-cell-border: #d5d8dd; --is-accent: #0b5cad; --is-accent-fg: #ffffff;
  --is-edited: #fff3c4; --is-edited-line: #9a6b00; --is-danger: #a4161a; --is-focus: #0b5cad;
  color-scheme: light;`;
const DARK = `
  --is-bg: #1a1c20; --is-fg: #eceff3; --is-muted: #a9afb8; --is-border: #4a4f57; --is-head: #23262b;
  --is-cell: #121316; --is-cell-border: #3a3e45; --is-accent: #7ab8f5; --is-accent-fg: #0d1117;
  --is-edited: #3b3214; --is-edited-line: #f4d48c; --is-danger: #ff8a80; --is-focus: #7ab8f5;
  color-scheme: dark;`;

export const INCIDENT_SHEET_CSS = `
.isheet { ${LIGHT}
  container-type: inline-size; container-name: isheet;
  background: var(--is-bg); color: var(--is-fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Noto Sans", "Noto Sans Arabic", sans-serif;
  border: 1px solid var(--is-border); border-radius: 8px; padding: 10px; box-sizing: border-box; max-width: 100%;
}
@media (prefers-color-scheme: dark) { .isheet:not([data-scheme="light"]) { ${DARK} } }
.isheet[data-scheme="dark"] { ${DARK} }
.isheet *, .isheet *::before, .isheet *::after { box-sizing: border-box; }
.isheet [hidden] { display: none !important; }
.isheet h2 { font-size: 1.05em; margin: 0 0 6px; }
.isheet .is-summary { margin: 0 0 8px; color: var(--is-muted); }
.isheet .is-bar { display: flex; flex-wrap: wrap; gap: 6px 8px; align-items: center; margin-bottom: 8px; }
.isheet .is-bar .is-grow { flex: 1 1 auto; }
.isheet button {
  font: inherit; color: var(--is-fg); background: var(--is-head); border: 1px solid var(--is-border);
  border-radius: 6px; padding: 4px 10px; min-height: 32px; cursor: pointer;
}
.isheet button.is-primary { background: var(--is-accent); color: var(--is-accent-fg); border-color: var(--is-accent); }
.isheet button:hover { filter: brightness(0.96); }
.isheet button.is-delete { color: var(--is-danger); padding: 2px 8px; }
.isheet label.is-switch { display: inline-flex; align-items: center; gap: 6px; cursor: pointer; min-height: 32px; }
.isheet label.is-switch input { width: 18px; height: 18px; margin: 0; accent-color: var(--is-accent); }
.isheet :focus-visible { outline: 2px solid var(--is-focus); outline-offset: 1px; }
.isheet .is-status { min-height: 1.45em; margin: 0 0 6px; color: var(--is-muted); }
.isheet .is-status button { margin-inline-start: 6px; min-height: 26px; padding: 1px 8px; }
.isheet .is-scroll { overflow-x: auto; border: 1px solid var(--is-border); border-radius: 6px; }
.isheet table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
.isheet th, .isheet td { border-bottom: 1px solid var(--is-border); padding: 3px 3px; vertical-align: top; text-align: start; }
.isheet th { background: var(--is-head); font-weight: 600; white-space: nowrap; padding: 6px 4px; }
.isheet tbody tr:last-child td { border-bottom: 0; }
.isheet td input, .isheet td textarea {
  font: inherit; color: var(--is-fg); background: var(--is-cell); border: 1px solid var(--is-cell-border);
  border-radius: 4px; padding: 3px 4px; width: 100%; min-width: 0; margin: 0;
}
.isheet td textarea { resize: vertical; min-height: 3.2em; display: block; }
.isheet td.is-edited input, .isheet td.is-edited textarea { background: var(--is-edited); border-color: var(--is-edited-line); box-shadow: inset 3px 0 var(--is-edited-line); }
/* Minimum widths that show a date, a coordinate and most names whole (13 px text); notes take the rest. */
.isheet :is(td, th)[data-col="event_date"] { min-width: 7.2em; }
.isheet :is(td, th)[data-col="actor1"], .isheet :is(td, th)[data-col="actor2"] { min-width: 9em; width: 13%; }
.isheet :is(td, th)[data-col="location"] { min-width: 7em; }
.isheet :is(td, th)[data-col="admin1"], .isheet :is(td, th)[data-col="admin2"] { min-width: 6.2em; }
.isheet :is(td, th)[data-col="country"] { min-width: 5.5em; }
.isheet :is(td, th)[data-col="latitude"], .isheet :is(td, th)[data-col="longitude"] { min-width: 6em; }
.isheet :is(td, th)[data-col="source"] { min-width: 6em; }
.isheet :is(td, th)[data-col="notes"] { min-width: 11em; width: 26%; }
.isheet :is(td, th)[data-col="offsets"] { display: none; font-size: 0.9em; color: var(--is-muted); word-break: break-word; }
.isheet td.is-actions { width: 1%; }
.isheet td.is-actions button { display: block; width: 100%; margin-bottom: 4px; min-height: 28px; padding: 2px 8px; }
.isheet .is-empty td { padding: 12px; color: var(--is-muted); }
.isheet .is-label { display: none; }
.isheet .is-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }

/* Narrow (a phone, the bookmarklet's panel): one card per row, a label beside each cell. */
@container isheet (max-width: 760px) {
  .isheet .is-scroll { overflow: visible; border: 0; }
  .isheet table { min-width: 0; }
  .isheet thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .isheet table, .isheet tbody, .isheet tr, .isheet td { display: block; width: auto !important; min-width: 0 !important; }
  .isheet tbody tr { border: 1px solid var(--is-border); border-radius: 6px; padding: 6px 8px; margin-bottom: 10px; }
  .isheet td { border: 0; padding: 2px 0; display: grid !important; grid-template-columns: 6.2em minmax(0, 1fr); gap: 6px; align-items: baseline; }
  .isheet .is-label { display: block; color: var(--is-muted); font-size: 0.88em; }
  .isheet td[data-col="offsets"] { display: grid !important; }
  .isheet td.is-actions { display: flex !important; justify-content: flex-end; gap: 8px; padding-top: 4px; }
  .isheet td.is-actions button { display: inline-block; width: auto; margin: 0; min-height: 32px; }
  .isheet .is-empty td { display: block !important; }
}
`;

/**
 * Adds the sheet's styles to `root` (a document or a shadow root) once: a constructed style sheet where
 * the browser has them, else a <style> element (for a shadow root whose page allows it).
 */
export function adoptIncidentSheetStyles(root = document) {
  const key = Symbol.for('sahel-tagger.incident-sheet-css');
  if (root[key]) return;
  root[key] = true;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(INCIDENT_SHEET_CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = (root.ownerDocument ?? root).createElement('style');
    style.textContent = INCIDENT_SHEET_CSS;
    (root.head ?? root).append(style);
  }
}
