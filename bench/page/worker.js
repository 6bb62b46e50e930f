// One throughput contender in a Chromium worker (started by main.js's runWorker): our package's
// `tag()` and `tagSpans()`, or a JavaScript peer (bench/lib/peers.mjs) on the folded text. Posts
// {event: 'build', ms}, {event: 'run', kind, warmup, ms, matches} ..., then {event: 'done'}.
import { PEERS } from '/bench/lib/peers.mjs';

const say = (event) => postMessage(event);
const fetchText = async (url) => (await fetch(url)).text();

async function ours({ scale, runs }) {
  const glue = await import('/pkg/sahel_tagger.js');
  await glue.default({ module_or_path: '/pkg/sahel_tagger_bg.wasm' });
  const layer = scale.layer ? await fetchText(scale.layerUrl) : null;
  const text = await fetchText(`/bench/inputs/${scale.text}`);
  let t = performance.now();
  const tagger = layer ? glue.Tagger.fromSources([{ name: scale.layer, text: layer, tier: 'extended' }], true) : new glue.Tagger();
  say({ event: 'build', ms: performance.now() - t, chars: text.length });
  for (const kind of ['tag', 'tagSpans']) {
    for (let i = 0; i <= runs; i++) {
      t = performance.now();
      // `unlisted: false`: the work native `tag()` and `tagSpans()` do (see bench/node.mjs).
      const matches = kind === 'tag' ? tagger.tag(text, { unlisted: false }).length : tagger.tagSpans(text).length / 4;
      say({ event: 'run', kind, warmup: i === 0, ms: performance.now() - t, matches });
    }
  }
  // The string copy into linear memory that every call starts with (the glue uses encodeInto).
  const buffer = new Uint8Array(text.length * 3);
  const encoder = new TextEncoder();
  for (let i = 0; i <= runs; i++) {
    t = performance.now();
    const written = encoder.encodeInto(text, buffer).written;
    say({ event: 'run', kind: 'encodeInto', warmup: i === 0, ms: performance.now() - t, matches: written });
  }
  tagger.free();
}

async function peer({ peer: name, scale, runs, chars }) {
  const peer = PEERS[name];
  // ahocorasick is a CommonJS / browser-global script: evaluated with a `module` of its own.
  const module = { exports: {} };
  new Function('module', await fetchText('/node_modules/ahocorasick/src/main.js'))(module);
  const libs = {
    ModernAhoCorasick: (await import('/node_modules/modern-ahocorasick/dist/fast.js')).default,
    AhoCorasick: module.exports,
  };
  const original = peer.input === 'original';
  const patterns = (await fetchText(`/bench/inputs/${original ? scale.variants : scale.patterns}`)).split('\n').filter(Boolean);
  let text = await fetchText(`/bench/inputs/${original ? scale.text : scale.folded}`);
  if (chars) text = text.slice(0, chars);
  let t = performance.now();
  const matcher = peer.build(patterns, libs);
  say({ event: 'build', ms: performance.now() - t, chars: text.length, patterns: patterns.length });
  for (let i = 0, timedRuns = 0; timedRuns < runs; i++) {
    t = performance.now();
    const matches = peer.search(matcher, text);
    const ms = performance.now() - t;
    const warmup = i === 0 && ms < 10000;
    if (!warmup) timedRuns++;
    say({ event: 'run', kind: name, warmup, ms, matches });
  }
}

self.onmessage = async ({ data }) => {
  try {
    await (data.peer ? peer(data) : ours(data));
    say({ event: 'done' });
  } catch (e) {
    say({ event: 'error', error: String((e && e.stack) || e) });
  }
};
