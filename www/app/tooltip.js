// The mention card (../shared/card.js, the bookmarklet shows the same) on hover and on keyboard focus
// over the page's marks.
import { mentionCard, placeCard } from '../shared/card.js';
import { checkLine } from '../shared/checks.js';

/** Wires the card to the marks inside `container`. `lookup(mark)` gives `{result, i, byId}` or null. */
export function setupTooltip(container, tip, lookup) {
  let current = null;

  const place = (mark) => placeCard(tip, mark.getBoundingClientRect());

  function show(mark, keyboard) {
    const info = lookup(mark);
    if (!info) return;
    current = mark;
    tip.replaceChildren(...mentionCard(info.result.mention(info.i), info.result.text, info.byId, { keyboard, addHint: 'Click it (or press A) to add it to your entries: the form opens filled in.', describeCheck: checkLine }));
    tip.dataset.type = info.result.entity(info.i).type;
    tip.hidden = false;
    mark.setAttribute('aria-describedby', tip.id);
    place(mark);
  }

  function hide() {
    if (current) current.removeAttribute('aria-describedby');
    current = null;
    tip.hidden = true;
  }

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
    if (event.relatedTarget && mark.contains(event.relatedTarget)) return;
    if (document.activeElement === mark) return;
    hide();
  });
  container.addEventListener('focusin', (event) => {
    const mark = event.target.closest?.('mark');
    if (mark) show(mark, true);
  });
  container.addEventListener('focusout', (event) => {
    const mark = event.target.closest?.('mark');
    if (mark && mark === current) hide();
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
  return { hide, show, get current() { return current; } };
}
