// The tagger as the bookmarklet uses it: the wasm package with the embedded gazetteer, answering
// `tagSpans(text)` (a Uint32Array of [start, end, entityIndex, flags] quadruples, UTF-16 offsets) over
// a compact entity table `[id, name, type, subtype]` indexed by entityIndex.
//
// Loaded two ways: by remote.html (the tagger origin's own page, in a frame or a window), and by the
// bookmarklet itself with import() from the visited page when that page allows it (then this module
// and the wasm are fetched cross-origin, so the tagger origin must answer with CORS headers).
import init, { Tagger } from '../pkg/sahel_tagger.js';

let engine = null;

/** Resolves to `{ version, entities, tagSpans(text), free() }`; built once and shared until freed. */
export function createEngine() {
  if (!engine) {
    engine = (async () => {
      await init({ module_or_path: new URL('../pkg/sahel_tagger_bg.wasm', import.meta.url) });
      const tagger = new Tagger();
      const entities = tagger.entities().map((e) => [e.id, e.name, e.type, e.subtype || '']);
      return {
        version: tagger.stats().version,
        entities,
        tagSpans: (text) => tagger.tagSpans(text),
        free() {
          engine = null;
          tagger.free();
        },
      };
    })();
    engine.catch(() => (engine = null));
  }
  return engine;
}
