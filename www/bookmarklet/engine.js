// The tagger as the bookmarklet uses it: the wasm package with the embedded gazetteer, optionally over
// the GeoNames layer, answering `tagPacked(text)` (the packed form the page's worker uses too: typed
// arrays of UTF-16 spans, entity indexes, flags, variant indexes and candidates; `PackedMentions` in
// pkg/sahel_tagger.d.ts) and `tagSpans(text)` (a Uint32Array of [start, end, entityIndex, flags]
// quadruples, the first four numbers of each packed mention) over the entity table indexed by
// entityIndex (the wasm `entityTable()`: the entities without their spellings; the card shows lineage,
// parents and coordinates, not variants). `details(text)` gives what the spans leave out, for the card and the
// exports: each mention's variant, for an ambiguous one its candidates, the reason context linked it
// and the places that share its name. `tagUnlisted(text)` gives `{spans, unl}`: the spans and the names
// no list holds (`[start, end, type, cue]`), from one tagging.
//
// Loaded two ways: by remote.html (the tagger origin's own page, in a frame or a window), and by the
// bookmarklet itself with import() from the visited page when that page allows it (then this module,
// the wasm and the village layer are fetched cross-origin, so the tagger origin must answer with CORS
// headers for bookmarklet/, shared/, pkg/ and data/).
//
// The village layer (../shared/layer.js) is fetched only when a tagger with it is asked for, and once.
import init, { Tagger } from '../pkg/sahel_tagger.js';
import { villageLayer, villageLayerAvailable } from '../shared/layer.js';

/** Engines being built or built, by whether they include the village layer. */
const engines = new Map();
/** The last text `details` tagged, and its mentions (a card after another of the same chunk is free). */
let lastDetails = null;

export { villageLayerAvailable };

/**
 * Resolves to `{ version, entities, villages, sourcesError, tagPacked(text), tagSpans(text), details(text), free() }`,
 * built once per mode and shared until freed. `details(text)` lists `[start, end, variant, candidates
 * or null]` per mention, in the order of `tagSpans(text)`; the last text's list is kept, so that
 * hovering mention after mention of one chunk tags it once. With `villages`, the GeoNames layer is
 * added when it exists (`villages` in the result
 * counts its entities: 0 when it does not).
 */
export function createEngine({ villages = false, sources = [], wasm = null } = {}) {
  // `sources`: the user's entries and rules the bookmarklet carries ([{name, text}], loaded over the
  // embedded gazetteer like the page's); sources that no longer build are left out (`sourcesError`).
  const mine = (Array.isArray(sources) ? sources : []).filter((s) => s && typeof s.name === 'string' && typeof s.text === 'string').map(({ name, text }) => ({ name, text }));
  const key = JSON.stringify([Boolean(villages), mine]);
  let engine = engines.get(key);
  if (!engine) {
    engine = (async () => {
      await init({ module_or_path: wasm || new URL('../pkg/sahel_tagger_bg.wasm', import.meta.url) });
      const layer = villages ? await villageLayer() : null;
      const base = layer ? [layer] : [];
      let tagger;
      let sourcesError = null;
      try {
        tagger = base.length || mine.length ? Tagger.fromSources([...base, ...mine], true) : new Tagger();
      } catch (err) {
        if (!mine.length) throw err;
        sourcesError = String((err && err.message) || err);
        tagger = base.length ? Tagger.fromSources(base, true) : new Tagger();
      }
      let count = 0;
      const entities = tagger.entityTable();
      for (const e of entities) if (e.tier === 'geonames') count++;
      return {
        version: tagger.stats().version,
        entities,
        villages: count,
        sourcesError,
        tagPacked: (t) => tagger.tagPacked(t, { unlisted: false }),
        tagSpans: (t) => tagger.tagSpans(t),
        tagUnlisted: (t) => withUnlisted(tagger.tagPacked(t, { unlisted: true })),
        details(t) {
          if (!lastDetails || lastDetails.text !== t || lastDetails.tagger !== tagger) {
            // Fifth: the other entities the mention may be re-linked to (the review): the other
            // candidates and the same-name places, with their facts; then why context linked it and the
            // same-name places' ids.
            const list = tagger.tag(t, { unlisted: false }).map((m) => [m.start, m.end, m.variant, m.ambiguous ? m.candidates : null, alternativesOf(m), m.reason || null, m.related ? m.related.map((r) => r.id) : null]);
            lastDetails = { text: t, tagger, list };
          }
          return lastDetails.list;
        },
        free() {
          if (engines.get(key) === engine) engines.delete(key);
          if (lastDetails?.tagger === tagger) lastDetails = null;
          tagger.free();
        },
      };
    })();
    engines.set(key, engine);
    engine.catch(() => engines.get(key) === engine && engines.delete(key));
  }
  return engine;
}

/** The facts of what mention `m` (a wasm Mention) may be re-linked to, itself left out; null: nothing. */
function alternativesOf(m) {
  const list = [...(m.candidateFacts || []), ...(m.related || [])].filter((c) => c.id !== m.id);
  return list.length ? list.map((c) => ({ id: c.id, name: c.name, subtype: c.subtype ?? null, country: c.country ?? null, parent: c.parent ?? null, parentName: c.parentName ?? c.parent_name ?? null })) : null;
}

/**
 * `tagSpans`' quadruples and the names no list holds, from one packed tagging: `{spans, unl}`, `unl`
 * listing `[start, end, type, cue]` per unlisted name (UTF-16 offsets).
 */
function withUnlisted({ data, unlisted }) {
  const spans = new Uint32Array(((data.length / 5) - unlisted.length) * 4);
  const unl = [];
  let j = 0;
  for (let i = 0; i < data.length; i += 5) {
    if (data[i + 3] & 128) {
      const u = unlisted[data[i + 2]];
      unl.push([data[i], data[i + 1], u.type, u.cue]);
    } else {
      spans.set([data[i], data[i + 1], data[i + 2], data[i + 3] & 31], j);
      j += 4;
    }
  }
  return { spans, unl };
}

/** Frees every engine built here. */
export async function freeEngines() {
  for (const e of [...engines.values()]) {
    try {
      (await e).free();
    } catch (err) {
      // one that failed to build has nothing to free
    }
  }
}
