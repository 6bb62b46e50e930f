// What the page knows about a tagged text: the mentions (packed as the worker sent them), the entity
// table, and helpers to read one mention as an object. No DOM here: the worker imports the constants.

/** Numbers per mention in the packed array: start, end (UTF-16), entity index, flags, variant index. */
export const STRIDE = 5;
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

/** Entity types in display order, with the label, the one-letter glyph drawn on marks and a plural. */
export const TYPES = [
  { id: 'armed_group', label: 'Armed group', plural: 'Armed groups', glyph: 'A' },
  { id: 'force', label: 'Force', plural: 'Forces', glyph: 'F' },
  { id: 'place', label: 'Place', plural: 'Places', glyph: 'L' },
  { id: 'person', label: 'Person', plural: 'People', glyph: 'P' },
  { id: 'media', label: 'Media', plural: 'Media', glyph: 'M' },
  { id: 'organization', label: 'Organization', plural: 'Organizations', glyph: 'O' },
];
export const TYPE_BY_ID = new Map(TYPES.map((t) => [t.id, t]));

export function typeLabel(id) {
  return TYPE_BY_ID.get(id)?.label ?? id;
}

/** The mentions of one text. */
export class Result {
  constructor(text, reply, entities) {
    this.text = text;
    this.n = reply.n;
    this.data = reply.data;
    this.variants = reply.variants;
    this.candidateMap = new Map(reply.candidates);
    this.entities = entities;
    this.tagMs = reply.tagMs;
    this.totalMs = reply.totalMs;
    this._byEntity = null;
  }

  start(i) {
    return this.data[i * STRIDE];
  }
  end(i) {
    return this.data[i * STRIDE + 1];
  }
  entityIndex(i) {
    return this.data[i * STRIDE + 2];
  }
  entity(i) {
    return this.entities[this.data[i * STRIDE + 2]];
  }
  flags(i) {
    return this.data[i * STRIDE + 3];
  }
  variant(i) {
    return this.variants[this.data[i * STRIDE + 4]];
  }
  /** Entities the mention may also refer to (the first is the one it links to). */
  candidates(i) {
    return (this.candidateMap.get(i) || []).map((k) => this.entities[k]);
  }

  /** One mention as a plain object (exports, tooltips). */
  mention(i) {
    const e = this.entity(i);
    const flags = this.flags(i);
    const start = this.start(i);
    const end = this.end(i);
    return {
      id: e.id,
      name: e.name,
      type: e.type,
      subtype: e.subtype ?? null,
      surface: this.text.slice(start, end),
      start,
      end,
      variant: this.variant(i),
      match: matchKind(flags),
      possible: Boolean(flags & POSSIBLE),
      ambiguous: Boolean(flags & AMBIGUOUS),
      candidates: this.candidates(i).map((c) => c.id),
      tier: e.tier,
    };
  }

  /** Mention indices per entity index, in text order. */
  byEntity() {
    if (!this._byEntity) {
      const map = new Map();
      for (let i = 0; i < this.n; i++) {
        const k = this.entityIndex(i);
        let list = map.get(k);
        if (!list) map.set(k, (list = []));
        list.push(i);
      }
      this._byEntity = map;
    }
    return this._byEntity;
  }
}

/** A short, single-line snippet around [start, end), with ellipses where it is cut. */
export function contextSnippet(text, start, end, width = 40) {
  let from = Math.max(0, start - width);
  let to = Math.min(text.length, end + width);
  // Do not cut a surrogate pair in half.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  const before = text.slice(from, start).replace(/\s+/g, ' ');
  const after = text.slice(end, to).replace(/\s+/g, ' ');
  const surface = text.slice(start, end).replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${before.trimStart()}${surface}${after.trimEnd()}${to < text.length ? '…' : ''}`;
}

function isLowSurrogate(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}
