// Reading the visited page's visible text into one string, and finding where an offset of that string
// lands in the page's text nodes.
//
// Skipped: script, style, form fields, templates, frames, media, SVG, editable content, the panel,
// elements that render nothing (checkVisibility: display:none, [hidden], closed <details>) and text
// under visibility:hidden. Kept: aria-hidden text (sighted readers see it). Text nodes of one block
// join as they are (<b>Niafu</b>nke is one word); a block boundary is "\n\n", which the core never
// matches across; <br> is "\n". On a re-tag, text already tagged stands as a boundary and is not sent
// again. "Article only": `S.only`, the article's elements (../../shared/article.js), when set, keeps
// only the text nodes whose parent is one of them.

const SKIP = new Set(
  'script style noscript textarea input select option template iframe frame object embed canvas video audio svg math head'.split(' ')
);

export const pause = () => new Promise((r) => setTimeout(r, 0));

/**
 * The page's visible text: `{t, nodes, starts, lens}`, the text nodes read and where each starts in
 * `t`. `S.host` (the panel), `S.markOf` (our own marks) and `S.seen` (text already tagged) say what to
 * pass over; `S.alive()` throws once the panel is closed (the walk yields to the page now and then).
 */
export async function walk(S) {
  const D = document;
  const nodes = [];
  const starts = [];
  const lens = [];
  const disp = new Map();
  const vis = new Map();
  const blockOf = new Map();
  let t = '';
  let brk = '';
  let last = null;
  const display = (e) => {
    let d = disp.get(e);
    if (d === undefined) disp.set(e, (d = getComputedStyle(e).display));
    return d;
  };
  const block = (e) => {
    const start = e;
    let b = blockOf.get(e);
    if (b) return b;
    while (e && e !== D.body) {
      const d = display(e);
      if (d !== 'inline' && d !== 'contents') break;
      e = e.parentElement;
    }
    b = e || D.body;
    blockOf.set(start, b);
    return b;
  };
  const tw = D.createTreeWalker(D.body, 5, {
    acceptNode(n) {
      if (n.nodeType === 3) return n.data && (!S.only || S.only.has(n.parentNode)) ? 1 : 3;
      if (n === S.host || SKIP.has(n.localName) || S.markOf.has(n) || n.isContentEditable) return 2;
      if (n.checkVisibility ? !n.checkVisibility() && display(n) !== 'contents' : display(n) === 'none') return 2;
      return n.localName === 'br' ? 1 : 3;
    },
  });
  let n;
  let k = 0;
  let t0 = performance.now();
  while ((n = tw.nextNode())) {
    if (++k % 256 === 0 && performance.now() - t0 > 12) {
      await pause();
      S.alive();
      t0 = performance.now();
    }
    if (n.nodeType === 1) {
      brk = brk || '\n';
      continue;
    }
    if (S.seen.has(n)) {
      brk = '\n\n';
      continue;
    }
    const p = n.parentElement;
    if (!p) continue;
    let v = vis.get(p);
    if (v === undefined) vis.set(p, (v = getComputedStyle(p).visibility === 'visible'));
    if (!v) continue;
    const b = block(p);
    if (t) t += b !== last ? '\n\n' : brk;
    brk = '';
    last = b;
    nodes.push(n);
    starts.push(t.length);
    lens.push(n.length);
    t += n.data;
  }
  return { t, nodes, starts, lens };
}

/**
 * The chunks to tag the walked text `w` in, `[[from, to], ...]`, in the order to tag them. Chunks are
 * about `size` characters and end at a break between segments (a block or a line break, which no name
 * spans), or anywhere once twice as long without one: each is tagged as a text of its own, so where
 * they end never depends on the reader. The order does: the chunk that holds offset `view` (the text on
 * screen) comes first, so that what the reader sees is highlighted before the rest, then the chunks
 * after it, then those before it.
 */
export function plan(w, size, view = 0) {
  const st = w.starts;
  const cuts = [];
  let a = 0;
  for (let i = 1; i < st.length; i++) {
    const gap = st[i] > st[i - 1] + w.lens[i - 1];
    if (st[i] - a >= size && (gap || st[i] - a >= 2 * size)) {
      cuts.push([a, st[i]]);
      a = st[i];
    }
  }
  if (w.t.length > a) cuts.push([a, w.t.length]);
  const k = cuts.findIndex(([from, to]) => from <= view && view < to);
  return k > 0 ? [...cuts.slice(k), ...cuts.slice(0, k)] : cuts;
}

/**
 * Where offset `o` of the tagged text lands: `[text node, offset in it, segment index]`, or null.
 * Segments are parallel arrays: `SN` text nodes, `SS` their starts in the text, `SL` their lengths.
 * An `end` offset may sit at the very end of a segment; a start may not.
 */
export function locate({ SN, SS, SL }, o, end) {
  let lo = 0;
  let hi = SS.length - 1;
  let j = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (end ? SS[mid] < o : SS[mid] <= o) {
      j = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (j < 0) return null;
  const d = o - SS[j];
  if ((end ? d > SL[j] : d >= SL[j]) || d > SN[j].length) return null;
  return [SN[j], d, j];
}

/** The mention of `M` (sorted, not overlapping) that covers offset `o`, or null. */
export function mentionAt(M, o) {
  let lo = 0;
  let hi = M.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (M[mid].e <= o) lo = mid + 1;
    else if (M[mid].s > o) hi = mid - 1;
    else return M[mid];
  }
  return null;
}
