// The JavaScript peers: what a developer would otherwise reach for to find thousands of names in text.
// Runs unchanged in Node.js (bench/peer-child.mjs) and in a Chromium worker (bench/page/worker.js).
//
// Same semantics as our core as far as each allows: case- and accent-insensitive, whole words,
// leftmost-longest. None of the peers folds accents, so every peer is given the names and the text
// already folded by our core (`sahel_tagger::fold::fold`, written by examples/bench_native.rs); the
// time to fold is not counted for them (bench/README.md gives the cost of a JavaScript fold).
// "Whole word" is: no letter or digit (\p{L}, \p{N}) just before the start or just after the end.
//
// Each peer is `{ label, how, build(patterns, libs) -> matcher, search(matcher, text) -> count }`:
// `search` returns the number of matches it selected, after the same boundary and overlap rules.
// A peer with `input: 'original'` gets the names as written and the original text instead, and folds
// them itself (in JavaScript).

// The characters a RegExp with the 'u' flag needs escaped ('-' must not be, outside a class).
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const longestFirst = (patterns) => [...patterns].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

/** 1 for the UTF-16 code units that are letters or digits (\p{L}, \p{N}); surrogates count as 0. */
export function wordTable() {
  const table = new Uint8Array(65536);
  const re = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 65536; c++) {
    if (c < 0xd800 || c > 0xdfff) table[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return table;
}

/**
 * The glue an automaton library that reports every overlapping occurrence needs for our semantics:
 * keep the occurrences on word boundaries, then resolve overlaps leftmost-longest. `starts`/`ends`
 * are UTF-16 offsets (end exclusive), `n` how many. Returns the number of matches kept.
 */
export function boundedLeftmostLongest(text, starts, ends, n, isWord) {
  const len = text.length;
  const keep = [];
  for (let i = 0; i < n; i++) {
    const s = starts[i];
    const e = ends[i];
    if (s > 0 && isWord[text.charCodeAt(s - 1)]) continue;
    if (e < len && isWord[text.charCodeAt(e)]) continue;
    keep.push(i);
  }
  keep.sort((a, b) => starts[a] - starts[b] || ends[b] - ends[a]);
  let count = 0;
  let last = 0;
  for (const i of keep) {
    if (starts[i] >= last) {
      count++;
      last = ends[i];
    }
  }
  return count;
}

/** One big alternation, longest names first (so the first alternative that matches is the longest). */
function regexpPeer(flags) {
  return {
    label: `RegExp alternation ('${flags}')`,
    how:
      `one RegExp (?<![\\p{L}\\p{N}])(?:name|...)(?![\\p{L}\\p{N}]) with flags '${flags}', names sorted longest first; ` +
      (flags.includes('i') ? 'case-insensitive itself; ' : "no 'i': the text is folded already; ") +
      'folded text and names; build = construct + first exec (compiles the pattern)',
    build(patterns) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${longestFirst(patterns).map(escape).join('|')})(?![\\p{L}\\p{N}])`, flags);
      re.exec('x');
      return re;
    },
    search(re, text) {
      let n = 0;
      re.lastIndex = 0;
      while (re.exec(text) !== null) n++;
      return n;
    },
  };
}

/** A JavaScript accent and case fold: what a peer would add to be accent-insensitive on its own. */
export const jsFold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const gu = regexpPeer('gu');

export const PEERS = {
  'regexp-giu': regexpPeer('giu'),
  'regexp-gu': gu,
  'jsfold-regexp-gu': {
    label: "JS fold + RegExp ('gu')",
    input: 'original',
    how:
      "folds the original text itself (text.normalize('NFD').replace(/\\p{M}/gu, '').toLowerCase(), timed), then the 'gu' RegExp " +
      'over names folded the same way; matches are offsets into the folded copy (NFD changes lengths: a highlighter would still ' +
      'need a map back to the original, not done here); no Arabic letter-form folding',
    build(patterns) {
      return gu.build([...new Set(patterns.map(jsFold))].filter(Boolean));
    },
    search(re, text) {
      return gu.search(re, jsFold(text));
    },
  },
  'modern-ahocorasick': {
    label: 'modern-ahocorasick 3.3 (/fast)',
    how:
      "new AhoCorasick(names, {boundary: 'unicode'}) from modern-ahocorasick/fast (double-array backend), " +
      "search(text, {strategy: 'leftmost-longest'}); its own whole-word and overlap rules; folded text and names",
    build(patterns, libs) {
      return new libs.ModernAhoCorasick(patterns, { boundary: 'unicode' });
    },
    search(ac, text) {
      return ac.search(text, { strategy: 'leftmost-longest' }).length;
    },
  },
  ahocorasick: {
    label: 'ahocorasick 1.0 (npm)',
    how:
      'new AhoCorasick(names).search(text) reports every overlapping occurrence by end position; ' +
      'boundaries and leftmost-longest are added in JavaScript (boundedLeftmostLongest, timed with it); folded text and names',
    build(patterns, libs) {
      return { ac: new libs.AhoCorasick(patterns), isWord: wordTable() };
    },
    search({ ac, isWord }, text) {
      const found = ac.search(text);
      let n = 0;
      for (const [, words] of found) n += words.length;
      const starts = new Int32Array(n);
      const ends = new Int32Array(n);
      let k = 0;
      for (const [last, words] of found) {
        for (const w of words) {
          starts[k] = last + 1 - w.length;
          ends[k++] = last + 1;
        }
      }
      return boundedLeftmostLongest(text, starts, ends, n, isWord);
    },
  },
};

/** The order of the report. */
export const PEER_ORDER = ['regexp-gu', 'regexp-giu', 'jsfold-regexp-gu', 'modern-ahocorasick', 'ahocorasick'];
