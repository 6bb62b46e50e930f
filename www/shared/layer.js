// The GeoNames village layer, loaded the same way by the page's worker and by the bookmarklet's
// engine: asked about with a HEAD request until someone wants it (a reader who keeps it switched off
// never downloads it), then fetched once. Relative to this module, so that it also works when the
// bookmarklet imports the engine from a visited page (then cross-origin: the tagger origin sends CORS
// headers for shared/ and data/).
//
// Two forms, the first found wins: data/geonames.bin.gz, the layer precompiled (`make geonames`:
// `sahel-tagger gazetteer compile`, every field of the TSV and the spellings' folding) and gzipped,
// about 0.7 MB, decompressed here with DecompressionStream (any static server will do, no
// Content-Encoding needed) and handed to the tagger as bytes, loaded without parsing; else
// data/geonames.tsv, the generated text layer (5 MB), for sites that only have that.

const BINARY = new URL('../data/geonames.bin.gz', import.meta.url);
const TEXT = new URL('../data/geonames.tsv', import.meta.url);
let layer = null;
let there = null;

/** The precompiled layer's bytes, or null when the site has none. */
async function binary() {
  const r = await fetch(BINARY);
  if (!r.ok || !r.body) return null;
  const stream = r.body.pipeThrough(new DecompressionStream('gzip'));
  return { name: 'geonames.bin', bytes: new Uint8Array(await new Response(stream).arrayBuffer()), tier: 'geonames' };
}

/** The text layer, or null when the site has none. */
async function text() {
  const r = await fetch(TEXT);
  return r.ok ? { name: 'geonames.tsv', text: await r.text(), tier: 'geonames' } : null;
}

/**
 * The layer as a gazetteer source for `Tagger.fromSources` (`{name, bytes, tier}` or
 * `{name, text, tier}`), or null when the site has none.
 */
export function villageLayer() {
  if (!layer) {
    layer = binary()
      .catch(() => null)
      .then((found) => found || text().catch(() => null));
    there = layer.then(Boolean);
  }
  return layer;
}

/** Whether the layer is there, without downloading it. */
export function villageLayerAvailable() {
  if (!there) {
    const head = (url) => fetch(url, { method: 'HEAD' }).then((r) => r.ok, () => false);
    there = head(BINARY).then((ok) => ok || head(TEXT));
  }
  return there;
}
