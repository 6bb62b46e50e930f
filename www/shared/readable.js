// The Readability side of "Article only" (see article.js): given a numbered copy of a page, the
// numbers of its article's elements, with Readability's title, byline and publication time. Used by
// the bookmarklet's helper page (bookmarklet/remote.js, in the tagger's origin) and by the page for
// opened .html files. Readability is vendored as an ES module (`make vendor`, tools/vendor.mjs).
import { Readability, isProbablyReaderable } from '../vendor/readability.js';
import { ATTR } from './article.js';

/** Past this many elements Readability is not run (it would take seconds): the whole page is tagged. */
export const MAX_ELEMENTS = 60000;

/** Letters and digits only: a headline and the title match whatever their quotes, dashes and spaces. */
const norm = (s) => (s || '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const nums = (e) => [e, ...e.querySelectorAll('[' + ATTR + ']')].map((x) => +x.getAttribute(ATTR)).filter((k) => k > 0);

/**
 * `doc`: a document whose elements carry their numbers (an inert one: Readability changes it).
 * Resolves to `{ok: true, ids, title, byline, published, site}` or `{ok: false, why}`.
 */
export function findArticle(doc) {
  const n = doc.getElementsByTagName('*').length;
  if (n > MAX_ELEMENTS) return { ok: false, why: 'the page is too large to look for its article' };
  if (!isProbablyReaderable(doc)) return { ok: false, why: 'no article found on this page' };
  // Readability leaves out the headline (it gives it as the title): kept here when it says the title.
  const heads = [...doc.querySelectorAll('h1, h2')].slice(0, 20).map((h) => [norm(h.textContent), nums(h)]);
  let art = null;
  try {
    art = new Readability(doc, { serializer: (el) => el }).parse();
  } catch (e) {
    return { ok: false, why: 'no article found (' + ((e && e.message) || e) + ')' };
  }
  if (!art || !art.content) return { ok: false, why: 'no article found on this page' };
  const ids = nums(art.content);
  if (!ids.length) return { ok: false, why: 'no article found on this page' };
  const t = norm(art.title);
  const head = t && heads.find(([x]) => x.length > 3 && (x === t || t.includes(x) || x.includes(t)));
  if (head) for (const k of head[1]) if (!ids.includes(k)) ids.push(k);
  return { ok: true, ids, title: art.title || null, byline: art.byline || null, published: art.publishedTime || null, site: art.siteName || null };
}

/** The same from a numbered page's HTML (article.js `numbered`). */
export function findArticleIn(html) {
  return findArticle(new DOMParser().parseFromString(html, 'text/html'));
}
