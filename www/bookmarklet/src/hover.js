// The mention card on hover. Highlights (CSS Custom Highlight API) have no events, so the text under
// the pointer is found from the caret position and checked against the mention's client rectangles;
// <mark>s (the fallback) are found from the event target. The card is the tagger page's
// (../../shared/card.js), shown once the mention's chunk has its details (variant, candidates).
import { mentionCard, placeCard } from '../../shared/card.js';
import { mentionAt } from './text.js';
import { view, details } from './mentions.js';

/** Wires the card `S.tip` to the page; the listeners are removed with `S.listen`'s. */
export function setupHover(S) {
  const D = document;
  let raf = 0;
  let shown = null;
  const hide = () => {
    if (shown && S.onMention) S.onMention(null);
    shown = null;
    S.tip.hidden = true;
  };
  const show = (m, rect) => {
    if (!m || S.hidden.has(S.ents[m.k].type)) return hide();
    if (shown === m) return;
    shown = m;
    if (S.onMention) S.onMention(m);
    const draw = () => {
      if (shown !== m || S.dead) return;
      S.tip.replaceChildren(...mentionCard(view(S, m), S.text, S.byId, { addHint: 'Add it from the panel: Add to my entries.' }));
      S.tip.dataset.type = S.ents[m.k].type;
      S.tip.hidden = false;
      placeCard(S.tip, rect);
    };
    if (m.v !== undefined) return draw();
    // Without its details (the engine failed to give them) the card shows what the spans say.
    details(S, m.c).then(draw, draw);
  };
  const hover = (x, y) => {
    let node = null;
    let off = 0;
    if (D.caretPositionFromPoint) {
      const c = D.caretPositionFromPoint(x, y);
      if (c) [node, off] = [c.offsetNode, c.offset];
    } else if (D.caretRangeFromPoint) {
      const c = D.caretRangeFromPoint(x, y);
      if (c) [node, off] = [c.startContainer, c.startOffset];
    }
    const s = node && S.segAt.get(node);
    if (s !== undefined && s !== null) {
      for (const o of [s + off, s + off - 1]) {
        const m = mentionAt(S.M, o);
        if (!m) continue;
        for (const q of S.rangeOf(m).getClientRects()) {
          if (x >= q.left && x <= q.right && y >= q.top && y <= q.bottom) return show(m, q);
        }
      }
    }
    hide();
  };
  S.listen(
    D,
    'mousemove',
    (e) => {
      if (!S.HL) {
        const m = S.markOf.get(e.target);
        return show(m, m && e.target.getBoundingClientRect());
      }
      if (raf || !S.M.length) return;
      const x = e.clientX;
      const y = e.clientY;
      raf = requestAnimationFrame(() => {
        raf = 0;
        if (!S.dead) hover(x, y);
      });
    },
    { capture: true, passive: true }
  );
  S.listen(window, 'scroll', hide, { capture: true, passive: true });
  return {
    hide,
    cancel: () => raf && cancelAnimationFrame(raf),
  };
}
