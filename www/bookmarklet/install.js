// Offers the bookmarklet on the tagger page: `installBookmarklet(anchor)` sets the link's `href` to the
// `javascript:` code built for the origin that served the page, and its label.
//
// The code is the bundle `make bookmarklet` builds from src/ (bundle.js: esbuild's minified, ASCII-only
// IIFE), called with the origin; only the characters a URL would lose or misread are percent-encoded
// (%, line breaks, tabs). Firefox caps a bookmark at 65,536 characters; the end-to-end tests measure the
// href against that.
import { CODE } from './bundle.js';

export const BOOKMARKLET_LABEL = 'Sahel Tagger';
export const BOOKMARKLET_USAGE =
  'Drag this link to your bookmarks bar, then click it on a news page to highlight the entities it names.';
/** Firefox's cap on a bookmark's URL. */
export const MAX_HREF = 65536;

/**
 * The JavaScript the bookmarklet runs, for a tagger served at `origin`, carrying the user's gazetteer
 * sources `sources` ([{name, text}]: their entries and "never" rules). Carried inside, because on the
 * visited page the tagger runs in the tagger site's frame, whose storage browsers partition by the
 * site visited (and Safari and Firefox's strict mode block): the page's IndexedDB is out of its reach.
 */
export function bookmarkletCode(origin, sources = []) {
  // In a function, so that the bundle's `var sahelBookmarklet` never becomes a global of the page.
  // The sources as JSON in ASCII (\u escapes): the URL needs no encoding of them but %.
  const origin_ = JSON.stringify(String(origin));
  if (!sources.length) return `void function(ORIGIN){${CODE}sahelBookmarklet.start(ORIGIN)}(${origin_});`;
  const carried = asciiJson(sources.map(({ name, text }) => ({ name: String(name), text: String(text) })));
  return `void function(ORIGIN,SOURCES){${CODE}sahelBookmarklet.start(ORIGIN,SOURCES)}(${origin_},${carried});`;
}

/** JSON with every character outside printable ASCII escaped (\uXXXX): a URL carries it unchanged. */
function asciiJson(value) {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The bookmarklet's `javascript:` URL for a tagger served at `origin`, carrying `sources`. */
export function bookmarkletHref(origin, sources = []) {
  return 'javascript:' + bookmarkletCode(origin, sources).replace(/[%\n\r\t]/g, (c) => encodeURIComponent(c));
}

/**
 * Makes `anchor` the bookmarklet for this page's origin (or `origin`). Clicking it on the tagger page
 * itself only explains what to do with it. Returns the href.
 */
export function installBookmarklet(anchor, { origin = location.origin, label = BOOKMARKLET_LABEL, sources = [] } = {}) {
  const href = bookmarkletHref(origin, sources);
  anchor.href = href;
  anchor.textContent = label;
  anchor.title = BOOKMARKLET_USAGE;
  anchor.draggable = true;
  if (!anchor.dataset.bookmarkletInstalled) {
    anchor.dataset.bookmarkletInstalled = 'true';
    let timer = 0;
    anchor.addEventListener('click', (e) => {
      e.preventDefault();
      anchor.textContent = 'Drag me to your bookmarks bar';
      clearTimeout(timer);
      timer = setTimeout(() => (anchor.textContent = label), 2500);
    });
  }
  return href;
}
