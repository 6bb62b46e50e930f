// The mention objects of `Tagger.tag`, made in JavaScript (imported by the glue as a wasm-bindgen
// snippet). The core serialises each distinct kind of mention once, as JSON (a template: every
// `Mention` field, from the one output model `MentionView`); here each mention is a copy of its
// template with its own offsets, surface and `candidates` array. One call and one JSON.parse for the
// whole text, instead of calls across the boundary per mention and per field, which cost more than
// tagging.

/**
 * @param {Uint32Array} rows four numbers per mention, in text order: UTF-16 `start`, `end`, the index
 *   of its template in `templates`, the index of its surface in `surfaces`. A view of WebAssembly
 *   memory: read here, never kept.
 * @param {string} templates a JSON array of mentions
 * @param {string[]} surfaces
 * @returns {object[]} the mentions
 */
export function assemble(rows, templatesJson, surfaces) {
  const templates = JSON.parse(templatesJson);
  const mentions = new Array(rows.length / 4);
  for (let i = 0, k = 0; k < rows.length; i++, k += 4) {
    const template = templates[rows[k + 2]];
    const mention = { ...template };
    mention.start = rows[k];
    mention.end = rows[k + 1];
    mention.surface = surfaces[rows[k + 3]];
    // Its own array, so that changing one mention's candidates changes no other.
    if (template.candidates !== undefined) mention.candidates = template.candidates.slice();
    mentions[i] = mention;
  }
  return mentions;
}
