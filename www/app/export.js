// The page's own exports: the highlighted text as HTML for the clipboard, serialized from nodes built
// here, and the user's entries as a TSV safe to open in a spreadsheet. The mentions' JSON and CSV are
// ../shared/mentions.js (the bookmarklet writes the same).
import { POSSIBLE, TYPE_BY_ID, typeLabel } from './model.js';
import { defuseFormula } from '../shared/mentions.js';

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
