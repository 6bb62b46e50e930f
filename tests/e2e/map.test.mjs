// The map (www/shared/map.js) on its test page (tests/e2e/fixtures/map.html, with the page's own CSP):
// its dots against the places' coordinates, click, keyboard, highlight, filters, the credit, labels
// that cover nothing, no CSP violation, nothing fetched from elsewhere; screenshots in light, dark and
// 390 px wide (tests/e2e/screenshots/map-*.png). Also: the generated map data and vendor bundle are
// what `make map` writes.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoMercator } from 'd3-geo';
import { serve, metaPolicy } from '../../tools/serve.mjs';
import { launch, SCREENSHOT_DIR } from './lib/browser.mjs';
import { build as buildMapData } from '../../tools/map-data.mjs';
import { bundle as bundleGeo } from '../../tools/geo-vendor.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WWW = path.join(ROOT, 'www');
const FIXTURES = path.join(ROOT, 'tests', 'e2e', 'fixtures');
const CREDIT = 'Borders: Natural Earth. Places: GeoNames (CC BY 4.0)';

function fixtureRoute(file, type) {
  return (req, res) => {
    const body = fs.readFileSync(path.join(FIXTURES, file));
    const headers = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    const policy = type.startsWith('text/html') ? metaPolicy(body.toString('utf8')) : null;
    if (policy) headers['content-security-policy'] = `${policy}; frame-ancestors 'none'`;
    res.writeHead(200, headers).end(body);
  };
}

