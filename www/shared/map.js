// The map of the places mentioned: an SVG map of the Sahel and its neighbours (Natural Earth borders,
// region labels of Mali, Burkina Faso and Niger) with one dot per place, its area proportional to the
// place's mention count, coloured by entity type. No framework, no network beyond its own origin: the
// data (`../data/sahel-map.json`, built by `make map`) and the stylesheet (`map.css`) sit next to it,
// the projection comes from the bundled d3-geo (`vendor/geo.js`).
//
//   const map = createMap(container, { onSelect(id) {}, onHover(id) {} });
//   map.update(places, { hiddenTypes, reviewState, showRejected });
//   map.highlight(id);  map.destroy();
//
// `places` = [{ id, name, type, lat, lon, count, country?, admin1?, review? }]; places without numeric
// lat/lon or with a count below 1 are left out (update() says how many). Everything is built with
// createElementNS and textContent: names never reach an HTML parser.
import { geoMercator, geoPath, feature, mesh } from './vendor/geo.js';

const SVG = 'http://www.w3.org/2000/svg';
export const CREDIT = 'Borders: Natural Earth. Places: GeoNames (CC BY 4.0)';
/** [west, south, east, north] shown when there is no place: Mali, Burkina Faso, Niger and their borders. */
export const SAHEL_EXTENT = [-17.5, 9, 16.5, 24.5];
/** The smallest span (degrees) a fit to the places shows, so that one place still has its surroundings. */
const MIN_SPAN = [9, 6];
const TYPE_LABELS = {
  armed_group: 'Armed group',
  force: 'Force',
  place: 'Place',
  person: 'Person',
  media: 'Media',
  organization: 'Organization',
};
/** Dots: radius = k·√count (area ∝ count), k at most K_MAX, the largest dot at most maxRadius(width); never under MIN_R. */
const K_MAX = 4;
const MIN_R = 3;
const maxRadius = (width) => Math.max(10, Math.min(22, width / 36));

const dataPromises = new Map();
/** The map data (fetched once per page and URL, from the page's own origin by default). */
export function loadMapData(url = new URL('../data/sahel-map.json', import.meta.url)) {
  const href = String(url);
  if (!dataPromises.has(href)) {
    const promise = fetch(href, { credentials: 'same-origin' }).then((r) => {
      if (!r.ok) throw new Error(`map data: HTTP ${r.status}`);
      return r.json();
    });
    promise.catch(() => dataPromises.delete(href)); // a failed load is tried again next time
    dataPromises.set(href, promise);
  }
  return dataPromises.get(href);
}

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function html(name, className, text) {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Adds map.css once to the document (or to the shadow root the container lives in); resolves once it
 * is loaded (labels are measured when drawn, so the map is drawn with its styles only).
 */
function ensureStylesheet(container, href) {
  const root = container.getRootNode();
  const target = root instanceof ShadowRoot ? root : document.head;
  let link = target.querySelector('link[data-sahel-map]');
  if (!link) {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.dataset.sahelMap = '';
    target.append(link);
  } else if (link.sheet) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true }); // drawn unstyled rather than not at all
    setTimeout(resolve, 3000); // a link of the page that failed before we looked
  });
}

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const asSet = (v) => (v instanceof Set ? v : new Set(v ?? []));
const reviewOf = (reviewState, place) => {
  if (!reviewState) return place.review;
  return (reviewState instanceof Map ? reviewState.get(place.id) : reviewState[place.id]) ?? place.review;
};

/** Nice values for the size legend: 1, a middle value and the largest count. */
export function legendCounts(max) {
  if (max <= 1) return [1];
  const nice = (v) => {
    const p = 10 ** Math.floor(Math.log10(v));
    return [1, 2, 5, 10].map((m) => m * p).reduce((best, c) => (Math.abs(c - v) < Math.abs(best - v) ? c : best));
  };
  const values = [1, nice(Math.sqrt(max)), max];
  return [...new Set(values)].filter((v) => v >= 1 && v <= max).sort((a, b) => a - b);
}

/**
 * Creates the map in `container` (emptied first). Options: `onSelect(id)` (click, Enter or Space on a
 * dot), `onHover(id | null)` (pointer or keyboard focus on a dot, and leaving it), `data` (the map
 * data, instead of fetching `dataUrl`), `dataUrl`, `stylesheet` (URL of map.css, or false when the
 * page links it itself), `typeLabels` ({type: label}), `height` (px; default from the width),
 * `label` (the map's accessible name).
 */
