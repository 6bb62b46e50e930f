// The entity types and mention flags, one table for the page, its worker and the bookmarklet, so that
// a type has the same label, letter and colours wherever a mention is shown. No DOM here: the worker
// imports it too.

/** Mention flags, as `Tagger.tagSpans` packs them (src/wasm.rs) and the page's worker repeats. */
export const AMBIGUOUS = 1;
export const POSSIBLE = 2;
export const CASE_SENSITIVE = 4;
/** Found by tolerant matching: a long name written with one slip (`variant` is the one approximated). */
export const TOLERANT = 8;
/** A descriptive force name made by the grammar ("armée azawadienne"; `variant` is its phrase). */
export const GRAMMAR = 16;

/** How mention flags say it matched: `exact`, `tolerant` or `grammar`, as the wasm `Mention.match`. */
export function matchKind(flags) {
  if (flags & TOLERANT) return 'tolerant';
  if (flags & GRAMMAR) return 'grammar';
  return 'exact';
}

/**
 * Entity types in display order: label, plural, the one-letter glyph drawn on marks (so that colour is
 * never the only cue), and the light-mode colours of the Okabe-Ito palette (safe for the common
 * colour-vision deficiencies): `colour` the type's own, `tint` behind dark text, `ink` for the letter,
 * `line` for the underline. style.css repeats them as CSS variables (with dark-mode ones);
 * tests/e2e/shared.test.mjs checks that the two agree.
 */
export const TYPES = [
  { id: 'armed_group', label: 'Armed group', plural: 'Armed groups', glyph: 'A', colour: '#d55e00', tint: '#f2cfb2', ink: '#6a2f00', line: '#a64900' },
  { id: 'force', label: 'Force', plural: 'Forces', glyph: 'F', colour: '#0072b2', tint: '#b2d5e8', ink: '#003959', line: '#00598b' },
  { id: 'place', label: 'Place', plural: 'Places', glyph: 'L', colour: '#009e73', tint: '#b2e2d5', ink: '#004f3a', line: '#007b5a' },
  { id: 'person', label: 'Person', plural: 'People', glyph: 'P', colour: '#cc79a7', tint: '#f0d7e5', ink: '#663c54', line: '#9f5e82' },
  { id: 'media', label: 'Media', plural: 'Media', glyph: 'M', colour: '#e69f00', tint: '#f8e2b2', ink: '#735000', line: '#b37c00' },
  { id: 'organization', label: 'Organization', plural: 'Organizations', glyph: 'O', colour: '#56b4e9', tint: '#cce8f8', ink: '#2b5a74', line: '#438cb6' },
];
export const TYPE_BY_ID = new Map(TYPES.map((t) => [t.id, t]));

/** What a type unknown to this table (from a newer gazetteer) is drawn with. */
export const OTHER_TYPE = { label: '', plural: '', glyph: '?', colour: '#5f6368', tint: '#e3e5e8', ink: '#3c4043', line: '#5f6368' };

/** The type's table row, or OTHER_TYPE with the id as its label. */
export function typeInfo(id) {
  return TYPE_BY_ID.get(id) ?? { ...OTHER_TYPE, id, label: id, plural: id };
}

export function typeLabel(id) {
  return typeInfo(id).label;
}
