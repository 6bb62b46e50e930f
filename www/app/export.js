// Exports of the mentions shown: JSON, CSV (RFC 4180 quoting, guarded against spreadsheet formula
// injection) and the highlighted text as HTML for the clipboard, serialized from nodes built here.
import { contextSnippet, POSSIBLE, TYPE_BY_ID, typeLabel } from './model.js';

/**
 * The mentions of `result` that `keep(i)` accepts, as export records. `start`/`end` count Unicode code
 * points, like the CLI's output (Python's `text[start:end]` is the surface); `utf16Start`/`utf16End`
 * are JavaScript string indices (`text.slice(utf16Start, utf16End)`). They differ only after characters
 * outside the Basic Multilingual Plane (emoji, some symbols).
 */
export function records(result, keep = () => true) {
  const out = [];
  const { text } = result;
  // Code point offsets in one forward pass (mentions are sorted).
  let u16 = 0;
  let cp = 0;
  const advance = (to) => {
    for (; u16 < to; u16++, cp++) {
      const c = text.charCodeAt(u16);
      if (c >= 0xd800 && c <= 0xdbff && u16 + 1 < text.length) {
        const d = text.charCodeAt(u16 + 1);
        if (d >= 0xdc00 && d <= 0xdfff) u16++;
      }
    }
    return cp;
  };
  for (let i = 0; i < result.n; i++) {
    if (!keep(i)) continue;
    const m = result.mention(i);
    const start = advance(m.start);
    const end = advance(m.end);
    out.push({
      id: m.id,
      name: m.name,
      type: m.type,
      subtype: m.subtype,
      surface: m.surface,
      start,
      end,
      utf16Start: m.start,
      utf16End: m.end,
      context: contextSnippet(text, m.start, m.end),
      variant: m.variant,
      match: m.match,
      possible: m.possible,
      ambiguous: m.ambiguous,
      candidates: m.candidates,
    });
  }
  return out;
}

