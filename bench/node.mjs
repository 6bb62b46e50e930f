// Node.js contenders: our core in WebAssembly (the release package www/pkg, as the page loads it) and
// the JavaScript peers (bench/lib/peers.mjs), each peer in its own process with a time cap.
// Writes bench/out/node.json. `node bench/node.mjs [--only wasm|peers]`.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CAP_MS, INPUTS, OUT, ROOT, RUNS, input, layerPath, machine, mbPerS, runChild, scales, summarize, writeJson } from './lib/common.mjs';
import { PEERS, PEER_ORDER } from './lib/peers.mjs';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const PKG = path.join(ROOT, 'www', 'pkg');
const WASM = path.join(PKG, 'sahel_tagger_bg.wasm');
if (!fs.existsSync(WASM)) throw new Error('www/pkg is missing: run `make wasm`');
if (!fs.existsSync(input('patterns-default.txt'))) throw new Error(`${INPUTS} is incomplete: run the native part first (make bench)`);
const log = (s) => process.stderr.write(`node: ${s}\n`);

/** Time `f` once as a warm-up, then RUNS times; returns the summary of the timed runs and f's last result. */
function timed(f, runs = RUNS) {
  let result = f();
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = f();
    ms.push(performance.now() - t);
  }
  return { ...summarize(ms), result };
}

/** A fresh copy of the package: its own module instance and linear memory. */
let copies = 0;
async function freshPackage() {
  const glue = await import(`${pathToFileURL(path.join(PKG, 'sahel_tagger.js')).href}?copy=${copies++}`);
  return glue;
}

async function wasmPart() {
  const bytes = fs.readFileSync(WASM);
  const out = { module_bytes: bytes.length, scales: {} };

  // Start-up: compile + instantiate a fresh module, then the default gazetteer.
  const inst = [];
  const build = [];
  for (let i = 0; i <= RUNS; i++) {
    const glue = await freshPackage();
    let t = performance.now();
    await glue.default({ module_or_path: bytes });
    const ti = performance.now() - t;
    t = performance.now();
    const tagger = new glue.Tagger();
    const tb = performance.now() - t;
    tagger.free();
    if (i > 0) {
      inst.push(ti);
      build.push(tb);
    }
  }
  out.instantiate_ms = summarize(inst);
  out.default_build_first_ms = summarize(build);

  // Cold start-up: a fresh process per run, so nothing compiled is reused.
  const cold = [];
  for (let i = 0; i <= RUNS; i++) {
    const r = await runChild(path.join(ROOT, 'bench', 'startup-child.mjs'), [], { capMs: CAP_MS });
    const e = r.events[0];
    if (i > 0 && e) cold.push(e);
  }
  out.cold = {
    instantiate_ms: summarize(cold.map((e) => e.instantiate_ms)),
    build_ms: summarize(cold.map((e) => e.build_ms)),
    ready_ms: summarize(cold.map((e) => e.instantiate_ms + e.build_ms)),
  };

  const glue = await freshPackage();
  await glue.default({ module_or_path: bytes });
  const { Tagger } = glue;
  for (const scale of scales()) {
    log(`wasm ${scale.name}`);
    const layer = scale.layer ? fs.readFileSync(layerPath(scale.layer), 'utf8') : null;
    const make = () => (layer ? Tagger.fromSources([{ name: scale.layer, text: layer, tier: 'extended' }], true) : new Tagger());
    const b = timed(() => {
      const t = make();
      t.free();
    });
    const text = fs.readFileSync(input(scale.text), 'utf8');
    const bytesLen = Buffer.byteLength(text);
    const tagger = make();
    // `unlisted: false`: the gazetteer's mentions, the work native `tag()` does (the bindings also
    // propose unlisted names by default; bench/tag-options.mjs prints what that adds).
    const tag = timed(() => tagger.tag(text, { unlisted: false }).length);
    const spans = timed(() => tagger.tagSpans(text).length / 4);
    tagger.free();
    out.scales[scale.name] = {
      text: scale.text,
      text_bytes: bytesLen,
      build_ms: b,
      tag: { ...tag, mb_s: mbPerS(bytesLen, tag.median), mentions: tag.result },
      tag_spans: { ...spans, mb_s: mbPerS(bytesLen, spans.median), mentions: spans.result },
    };
    delete out.scales[scale.name].tag.result;
    delete out.scales[scale.name].tag_spans.result;
  }

  // Linear memory of a fresh instance: after start-up, after building the largest tier, after tagging.
  const largest = scales().filter((s) => s.name === '50k' || s.name === 'geonames');
  out.memory = {};
  for (const scale of largest) {
    const fresh = await freshPackage();
    const exports = await fresh.default({ module_or_path: bytes });
    const mem = () => exports.memory.buffer.byteLength;
    const initial = mem();
    const layer = fs.readFileSync(layerPath(scale.layer), 'utf8');
    const tagger = fresh.Tagger.fromSources([{ name: scale.layer, text: layer, tier: 'extended' }], true);
    const built = mem();
    tagger.tagSpans(fs.readFileSync(input(scale.text), 'utf8'));
    out.memory[scale.name] = { initial_bytes: initial, after_build_bytes: built, after_tag_10mb_bytes: mem() };
    tagger.free();
  }

  // What the JavaScript side of a call costs: the string copy into linear memory (TextEncoder, as the
  // glue does), and a JavaScript accent fold for comparison with ours (not used by anything).
  const text = fs.readFileSync(input('news.txt'), 'utf8');
  const bytesLen = Buffer.byteLength(text);
  const buffer = new Uint8Array(text.length * 3);
  const encoder = new TextEncoder();
  const enc = timed(() => encoder.encodeInto(text, buffer).written);
  out.encode_into = { ...enc, mb_s: mbPerS(bytesLen, enc.median) };
  delete out.encode_into.result;
  const fold = timed(() => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().length, 3);
  out.js_fold = { ...fold, mb_s: mbPerS(bytesLen, fold.median), how: "text.normalize('NFD').replace(/\\p{M}/gu, '').toLowerCase()" };
  delete out.js_fold.result;
  return out;
}

