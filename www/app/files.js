// Reading dropped or opened files: charset detection, and the visible text of an HTML page. HTML is
// parsed with DOMParser into an inert document (scripts never run, images never load) and walked by
// hand, so nothing of it is ever inserted into the page. By default only the article's text is read
// (`readHtml`): Readability finds it on a numbered copy (../shared/article.js, readable.js), as for
// the bookmarklet, and the document's title, URL and date are read with ../shared/docmeta.js.
import { numbered, articleSet } from '../shared/article.js';
import { docMeta } from '../shared/docmeta.js';

/** Past this size Readability is not run on an opened page (it would block the page for long). */
const ARTICLE_MAX = 10 * 1024 * 1024;

/** Decodes a file: BOM, then strict UTF-8, then the charset an HTML page declares, then windows-1252. */
export async function readText(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
    const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
    if (declared) {
      try {
        return new TextDecoder(declared).decode(bytes);
      } catch {
        // Unknown label: fall back below.
      }
    }
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function extension(name) {
  const match = /\.([a-z0-9]+)$/i.exec(name || '');
  return match ? match[1].toLowerCase() : '';
}

export function isHtmlFile(file) {
  return ['html', 'htm', 'xhtml'].includes(extension(file.name)) || /html/.test(file.type);
}

export function isGazetteerFile(file) {
  return ['toml', 'jsonl', 'json', 'tsv'].includes(extension(file.name));
}

/** Elements whose content is never visible text. */
const SKIP = new Set([
  'HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'META', 'LINK', 'BASE', 'SVG', 'MATH', 'CANVAS',
  'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'AUDIO', 'VIDEO', 'SOURCE', 'TRACK', 'PICTURE', 'IMG',
  'MAP', 'AREA', 'INPUT', 'SELECT', 'OPTION', 'TEXTAREA', 'BUTTON', 'DATALIST', 'DIALOG', 'SLOT',
]);

/** Elements that end a paragraph (blank line) or a line. */
const PARAGRAPH = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TABLE', 'UL', 'OL', 'DL', 'FIGURE', 'ARTICLE', 'SECTION', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'MAIN', 'ADDRESS', 'HR', 'FORM', 'FIELDSET', 'DETAILS']);
const LINE = new Set(['DIV', 'LI', 'DT', 'DD', 'TR', 'FIGCAPTION', 'CAPTION', 'SUMMARY', 'LEGEND', 'CENTER', 'OPTGROUP']);
const CELL = new Set(['TD', 'TH']);

function isHidden(el) {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden|content-visibility\s*:\s*hidden)/i.test(style)) return true;
  return false;
}

/** The text a reader of `html` sees, with paragraphs as blank lines. */
export function htmlToText(html) {
  return textOf(new DOMParser().parseFromString(html, 'text/html'));
}

/**
 * An HTML page's text: `{text, doc, article, why}`. With `article` (the default), only the text of
 * the article Readability finds (`article` true in the answer); else, or when none is found (`why`
 * says so), the whole page's. `doc` is `{title, url, date}` (docmeta.js).
 */
export async function readHtml(html, { article = true } = {}) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  let keep = null;
  let found = null;
  let why = '';
  if (article) {
    if (html.length > ARTICLE_MAX) why = 'the page is too large to look for its article';
    else {
      try {
        // Loaded when first needed: the page works without the vendored module (make vendor).
        const { findArticleIn } = await import('../shared/readable.js');
        const { html: copy, els } = numbered(doc);
        const r = findArticleIn(copy);
        if (r.ok) keep = articleSet(els, r.ids);
        if (keep) found = { title: r.title, date: r.published };
        else why = r.why || 'no article found';
      } catch (err) {
        why = `the article could not be looked for (${err.message || err})`;
      }
    }
  }
  return { text: textOf(doc, keep), doc: docMeta(doc, { found, article: keep }), article: Boolean(keep), why };
}

/** The visible text of a parsed page; with `keep` (a Set of elements), only text whose parent is one. */
function textOf(doc, keep = null) {
  const out = [];
  // Pending break before the next text: 0 none, 1 line, 2 paragraph.
  let pending = 0;
  let atStart = true;

  function text(s, pre) {
    let t = pre ? s : s.replace(/[\t\n\r\f ]+/g, ' ');
    if (!pre && (pending || atStart || /[ \n]$/.test(out.at(-1) || ''))) t = t.replace(/^ /, '');
    if (!t) return;
    if (!atStart && pending) out.push(pending === 2 ? '\n\n' : '\n');
    if (pending && out.length && / $/.test(out.at(-1))) out[out.length - 1] = out.at(-1).replace(/ +$/, '');
    pending = 0;
    atStart = false;
    out.push(t);
  }
  function brk(level) {
    pending = Math.max(pending, level);
  }
  function walk(node, pre) {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE || child.nodeType === Node.CDATA_SECTION_NODE) {
        if (!keep || keep.has(node)) text(child.data, pre);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = child.tagName.toUpperCase();
        if (SKIP.has(tag) || isHidden(child)) continue;
        if (tag === 'BR') {
          if (keep && !keep.has(node)) continue;
          if (!atStart) out.push('\n');
          if (out.length && / \n$/.test(out.at(-1))) out[out.length - 1] = out.at(-1).replace(/ +\n$/, '\n');
          continue;
        }
        const level = PARAGRAPH.has(tag) ? 2 : LINE.has(tag) ? 1 : 0;
        if (level) brk(level);
        if (CELL.has(tag) && !pending && out.length) text(' ', true);
        walk(child, pre || tag === 'PRE' || tag === 'TEXTAREA');
        if (level) brk(level);
      }
    }
  }
  walk(doc.body || doc.documentElement, false);
  return out
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