export function createMap(container, options = {}) {
  const { onSelect = () => {}, onHover = () => {}, typeLabels = TYPE_LABELS } = options;
  const styled = options.stylesheet === false ? null : ensureStylesheet(container, options.stylesheet || new URL('./map.css', import.meta.url).href);

  const root = html('figure', 'sahel-map');
  root.dataset.state = 'loading';
  // tabindex -1: Chromium would otherwise make the <svg> itself a tab stop before its dots.
  const svg = el('svg', { class: 'sahel-map-svg', tabindex: -1, role: 'group', 'aria-label': options.label || 'Map of the places mentioned' });
  const caption = html('figcaption', 'sahel-map-legend');
  root.append(svg, caption);
  container.replaceChildren(root);

  let data = null;
  let countries = null;
  let borders = null;
  let countryNames = new Map();
  let places = [];
  let view = { hiddenTypes: new Set(), reviewState: null, showRejected: false };
  let highlighted = null;
  let projection = null;
  let width = 0;
  let height = 0;
  let destroyed = false;
  let frame = 0;
  let drawnHidden = false;

  const ready = Promise.all([options.data ? Promise.resolve(options.data) : loadMapData(options.dataUrl), styled])
    .then(([d]) => {
      if (destroyed) return;
      data = d;
      countries = feature(d.topology, d.topology.objects.countries);
      borders = mesh(d.topology, d.topology.objects.countries);
      countryNames = new Map(countries.features.map((f) => [f.id, f.properties.name]));
      render();
    })
    .catch((err) => {
      if (destroyed) return;
      root.dataset.state = 'error';
      caption.replaceChildren(html('p', 'sahel-map-error', `The map could not be loaded (${err.message}).`));
    });

  const resize = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const w = Math.round(container.clientWidth);
      // Drawn while hidden (no width, labels unmeasured): drawn again once shown.
      if (data && w && (w !== width || drawnHidden)) render();
    });
  });
  resize.observe(container);

  const radiusFor = (maxCount) => {
    const k = Math.min(K_MAX, maxRadius(width) / Math.sqrt(Math.max(1, maxCount)));
    return (count) => Math.max(MIN_R, k * Math.sqrt(count));
  };

  const located = () => places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon) && p.count >= 1);

  function visible() {
    return located().filter((p) => {
      if (view.hiddenTypes.has(p.type)) return false;
      return reviewOf(view.reviewState, p) !== 'rejected' || view.showRejected;
    });
  }

  function fitProjection() {
    // Fitted to every located place, hidden or not, so that a type toggle does not move the map.
    const all = located();
    let [w, s, e, n] = SAHEL_EXTENT;
    if (all.length) {
      w = Math.min(...all.map((p) => p.lon));
      e = Math.max(...all.map((p) => p.lon));
      s = Math.min(...all.map((p) => p.lat));
      n = Math.max(...all.map((p) => p.lat));
      const grow = (lo, hi, min) => (hi - lo >= min ? [lo, hi] : [(lo + hi) / 2 - min / 2, (lo + hi) / 2 + min / 2]);
      [w, e] = grow(w, e, MIN_SPAN[0]);
      [s, n] = grow(s, n, MIN_SPAN[1]);
    }
    const pad = Math.min(36, Math.max(18, width / 20));
    const creditBand = 18;
    return geoMercator().fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad - creditBand],
      ],
      { type: 'MultiPoint', coordinates: [[w, s], [e, n], [w, n], [e, s]] },
    );
  }

  function describe(p) {
    const where = [p.admin1, countryNames.get(p.country) || p.country].filter(Boolean).join(', ');
    const review = reviewOf(view.reviewState, p);
    return (
      `${p.name}: ${plural(p.count, 'mention', 'mentions')}` +
      ` (${typeLabels[p.type] || p.type}${where ? `, ${where}` : ''})` +
      (review === 'rejected' ? ', rejected' : review === 'confirmed' ? ', confirmed' : '')
    );
  }

  function render() {
    if (!data || destroyed) return;
    drawnHidden = !container.clientWidth;
    width = Math.max(200, Math.round(container.clientWidth) || 640);
    height = options.height || Math.round(Math.min(540, Math.max(260, width * 0.62)));
    projection = fitProjection();
    const path = geoPath(projection);
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);

    const shown = visible();
    const maxCount = Math.max(1, ...located().map((p) => p.count));
    const radius = radiusFor(maxCount);
    const focus = new Set(data.focus);

    const clipId = `sahel-map-clip-${Math.random().toString(36).slice(2)}`;
    const defs = el('defs');
    const clip = el('clipPath', { id: clipId });
    clip.append(el('rect', { width, height }));
    defs.append(clip);

    const base = el('g', { class: 'base', 'clip-path': `url(#${clipId})`, 'aria-hidden': 'true' });
    base.append(el('rect', { class: 'sea', width, height }));
    const landOf = new Map();
    for (const f of countries.features) {
      const land = el('path', { class: focus.has(f.id) ? 'land focus' : 'land', d: path(f), 'data-country': f.id });
      landOf.set(f.id, land);
      base.append(land);
    }
    base.append(el('path', { class: 'borders', d: path(borders) }));

    // Labels are placed in order of priority and dropped where they would cover a dot, the credit or
    // an earlier label: place names (largest counts first), countries, then regions.
    const taken = [];
    const overlaps = (b) => taken.some((t) => b.x < t.x + t.w && b.x + b.w > t.x && b.y < t.y + t.h && b.y + b.h > t.y);
    const inside = (b) => b.x >= 2 && b.y >= 2 && b.x + b.w <= width - 2 && b.y + b.h <= height - 2;
    const labels = el('g', { class: 'labels', 'aria-hidden': 'true' });
    const dots = el('g', { class: 'dots' });
    const placeLabels = el('g', { class: 'place-labels', 'aria-hidden': 'true' });
    const credit = el('g', { class: 'credit' });
    svg.replaceChildren(defs, base, labels, dots, placeLabels, credit);

    const creditText = el('text', { x: width - 6, y: height - 6, 'text-anchor': 'end' }, data.credit || CREDIT);
    const creditBack = el('rect', { class: 'credit-back' });
    credit.append(creditBack, creditText);
    const cb = creditText.getBBox();
    for (const [k, v] of Object.entries({ x: cb.x - 4, y: cb.y - 2, width: cb.width + 8, height: cb.height + 4 })) creditBack.setAttribute(k, v);
    taken.push({ x: cb.x - 4, y: cb.y - 2, w: cb.width + 8, h: cb.height + 4 });

    // Largest first, so that a small dot is never under a large one; the tab order follows.
    const sorted = [...shown].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name) || String(a.id).localeCompare(String(b.id)));
    const placed = [];
    for (const p of sorted) {
      const [x, y] = projection([p.lon, p.lat]);
      const r = radius(p.count);
      const review = reviewOf(view.reviewState, p);
      const dot = el('circle', {
        class: 'dot',
        cx: x.toFixed(2),
        cy: y.toFixed(2),
        r: r.toFixed(2),
        tabindex: 0,
        role: 'button',
        'data-id': p.id,
        'data-type': p.type,
        'data-count': p.count,
        'data-review': review || null,
        'aria-label': describe(p),
      });
      dot.append(el('title', {}, describe(p)));
      dots.append(dot);
      taken.push({ x: x - r - 1, y: y - r - 1, w: 2 * r + 2, h: 2 * r + 2 });
      placed.push({ p, x, y, r });
    }

    const tryLabel = (group, text, attrs, candidates) => {
      const node = el('text', attrs, text);
      group.append(node);
      for (const [dx, dy, anchor] of candidates) {
        node.setAttribute('x', dx);
        node.setAttribute('y', dy);
        node.setAttribute('text-anchor', anchor);
        const b = node.getBBox();
        const box = { x: b.x - 1, y: b.y, w: b.width + 2, h: b.height };
        if (inside(box) && !overlaps(box)) {
          taken.push(box);
          return node;
        }
      }
      node.remove();
      return null;
    };

    for (const { p, x, y, r } of placed) {
      const gap = r + 6; // clear of the highlight ring (r + 3, 2 px wide)
      const node = tryLabel(placeLabels, p.name, { class: 'place-label', 'data-id': p.id }, [
        [x + gap, y + 4, 'start'],
        [x - gap, y + 4, 'end'],
        [x, y - gap - 1, 'middle'],
        [x, y + gap + 10, 'middle'],
      ]);
      if (node) node.dataset.id = p.id;
    }
    // A country's name goes at its centre when that is in view, else inside the part in view.
    const countryPoints = (f, node) => {
      const points = [];
      if (f.geometry.type === 'MultiPolygon') {
        // The centre of its largest polygon (not between its parts).
        const parts = f.geometry.coordinates.map((c) => ({ type: 'Polygon', coordinates: c }));
        points.push(path.centroid(parts.reduce((a, b) => (path.area(b) > path.area(a) ? b : a))));
      } else points.push(path.centroid(f));
      const [[x0, y0], [x1, y1]] = path.bounds(f);
      const left = Math.max(x0, 0);
      const right = Math.min(x1, width);
      const top = Math.max(y0, 0);
      const bottom = Math.min(y1, height);
      if (right - left < 50 || bottom - top < 16) return [];
      const grid = [];
      for (let i = 1; i < 8; i++) for (let j = 1; j < 6; j++) grid.push([left + ((right - left) * i) / 8, top + ((bottom - top) * j) / 6]);
      const [mx, my] = [(left + right) / 2, (top + bottom) / 2];
      grid.sort((a, b) => Math.hypot(a[0] - mx, a[1] - my) - Math.hypot(b[0] - mx, b[1] - my));
      points.push(...grid);
      return points.filter(([x, y]) => Number.isFinite(x) && x > 0 && x < width && y > 0 && y < height && node.isPointInFill(new DOMPoint(x, y))).slice(0, 10);
    };
    const byFocus = [...countries.features].sort((a, b) => (focus.has(b.id) ? 1 : 0) - (focus.has(a.id) ? 1 : 0) || path.area(b) - path.area(a));
    for (const f of byFocus) {
      const points = countryPoints(f, landOf.get(f.id));
      tryLabel(
        labels,
        f.properties.name.toLocaleUpperCase('en'),
        { class: focus.has(f.id) ? 'country-label focus' : 'country-label', 'data-country': f.id },
        points.map(([x, y]) => [x, y + 4, 'middle']),
      );
    }
    // A region named like a town drawn on the map (Gao, Mopti) would read as a second label of the town.
    const named = new Set([...placeLabels.querySelectorAll('text')].map((t) => t.textContent.toLocaleLowerCase('fr')));
    for (const region of data.regions) {
      if (named.has(region.label.toLocaleLowerCase('fr'))) continue;
      const [x, y] = projection([region.lon, region.lat]);
      if (x < 0 || x > width || y < 0 || y > height) continue;
      tryLabel(labels, region.label, { class: 'region-label', 'data-region': region.id }, [
        [x, y + 4, 'middle'],
        [x, y - 8, 'middle'],
        [x, y + 16, 'middle'],
      ]);
    }

    renderLegend(shown, radius, maxCount);
    drawHighlight();
    root.dataset.state = 'ready';
    root.dataset.renders = String(Number(root.dataset.renders || 0) + 1);
  }

  function renderLegend(shown, radius, maxCount) {
    const parts = [];
    if (shown.length) {
      const counts = legendCounts(maxCount);
      const rs = counts.map(radius);
      const h = Math.ceil(2 * Math.max(...rs)) + 4;
      const sizes = el('svg', { class: 'sizes', role: 'img', 'aria-label': `Dot sizes: ${counts.map((c) => plural(c, 'mention', 'mentions')).join(', ')}` });
      let x = 2;
      for (const [i, c] of counts.entries()) {
        const r = rs[i];
        sizes.append(el('circle', { class: 'size-dot', cx: x + r, cy: h - 2 - r, r: r.toFixed(2) }));
        const t = el('text', { x: x + 2 * r + 3, y: h - 3 }, String(c));
        sizes.append(t);
        x += 2 * r + 6 + 7 * String(c).length + 6;
      }
      sizes.setAttribute('width', Math.ceil(x));
      sizes.setAttribute('height', h);
      sizes.setAttribute('viewBox', `0 0 ${Math.ceil(x)} ${h}`);
      const sizeBlock = html('span', 'sahel-map-sizes');
      sizeBlock.append(html('span', 'sahel-map-key', 'Mentions'), sizes);
      parts.push(sizeBlock);
      const types = [...new Set(shown.map((p) => p.type))];
      for (const t of Object.keys(typeLabels).filter((k) => types.includes(k)).concat(types.filter((k) => !(k in typeLabels)))) {
        const item = html('span', 'sahel-map-type');
        item.dataset.type = t;
        const swatch = el('svg', { width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': 'true' });
        swatch.append(el('circle', { class: 'dot', cx: 6, cy: 6, r: 5, 'data-type': t }));
        item.append(swatch, document.createTextNode(typeLabels[t] || t));
        parts.push(item);
      }
    }
    const all = located();
    const hidden = all.length - shown.length;
    const missing = places.length - all.length;
    const notes = [];
    if (!places.length) notes.push('No place mentioned yet.');
    else if (!all.length) notes.push('No place with coordinates.');
    if (hidden > 0) notes.push(`${plural(hidden, 'place', 'places')} hidden by the filters.`);
    if (missing > 0) notes.push(`${plural(missing, 'place', 'places')} without coordinates not shown.`);
    if (notes.length) parts.push(html('span', 'sahel-map-note', notes.join(' ')));
    caption.replaceChildren(...parts);
  }

  function drawHighlight() {
    svg.querySelector('.ring')?.remove();
    for (const d of svg.querySelectorAll('.dot[aria-current]')) d.removeAttribute('aria-current');
    for (const t of svg.querySelectorAll('.place-label.current')) t.classList.remove('current');
    if (highlighted == null) return;
    const dot = [...svg.querySelectorAll('.dots .dot')].find((d) => d.dataset.id === String(highlighted));
    if (!dot) return;
    dot.setAttribute('aria-current', 'true');
    const r = Number(dot.getAttribute('r'));
    const ring = el('circle', { class: 'ring', cx: dot.getAttribute('cx'), cy: dot.getAttribute('cy'), r: (r + 3).toFixed(2), 'aria-hidden': 'true' });
    svg.append(ring);
    for (const t of svg.querySelectorAll('.place-label')) if (t.dataset.id === String(highlighted)) t.classList.add('current');
  }

  const dotOf = (event) => {
    const t = event.target;
    return t instanceof Element && t.matches('.dots .dot') ? t : null;
  };
  svg.addEventListener('click', (event) => {
    const dot = dotOf(event);
    if (dot) onSelect(dot.dataset.id);
  });
  svg.addEventListener('keydown', (event) => {
    const dot = dotOf(event);
    if (dot && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      onSelect(dot.dataset.id);
    }
  });
  let hovered = null;
  const hover = (id) => {
    if (id === hovered) return;
    hovered = id;
    onHover(id);
  };
  svg.addEventListener('pointerover', (event) => hover(dotOf(event)?.dataset.id ?? null));
  svg.addEventListener('pointerleave', () => hover(null));
  svg.addEventListener('focusin', (event) => hover(dotOf(event)?.dataset.id ?? null));
  svg.addEventListener('focusout', (event) => {
    if (!svg.contains(event.relatedTarget)) hover(null);
  });

  return {
    /** Resolves when the data is loaded and the map first drawn. */
    ready,
    /**
     * Draws `places` (see the module's head). `hiddenTypes`: types not drawn (the type toggles);
     * `reviewState`: Map or object id → 'confirmed' | 'rejected' (or each place's `review`);
     * rejected places are not drawn unless `showRejected`. Returns {shown, located, total}.
     */
    update(newPlaces = [], { hiddenTypes, reviewState, showRejected = false } = {}) {
      places = newPlaces.map((p) => ({ ...p, lat: Number(p.lat ?? NaN), lon: Number(p.lon ?? NaN), count: Number(p.count ?? 1) }));
      view = { hiddenTypes: asSet(hiddenTypes), reviewState: reviewState ?? null, showRejected };
      render();
      return { shown: visible().length, located: located().length, total: places.length };
    },
    /** Marks the dot of `id` (null clears); kept across update() while the place is drawn. */
    highlight(id) {
      highlighted = id ?? null;
      drawHighlight();
      return Boolean(highlighted != null && svg.querySelector('.dot[aria-current]'));
    },
    /** Moves the keyboard focus to the dot of `id`; false if it is not drawn. */
    focus(id) {
      const dot = [...svg.querySelectorAll('.dots .dot')].find((d) => d.dataset.id === String(id));
      dot?.focus();
      return Boolean(dot);
    },
    /** [x, y] in the SVG's coordinates (CSS pixels) of a [lon, lat], or null before the first drawing. */
    project(lon, lat) {
      return projection ? projection([lon, lat]) : null;
    },
    element: root,
    destroy() {
      destroyed = true;
      resize.disconnect();
      cancelAnimationFrame(frame);
      root.remove();
    },
  };
}
