// Offers the bookmarklet on the tagger page: `installBookmarklet(anchor)` sets the link's `href` to the
// `javascript:` code built for the origin that served the page, and its label.
//
// The code is inline.js's function, serialized: whole-line comments and indentation dropped, then
// only the characters a URL would lose or misread percent-encoded (%, line breaks, tabs). Firefox caps a
// bookmark at 65,536 characters; the end-to-end tests measure the href against that.
import { sahelBookmarklet } from './inline.js';

export const BOOKMARKLET_LABEL = 'Sahel Tagger';
export const BOOKMARKLET_USAGE =
  'Drag this link to your bookmarks bar, then click it on a news page to highlight the entities it names.';
/** Firefox's cap on a bookmark's URL. */
export const MAX_HREF = 65536;

/** The JavaScript the bookmarklet runs, for a tagger served at `origin`. */
export function bookmarkletCode(origin) {
  const source = sahelBookmarklet
    .toString()
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('//'))
    .join('\n');
  return `void (${source})(${JSON.stringify(String(origin))});`;
}

/** The bookmarklet's `javascript:` URL for a tagger served at `origin`. */
export function bookmarkletHref(origin) {
  return 'javascript:' + bookmarkletCode(origin).replace(/[%\n\r\t]/g, (c) => encodeURIComponent(c));
}

/**
 * Makes `anchor` the bookmarklet for this page's origin (or `origin`). Clicking it on the tagger page
 * itself only explains what to do with it. Returns the href.
 */
export function installBookmarklet(anchor, { origin = location.origin, label = BOOKMARKLET_LABEL } = {}) {
  const href = bookmarkletHref(origin);
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
