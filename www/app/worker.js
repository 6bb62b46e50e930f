// The tagger runs here, off the main thread, so that tagging a long paste never freezes the page.
//
// Protocol: the page posts `{seq, op, ...}` and gets back `{seq, ok, ...}` (or `{seq, ok: false,
// error}`). Operations:
//   build {sources, check?}  rebuilds the tagger from the user's gazetteer sources over the embedded one.
//                            With `check` (a new source) that source is validated on its own first, so
//                            its errors name its own lines. On any failure the current tagger is kept.
//   tag {text}               tags a text; mentions come back packed in a transferable Uint32Array.
//   exportTsv {onlyUser}     the gazetteer (or only the user's entries) as a TSV layer.
import init, { Tagger } from '../pkg/sahel_tagger.js';
import { STRIDE, AMBIGUOUS, POSSIBLE, CASE_SENSITIVE } from './model.js';

const ready = init();
let tagger = null;
let entities = [];
let indexById = new Map();
let defaultIds = null;

function adopt(next) {
  if (tagger) tagger.free();
  tagger = next;
  entities = tagger.entities();
  indexById = new Map(entities.map((e, i) => [e.id, i]));
}

function describe() {
  return { entities, stats: tagger.stats() };
}

function errorText(err) {
  return err instanceof Error ? err.message : String(err);
}

function ensureDefaultIds() {
  if (!defaultIds) {
    const plain = new Tagger();
    defaultIds = new Set(plain.entities().map((e) => e.id));
    plain.free();
  }
  return defaultIds;
}

function build({ sources, check }) {
  const clean = (s) => ({ name: String(s.name), text: String(s.text) });
  let summary = null;
  let warnings = [];
  if (check) {
    const source = clean(check);
    const diagnostics = Tagger.validate(source.name, source.text);
    const own = diagnostics.filter((d) => d.source === source.name);
    const errors = own.filter((d) => d.severity === 'error');
    if (errors.length) {
      const lines = errors.map((d) => `${d.source}${d.line ? `:${d.line}` : ''}: error: ${d.message}`);
      return { ok: false, error: lines.join('\n'), diagnostics: errors };
    }
    warnings = own.filter((d) => d.severity === 'warning');
    let alone;
    try {
      alone = Tagger.fromSources([source], true);
    } catch (err) {
      return { ok: false, error: errorText(err) };
    }
    const known = ensureDefaultIds();
    summary = alone
      .entities()
      .filter((e) => e.tier === 'user')
      .map((e) => ({ id: e.id, name: e.name, type: e.type, overrides: known.has(e.id) }));
    alone.free();
    if (summary.length === 0) {
      return { ok: false, error: `${source.name}: no entity found in this file` };
    }
  }
  let next;
  try {
    const all = sources.map(clean);
    next = all.length ? Tagger.fromSources(all, true) : new Tagger();
  } catch (err) {
    return { ok: false, error: errorText(err) };
  }
  adopt(next);
  return { ok: true, summary, warnings, ...describe() };
}

function tag({ text }) {
  const t0 = performance.now();
  const mentions = tagger.tag(text);
  const tagMs = performance.now() - t0;
  const n = mentions.length;
  const data = new Uint32Array(n * STRIDE);
  const variants = [];
  const variantIndex = new Map();
  const candidates = [];
  for (let i = 0; i < n; i++) {
    const m = mentions[i];
    let v = variantIndex.get(m.variant);
    if (v === undefined) {
      v = variants.length;
      variants.push(m.variant);
      variantIndex.set(m.variant, v);
    }
    const o = i * STRIDE;
    data[o] = m.start;
    data[o + 1] = m.end;
    data[o + 2] = indexById.get(m.id);
    data[o + 3] = (m.ambiguous ? AMBIGUOUS : 0) | (m.possible ? POSSIBLE : 0) | (m.caseSensitive ? CASE_SENSITIVE : 0);
    data[o + 4] = v;
    if (m.ambiguous) candidates.push([i, m.candidates.map((id) => indexById.get(id))]);
  }
  return { ok: true, n, data, variants, candidates, tagMs, totalMs: performance.now() - t0, transfer: [data.buffer] };
}

self.onmessage = async (event) => {
  const msg = event.data;
  let reply;
  try {
    await ready;
    if (!tagger && msg.op !== 'build') adopt(new Tagger());
    switch (msg.op) {
      case 'build':
        reply = build(msg);
        if (!reply.ok && !tagger) {
          // First load with stored sources that no longer build: fall back to the embedded gazetteer.
          adopt(new Tagger());
          reply = { ...reply, fallback: true, ...describe() };
        }
        break;
      case 'tag':
        reply = tag(msg);
        break;
      case 'exportTsv':
        reply = { ok: true, text: tagger.exportTsv(Boolean(msg.onlyUser)) };
        break;
      default:
        reply = { ok: false, error: `unknown operation ${msg.op}` };
    }
  } catch (err) {
    reply = { ok: false, error: errorText(err) };
  }
  const transfer = reply.transfer || [];
  delete reply.transfer;
  self.postMessage({ seq: msg.seq, ...reply }, transfer);
};
