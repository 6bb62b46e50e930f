// Draws a tagged text: text nodes and one focusable <mark> per mention. Long texts are cut into chunks
// (at line breaks where possible) appended a few per frame, so the page keeps answering while a 2 MB
// paste renders; off-screen chunks skip layout through `content-visibility: auto`.
import { AMBIGUOUS, POSSIBLE } from './model.js';
import { nextFrame } from './dom.js';

/** Characters per chunk, and how long one frame may spend building chunks. */
const CHUNK_CHARS = 12_000;
const FRAME_BUDGET_MS = 10;

export class ResultView {
  constructor(container) {
    this.container = container;
    this.token = 0;
    this.marks = [];
    this.result = null;
  }

  /** Empties the view and shows `placeholder` (a Node) instead. */
  clear(placeholder) {
    this.token++;
    this.result = null;
    this.marks = [];
    this.container.replaceChildren(...(placeholder ? [placeholder] : []));
    this.container.classList.remove('chunked');
  }

  /**
   * Renders `result`. Resolves to `true` once every chunk is in the page, or `false` when a newer
   * render (or a clear) took over. `onProgress(done, total)` is called after each frame.
   */
  async render(result, onProgress = () => {}) {
    const token = ++this.token;
    const { text, n } = result;
    const chunked = text.length > CHUNK_CHARS * 1.5;
    this.result = result;
    this.marks = new Array(n).fill(null);
    this.container.replaceChildren();
    this.container.classList.toggle('chunked', chunked);
    const state = { pos: 0, i: 0 };
    let frameStart = performance.now();
    while (state.pos < text.length) {
      this.container.append(this._chunk(result, state, chunked));
      if (state.pos < text.length && performance.now() - frameStart > FRAME_BUDGET_MS) {
        onProgress(state.pos, text.length);
        await nextFrame();
        if (token !== this.token) return false;
        frameStart = performance.now();
      }
    }
    onProgress(text.length, text.length);
    return token === this.token;
  }

  /** Builds the next chunk from `state.pos`, advancing `state.pos` and `state.i` (next mention). */
  _chunk(result, state, chunked) {
    const { text, n } = result;
    const div = document.createElement('div');
    div.className = 'chunk';
    let limit = chunked ? chunkEnd(text, state.pos) : text.length;
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
    if (cls) mark.className = cls.slice(1);
    mark.textContent = surface;
    this.marks[i] = mark;
    return mark;
  }
}

/** Where a chunk starting at `pos` should end: after a line break near the target size if any. */
function chunkEnd(text, pos) {
  const target = pos + CHUNK_CHARS;
  if (target >= text.length - CHUNK_CHARS / 2) return text.length;
  const newline = text.indexOf('\n', target);
  if (newline !== -1 && newline < target + CHUNK_CHARS) return newline + 1;
  const space = text.indexOf(' ', target);
  if (space !== -1 && space < target + 200) return space + 1;
  // No break in sight: cut anywhere, but not inside a surrogate pair.
  const code = text.charCodeAt(target);
  return code >= 0xdc00 && code <= 0xdfff ? target + 1 : target;
}
