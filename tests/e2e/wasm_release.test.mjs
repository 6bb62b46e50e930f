// The release WebAssembly package (www/pkg, built by `make wasm`) loaded in Node.js the way the page
// loads it: the ES module, `init` with the module's bytes, then the `Tagger` API. The wasm-pack test
// suites (crates/wasm/tests/wasm_*.rs) run the debug build; this checks that the optimized module (wasm-opt,
// size-tuned profile) loads and tags the same, and prints its size, start-up time and throughput.
//
// Figures are printed, never asserted: the machines that run this are shared and noisy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = path.join(ROOT, 'www', 'pkg');
const WASM = path.join(PKG, 'sahel_tagger_bg.wasm');
const GLUE = path.join(PKG, 'sahel_tagger.js');

if (!fs.existsSync(WASM)) {
  throw new Error('www/pkg is missing: run `make wasm` first');
}
const bytes = fs.readFileSync(WASM);

/** A fresh copy of the package (its own module instance and memory), initialized. */
async function load(run = 0) {
  const glue = await import(`${pathToFileURL(GLUE).href}?run=${run}`);
  await glue.default({ module_or_path: bytes });
  return glue;
}

const { Tagger } = await load();
const tagger = new Tagger();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const report = (line) => console.log(`[wasm release] ${line}`);

// Written for these tests: names in French, English and Arabic spellings, astral emoji (two UTF-16
// units each), a flag, accents, and an Arabic preposition glued to a name.
const TEXT =
  '🚨 Flash 🇲🇱 : le JNIM revendique l\u2019attaque de DIOURA 💥, près de Ténenkou. ' +
  'À Niafounké, puis à تمبكتو (Timbuktu) 🙏, les habitants parlent de Boulkessi ; هجوم بتمبكتو أمس. 𝕏 relaie.';

test('the package is the release build, npm-ready, with TypeScript types', () => {
  const module = new WebAssembly.Module(bytes);
  assert.equal(WebAssembly.Module.customSections(module, 'name').length, 0, 'no name section: optimized');
  assert.equal(WebAssembly.Module.customSections(module, '.debug_info').length, 0, 'no DWARF');

  const manifest = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'sahel-tagger');
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.types, 'sahel_tagger.d.ts');
  for (const file of manifest.files) assert.ok(fs.existsSync(path.join(PKG, file)), file);

  const types = fs.readFileSync(path.join(PKG, 'sahel_tagger.d.ts'), 'utf8');
  for (const name of ['Mention', 'PackedMentions', 'TagOptions', 'Entity', 'Variant', 'Stats', 'Source', 'Diagnostic']) {
    assert.match(types, new RegExp(`export interface ${name} \\{`), name);
  }
  const api = types
    .slice(types.indexOf('export class Tagger'), types.indexOf('export type InitInput'))
    .replace(/\/\*\*[^]*?\*\//g, ''); // doc comments
  for (const signature of [
    'tag(text: string, options?: TagOptions): Mention[];',
    'tagSpans(text: string): Uint32Array;',
    'tagPacked(text: string, options?: TagOptions): PackedMentions;',
    'entities(): Entity[];',
    'entity(id: string): Entity | undefined;',
    'stats(): Stats;',
    'static fromSources(sources: Source[], includeDefault: boolean): Tagger;',
    'static validate(name: string, text: string): Diagnostic[];',
    'exportTsv(onlyUser: boolean): string;',
  ]) {
    assert.ok(api.includes(signature), signature);
  }
  assert.doesNotMatch(api, /\bany\b/, 'no untyped method');
});

test('size and start-up time (printed)', async () => {
  report(`module: ${bytes.length} bytes raw, ${zlib.gzipSync(bytes, { level: 9 }).length} bytes gzipped`);
  const instantiate = [];
  const build = [];
  for (let run = 1; run <= 7; run++) {
    const glue = await import(`${pathToFileURL(GLUE).href}?startup=${run}`);
    const t0 = performance.now();
    await glue.default({ module_or_path: bytes });
    const t1 = performance.now();
    const fresh = new glue.Tagger();
    const t2 = performance.now();
    assert.ok(fresh.stats().entities > 300);
    fresh.free();
    instantiate.push(t1 - t0);
    build.push(t2 - t1);
  }
  const total = instantiate.map((ms, i) => ms + build[i]);
  report(
    `instantiate + build the default gazetteer: ${median(total).toFixed(1)} ms median of ${total.length}, ` +
      `${total[0].toFixed(1)} ms the first time (compile and instantiate ${median(instantiate).toFixed(1)} ms, ` +
      `new Tagger() ${median(build).toFixed(1)} ms)`,
  );
});

