// Gathers bench/out/{native,node,chromium}.json (and python.md, when bench/python.py ran) into bench/out/results.json and results.md (tables of
// medians and the ratios ours / each peer, the machine, the targets of issues 7, 10 and 14, each met or missed) and prints the tables.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { OUT, ROOT, machine } from './lib/common.mjs';
import { PEERS, PEER_ORDER } from './lib/peers.mjs';

const read = (name) => {
  const file = path.join(OUT, name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
};
const native = read('native.json');
const node = read('node.json');
const chromium = read('chromium.json');
// The Python part (bench/python.py) writes its own tables; they are included as they are.
const pythonFile = path.join(OUT, 'python.md');
const python = fs.existsSync(pythonFile) ? fs.readFileSync(pythonFile, 'utf8') : null;
if (!native || !node || !chromium) throw new Error('bench/out/{native,node,chromium}.json missing: run `make bench`');

const sh = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

// ---- formatting ----
const num = (x, digits) => (x == null || Number.isNaN(x) ? '–' : x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const mbs = (x) => (x == null ? '–' : num(x, x < 10 ? 2 : 1));
const ms = (x) => (x == null ? '–' : num(x, x < 10 ? 1 : 0));
const ratio = (a, b) => (a == null || b == null || !b ? null : a / b);
const times = (r) => (r == null ? '–' : `${num(r, r < 10 ? 2 : r < 100 ? 1 : 0)}×`);
const med = (s) => (s && typeof s === 'object' ? s.median : s);
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i ? ' ---: ' : ' --- ')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const scaleNames = ['default', '5k', '50k', 'geonames'].filter((s) => native.scales[s]);
const peerScales = scaleNames.filter((s) => s !== 'geonames');
const scaleHead = (s) => {
  const n = native.scales[s];
  const label = { default: 'default gazetteer', '5k': '+5k names', '50k': '+50k names', geonames: '+GeoNames layer' }[s];
  return `${label} (${num(n.patterns, 0)} patterns)`;
};

/** A peer's cell: "MB/s (build ms)", or why there is none. */
function peerCell(c) {
  if (!c) return '–';
  if (c.status === 'ok') return `${mbs(c.mb_s)} (${ms(c.build_ms)} ms)${c.runs < 5 ? ` n=${c.runs}` : ''}`;
  if (c.status === 'did not finish') {
    const probe = c.probe && c.probe.status === 'ok' ? `; first 50,000 chars: ${mbs(c.probe.mb_s)} MB/s` : '';
    return `**did not finish** in ${chromium.cap_s} s${probe}`;
  }
  if (c.status === 'not run') return `not run (${c.why})`;
  return `**failed**: ${(c.error || '').slice(0, 80)}`;
}

// ---- the figures, gathered ----
const rows = [];
const fig = {}; // fig[contender][scale] = {mb_s, build_ms, matches}
const put = (who, scale, v) => ((fig[who] ||= {})[scale] = v);
for (const s of scaleNames) {
  const n = native.scales[s];
  put('native', s, { mb_s: n.ours.mb_s, build_ms: n.ours.build_ms, matches: n.ours.mentions });
  if (n.ours_exact_only) {
    put('native-no-tolerant', s, { mb_s: n.ours_without_tolerant.mb_s, matches: n.ours_without_tolerant.mentions });
    put('native-exact', s, { mb_s: n.ours_exact_only.mb_s, matches: n.ours_exact_only.mentions });
  }
  put('raw', s, { mb_s: n.raw_aho_corasick.mb_s, build_ms: n.raw_aho_corasick.build_ms, matches: n.raw_aho_corasick.matches });
  put('fold', s, { mb_s: n.fold.mb_s });
  const w = node.wasm.scales[s];
  if (w) {
    put('node-tag', s, { mb_s: w.tag.mb_s, build_ms: med(w.build_ms), matches: w.tag.mentions });
    put('node-spans', s, { mb_s: w.tag_spans.mb_s, build_ms: med(w.build_ms), matches: w.tag_spans.mentions });
  }
  const c = chromium.throughput?.ours?.[s];
  if (c && c.tag) {
    put('chromium-tag', s, { mb_s: c.tag.mb_s, build_ms: c.build_ms, matches: c.tag.mentions });
    put('chromium-spans', s, { mb_s: c.tagSpans.mb_s, build_ms: c.build_ms, matches: c.tagSpans.mentions });
  }
}
const ourCell = (who, s) => {
  const f = fig[who]?.[s];
  return f ? `${mbs(f.mb_s)}${f.build_ms != null ? ` (${ms(f.build_ms)} ms)` : ''}` : '–';
};

// ---- 1. throughput ----
const tp = [];
tp.push(['**ours** `tag()`', 'native', ...scaleNames.map((s) => ourCell('native', s))]);
tp.push(['ours `tag()` without tolerant matching', 'native', ...scaleNames.map((s) => ourCell('native-no-tolerant', s))]);
tp.push(['ours `tag()`, exact matching only (no tolerant matching, no force-name grammar)', 'native', ...scaleNames.map((s) => ourCell('native-exact', s))]);
tp.push(['raw aho-corasick (ceiling)', 'native', ...scaleNames.map((s) => ourCell('raw', s))]);
tp.push(['**ours** `tag()`', 'WASM, node', ...scaleNames.map((s) => ourCell('node-tag', s))]);
tp.push(['**ours** `tagSpans()`', 'WASM, node', ...scaleNames.map((s) => ourCell('node-spans', s))]);
tp.push(['**ours** `tag()`', 'WASM, Chromium', ...scaleNames.map((s) => ourCell('chromium-tag', s))]);
tp.push(['**ours** `tagSpans()`', 'WASM, Chromium', ...scaleNames.map((s) => ourCell('chromium-spans', s))]);
for (const [env, data] of [
  ['node', node.peers],
  ['Chromium', chromium.throughput?.peers],
]) {
  if (!data) continue;
  for (const p of PEER_ORDER) {
    if (!data[p]) continue;
    tp.push([PEERS[p].label, env, ...scaleNames.map((s) => (s === 'geonames' ? '' : peerCell(data[p].scales[s])))]);
  }
}
tp.push(['our fold alone (`fold_with_origins`)', 'native', ...scaleNames.map((s) => mbs(fig.fold[s]?.mb_s))]);
const throughputTable = table(['contender', 'where', ...scaleNames.map(scaleHead)], tp);

// Matches per contender (a check that the peers share the semantics).
const matchRows = [
  ['ours (`tag()`, native)', ...scaleNames.map((s) => num(fig.native[s]?.matches, 0))],
  ['raw aho-corasick (no boundaries)', ...scaleNames.map((s) => num(fig.raw[s]?.matches, 0))],
];
for (const p of PEER_ORDER) {
  const c = chromium.throughput?.peers?.[p]?.scales || {};
  const n = node.peers?.[p]?.scales || {};
  matchRows.push([PEERS[p].label, ...scaleNames.map((s) => num((c[s]?.matches ?? n[s]?.matches) || null, 0))]);
}
const matchTable = table(['matches found', ...scaleNames.map(scaleHead)], matchRows);

// ---- 2. ratios ----
/** The fastest peer that finished, in one environment and scale. */
function fastestPeer(data, s, filter = () => true) {
  let best = null;
  for (const p of PEER_ORDER) {
    const c = data?.[p]?.scales?.[s];
    if (c?.status === 'ok' && filter(p) && (!best || c.mb_s > best.mb_s)) best = { peer: p, mb_s: c.mb_s };
  }
  return best;
}
const ratioRows = [];
const r = (label, f) => ratioRows.push([label, ...scaleNames.map((s) => times(f(s)))]);
r('WASM `tag()` node / native `tag()`', (s) => ratio(fig['node-tag'][s]?.mb_s, fig.native[s]?.mb_s));
r('WASM `tagSpans()` node / native `tag()`', (s) => ratio(fig['node-spans'][s]?.mb_s, fig.native[s]?.mb_s));
r('WASM `tag()` Chromium / native `tag()`', (s) => ratio(fig['chromium-tag']?.[s]?.mb_s, fig.native[s]?.mb_s));
r('WASM `tagSpans()` Chromium / native `tag()`', (s) => ratio(fig['chromium-spans']?.[s]?.mb_s, fig.native[s]?.mb_s));
r('native `tag()` / raw aho-corasick ceiling', (s) => ratio(fig.native[s]?.mb_s, fig.raw[s]?.mb_s));
r('native `tag()` / the same without tolerant matching', (s) => ratio(fig.native[s]?.mb_s, fig['native-no-tolerant']?.[s]?.mb_s));
r('native `tag()` / exact matching only', (s) => ratio(fig.native[s]?.mb_s, fig['native-exact']?.[s]?.mb_s));
for (const [env, who, data] of [
  ['node', 'node-tag', node.peers],
  ['Chromium', 'chromium-tag', chromium.throughput?.peers],
]) {
  for (const p of PEER_ORDER) {
    ratioRows.push([
      `ours \`tag()\` / ${PEERS[p].label}, ${env}`,
      ...scaleNames.map((s) => {
        const c = data?.[p]?.scales?.[s];
        if (s === 'geonames') return '';
        if (!c || c.status !== 'ok') return c?.status === 'did not finish' ? 'peer did not finish' : c?.status === 'failed' ? 'peer failed' : '–';
        return times(ratio(fig[who]?.[s]?.mb_s, c.mb_s));
      }),
    ]);
  }
}
const ratioTable = table(['ratio (same run)', ...scaleNames.map(scaleHead)], ratioRows);

// ---- 3. start-up and build ----
const st = chromium.startup || {};
const buildRows = [
  ['instantiate the module (compile + instantiate)', '–', ms(med(node.wasm.cold?.instantiate_ms)), ms(med(st.instantiate_ms))],
  ['build the default gazetteer (`new Tagger()`)', ms(native.scales.default.ours.build_ms), ms(med(node.wasm.cold?.build_ms)), ms(med(st.build_ms))],
  ['**start-up** (instantiate + default gazetteer)', '–', ms(med(node.wasm.cold?.ready_ms)), `**${ms(med(st.ready_ms))}**`],
  ['the same again in the same process (compiled code reused) ¹', '–', `${ms(med(node.wasm.instantiate_ms))} + ${ms(med(node.wasm.default_build_first_ms))}`, '–'],
  ['(the bookmarklet also reads the entity table: `entities()`)', '–', '–', ms(med(st.entities_ms))],
];
for (const s of scaleNames.filter((x) => x !== 'default')) {
  buildRows.push([
    `build the ${scaleHead(s)} tier (\`fromSources\`, over the default)`,
    ms(native.scales[s].ours.build_ms),
    ms(med(node.wasm.scales[s]?.build_ms)),
    ms(med(st.tiers?.[s])),
  ]);
}
if (st.tiers?.['geonames-bin']) {
  buildRows.push(['build the GeoNames tier precompiled (`data/geonames.bin.gz`, given as `bytes`)', '–', '–', ms(med(st.tiers['geonames-bin']))]);
}
for (const s of scaleNames) buildRows.push([`compile only (\`Tagger::new\`), ${scaleHead(s)}`, ms(native.scales[s].ours.compile_ms), '–', '–']);
const buildTable = table(['ms (median)', 'native', 'WASM, node', 'WASM, Chromium page'], buildRows);

// ---- 4. page highlighting ----
const hl = chromium.highlight || {};
const markMs = (label) => (hl.markjs?.[label]?.status === 'ok' ? hl.markjs[label].ms.median : null);
const hlRows = [];
for (const label of ['default', '500', '5k']) {
  const c = hl.ours?.[label];
  if (!c) continue;
  const names = label === 'default' ? `default (${num(native.scales.default.patterns, 0)})` : label;
  if (c.status !== 'ok') {
    hlRows.push([`bookmarklet (${c.backend || 'frame'})`, names, '–', `**${c.status}** ${c.error || ''}`, '', '', '', '', '']);
    continue;
  }
  const vsMark = label === 'default' ? markMs('500') : markMs(label);
  hlRows.push([
    `bookmarklet (tagger in its ${c.backend})`,
    names,
    num(c.mentions, 0),
    ms(c.startup_ms.median),
    c.article_ms ? `${ms(c.walk_ms.median)} (article ${ms(c.article_ms.median)})` : ms(c.walk_ms.median),
    ms(c.tag_draw_ms.median),
    `**${ms(c.highlight_ms.median)}**`,
    `${ms(c.total_ms.median)}${c.first_highlight_ms ? ` (first highlight ${ms(c.first_highlight_ms.median)})` : ''}`,
    vsMark ? `${times(vsMark / c.highlight_ms.median)} / ${times(vsMark / c.total_ms.median)}${label === 'default' ? ' (vs mark.js at 500)' : ''}` : '–',
  ]);
}
for (const label of ['default', '500', '5k']) {
  const c = hl.pipeline?.[label];
  if (!c) continue;
  hlRows.push([
    'minimal pipeline (harness code ²)',
    label === 'default' ? 'default' : label,
    num(c.mentions, 0),
    ms(c.startup_ms.median),
    ms(c.walk_ms.median),
    `${ms(c.tag_ms.median + c.ranges_ms.median)} (tag ${ms(c.tag_ms.median)})`,
    `**${ms(c.registered_ms.median)}** (painted ${ms(c.painted_ms.median)})`,
    ms(c.startup_ms.median + c.painted_ms.median),
    '',
  ]);
}
for (const label of ['500', '5k']) {
  const c = hl.markjs?.[label];
  if (!c) continue;
  const what =
    c.status === 'ok'
      ? [num(c.marks, 0), '–', '–', '–', `**${ms(c.ms.median)}**${c.runs < 5 ? ` (n=${c.runs})` : ''}`, ms(c.ms.median), '1×']
      : [
          '–',
          '–',
          '–',
          '–',
          `**${c.status}**${c.error ? `: ${/stack/i.test(c.error) ? 'stack overflow (' + c.error.split(':')[0] + ')' : c.error.slice(0, 60)}` : c.why ? ` (${c.why})` : ''}`,
          '–',
          '',
        ];
  hlRows.push(['mark.js 8.11 `mark()`', label, ...what]);
}
const hlTable = table(
  ['highlighter', 'names', 'mentions', 'start-up', '(article +) text walk', 'tag + draw', 'highlighted (after start-up)', 'total from click', 'vs mark.js (highlighted / total)'],
  hlRows
);

// ---- 5. memory ----
const mem = [];
for (const s of Object.keys(native.memory || {})) {
  const m = native.memory[s];
  if (m.error) continue;
  mem.push([`native peak RSS (VmHWM), ${scaleHead(s)}`, `${num(m.vm_hwm_kb_inputs_loaded / 1024, 1)} MiB`, `${num(m.vm_hwm_kb_after_build / 1024, 1)} MiB`, `${num(m.vm_hwm_kb_after_tag / 1024, 1)} MiB`, `automaton ${num(m.automaton_bytes / 2 ** 20, 1)} MiB`]);
}
for (const s of Object.keys(node.wasm.memory || {})) {
  const m = node.wasm.memory[s];
  mem.push([`WASM linear memory (node), ${scaleHead(s)}`, `${num(m.initial_bytes / 2 ** 20, 1)} MiB`, `${num(m.after_build_bytes / 2 ** 20, 1)} MiB`, `${num(m.after_tag_10mb_bytes / 2 ** 20, 1)} MiB`, '']);
}
for (const s of Object.keys(st.memory || {})) {
  const m = st.memory[s];
  mem.push([`WASM linear memory (Chromium page), ${scaleHead(s)}`, `${num(m.initial_bytes / 2 ** 20, 1)} MiB`, `${num(m.after_build_bytes / 2 ** 20, 1)} MiB`, '–', '']);
}
const memTable = table(['memory', 'inputs loaded / start-up', 'after building', 'after tagging 10 MB', ''], mem);

// ---- 6. adversarial inputs (native) ----
const adv = native.adversarial || {};
const advKeys = Object.keys(adv).filter((k) => k !== 'news');
const advRows = (adv.news ? ['news', ...advKeys] : advKeys).map((key) => {
  const a = adv[key];
  return [
    key === 'news' ? 'ordinary news (reference)' : `\`${key}\``,
    a.what,
    `${num(a.bytes / 1e6, 2)} MB`,
    `**${mbs(a.mb_s)}**`,
    key === 'news' ? '1×' : times(ratio(a.mb_s, adv.news?.mb_s)),
    num(a.mentions, 0),
  ];
});
const advTable = advRows.length
  ? table(['input', 'what', 'size', 'MB/s', 'vs news', 'mentions'], advRows)
  : 'Not measured (`cargo run --release -p sahel-tagger-dev --example bench_native -- bench/out/inputs bench/out/native.json 5 --only adversarial`).';

// ---- 7. targets ----
// Every row of issue 14's table (the figures it was filed with are in its text), then the targets of
// issues 7 and 10 it did not restate. `ok` null: not measured in this run.
const tgt = [];
const target = (issue, what, measured, ok) => tgt.push([issue, what, measured, ok == null ? '–' : ok ? 'met' : '**missed**']);
const allAtLeast = (xs, min) => (xs.every((x) => x != null) ? xs.every((x) => x >= min) : null);
const wasmFile = path.join(ROOT, 'www', 'pkg', 'sahel_tagger_bg.wasm');
const wasmBytes = fs.existsSync(wasmFile) ? fs.readFileSync(wasmFile) : null;
const wasmGz = wasmBytes ? zlib.gzipSync(wasmBytes, { level: 9 }).length : null;
const kb = (b) => (b == null ? '–' : `${num(b / 1000, 0)} KB`);
const hlDefault = hl.ours?.default;
const hlOk = hlDefault?.status === 'ok';
const stReady = med(st.ready_ms);
target(14, 'start-up in a cold Chromium page (instantiate + default gazetteer) < 25 ms', `${ms(stReady)} ms (instantiate ${ms(med(st.instantiate_ms))}, gazetteer ${ms(med(st.build_ms))}); ${ms(med(node.wasm.cold?.ready_ms))} ms in a fresh node process`, stReady == null ? null : stReady < 25);
target(14, 'bookmarklet, click → tagger ready (hidden frame) < 80 ms', hlOk ? `${ms(hlDefault.startup_ms.median)} ms` : hlDefault?.status || '–', hlOk ? hlDefault.startup_ms.median < 80 : null);
target(
  14,
  'bookmarklet, 1 MB page: highlighted after ready ≤ 60 ms, total from click ≤ 150 ms',
  hlOk
    ? `${ms(hlDefault.highlight_ms.median)} / ${ms(hlDefault.total_ms.median)} ms; first highlight ${ms(hlDefault.first_highlight_ms?.median)} ms from the click (minimal pipeline: ${ms(hl.pipeline?.default?.registered_ms.median)} ms after start-up)`
    : hlDefault?.status || '–',
  hlOk ? hlDefault.highlight_ms.median <= 60 && hlDefault.total_ms.median <= 150 : null
);
target(14, '`.wasm` ≤ 180 KB gzipped', wasmBytes ? `${kb(wasmBytes.length)}, ${kb(wasmGz)} gzipped (level 9)` : 'www/pkg missing', wasmGz == null ? null : wasmGz <= 180_000);
const gBin = st.tiers?.['geonames-bin'];
target(
  14,
  'GeoNames tier: ≤ 1.5 MB transferred, ready < 60 ms',
  gBin ? `${kb(gBin.bytes)} (\`geonames.bin.gz\`), ${ms(med(gBin))} ms to a tagger with it (Chromium)${st.tiers?.geonames ? `; from the TSV ${ms(med(st.tiers.geonames))} ms` : ''}` : 'no precompiled layer (`make geonames` needs the dumps)',
  gBin ? gBin.bytes <= 1_500_000 && med(gBin) < 60 : null
);
const wasmRatios = peerScales.map((s) => ratio(fig['chromium-tag']?.[s]?.mb_s, fig.native[s]?.mb_s));
const spanRatios = peerScales.map((s) => ratio(fig['chromium-spans']?.[s]?.mb_s, fig.native[s]?.mb_s));
target(
  14,
  'WASM `tag()` in Chromium / native `tag()` ≥ 0.7×',
  `${wasmRatios.map(times).join(' / ')} (default / 5k / 50k); \`tagSpans()\`: ${spanRatios.map(times).join(' / ')}; node \`tag()\`: ${peerScales.map((s) => times(ratio(fig['node-tag'][s]?.mb_s, fig.native[s]?.mb_s))).join(' / ')}`,
  allAtLeast(wasmRatios, 0.7)
);
const ceiling = peerScales.map((s) => ratio(fig.native[s]?.mb_s, fig.raw[s]?.mb_s));
target(14, 'native `tag()` / raw aho-corasick scan (the ceiling) ≥ 0.6×', `${ceiling.map(times).join(' / ')} (${peerScales.map((s) => `${mbs(fig.native[s]?.mb_s)} vs ${mbs(fig.raw[s]?.mb_s)}`).join(', ')} MB/s)`, allAtLeast(ceiling, 0.6));
const sameSemantics = (p) => p !== 'jsfold-regexp-gu';
const vsPeer = peerScales.map((s) => {
  const best = fastestPeer(chromium.throughput?.peers, s, sameSemantics);
  return best ? { s, best, x: ratio(fig['chromium-tag']?.[s]?.mb_s, best.mb_s) } : null;
});
target(
  14,
  'WASM in Chromium ≥ 3× the fastest same-semantics JS peer, at every size',
  vsPeer
    .map((v) =>
      v
        ? `${v.s}: ${times(v.x)} (\`tagSpans()\` ${times(ratio(fig['chromium-spans']?.[v.s]?.mb_s, v.best.mb_s))}) vs ${PEERS[v.best.peer].label}, ${mbs(v.best.mb_s)} MB/s on pre-folded text`
        : '–'
    )
    .join('; '),
  vsPeer.every((v) => v) ? vsPeer.every((v) => v.x >= 3) : null
);
const m500 = markMs('500');
target(
  14,
  '≥ 100× mark.js `mark()` on the 1 MB page (500 names)',
  m500 && hlOk
    ? `mark.js at 500 names: ${ms(m500)} ms → ${times(m500 / hlDefault.highlight_ms.median)} (default gazetteer) and ${times(m500 / hl.ours['500'].highlight_ms.median)} (same 500 names); at 5k names mark.js ${hl.markjs['5k']?.status}`
    : '–',
  m500 && hlOk ? m500 / hlDefault.highlight_ms.median >= 100 : null
);
const c50 = fig['chromium-tag']?.['50k']?.mb_s;
target(7, '`tag()` in Chromium ≥ 60 MB/s at 50k names', `${mbs(c50)} MB/s (\`tagSpans()\`: ${mbs(fig['chromium-spans']?.['50k']?.mb_s)})`, c50 != null ? c50 >= 60 : null);
target(
  7,
  'the 50k-name tier ready in < 150 ms',
  `+50k: ${ms(med(st.tiers?.['50k']))} ms (Chromium), ${ms(native.scales['50k'].ours.build_ms)} ms (native)`,
  med(st.tiers?.['50k']) == null ? null : med(st.tiers['50k']) < 150
);
const tolerantCost = peerScales.map((s) => ratio(fig.native[s]?.mb_s, fig['native-exact']?.[s]?.mb_s));
target(10, 'tolerant matching: throughput within 15 % of exact-only', `native \`tag()\` / exact-only: ${tolerantCost.map(times).join(' / ')} (default / 5k / 50k)`, allAtLeast(tolerantCost, 0.85));
const targetTable = table(['issue', 'target', 'measured', ''], tgt);

// ---- the machine ----
const m = machine();
const commit = sh('git', ['rev-parse', '--short', 'HEAD']);
const dirty = sh('git', ['status', '--porcelain', '--', 'src', 'gazetteer', 'www/bookmarklet', 'Cargo.toml']);
const rustc = sh('rustc', ['--version']);
const la = (x) => (x ? x.join(' / ') : '?');
const machineLine =
  `${m.nproc} × ${m.cpu}, ${m.memory_gb} GB, ${m.kernel}; ${rustc || 'rustc ?'}; node ${m.node}; ${chromium.chromium || 'Chromium ?'}.\n` +
  `Load average (1 / 5 / 15 min): ${la(node.machine?.load_average)} after the native part, ${la(node.load_average_end)} after the node part, ${la(chromium.load_average_end)} after the Chromium part ` +
  `(a shared machine: ratios within one run are what to compare, not absolute figures across runs).`;
const commitLine = `Commit ${commit}${dirty ? ' with uncommitted changes in src/, gazetteer/ or www/bookmarklet/ (measured as they were)' : ''}.`;

const md = `# sahel-tagger benchmark

${new Date(chromium.date || Date.now()).toISOString().slice(0, 16).replace('T', ' ')} UTC. ${commitLine}
Machine: ${machineLine}

Medians of ${native.runs} runs after a warm-up run; each JavaScript peer run capped at ${chromium.cap_s} s ("did not finish").
Text: 10 MB of generated French/English/Arabic news (\`benches/corpus\`); MB/s are megabytes (10⁶) of the original UTF-8 text per second.
Names: the default gazetteer, then the default plus 5,000 or 50,000 synthetic place names (an extended-tier layer), and the default plus the GeoNames village layer${native.geonames ? '' : ' (absent on this machine)'}.
The JavaScript peers get the names and the text **already folded by our core** (none folds accents); the fold is not timed for them (see "JS fold + RegExp" for a peer that folds itself).
How each contender is run: bench/README.md.

## Throughput on 10 MB: MB/s (build ms)

${throughputTable}

Matches found (peers with the same semantics find the same number; ours differs by its case rules, Arabic proclitics and ambiguity handling):

${matchTable}

## Ratios

${ratioTable}

## Start-up and gazetteer build

${buildTable}

Cold start-up: node, a fresh process per run; Chromium, a fresh page per run loading the module (served with \`no-store\`, so no code cache).
¹ a new instance of the same module bytes in the same node process: V8 reuses the code it compiled (and tiered up) for the first one.

## Highlighting a 1 MB news page in Chromium

${hlTable}

The page: ${num(hl.page?.paragraphs, 0)} \`<p>\` elements, ${num(hl.page?.text_bytes / 1e6, 2)} MB of text (the start of the news text), on another site than the tagger.
Times in ms from the bookmarklet's click (its \`javascript:\` code run in the page): start-up = until its tagger is ready (hidden frame, WebAssembly, gazetteer);
highlighted = from then until every highlight is registered (the article found by Readability in the tagger's frame, text walk, tagging in chunks, CSS Custom Highlight ranges, panel).
500 and 5k: the bookmarklet's engine given those names (\`Tagger.fromSources\`, without the default gazetteer); mark.js gets the same names
(\`accuracy: 'exactly'\`, \`diacritics: true\`, \`separateWordSearch: false\`; its whole-word rule is whitespace only, so it finds fewer).
² minimal pipeline: harness code, not the bookmarklet (bench/page/pipeline.js): walk, one \`tagSpans\`, StaticRanges, one Highlight per type registered once; painted = after the next frame.

## Memory

${memTable}

## Adversarial inputs: native \`tag()\`, default gazetteer

Inputs built to make the checks do as much work per byte as they can (issue 15): each is one line, longer than a folding window (1 MiB),
tagged the same way as the news text; "vs news" is the ratio of MB/s to the ordinary news text in the same run (a quadratic check shows as a ratio far below 1).

${advTable}

## Targets

${targetTable}
${python ? `\n${python}` : ''}`;

const results = { machine: { ...m, rustc, chromium: chromium.chromium, commit, dirty: !!dirty }, native, node, chromium, python: read('python.json'), figures: fig, targets: tgt };
fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
fs.writeFileSync(path.join(OUT, 'results.md'), md);
process.stdout.write(md);
process.stderr.write(`summary: wrote bench/out/results.md and bench/out/results.json\n`);
