// What the page knows about a tagged text: the mentions (packed as the worker sent them), the entity
// table, and helpers to read one mention as an object. No DOM here: the worker imports the constants.

/** Numbers per mention in the packed array: start, end (UTF-16), entity index, flags, variant index. */
export const STRIDE = 5;
// Types and flags are shared with the bookmarklet (../shared/types.js); re-exported for the worker and
// the page's modules, which read them here with the packed layout.
export { AMBIGUOUS, POSSIBLE, CASE_SENSITIVE, TOLERANT, GRAMMAR, matchKind, TYPES, TYPE_BY_ID, typeLabel } from '../shared/types.js';

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
    // Context: related places, reasons, checks of doubtful names, unlisted names (see worker.js).
    this.relMention = reply.relMention;
    this.relOffsets = reply.relOffsets;
    this.relList = reply.relList;
    this.reasonOf = reply.reasonOf;
    this.reasons = reply.reasons || [];
    this.checkOf = reply.checkOf;
    this.checks = reply.checks || [];
    this.unlMention = reply.unlMention;
    this.unlisted = reply.unlisted || [];
    // Unlisted names are entities after the table's, for this text only.
    this.entities = reply.extra?.length ? entities.concat(reply.extra) : entities;
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

  /** Places that share the mention's name without being its candidates (a town's cercle and region). */
  related(i) {
    if (!this.relMention) return [];
    const at = lowerBound(this.relMention, i);
    if (at >= this.relMention.length || this.relMention[at] !== i) return [];
    return Array.from(this.relList.subarray(this.relOffsets[at], this.relOffsets[at + 1]), (k) => this.entities[k]);
  }
  /** Why context linked the mention (`{kind, text, with?}`), or null. */
  reason(i) {
    const at = strideFind(this.reasonOf, 2, i);
    return at < 0 ? null : this.reasons[this.reasonOf[at + 1]];
  }
  /** A doubtful name's check (`{doubt, verdict, reason, cue?, words?, at?}`), or null. */
  check(i) {
    const at = strideFind(this.checkOf, 3, i);
    if (at < 0) return null;
    const check = { ...this.checks[this.checkOf[at + 1]] };
    if (this.checkOf[at + 2] !== 0xffffffff) check.at = this.checkOf[at + 2];
    return check;
  }
  /** What proposed an unlisted name (`{type, cue, cueKind, rule}`), or null. */
  unlistedFacts(i) {
    if (!this.unlMention) return null;
    const at = lowerBound(this.unlMention, i);
    return at < this.unlMention.length && this.unlMention[at] === i ? this.unlisted[at] : null;
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

  /**
   * Mention `i` as the shared modules read one (../shared/mentions.js for exports, ../shared/card.js
   * for the card): UTF-16 offsets, the entity object, flags, variant, candidate entities, related
   * entities, the reason context linked it, a doubtful name's check, an unlisted name's facts.
   */
  mention(i) {
    return {
      entity: this.entity(i),
      start: this.start(i),
      end: this.end(i),
      flags: this.flags(i),
      variant: this.variant(i),
      candidates: this.candidates(i),
      related: this.related(i),
      reason: this.reason(i),
      check: this.check(i),
      unlisted: this.unlistedFacts(i),
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

/** Where mention `i` is in `list` (records of `stride` numbers, sorted by their first), or -1. */
function strideFind(list, stride, i) {
  if (!list) return -1;
  let lo = 0;
  let hi = list.length / stride;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid * stride] < i) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length / stride && list[lo * stride] === i ? lo * stride : -1;
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