test('tags emoji, Arabic and accents with UTF-16 offsets', () => {
  const mentions = tagger.tag(TEXT);
  assert.deepEqual(
    mentions.map((m) => m.id),
    ['jnim', 'djoura', 'tenenkou', 'niafunke', 'timbuktu', 'timbuktu', 'boulkessi', 'timbuktu'],
  );
  for (const m of mentions) {
    assert.equal(TEXT.slice(m.start, m.end), m.surface, JSON.stringify(m));
  }
  const [jnim, djoura, , niafunke, arabic, english, , glued] = mentions;
  assert.deepEqual(
    { ...djoura, start: undefined, end: undefined },
    {
      start: undefined,
      end: undefined,
      surface: 'DIOURA',
      id: 'djoura',
      name: 'Djoura',
      type: 'place',
      subtype: 'village',
      match: 'exact',
      variant: 'Dioura',
      candidates: ['djoura'],
      ambiguous: false,
      possible: false,
      caseSensitive: false,
      tier: 'curated',
      country: 'ML',
      // Djoura's first- and second-level GeoNames units (src/admin.rs).
      admin1: 'Mopti',
      admin2: 'Ténenkou',
      lat: 14.8252,
      lon: -5.2547,
    },
  );
  assert.equal(jnim.type, 'armed_group');
  assert.equal(niafunke.name, 'Niafunké');
  assert.equal(niafunke.surface, 'Niafounké');
  assert.equal(arabic.surface, 'تمبكتو');
  assert.equal(english.surface, 'Timbuktu');
  assert.equal(glued.surface, 'تمبكتو', 'the glued preposition is left out');
  assert.equal(TEXT.indexOf('Niafounké'), niafunke.start);

  const spans = tagger.tagSpans(TEXT);
  const entities = tagger.entities();
  assert.equal(spans.length, 4 * mentions.length);
  mentions.forEach((m, i) => {
    assert.deepEqual([spans[4 * i], spans[4 * i + 1]], [m.start, m.end]);
    assert.equal(entities[spans[4 * i + 2]].id, m.id);
  });
  assert.equal(tagger.entity('timbuktu').name, 'Tombouctou');
  assert.equal(tagger.entity('nowhere'), undefined);
});

// tag()'s objects are made by crates/wasm/js/assemble.js with a constructor (faster than a spread of
// each template): they must stay plain objects, with the fields of the core's view in its order.
const VIEW_ORDER = [
  'start', 'end', 'surface', 'id', 'name', 'type', 'unlisted', 'unconfirmed', 'match', 'variant',
  'subtype', 'candidates', 'ambiguous', 'possible', 'caseSensitive', 'check', 'cue', 'cueKind', 'rule',
  'tier', 'designator', 'candidateFacts', 'country', 'admin1', 'admin2', 'lat', 'lon', 'reason', 'related',
];

test('tag() makes plain objects, fields in the view order, each with its own candidates', () => {
  // Repeated names (one template, several objects), an ambiguous one, a doubtful one, unlisted names.
  const text =
    '😀 Le GSIM a frappé Gao. Gao reste sous pression ; le CNSP et le GSIM dans le Gourma. Des hommes ' +
    'armés ont attaqué les villages de Kakassobon et Bolgadjé, près de Mopti.\n\nوصلت الهجمات إلى ' +
    'بوركينا فاسو والنيجر وحدود بنين وتوغو. Gao, Niafunké et Gao.';
  const mentions = tagger.tag(text);
  const fields = new Set();
  for (const m of mentions) {
    assert.equal(Object.getPrototypeOf(m), Object.prototype);
    assert.equal(m.constructor, Object);
    assert.equal(text.slice(m.start, m.end), m.surface);
    const keys = Object.keys(m);
    const order = keys.map((k) => VIEW_ORDER.indexOf(k));
    assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), keys.join());
    keys.forEach((k) => fields.add(k));
  }
  for (const field of ['unlisted', 'check', 'admin2', 'lat']) assert.ok(fields.has(field), `${field}: ${[...fields]}`);
  const gao = mentions.filter((m) => m.surface === 'Gao');
  assert.equal(gao.length, 4);
  assert.notEqual(gao[0].candidates, gao[1].candidates);
  assert.deepEqual(gao[0], { ...gao[1], start: gao[0].start, end: gao[0].end });
});

