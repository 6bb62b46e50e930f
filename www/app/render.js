// Draws a tagged text: text nodes and one focusable <mark> per mention. Long texts are cut into chunks
// (at line breaks where possible) appended a few per frame, so the page keeps answering while they
// render; off-screen chunks skip layout through `content-visibility: auto`.
//
// Only what can be on screen is ever in the page: a text longer than PART_CHARS * 1.5 is shown one
// part (about PART_CHARS characters, cut at a paragraph or line break, never inside a mention) at a
// time, with the page's part navigation; going to a mention draws its part. Drawing a part costs the
// same whatever the length of the whole text (50 MB included), and so does every step here: parts are
// found by a few string searches and binary searches over the mentions, never a pass over the text.
import { AMBIGUOUS, POSSIBLE } from './model.js';
import { nextFrame } from '../shared/dom.js';
import { UNCONFIRMED } from '../shared/unlisted.js';

/** Characters per chunk, and how long one frame may spend building chunks. */
const CHUNK_CHARS = 6_000;
const FRAME_BUDGET_MS = 10;
/** Characters per part of a long text. */
export const PART_CHARS = 100_000;

export class ResultView {
  /** `onPart(index, parts)` is called when a part of a long text is about to be drawn. */
  constructor(container, { onPart = () => {}, decorate = null } = {}) {
    this.container = container;
    this.onPart = onPart;
    /** `decorate(mark, i)`: called on each mark drawn (the review state, ../shared/review.js). */
    this.decorate = decorate;
    this.token = 0;
    this.marks = new Map();
    this.result = null;
    this.parts = [];
    this.part = -1;
    this.drawing = null;
    this.current = -1;
  }

  /** Empties the view and shows `placeholder` (a Node) instead. */
  clear(placeholder) {
    this.token++;
    this.result = null;
    this.marks = new Map();
    this.parts = [];
    this.part = -1;
    this.drawing = null;
    this.current = -1;
    this.container.replaceChildren(...(placeholder ? [placeholder] : []));
    this.container.classList.remove('chunked');
    delete this.container.dataset.part;
    this.onPart(-1, []);
  }

  /**
   * Renders `result` (its first part when it is long). Resolves to `true` once that is in the page, or
   * `false` when a newer render (or a clear) took over. `onProgress(done, total)` is called after each frame.
   */
  render(result, onProgress = () => {}) {
    this.result = result;
    this.parts = splitParts(result);
    this.current = -1;
    return this.showPart(0, onProgress);
  }

  /** Draws part `p` of the current result; resolves like render(). */
  showPart(p, onProgress = () => {}) {
    const result = this.result;
    if (!result || p < 0 || p >= this.parts.length) return Promise.resolve(false);
    const token = ++this.token;
    this.part = p;
    if (this.parts.length > 1) this.container.dataset.part = String(p);
    else delete this.container.dataset.part;
    this.onPart(p, this.parts);
    this.drawing = this._draw(result, this.parts[p], token, onProgress);
    return this.drawing;
  }

  /** The part holding mention `i`. */
  partOf(i) {
    const start = this.result.start(i);
    let lo = 0;
    let hi = this.parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.parts[mid].start <= start) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The mark of mention `i` once drawn (its part drawn first if need be), or null. */
  async reveal(i) {
    if (!this.result || !(i < this.result.n)) return null;
    const p = this.partOf(i);
    if (p !== this.part) {
      if (!(await this.showPart(p))) return null;
    } else if (!this.marks.has(i) && this.drawing) {
      await this.drawing;
    }
    return this.marks.get(i) || null;
  }

  /** Marks mention `i` as the current one (kept when its part is drawn again). */
  setCurrent(i) {
    for (const old of this.container.querySelectorAll('mark.current')) old.classList.remove('current');
    this.current = i;
    this.marks.get(i)?.classList.add('current');
  }