/** Serves www/ plus the test page at /test/map.html; opens it; records CSP violations, errors, requests. */
async function openMap({ viewport = { width: 1000, height: 900 }, colorScheme = 'light', query = '' } = {}) {
  const server = await serve({
    root: WWW,
    port: 0,
    routes: {
      '/test/map.html': fixtureRoute('map.html', 'text/html; charset=utf-8'),
      '/test/map-fixture.js': fixtureRoute('map-fixture.js', 'text/javascript; charset=utf-8'),
      '/test/map-fixture.css': fixtureRoute('map-fixture.css', 'text/css; charset=utf-8'),
    },
  });
  const browser = await launch({ viewport, colorScheme });
  const origin = server.url.replace(/\/$/, '');
  const log = { errors: [], console: [], requests: [], foreign: [] };
  browser.context.on('request', (r) => {
    log.requests.push(r.url());
    if (!r.url().startsWith(`${origin}/`)) log.foreign.push(r.url());
  });
  const page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && log.console.push(`${m.type()}: ${m.text()}`));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${origin}/test/map.html${query}`);
  await page.waitForSelector('html[data-ready="true"]');
  await page.waitForSelector('.sahel-map[data-state="ready"]');
  return {
    page,
    log,
    origin,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

const dots = (page) =>
  page.$$eval('.sahel-map .dots .dot', (cs) =>
    cs.map((c) => {
      const box = c.getBoundingClientRect();
      return {
        id: c.dataset.id,
        cx: Number(c.getAttribute('cx')),
        cy: Number(c.getAttribute('cy')),
        r: Number(c.getAttribute('r')),
        count: Number(c.dataset.count),
        label: c.getAttribute('aria-label'),
        title: c.querySelector('title')?.textContent,
        tabindex: c.getAttribute('tabindex'),
        screen: { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      };
    }),
  );

/** Boxes (SVG units) of the labels and dots, and the SVG's size: to check that no label covers anything. */
const layout = (page) =>
  page.evaluate(() => {
    const svg = document.querySelector('.sahel-map-svg');
    const box = (n) => {
      const b = n.getBBox();
      return { x: b.x, y: b.y, w: b.width, h: b.height, text: n.textContent, cls: n.getAttribute('class') };
    };
    return {
      width: Number(svg.getAttribute('width')),
      height: Number(svg.getAttribute('height')),
      labels: [...svg.querySelectorAll('.labels text, .place-labels text, .credit text')].map(box),
      dots: [...svg.querySelectorAll('.dots .dot')].map((c) => {
        const r = Number(c.getAttribute('r'));
        return { id: c.dataset.id, x: Number(c.getAttribute('cx')) - r, y: Number(c.getAttribute('cy')) - r, w: 2 * r, h: 2 * r };
      }),
    };
  });

const meets = (a, b, slack = 0.5) => a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;

function assertNothingCovered({ labels, dots: ds, width, height }) {
  for (const [i, a] of labels.entries()) {
    assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.w <= width && a.y + a.h <= height, `label "${a.text}" leaves the map`);
    for (const b of labels.slice(i + 1)) assert.ok(!meets(a, b), `labels "${a.text}" and "${b.text}" overlap`);
    for (const d of ds) assert.ok(!meets(a, d), `label "${a.text}" covers the dot ${d.id}`);
  }
}

async function assertClean(m) {
  assert.deepEqual(await m.page.evaluate(() => window.__csp), [], 'no CSP violation');
  assert.deepEqual(m.log.errors, []);
  assert.deepEqual(m.log.console.filter((l) => l.startsWith('error')), []);
  assert.deepEqual(m.log.foreign, [], 'nothing requested outside the origin');
}

test('the generated map data and geo bundle are up to date, and small', async () => {
  const dataFile = path.join(WWW, 'data', 'sahel-map.json');
  assert.equal(fs.readFileSync(dataFile, 'utf8'), buildMapData(), 'www/data/sahel-map.json: run `make map`');
  assert.equal(fs.readFileSync(path.join(WWW, 'shared', 'vendor', 'geo.js'), 'utf8'), await bundleGeo(), 'www/shared/vendor/geo.js: run `make map`');
  const data = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
  assert.ok(fs.statSync(dataFile).size < 64 * 1024, 'map data under 64 kB');
  assert.equal(data.credit, CREDIT);
  const ids = data.topology.objects.countries.geometries.map((g) => g.id);
  for (const c of ['ML', 'BF', 'NE', 'MR', 'SN', 'GN', 'CI', 'DZ', 'LY', 'TD', 'NG', 'BJ', 'TG', 'GH', 'GM', 'GW', 'SL', 'LR', 'CM']) assert.ok(ids.includes(c), c);
  const labels = (cc) => data.regions.filter((r) => r.country === cc).map((r) => r.label);
  for (const l of ['Gao', 'Tombouctou', 'Kidal', 'Ménaka', 'Mopti', 'Taoudénit']) assert.ok(labels('ML').includes(l), l);
  for (const l of ['Tillabéri', 'Agadez', 'Diffa', 'Niamey']) assert.ok(labels('NE').includes(l), l);
  for (const l of ['Liptako', 'Soum', 'Kadiogo']) assert.ok(labels('BF').includes(l), l);
  for (const r of data.regions) assert.ok(Number.isFinite(r.lat) && Number.isFinite(r.lon), r.id);
});

test('the test page keeps the CSP of www/index.html', () => {
  const page = metaPolicy(fs.readFileSync(path.join(FIXTURES, 'map.html'), 'utf8'));
  assert.equal(page, metaPolicy(fs.readFileSync(path.join(WWW, 'index.html'), 'utf8')));
});

test('map: dots where the places are, sized by count; click, keyboard, highlight, filters (light)', async () => {
  const m = await openMap();
  const { page } = m;
  try {
    const places = await page.evaluate(() => window.mapTest.places);
    const located = places.filter((p) => Number.isFinite(p.lat));
    const ds = await dots(page);
    assert.equal(ds.length, located.length, 'one dot per place with coordinates');
    assert.deepEqual(await page.evaluate(() => window.mapTest.result), { shown: 8, located: 8, total: 9 });
    assert.match(await page.textContent('.sahel-map-legend'), /1 place without coordinates not shown/);
    const byId = Object.fromEntries(ds.map((d) => [d.id, d]));

    // Positions: an independent Mercator (d3-geo in Node, unit scale) is an affine image of cx/cy, with
    // the same scale on both axes; and the page's own projection gives the drawn centres.
    const unit = geoMercator().scale(1).translate([0, 0]);
    const P = Object.fromEntries(located.map((p) => [p.id, unit([p.lon, p.lat])]));
    const k = (byId.niamey.cx - byId.timbuktu.cx) / (P.niamey[0] - P.timbuktu[0]);
    const tx = byId.timbuktu.cx - k * P.timbuktu[0];
    const ty = byId.timbuktu.cy - k * P.timbuktu[1];
    for (const p of located) {
      assert.ok(Math.abs(k * P[p.id][0] + tx - byId[p.id].cx) < 0.05, `${p.id}: cx ${byId[p.id].cx} vs ${k * P[p.id][0] + tx}`);
      assert.ok(Math.abs(k * P[p.id][1] + ty - byId[p.id].cy) < 0.05, `${p.id}: cy ${byId[p.id].cy} vs ${k * P[p.id][1] + ty}`);
      const [x, y] = await page.evaluate(([lon, lat]) => window.mapTest.map.project(lon, lat), [p.lon, p.lat]);
      assert.ok(Math.abs(x - byId[p.id].cx) < 0.01 && Math.abs(y - byId[p.id].cy) < 0.01, p.id);
    }
    // On screen too (the SVG is drawn at its own size: one unit is one CSS pixel).
    const svgBox = await page.$eval('.sahel-map-svg', (s) => {
      const b = s.getBoundingClientRect();
      return { x: b.x, y: b.y, w: b.width, h: b.height, vw: s.viewBox.baseVal.width };
    });
    assert.equal(Math.round(svgBox.w), svgBox.vw);
    for (const d of ds) {
      assert.ok(Math.abs(d.screen.x - (svgBox.x + d.cx)) < 1.5 && Math.abs(d.screen.y - (svgBox.y + d.cy)) < 1.5, `${d.id} on screen`);
      assert.ok(d.cx - d.r >= 0 && d.cx + d.r <= svgBox.vw, `${d.id} inside the map`);
    }
    // Relative order, as on any map.
    assert.ok(byId.niamey.cx > byId.gao.cx, 'Niamey east of Gao');
    assert.ok(byId.menaka.cx > byId.gao.cx, 'Ménaka east of Gao');
    assert.ok(byId.timbuktu.cx < byId.gao.cx, 'Tombouctou west of Gao');
    assert.ok(byId.timbuktu.cy < byId.ouagadougou.cy, 'Tombouctou north of Ouagadougou');
    assert.ok(byId.kidal.cy < byId.gao.cy && byId.gao.cy < byId.niamey.cy, 'Kidal, Gao, Niamey from north to south');
    // Area ∝ count.
    const ratio = byId.gao.r ** 2 / byId.gao.count;
    for (const d of ds) if (d.r > 3.01) assert.ok(Math.abs(d.r ** 2 / d.count - ratio) / ratio < 0.01, `${d.id}: area ∝ count`);
    assert.ok(byId.gao.r > byId.niamey.r && byId.niamey.r > byId.timbuktu.r);
    // Tooltip and accessible name; keyboard-focusable.
    assert.equal(byId.gao.title, 'Gao: 12 mentions (Place, Région de Gao, Mali)');
    assert.equal(byId.gao.label, byId.gao.title);
    assert.equal(byId.mopti.title, 'Mopti: 1 mention (Place, Région de Mopti, Mali)');
    assert.ok(ds.every((d) => d.tabindex === '0'));
    assert.match(await page.textContent('.sahel-map-legend'), /Mentions.*Place/s);

    // The credit, on the map.
    assert.equal(await page.textContent('.sahel-map-svg .credit text'), CREDIT);
    // No label over a dot, the credit or another label; region labels are there.
    const lay = await layout(page);
    assertNothingCovered(lay);
    assert.ok(lay.labels.some((l) => l.cls === 'region-label'), 'some region labels');
    assert.ok(lay.labels.some((l) => l.text === 'Gao' && l.cls === 'place-label'), 'the largest place is named');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-light.png'), fullPage: true });

    // Click → onSelect(id).
    await page.click('.sahel-map .dots .dot[data-id="niamey"]');
    assert.deepEqual(await page.evaluate(() => window.mapTest.selected), ['niamey']);
    assert.ok((await page.evaluate(() => window.mapTest.hovered)).includes('niamey'), 'hover reported');
    // Keyboard: Tab reaches the dots (the largest first), Enter and Space select.
    await page.click('h1'); // the sequential focus navigation starts before the map
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset?.id ?? document.activeElement?.outerHTML.slice(0, 120)), 'gao');
    await page.keyboard.press('Enter');
    await page.evaluate(() => window.mapTest.map.focus('menaka'));
    await page.keyboard.press(' ');
    assert.deepEqual(await page.evaluate(() => window.mapTest.selected), ['niamey', 'gao', 'menaka']);

    // highlight(id): the dot is marked (aria-current and a ring on it); kept across update(); null clears.
    assert.equal(await page.evaluate(() => window.mapTest.map.highlight('timbuktu')), true);
    const mark = async () =>
      page.evaluate(() => {
        const cur = [...document.querySelectorAll('.sahel-map .dot[aria-current="true"]')].map((d) => d.dataset.id);
        const ring = document.querySelector('.sahel-map .ring');
        const dot = document.querySelector('.sahel-map .dot[aria-current="true"]');
        return { cur, ring: Boolean(ring), same: Boolean(ring && dot && ring.getAttribute('cx') === dot.getAttribute('cx') && ring.getAttribute('cy') === dot.getAttribute('cy')) };
      });
    assert.deepEqual(await mark(), { cur: ['timbuktu'], ring: true, same: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-light-highlight.png'), clip: await page.$eval('.sahel-map-svg', (s) => s.getBoundingClientRect().toJSON()) });
    await page.evaluate(() => window.mapTest.map.update(window.mapTest.places));
    assert.deepEqual(await mark(), { cur: ['timbuktu'], ring: true, same: true });
    await page.evaluate(() => window.mapTest.map.highlight(null));
    assert.deepEqual(await mark(), { cur: [], ring: false, same: false });

    // Filters: the type toggles and the review state. The map does not move when a type is hidden.
    const before = (await dots(page)).find((d) => d.id === 'gao');
    assert.deepEqual(await page.evaluate(() => window.mapTest.map.update(window.mapTest.places, { hiddenTypes: ['place'] })), { shown: 0, located: 8, total: 9 });
    assert.equal((await dots(page)).length, 0);
    assert.match(await page.textContent('.sahel-map-legend'), /8 places hidden by the filters/);
    await page.evaluate(() => window.mapTest.map.update(window.mapTest.places, { reviewState: { gao: 'rejected', niamey: 'confirmed' } }));
    let now = await dots(page);
    assert.deepEqual(now.map((d) => d.id).sort(), ['djibo', 'kidal', 'menaka', 'mopti', 'niamey', 'ouagadougou', 'timbuktu']);
    assert.match(now.find((d) => d.id === 'niamey').label, /confirmed$/);
    await page.evaluate(() => window.mapTest.map.update(window.mapTest.places, { reviewState: new Map([['gao', 'rejected']]), showRejected: true }));
    now = await dots(page);
    assert.equal(now.length, 8);
    const gao = now.find((d) => d.id === 'gao');
    assert.match(gao.label, /rejected$/);
    assert.equal(await page.$eval('.sahel-map .dot[data-id="gao"]', (d) => d.dataset.review), 'rejected');
    assert.equal(gao.cx, before.cx);
    assert.equal(gao.cy, before.cy);

    await assertClean(m);
  } finally {
    await m.close();
  }
});

test('map: dark mode, with readable labels', async () => {
  const m = await openMap({ colorScheme: 'dark', query: '?highlight=niamey' });
  const { page } = m;
  try {
    assert.equal((await dots(page)).length, 8);
    assertNothingCovered(await layout(page));
    const colours = await page.evaluate(() => {
      const get = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
      return {
        label: get('.sahel-map .place-label', 'fill'),
        halo: get('.sahel-map .place-label', 'stroke'),
        sea: get('.sahel-map .sea', 'fill'),
        land: get('.sahel-map .land.focus', 'fill'),
        region: get('.sahel-map .region-label', 'fill'),
        ring: get('.sahel-map .ring', 'stroke'),
      };
    });
    const lum = (rgb) => {
      const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    assert.ok(lum(colours.sea) < 0.05 && lum(colours.land) < 0.05, `dark ground: ${colours.sea}, ${colours.land}`);
    assert.ok(contrast(colours.label, colours.halo) >= 7, `place labels readable: ${colours.label} on ${colours.halo}`);
    assert.ok(contrast(colours.region, colours.land) >= 4.5, `region labels readable: ${colours.region} on ${colours.land}`);
    assert.ok(contrast(colours.ring, colours.land) >= 7, 'the highlight ring stands out');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-dark.png'), fullPage: true });
    await assertClean(m);
  } finally {
    await m.close();
  }
});

test('map: 390 px wide (phone)', async () => {
  const m = await openMap({ viewport: { width: 390, height: 844 } });
  const { page } = m;
  try {
    const width = await page.$eval('.sahel-map-svg', (s) => s.getBoundingClientRect().width);
    assert.ok(width <= 390 - 2 * 12 + 1, `the map fits the screen (${width} px)`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'no horizontal scroll');
    const ds = await dots(page);
    assert.equal(ds.length, 8);
    const lay = await layout(page);
    for (const d of lay.dots) assert.ok(d.x >= 0 && d.x + d.w <= lay.width && d.y >= 0 && d.y + d.h <= lay.height, `${d.id} inside`);
    assertNothingCovered(lay);
    const credit = lay.labels.find((l) => l.text === CREDIT);
    assert.ok(credit && credit.x >= 0, 'the credit fits');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-390.png'), fullPage: true });
    // Resizing redraws at the new size (still one SVG unit per pixel).
    await page.setViewportSize({ width: 700, height: 844 });
    await page.waitForFunction(() => Math.round(document.querySelector('.sahel-map-svg').getBoundingClientRect().width) > 600);
    await page.waitForFunction(() => document.querySelector('.sahel-map-svg').viewBox.baseVal.width > 600);
    assert.equal((await dots(page)).length, 8);
    await assertClean(m);
  } finally {
    await m.close();
  }
});

test('map: no places → the Sahel, with a note', async () => {
  const m = await openMap({ query: '?empty=1' });
  const { page } = m;
  try {
    assert.equal((await dots(page)).length, 0);
    assert.match(await page.textContent('.sahel-map-legend'), /No place mentioned yet/);
    const lay = await layout(page);
    // Mali, Burkina Faso and Niger are in view.
    for (const c of ['ML', 'BF', 'NE']) {
      const b = await page.$eval(`.sahel-map .land[data-country="${c}"]`, (p) => p.getBBox().toJSON?.() ?? { x: p.getBBox().x, y: p.getBBox().y, width: p.getBBox().width, height: p.getBBox().height });
      assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.width <= lay.width && b.y + b.height <= lay.height, `${c} in view`);
    }
    assertNothingCovered(lay);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-empty.png'), fullPage: true });
    await assertClean(m);
  } finally {
    await m.close();
  }
});

test('map: in a shadow root (as in a panel), drawn while hidden then shown', async () => {
  const m = await openMap({ query: '?empty=1' });
  const { page } = m;
  try {
    const result = await page.evaluate(async () => {
      const { createMap } = await import('/shared/map.js');
      const host = document.createElement('div');
      host.hidden = true;
      document.body.append(host);
      const shadow = host.attachShadow({ mode: 'open' });
      const box = document.createElement('div');
      shadow.append(box);
      const map = createMap(box, {});
      map.update(window.mapTest.places);
      await map.ready;
      host.hidden = false;
      await new Promise((resolve) => {
        const wait = () => (Number(shadow.querySelector('.sahel-map').dataset.renders) > 1 ? resolve() : requestAnimationFrame(wait));
        wait();
      });
      const dot = shadow.querySelector('.dots .dot[data-id="gao"]');
      return {
        linked: shadow.querySelectorAll('link[data-sahel-map]').length,
        fill: getComputedStyle(dot).fill,
        dots: shadow.querySelectorAll('.dots .dot').length,
        labels: [...shadow.querySelectorAll('.place-labels text')].map((t) => t.textContent),
      };
    });
    assert.equal(result.linked, 1, 'map.css linked inside the shadow root');
    assert.equal(result.fill, 'rgb(0, 123, 90)', 'the place colour of style.css (--place-line) reaches the dots');
    assert.equal(result.dots, 8);
    assert.ok(result.labels.includes('Gao') && result.labels.includes('Niamey'), `labels once shown: ${result.labels}`);
    await assertClean(m);
  } finally {
    await m.close();
  }
});
