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

/**
 * The mentions of one text, as the worker packs them: `data` (STRIDE numbers per mention), the
 * grouping by entity (`order`, `groups`: see worker.js) and the candidates of ambiguous mentions
 * (`candMention`, `candOffsets`, `candList`). Reading them costs nothing per mention up front, so a
 * text with a million mentions is ready at once.
 */
export class Result {
  constructor(text, reply, entities) {
    this.text = text;
    this.n = reply.n;
    this.data = reply.data;
    this.variants = reply.variants;
    this.order = reply.order;
    this.groups = reply.groups;
    this.candMention = reply.candMention;
    this.candOffsets = reply.candOffsets;
    this.candList = reply.candList;
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
    const at = lowerBound(this.candMention, i);
    if (at >= this.candMention.length || this.candMention[at] !== i) return [];
    return Array.from(this.candList.subarray(this.candOffsets[at], this.candOffsets[at + 1]), (k) => this.entities[k]);
  }

  /** The first mention that ends after UTF-16 offset `pos` (n when none). */
  mentionAfter(pos) {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.data[mid * STRIDE + 1] <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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

  /** Mention indices (a Uint32Array, in text order) per entity index, entities in table order. */
  byEntity() {
    if (!this._byEntity) {
      const map = new Map();
      this._certain = new Map();
      const g = this.groups;
      for (let j = 0; j < g.length; j += 4) {
        map.set(g[j], this.order.subarray(g[j + 1], g[j + 1] + g[j + 2]));
        this._certain.set(g[j], g[j + 3]);
      }
      this._byEntity = map;
    }
    return this._byEntity;
  }

  /** How many mentions of entity `index` are certain (not flagged possible). */
  certainCount(index) {
    this.byEntity();
    return this._certain.get(index) || 0;
  }

  /** How many mentions are shown when the types in `hidden` are hidden, and possible ones too if `hidePossible`. */
  shownCount(hidden, hidePossible) {
    const g = this.groups;
    let n = 0;
    for (let j = 0; j < g.length; j += 4) {
      if (!hidden.has(this.entities[g[j]].type)) n += hidePossible ? g[j + 3] : g[j + 2];
    }
    return n;
  }
}

function lowerBound(sorted, x) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