export function toJson(rows) {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

export const CSV_COLUMNS = ['id', 'name', 'type', 'subtype', 'surface', 'start', 'end', 'context', 'variant', 'match', 'possible', 'ambiguous', 'candidates', 'utf16Start', 'utf16End'];

/**
 * A cell a spreadsheet would run as a formula (CSV injection): one starting with = + - @, a tab or a
 * carriage return, also behind invisible characters (a byte-order mark, zero-width or other spaces).
 * Leading apostrophes are looked through, so that the guard can be undone exactly (see defuseFormula).
 */
const FORMULA = /^'*(?:[\t\r]|[\s\u0085\u200b-\u200d\u2060\ufeff]*[=+\-@])/;

/**
 * The text of a spreadsheet cell, defused: an apostrophe before anything FORMULA matches, which
 * spreadsheets show as text (and hide). Every export of text cells goes through this one function:
 * the CSV of mentions and the TSV of the user's entries (whose reader, src/gazetteer/tsv.rs, removes
 * that one apostrophe again, so a downloaded TSV imports back unchanged).
 */
export function defuseFormula(s) {
  return FORMULA.test(s) ? `'${s}` : s;
}

/** One CSV cell: numbers as they are; text quoted when needed and defused if it could be a formula. */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = defuseFormula(Array.isArray(value) ? value.join(' ') : String(value));
  if (/[",\r\n]/.test(s) || s !== s.trim()) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/**
 * A generated TSV layer (the worker's `exportTsv`) made safe to open in a spreadsheet: every text cell
 * of every entity line defused; numbers (coordinates, GeoNames ids), the header and comment lines as
 * they are.
 */
export function defuseTsv(text) {
  return text
    .split('\n')
    .map((line, k) => (k === 0 || line.startsWith('#') ? line : line.split('\t').map((cell) => (/^[+-]?\d+(\.\d+)?$/.test(cell) ? cell : defuseFormula(cell))).join('\t')))
    .join('\n');
}

/** CSV with a header row, CRLF line ends and a byte-order mark (spreadsheets then read UTF-8). */
export function toCsv(rows) {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Inline colours for the copied HTML (a mail or word processor has no access to the page's CSS). */
const PASTE_COLOURS = {
  armed_group: '#f6d5bb',
  force: '#bfdcf0',
  place: '#bde8da',
  person: '#f3d9e8',
  media: '#fae6b8',
  organization: '#d3ebfa',
};

/**
 * The highlighted text as an HTML string plus its plain-text version. The nodes are created in an
 * inert document and serialized by the browser, which escapes every text and attribute value.
 */
export function highlightedHtml(result, keep = () => true) {
  const doc = document.implementation.createHTMLDocument('');
  const root = doc.createElement('div');
  root.style.whiteSpace = 'pre-wrap';
  root.style.unicodeBidi = 'plaintext';
  const { text } = result;
  let pos = 0;
  for (let i = 0; i < result.n; i++) {
    if (!keep(i)) continue;
    const start = result.start(i);
    const end = result.end(i);
    if (start < pos) continue;
    if (start > pos) root.append(doc.createTextNode(text.slice(pos, start)));
    const entity = result.entity(i);
    const mark = doc.createElement('mark');
    mark.setAttribute('data-entity', entity.id);
    mark.setAttribute('data-type', entity.type);
    mark.setAttribute('title', `${entity.name} (${typeLabel(entity.type)}${entity.subtype ? `, ${entity.subtype}` : ''})`);
    mark.style.backgroundColor = PASTE_COLOURS[entity.type] || '#eeeeee';
    mark.style.color = '#111111';
    if (result.flags(i) & POSSIBLE) mark.style.borderBottom = '1px dashed #555555';
    mark.append(doc.createTextNode(text.slice(start, end)));
    root.append(mark);
    pos = end;
  }
  if (pos < text.length) root.append(doc.createTextNode(text.slice(pos)));
  const legend = doc.createElement('p');
  legend.style.fontSize = '0.85em';
  legend.style.color = '#555555';
  legend.append(doc.createTextNode('Highlighted by Sahel Tagger: '));
  const used = new Set();
  for (let i = 0; i < result.n; i++) if (keep(i)) used.add(result.entity(i).type);
  let first = true;
  for (const [type, colour] of Object.entries(PASTE_COLOURS)) {
    if (!used.has(type)) continue;
    if (!first) legend.append(doc.createTextNode(' '));
    first = false;
    const key = doc.createElement('mark');
    key.style.backgroundColor = colour;
    key.style.color = '#111111';
    key.append(doc.createTextNode(TYPE_BY_ID.get(type)?.plural ?? type));
    legend.append(key);
  }
  const wrapper = doc.createElement('div');
  wrapper.append(root, legend);
  return { html: wrapper.outerHTML, plain: text };
}

/**
 * Copies HTML with a plain-text alternative. Must be called from a user gesture (a click). First
 * through a `copy` event (the HTML goes to the clipboard exactly as serialized), then through the
 * asynchronous Clipboard API, then as plain text. Resolves to 'html' or 'text'.
 */
export async function copyHtml(html, plain) {
  let copied = false;
  const onCopy = (event) => {
    event.preventDefault();
    event.clipboardData.setData('text/html', html);
    event.clipboardData.setData('text/plain', plain);
    copied = true;
  };
  document.addEventListener('copy', onCopy, { capture: true });
  try {
    copied = document.execCommand('copy') && copied;
  } catch {
    copied = false;
  } finally {
    document.removeEventListener('copy', onCopy, { capture: true });
  }
  if (copied) return 'html';
  if (navigator.clipboard && typeof ClipboardItem !== 'undefined') {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([plain], { type: 'text/plain' }),
        }),
      ]);
      return 'html';
    } catch {
      // Fall through to plain text.
    }
  }
  await navigator.clipboard.writeText(plain);
  return 'text';
}