test('assemble() copies a field it does not know, and cuts surfaces at UTF-16 ends', async () => {
  const { assemble } = await import(pathToFileURL(path.join(ROOT, 'crates', 'wasm', 'js', 'assemble.js')).href);
  const templates = JSON.stringify([
    { start: 0, end: 0, surface: '', id: 'gao', name: 'Gao', type: 'place', candidates: ['gao'], tier: 'curated' },
    { start: 0, end: 0, surface: '', id: 'x', name: 'X', type: 'place', candidates: ['x'], future: { a: 1 } },
  ]);
  const mentions = assemble(Uint32Array.of(0, 2, 0, 0, 5, 8, 1, 1, 9, 11, 0, 0), templates, '😀Gao', Uint32Array.of(2, 5));
  assert.deepEqual(mentions, [
    { start: 0, end: 2, surface: '😀', id: 'gao', name: 'Gao', type: 'place', candidates: ['gao'], tier: 'curated' },
    { start: 5, end: 8, surface: 'Gao', id: 'x', name: 'X', type: 'place', candidates: ['x'], future: { a: 1 } },
    { start: 9, end: 11, surface: '😀', id: 'gao', name: 'Gao', type: 'place', candidates: ['gao'], tier: 'curated' },
  ]);
  assert.deepEqual(Object.keys(mentions[1]), ['start', 'end', 'surface', 'id', 'name', 'type', 'candidates', 'future']);
  assert.notEqual(mentions[0].candidates, mentions[2].candidates);
});

// Six names in 190 bytes: far denser than news, so that object creation in tag() shows.
const DENSE =
  'Le 12 mai, le JNIM a revendiqué une embuscade entre Boulkessi et Dioura 🚨 ; à Niafunké, ' +
  'les habitants parlent de تمبكتو et de Tombouctou sans distinction. Rien d\u2019autre à noter. ';
const PER_PARAGRAPH = ['jnim', 'boulkessi', 'djoura', 'niafunke', 'timbuktu', 'timbuktu'];
// Nameless prose: with it, about one name per 150 bytes, nearer to a news feed.
const PROSE =
  'Selon plusieurs témoins joints par téléphone, la situation restait tendue dans la soirée, les ' +
  'commerces avaient fermé plus tôt que d\u2019habitude et les routes secondaires étaient désertes. ' +
  'Residents said the market had been closed for three days and that fuel prices had doubled. ';

/** `paragraph` repeated to 10 MiB of UTF-8, and the number of repeats. */
function tenMegabytes(paragraph) {
  const repeats = Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(paragraph));
  return { text: paragraph.repeat(repeats), repeats, megabytes: (repeats * Buffer.byteLength(paragraph)) / 1e6 };
}

/** Runs `tag` and `tagSpans` three times each on `text`; prints the times; returns the last results. */
function timed(label, text, megabytes) {
  const timings = { tag: [], tagSpans: [] };
  let mentions;
  let spans;
  for (let run = 0; run < 3; run++) {
    let t0 = performance.now();
    mentions = tagger.tag(text);
    timings.tag.push(performance.now() - t0);
    t0 = performance.now();
    spans = tagger.tagSpans(text);
    timings.tagSpans.push(performance.now() - t0);
  }
  for (const [method, ms] of Object.entries(timings)) {
    const best = Math.min(...ms);
    report(
      `${method}() on ${megabytes.toFixed(1)} MB ${label} (${mentions.length} mentions): ` +
        `${median(ms).toFixed(0)} ms median, ${(megabytes / (best / 1000)).toFixed(1)} MB/s best of ${ms.length}`,
    );
  }
  return { mentions, spans };
}

