// "Article only": which elements of a page make its article, found by Mozilla's Readability
// (readable.js) on a copy of the page, mapped back to the page's own elements by number.
//
// The page's elements are numbered in document order; the copy carries each number as a
// `data-sahel-n` attribute. Readability moves, re-tags and removes elements of the copy, but keeps
// every attribute but class and a few presentational ones (an element it re-tags, a <div> made a
// <p>, copies all its attributes), so the numbers left in its article are the page's elements that
// make it: the top candidate, the siblings it kept, and everything in them it did not clean away
// (share bars, "related" lists, forms, asides). A text node of the page is article text when its
// parent element is one of them. Text nodes Readability wraps in new elements (phrasing content of a
// <div>, runs of <br>) keep their numbered parent.
//
// This module is bundled into the bookmarklet (it stays small, and without Readability: the
// bookmarklet sends the numbered copy to its helper page, which runs readable.js); the page uses it
// on the DOMParser document of an opened .html file.

export const ATTR = 'data-sahel-n';

/** Elements whose content is no text of the article (ld+json scripts are kept: they hold metadata). */
const DROP = /^(script|style|noscript|template|iframe|frame|object|embed|canvas|video|audio|svg|math|link|sahel-tagger-ui)$/;
const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/;
const esc = (s, q) => s.replace(q ? /[&"]/g : /[&<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]);

/**
 * A copy of `doc` as HTML, every element numbered (its index in the returned `els`, the elements of
 * `doc` in document order). Written out by hand, not cloned: a clone would run the page's custom
 * element constructors. Scripts (but JSON-LD), styles, frames and media are left out; so is `skip`.
 */
export function numbered(doc, skip) {
  const els = [];
  const out = [];
  const put = (e, depth) => {
    const n = e.localName;
    if (e === skip || depth > 400 || (DROP.test(n) && !(n === 'script' && /ld\+json/i.test(e.type)))) return;
    out.push('<' + n);
    for (const a of e.attributes) {
      if (a.name === ATTR || !/^[^\s"'<>/=]+$/.test(a.name)) continue;
      out.push(' ' + a.name + '="' + esc(/^href$/.test(a.name) && /^\s*javascript:/i.test(a.value) ? '#' : a.value, 1) + '"');
    }
    out.push(' ' + ATTR + '="' + els.push(e) + '">');
    if (VOID.test(n)) return;
    for (let c = e.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) put(c, depth + 1);
      else if (c.nodeType === 3) out.push(n === 'script' ? c.data.replace(/<\//g, '<\\/') : esc(c.data));
    }
    out.push('</' + n + '>');
  };
  put(doc.documentElement, 0);
  // Numbers start at 1 (push returns the new length): element k is els[k - 1].
  els.unshift(null);
  return { html: '<!doctype html>' + out.join(''), els };
}

/**
 * The elements of `els` (from `numbered`) that make the article, given Readability's answer
 * (`ids`, their numbers), as a Set; null when there are none.
 */
export function articleSet(els, ids) {
  const set = new Set();
  for (const k of ids || []) if (els[k]) set.add(els[k]);
  return set.size ? set : null;
}
