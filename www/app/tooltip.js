// The mention card shown on hover and on keyboard focus: surface → canonical name, type, the variant
// matched (or, for a tolerant match, the one it is close to; for a descriptive force name, the
// grammar's phrase), description, lineage, where it sits (parent chain), coordinates, ambiguity, and the GeoNames
// credit where its data is shown. Built with text nodes only.
import { h } from './dom.js';
import { POSSIBLE, AMBIGUOUS, TOLERANT, GRAMMAR, typeLabel, TYPE_BY_ID } from './model.js';

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return null;
  }
})();

function countryNames(codes) {
  return codes
    .split(/\s+/)
    .filter(Boolean)
    .map((code) => {
      try {
        return regionNames?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    })
    .join(', ');
}

function coordinates(lat, lon) {
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lon >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(4)}° ${ns}, ${Math.abs(lon).toFixed(4)}° ${ew}`;
}

/** Names of the containing entities, nearest first (at most five, cycles ignored). */
export function parentChain(entity, byId) {
  const chain = [];
  const seen = new Set([entity.id]);
  let parent = entity.parent && byId.get(entity.parent);
  while (parent && !seen.has(parent.id) && chain.length < 5) {
    chain.push(parent);
    seen.add(parent.id);
    parent = parent.parent && byId.get(parent.parent);
  }
  return chain;
}

/** What the card calls the variant: why the mention was found. */
function matchLabel(flags) {
  if (flags & TOLERANT) return 'Close to ';
  if (flags & GRAMMAR) return 'Descriptive name, as in ';
  return 'Matched variant ';
}

/** The card's content for mention `i` of `result`. */
export function mentionCard(result, i, byId, { keyboard = false } = {}) {
  const entity = result.entity(i);
  const flags = result.flags(i);
  const start = result.start(i);
  const surface = result.text.slice(start, result.end(i));
  const variant = result.variant(i);
  const type = TYPE_BY_ID.get(entity.type);
  const same = surface === entity.name;

  const head = h(
    'div',
    { class: 'tip-head' },
    same ? null : [h('span', { class: 'tip-surface' }, surface), h('span', { class: 'tip-arrow', 'aria-label': 'refers to' }, ' → ')],
    h('strong', { class: 'tip-name' }, entity.name),
  );
  const kind = [typeLabel(entity.type), entity.subtype, entity.country ? countryNames(entity.country) : null]
    .filter(Boolean)
    .join(' · ');
  const rows = [
    head,
    h('div', { class: 'tip-type', 'data-type': entity.type }, h('span', { class: 'glyph', 'aria-hidden': 'true' }, type?.glyph ?? '?'), kind),
    h('div', { class: 'tip-row' }, h('span', { class: 'tip-key' }, matchLabel(flags)), h('q', {}, variant)),
  ];
  if (entity.description) rows.push(h('p', { class: 'tip-desc' }, entity.description));
  if (entity.lineage) rows.push(h('p', { class: 'tip-lineage' }, h('span', { class: 'tip-key' }, 'Lineage '), entity.lineage));
  const chain = parentChain(entity, byId);
  if (chain.length) {
    rows.push(
      h('div', { class: 'tip-row' }, h('span', { class: 'tip-key' }, entity.type === 'place' ? 'In ' : 'Part of '), chain.map((p) => p.name).join(' › ')),
    );
  }
  if (typeof entity.lat === 'number' && typeof entity.lon === 'number') {
    rows.push(h('div', { class: 'tip-row' }, h('span', { class: 'tip-key' }, 'Coordinates '), coordinates(entity.lat, entity.lon)));
  }
  if (flags & AMBIGUOUS) {
    const others = result.candidates(i).filter((c) => c.id !== entity.id);
    rows.push(
      h(
        'div',
        { class: 'tip-warn' },
        h('strong', {}, 'Ambiguous: '),
        `“${variant}” may also mean `,
        others.map((c) => `${c.name} (${typeLabel(c.type)}${c.subtype ? `, ${c.subtype}` : ''})`).join('; ') || 'another entity',
        '.',
      ),
    );
  }
  if (flags & POSSIBLE) {
    rows.push(
      h('div', { class: 'tip-warn' }, h('strong', {}, 'Possible match: '), `“${variant}” is also an ordinary word or a common name here; check the context.`),
    );
  }
  if (entity.tier === 'user') rows.push(h('div', { class: 'tip-row tip-user' }, 'From your entries'));
  const ids = [];
  if (entity.geonames) ids.push(`GeoNames ${entity.geonames}`);
  if (entity.wikidata) ids.push(`Wikidata ${entity.wikidata}`);
  if (ids.length) rows.push(h('div', { class: 'tip-row tip-ids' }, ids.join(' · ')));
  if (entity.geonames || entity.tier === 'extended') {
    rows.push(h('div', { class: 'tip-credit' }, 'Data: GeoNames (CC BY 4.0)'));
  }
  if (keyboard) rows.push(h('div', { class: 'tip-keys' }, 'n / p: next / previous mention of this entity · Esc: close'));
  return rows;
}

/** Wires the card to the marks inside `container`. `lookup(mark)` gives `{result, i, byId}` or null. */
export function setupTooltip(container, tip, lookup) {
  let current = null;

  function place(mark) {
    const rect = mark.getBoundingClientRect();
    tip.style.left = '0px';
    tip.style.top = '0px';
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const margin = 8;
    let left = Math.min(Math.max(margin, rect.left), window.innerWidth - width - margin);
    let top = rect.bottom + 6;
    if (top + height > window.innerHeight - margin && rect.top - height - 6 > margin) top = rect.top - height - 6;
    left = Math.max(margin, left);
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  }

  function show(mark, keyboard) {
    const info = lookup(mark);
    if (!info) return;
    current = mark;
    tip.replaceChildren(...mentionCard(info.result, info.i, info.byId, { keyboard }));
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