  async _draw(result, part, token, onProgress) {
    const { text } = result;
    const length = part.end - part.start;
    const chunked = length > CHUNK_CHARS * 1.5;
    this.marks = new Map();
    this.container.replaceChildren();
    this.container.classList.toggle('chunked', chunked);
    this.container.scrollTop = 0;
    const state = { pos: part.start, i: result.mentionAfter(part.start) };
    if (this.parts.length > 1) {
      // The page has just been updated (panel, legend): draw from the next frame on.
      await nextFrame();
      if (token !== this.token) return false;
    }
    let frameStart = performance.now();
    while (state.pos < part.end) {
      this.container.append(this._chunk(result, state, chunked, part.end));
      if (state.pos < part.end && performance.now() - frameStart > FRAME_BUDGET_MS) {
        onProgress(state.pos - part.start, length);
        await nextFrame();
        if (token !== this.token) return false;
        frameStart = performance.now();
      }
    }
    onProgress(length, length);
    return token === this.token;
  }

  /** Builds the next chunk from `state.pos`, advancing `state.pos` and `state.i` (next mention). */
  _chunk(result, state, chunked, partEnd) {
    const { text, n } = result;
    const div = document.createElement('div');
    div.className = 'chunk';
    let limit = chunked ? chunkEnd(text, state.pos, partEnd) : partEnd;
    let pos = state.pos;
    let i = state.i;
    while (i < n && result.start(i) < limit) {
      const start = result.start(i);
      const end = result.end(i);
      if (start < pos) {
        // Overlapping mention (the tagger does not produce these): keep the first one.
        i++;
        continue;
      }
      if (end > limit) limit = end;
      if (start > pos) div.append(text.slice(pos, start));
      div.append(this._mark(result, i, text.slice(start, end)));
      pos = end;
      i++;
    }
    if (limit > pos) div.append(text.slice(pos, limit));
    state.pos = limit;
    state.i = i;
    return div;
  }

  _mark(result, i, surface) {
    const entity = result.entity(i);
    const flags = result.flags(i);
    const mark = document.createElement('mark');
    mark.setAttribute('data-entity', entity.id);
    mark.setAttribute('data-type', entity.type);
    mark.setAttribute('data-i', i);
    mark.tabIndex = 0;
    let cls = '';
    if (flags & POSSIBLE) cls += ' possible';
    if (flags & AMBIGUOUS) cls += ' ambiguous';
    if (entity.tier === 'user') cls += ' user';
    if (entity.unlisted) cls += ' unlisted';
    if (flags & UNCONFIRMED) cls += ' unconfirmed';
    if (i === this.current) cls += ' current';
    if (cls) mark.className = cls.slice(1);
    mark.textContent = surface;
    if (this.decorate) this.decorate(mark, i);
    this.marks.set(i, mark);
    return mark;
  }
}

/**
 * The parts of a result's text: `[{start, end}]` (UTF-16 offsets), one part for a text up to
 * PART_CHARS * 1.5. Cuts fall after a blank line, else a line break, else a space near the target
 * size, and never inside a mention.
 */
export function splitParts(result) {
  const { text } = result;
  const parts = [];
  let pos = 0;
  while (pos < text.length) {
    let end = breakNear(text, pos, PART_CHARS, text.length);
    // A mention across the cut: the cut goes after it.
    const i = result.mentionAfter(end);
    if (i < result.n && result.start(i) < end) end = result.end(i);
    parts.push({ start: pos, end });
    pos = end;
  }
  if (!parts.length) parts.push({ start: 0, end: 0 });
  return parts;
}

/** Where a chunk starting at `pos` should end: after a line break near the target size if any. */
function chunkEnd(text, pos, limit) {
  return breakNear(text, pos, CHUNK_CHARS, limit);
}

/** An end for a piece of about `size` characters from `pos` (at most `limit`): at a break if any. */
function breakNear(text, pos, size, limit) {
  const target = pos + size;
  if (target >= limit - size / 2) return limit;
  // Every search looks at a bounded stretch (a slice is a view, not a copy): a text with no break at
  // all, one 50 MB line, costs the same per piece as any other.
  const find = (what, within) => {
    const at = text.slice(target, Math.min(limit, target + within)).indexOf(what);
    return at === -1 ? -1 : target + at;
  };
  if (size > CHUNK_CHARS) {
    const paragraph = find('\n\n', size / 5);
    if (paragraph !== -1) return paragraph + 2;
  }
  const newline = find('\n', size);
  if (newline !== -1) return newline + 1;
  const space = find(' ', 200);
  if (space !== -1) return space + 1;
  // No break in sight: cut anywhere, but not inside a surrogate pair.
  const code = text.charCodeAt(target);
  return code >= 0xdc00 && code <= 0xdfff ? target + 1 : target;
}
