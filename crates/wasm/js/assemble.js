// The mention objects of `Tagger.tag`, made in JavaScript (imported by the glue as a wasm-bindgen
// snippet). The core serialises each distinct kind of mention once, as JSON (a template: every
// `Mention` field, from the one output model `MentionView`); here each mention is a copy of its
// template with its own offsets, surface and `candidates` array. One call and one JSON.parse for the
// whole text, instead of calls across the boundary per mention and per field, which cost more than
// tagging.
//
// How a copy is made matters as much as the rest of `tag()`'s JavaScript: the templates have some
// thirty shapes (the optional fields present or not), so a spread (`{ ...template }`) at one place in
// the code sees them all and takes the engine's slow, generic path (and each copy grows its storage
// field by field). `Mention` below sets the fields in their order with one constructor, whose objects
// the engine lays out once with room for every field: a third faster in Node and Chromium on news,
// and less garbage. Its prototype is `Object.prototype`, so the objects are plain objects (same
// prototype, `constructor`, keys and key order as a spread copy). A template with a field this list
// does not know (a field added to `MentionView` and not here) is copied by spread, so nothing is ever
// left out.

/** Every field of a mention, in `MentionView`'s order (after `start`, `end`, `surface`). */
const FIELDS = [
  'id', 'name', 'type', 'unlisted', 'unconfirmed', 'match', 'variant', 'subtype', 'candidates',
  'ambiguous', 'possible', 'caseSensitive', 'check', 'cue', 'cueKind', 'rule', 'tier', 'designator',
  'candidateFacts', 'country', 'admin1', 'admin2', 'lat', 'lon', 'reason', 'related',
];
const KNOWN = new Set(['start', 'end', 'surface', ...FIELDS]);

/** A copy of template `t` at `start`..`end` with `surface`: the fields `t` has, in `FIELDS` order. */
function Mention(t, start, end, surface) {
  this.start = start;
  this.end = end;
  this.surface = surface;
  this.id = t.id;
  this.name = t.name;
  this.type = t.type;
  if (t.unlisted !== undefined) this.unlisted = t.unlisted;
  if (t.unconfirmed !== undefined) this.unconfirmed = t.unconfirmed;
  if (t.match !== undefined) this.match = t.match;
  if (t.variant !== undefined) this.variant = t.variant;
  if (t.subtype !== undefined) this.subtype = t.subtype;
  // Its own array, so that changing one mention's candidates changes no other.
  if (t.candidates !== undefined) this.candidates = t.candidates.slice();
  if (t.ambiguous !== undefined) this.ambiguous = t.ambiguous;
  if (t.possible !== undefined) this.possible = t.possible;
  if (t.caseSensitive !== undefined) this.caseSensitive = t.caseSensitive;
  if (t.check !== undefined) this.check = t.check;
  if (t.cue !== undefined) this.cue = t.cue;
  if (t.cueKind !== undefined) this.cueKind = t.cueKind;
  if (t.rule !== undefined) this.rule = t.rule;
  if (t.tier !== undefined) this.tier = t.tier;
  if (t.designator !== undefined) this.designator = t.designator;
  if (t.candidateFacts !== undefined) this.candidateFacts = t.candidateFacts;
  if (t.country !== undefined) this.country = t.country;
  if (t.admin1 !== undefined) this.admin1 = t.admin1;
  if (t.admin2 !== undefined) this.admin2 = t.admin2;
  if (t.lat !== undefined) this.lat = t.lat;
  if (t.lon !== undefined) this.lon = t.lon;
  if (t.reason !== undefined) this.reason = t.reason;
  if (t.related !== undefined) this.related = t.related;
}
// Plain objects: `Object.getPrototypeOf(m) === Object.prototype`, `m.constructor === Object`.
Mention.prototype = Object.prototype;

/** Whether `Mention` copies every field of template `t` (its first three are placeholders). */
function known(t) {
  for (const key in t) if (!KNOWN.has(key)) return false;
  return true;
}

/**
 * @param {Uint32Array} rows four numbers per mention, in text order: UTF-16 `start`, `end`, the index
 *   of its template in `templates`, the index of its surface. A view of WebAssembly memory: read here,
 *   never kept.
 * @param {string} templatesJson a JSON array of mentions
 * @param {string} surfaces the distinct surfaces, one after another
 * @param {Uint32Array} surfaceEnds where each surface ends in `surfaces` (UTF-16); a view of
 *   WebAssembly memory, read here
 * @returns {object[]} the mentions
 */
export function assemble(rows, templatesJson, surfaces, surfaceEnds) {
  const templates = JSON.parse(templatesJson);
  const plain = templates.map(known);
  const texts = new Array(surfaceEnds.length);
  for (let i = 0, at = 0; i < surfaceEnds.length; i++) {
    texts[i] = surfaces.slice(at, surfaceEnds[i]);
    at = surfaceEnds[i];
  }
  const mentions = new Array(rows.length / 4);
  for (let i = 0, k = 0; k < rows.length; i++, k += 4) {
    const which = rows[k + 2];
    const template = templates[which];
    if (plain[which]) {
      mentions[i] = new Mention(template, rows[k], rows[k + 1], texts[rows[k + 3]]);
    } else {
      const mention = { ...template };
      mention.start = rows[k];
      mention.end = rows[k + 1];
      mention.surface = texts[rows[k + 3]];
      if (template.candidates !== undefined) mention.candidates = template.candidates.slice();
      mentions[i] = mention;
    }
  }
  return mentions;
}