test('a 10 MB text: results, and throughput (printed)', () => {
  const { text, repeats, megabytes } = tenMegabytes(DENSE);
  const { mentions, spans } = timed('of dense names', text, megabytes);
  assert.equal(mentions.length, repeats * PER_PARAGRAPH.length);
  assert.equal(spans.length, 4 * mentions.length);
  for (let i = 0; i < mentions.length; i += 9973) {
    const m = mentions[i];
    assert.equal(m.id, PER_PARAGRAPH[i % PER_PARAGRAPH.length]);
    assert.equal(text.slice(m.start, m.end), m.surface);
    assert.equal(Math.floor(m.start / DENSE.length), Math.floor(i / PER_PARAGRAPH.length));
  }
  const last = mentions.at(-1);
  assert.equal(text.slice(last.start, last.end), 'Tombouctou');
  assert.equal(last.end, text.lastIndexOf('Tombouctou') + 'Tombouctou'.length);
  assert.deepEqual([...spans.slice(-4, -2)], [last.start, last.end]);

  const news = tenMegabytes(DENSE + PROSE + PROSE);
  const sparse = timed('of news-like density', news.text, news.megabytes);
  assert.equal(sparse.mentions.length, news.repeats * PER_PARAGRAPH.length);
});

test('a user gazetteer: TOML merged over the default, spaCy patterns instead of it', () => {
  const toml = [
    '[[entity]]',
    'id = "nantaka"',
    'name = "Nantaka"',
    'type = "place"',
    'variants = ["Nantaga"]',
  ].join('\n');
  const merged = Tagger.fromSources([{ name: 'mes-lieux.toml', text: toml }], true);
  assert.deepEqual(
    merged.tag('Nantaga et Niafunké').map((m) => [m.id, m.tier]),
    [
      ['nantaka', 'user'],
      ['niafunke', 'curated'],
    ],
  );
  assert.equal(merged.stats().entities, tagger.stats().entities + 1);

  const jsonl = [
    '{"label": "ORG", "pattern": "JNIM", "id": "jnim"}',
    '{"label": "GPE", "pattern": "Boulkessy", "id": "boulkessi"}',
  ].join('\n');
  const only = Tagger.fromSources([{ name: 'patterns.jsonl', text: jsonl }], false);
  assert.deepEqual(
    only.tag('JNIM, Boulkessy, Niafunké').map((m) => [m.id, m.type]),
    [
      ['jnim', 'organization'],
      ['boulkessi', 'place'],
    ],
  );
  merged.free();
  only.free();
});

test('a bad gazetteer throws an Error naming line and problem; the tagger before it still works', () => {
  const before = tagger.tag(TEXT);
  const bad = ['[[entity]]', 'id = "nantaka"', 'name = "Nantaka"', 'type = "hamlet"'].join('\n');
  assert.throws(
    () => Tagger.fromSources([{ name: 'bad.toml', text: bad }], true),
    (error) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /bad\.toml:4: error: .*unknown type "hamlet"/);
      // Every diagnostic, errors first (warnings of the embedded files follow).
      const errors = error.diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(
        errors.map((d) => [d.source, d.line]),
        [['bad.toml', 4]],
      );
      assert.equal(error.diagnostics[0].severity, 'error');
      return true;
    },
  );
  // A spaCy token pattern is skipped with a warning on its line; the phrase patterns load.
  const tokens = '{"label": "GPE", "pattern": [{"LOWER": "gao"}]}\n{"label": "GPE", "pattern": "Gao"}';
  const patterns = Tagger.fromSources([{ name: 'p.jsonl', text: tokens }], false);
  assert.deepEqual(
    patterns.diagnostics().map((d) => [d.severity, d.source, d.line]),
    [['warning', 'p.jsonl', 1]],
  );
  assert.match(patterns.diagnostics()[0].message, /^token pattern skipped/);
  assert.equal(patterns.tag('à Gao').length, 1);
  assert.throws(() => Tagger.fromSources('not an array', true), (e) => e instanceof Error && /array/.test(e.message));
  assert.deepEqual(tagger.tag(TEXT), before);
});
