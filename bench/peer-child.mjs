// One JavaScript peer on one scale, in its own Node.js process (bench/node.mjs kills it when a run
// does not finish in time): `node bench/peer-child.mjs PEER SCALE RUNS [CHARS]`. Prints one JSON line
// per step: {event: 'build', ms}, then {event: 'run', ms, matches} for a warm-up run and RUNS runs.
// With CHARS, only the first CHARS UTF-16 units of the text are searched (a probe after a timeout).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { input, scales } from './lib/common.mjs';
import { PEERS } from './lib/peers.mjs';

const [peerName, scaleName, runsArg, charsArg] = process.argv.slice(2);
const peer = PEERS[peerName];
const scale = scales({ geonames: true }).find((s) => s.name === scaleName);
if (!peer || !scale) throw new Error(`usage: peer-child.mjs PEER SCALE RUNS [CHARS] (peers: ${Object.keys(PEERS).join(', ')})`);
const runs = Number(runsArg || 5);

const require = createRequire(import.meta.url);
const libs = {
  ModernAhoCorasick: (await import('modern-ahocorasick/fast')).default,
  AhoCorasick: require('ahocorasick'),
};
const original = peer.input === 'original';
const patterns = fs.readFileSync(input(original ? scale.variants : scale.patterns), 'utf8').split('\n').filter(Boolean);
let text = fs.readFileSync(input(original ? scale.text : scale.folded), 'utf8');
if (charsArg) text = text.slice(0, Number(charsArg));
const say = (event) => process.stdout.write(JSON.stringify(event) + '\n');

let t = performance.now();
const matcher = peer.build(patterns, libs);
say({ event: 'build', ms: performance.now() - t, patterns: patterns.length, chars: text.length });
// A run over 10 s is its own warm-up: the JIT has long settled, and the caller's time budget is short.
for (let i = 0, timed = 0; timed < runs; i++) {
  t = performance.now();
  const matches = peer.search(matcher, text);
  const ms = performance.now() - t;
  const warmup = i === 0 && ms < 10000;
  if (!warmup) timed++;
  say({ event: 'run', warmup, ms, matches });
}
