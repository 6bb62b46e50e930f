// The mention card (../shared/card.js, the bookmarklet shows the same) on hover and on keyboard focus
// over the page's marks.
import { mentionCard, placeCard } from '../shared/card.js';
import { checkLine } from '../shared/checks.js';

/**
 * Wires the card to the marks inside `container`. `lookup(mark)` gives `{result, i, byId, mention?,
 * review?}` or null: `mention` replaces `result.mention(i)` (a re-linked mention shows its new
 * entity), `review()` builds the review controls put at the card's end (../shared/review.js). The
 * card stays while the pointer or the focus is on it, so that its controls can be used.
 */
/** The keys that work on a focused mark, said at the end of its card. */
function keysLine(m) {
  return m.entity.unlisted ? 'a: add to my entries · n / p: next / previous mention · Esc: close' : 'n / p: next / previous mention of this entity · Esc: close';
}

export function setupTooltip(container, tip, lookup) {
  let current = null;
  let keyboardShown = false;
  let hideTimer = 0;

  const place = (mark) => placeCard(tip, mark.getBoundingClientRect());

  function show(mark, keyboard) {
    const info = lookup(mark);
    if (!info) return;
    clearTimeout(hideTimer);
    current = mark;
    keyboardShown = keyboard;
    const m = info.mention || info.result.mention(info.i);
    tip.replaceChildren(...mentionCard(m, info.result.text, info.byId, { keys: keyboard ? keysLine(m) : '', review: info.review ? info.review() : null, addHint: 'Click it (or press A) to add it to your entries: the form opens filled in.', describeCheck: checkLine }));
    tip.dataset.type = m.entity.type;
    tip.hidden = false;
    mark.setAttribute('aria-describedby', tip.id);
    place(mark);
  }

  function hide() {
    clearTimeout(hideTimer);
    if (current) current.removeAttribute('aria-describedby');
    current = null;
    tip.hidden = true;
  }

  /** Hides soon, unless the pointer reaches the card (or the mark) first. */
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      if (tip.matches(':hover') || tip.contains(document.activeElement) || (current && (current.matches(':hover') || document.activeElement === current))) return;
      hide();
    }, 250);
  }
  tip.addEventListener('mouseenter', () => clearTimeout(hideTimer));
  tip.addEventListener('mouseleave', () => current && hideSoon());
  tip.addEventListener('focusout', (event) => {
    if (current && !tip.contains(event.relatedTarget) && event.relatedTarget !== current) hideSoon();
  });

  const isShown = (mark) => !container.matches(`.hide-${mark.dataset.type}`) && !(mark.classList.contains('possible') && container.matches('.hide-possible'));

  // Scrolling a focused mark into view moves other marks under a still mouse, and Chromium then fires
  // mouseover: only a real pointer move may take the card away from the focused mark.
  let pointer = { x: -1, y: -1 };
  let hovered = { x: -1, y: -1 };
  container.addEventListener('mousemove', (event) => {
    pointer = { x: event.clientX, y: event.clientY };
    hovered = pointer;
  });
  container.addEventListener('mouseover', (event) => {
    hovered = { x: event.clientX, y: event.clientY };
    const mark = event.target.closest?.('mark');
    if (!mark || mark === current || !isShown(mark)) return;
    const still = event.clientX === pointer.x && event.clientY === pointer.y;
    if (still && current && document.activeElement === current) return;
    show(mark, false);
  });
  container.addEventListener('mouseout', (event) => {
    const mark = event.target.closest?.('mark');
    if (!mark || mark !== current) return;
    if (event.relatedTarget && (mark.contains(event.relatedTarget) || tip.contains(event.relatedTarget))) return;
    if (document.activeElement === mark) return;
    hideSoon();
  });
  container.addEventListener('focusin', (event) => {
    const mark = event.target.closest?.('mark');
    if (mark) show(mark, true);
  });
  container.addEventListener('focusout', (event) => {
    const mark = event.target.closest?.('mark');
    if (mark && mark === current && !tip.contains(event.relatedTarget)) hide();
  });
  // Scrolling the text: a focused mark's card follows it; a hovered one goes once the mark is no
  // longer under the pointer.
  container.addEventListener(
    'scroll',
    () => {
      if (!current) return;
      const under = document.elementFromPoint(hovered.x, hovered.y);
      if (document.activeElement === current || (under && current.contains(under))) place(current);
      else hide();
    },
    { passive: true },
  );
  window.addEventListener('resize', () => current && place(current));
  window.addEventListener('scroll', () => current && place(current), { passive: true });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && current) hide();
  });
  /** Draws the shown card again (its mention's review changed). */
  const refresh = () => {
    if (!current || tip.hidden) return;
    const focused = tip.contains(document.activeElement) ? document.activeElement.className : null;
    show(current, keyboardShown);
    // The control that was used keeps the focus in the new card.
    if (focused) tip.querySelector(`.${CSS.escape(focused.split(' ')[0])}`)?.focus();
  };
  return { hide, show, refresh, get current() { return current; } };
}
