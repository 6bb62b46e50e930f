// The floor under page highlighting, for comparison with the bookmarklet (bench/chromium.mjs): the
// least a highlighter built on our package must do on a page, in the page's main thread, written for
// the benchmark (it is NOT the bookmarklet's code): walk the text nodes under <body> into one string
// (no visibility checks), one `tagSpans` call, one StaticRange per mention, one Highlight per entity
// type registered once; then wait for the next frame, which paints them.
//
// Imported cross-origin by the news page from the tagger origin (CORS), as the bookmarklet's
// in-page engine is.
import init, { Tagger } from '/pkg/sahel_tagger.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea']);
let tagger = null;
let types = null;

/** Instantiates the package and builds the gazetteer (the default one, or names from `namesUrl`). */
export async function start(namesUrl) {
  const t0 = performance.now();
  await init({ module_or_path: new URL('/pkg/sahel_tagger_bg.wasm', import.meta.url) });
  const t1 = performance.now();
  tagger = namesUrl
    ? Tagger.fromSources([{ name: 'names.tsv', text: await (await fetch(new URL(namesUrl, import.meta.url))).text() }], false)
    : new Tagger();
  const t2 = performance.now();
  types = tagger.entities().map((e) => e.type);
  return { instantiate_ms: t1 - t0, build_ms: t2 - t1 };
}

/** Highlights every mention in the page; times each step from the start of the walk. */
export async function highlight() {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (SKIP.has(n.parentNode.localName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  const starts = [];
  let text = '';
  let last = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (text && n.parentNode !== last) text += '\n\n';
    last = n.parentNode;
    nodes.push(n);
    starts.push(text.length);
    text += n.data;
  }
  const t1 = performance.now();
  const spans = tagger.tagSpans(text);
  const t2 = performance.now();
  const highlights = new Map();
  let j = 0;
  for (let i = 0; i < spans.length; i += 4) {
    const s = spans[i];
    const e = spans[i + 1];
    while (j + 1 < nodes.length && starts[j + 1] <= s) j++;
    let k = j;
    while (k + 1 < nodes.length && starts[k + 1] < e) k++;
    const range = new StaticRange({
      startContainer: nodes[j],
      startOffset: s - starts[j],
      endContainer: nodes[k],
      endOffset: Math.min(e - starts[k], nodes[k].length),
    });
    const type = types[spans[i + 2]];
    let h = highlights.get(type);
    if (!h) highlights.set(type, (h = new Highlight()));
    h.add(range);
  }
  for (const [type, h] of highlights) CSS.highlights.set(`bench-${type}`, h);
  const t3 = performance.now();
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const t4 = performance.now();
  return { walk_ms: t1 - t0, tag_ms: t2 - t1, ranges_ms: t3 - t2, registered_ms: t3 - t0, painted_ms: t4 - t0, mentions: spans.length / 4, chars: text.length };
}