/**
 * Each peer on each scale, in a child process. A run that does not finish within the cap ends the
 * peer's larger scales too; then a probe on the text's first 50,000 characters says how far off it is.
 */
async function peersPart() {
  const out = {};
  const child = path.join(ROOT, 'bench', 'peer-child.mjs');
  for (const name of PEER_ORDER) {
    const peer = PEERS[name];
    out[name] = { label: peer.label, how: peer.how, scales: {} };
    let stop = null;
    for (const scale of scales({ geonames: false })) {
      if (stop) {
        out[name].scales[scale.name] = { status: 'not run', why: stop };
        continue;
      }
      log(`peer ${name} ${scale.name}`);
      const r = await runChild(child, [name, scale.name, String(RUNS)], { capMs: CAP_MS, totalMs: 2.5 * CAP_MS });
      out[name].scales[scale.name] = cell(r, scale);
      if (r.status === 'did not finish' || r.status === 'failed') {
        stop = `${r.status} at the ${scale.name} scale`;
        if (r.status === 'did not finish') {
          const p = await runChild(child, [name, scale.name, '1', '50000'], { capMs: CAP_MS / 2 });
          out[name].scales[scale.name].probe = cell(p, scale, 50000);
        }
      }
    }
  }
  return out;
}

/** The figures of one child's events. */
function cell(r, scale, chars) {
  const build = r.events.find((e) => e.event === 'build');
  const runs = r.events.filter((e) => e.event === 'run' && !e.warmup);
  const textBytes = fs.statSync(input(scale.text)).size;
  const c = { status: r.status === 'budget' ? 'ok' : r.status, build_ms: build ? build.ms : null, runs: runs.length };
  if (r.error) c.error = r.error;
  if (r.status === 'budget') c.note = `time budget reached after ${runs.length} runs`;
  if (runs.length) {
    const s = summarize(runs.map((e) => e.ms));
    c.search_ms = s;
    c.matches = runs[runs.length - 1].matches;
    // Throughput over the original text's UTF-8 bytes (the folded text is what is searched).
    const bytes = chars ? (textBytes * chars) / build.chars : textBytes;
    c.mb_s = mbPerS(bytes, s.median);
    if (chars) c.chars = chars;
  } else if (r.status === 'ok' || r.status === 'budget') {
    c.status = 'did not finish';
  }
  return c;
}

const result = { machine: machine(), runs: RUNS, cap_s: CAP_MS / 1000, date: new Date().toISOString() };
const file = path.join(OUT, 'node.json');
const previous = only && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
if (!only || only === 'wasm') result.wasm = await wasmPart();
else result.wasm = previous.wasm;
if (!only || only === 'peers') result.peers = await peersPart();
else result.peers = previous.peers;
result.load_average_end = machine().load_average;
writeJson(file, result);
log(`wrote ${path.relative(ROOT, file)}`);
