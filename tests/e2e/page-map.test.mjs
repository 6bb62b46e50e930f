// The map and the incident sheet wired into the paste page (issue 12, items 2 and 4): the map tab's
// dots for the sample article (count, sizes and positions against the gazetteer's coordinates), dot →
// mentions (cycling, by click and by Enter), mention → dot (hover, focus), the type toggles; the
// incident sheet opened from the page with the Source fields, its CSV downloaded, "Show" going to the
// row's text. Screenshots (light, dark, 390 px wide): tests/e2e/screenshots/page-map-*.png and
// page-incident-*.png.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, loadSample, screenshotPath, captureDownload, consoleErrors, WWW } from './lib/page-harness.mjs';
import { parseCsv } from './lib/page-csv.mjs';
import { INCIDENT_COLUMNS } from '../../www/shared/incident.js';
import init, { Tagger } from '../../www/pkg/sahel_tagger.js';

await init({ module_or_path: fs.readFileSync(path.join(WWW, 'pkg', 'sahel_tagger_bg.wasm')) });
const ENTITIES = new Map(new Tagger().entities().map((e) => [e.id, e]));

const CREDIT = 'Borders: Natural Earth. Places: GeoNames (CC BY 4.0)';

async function openMap(page) {
  await page.click('#tab-map');
  await page.waitForSelector('#map .sahel-map[data-state="ready"]');
  // Drawn again once the pane has its final width (ResizeObserver): wait until it is stable.
  await page.waitForFunction(() => {
    const svg = document.querySelector('#map .sahel-map-svg');
    return svg && Math.abs(Number(svg.getAttribute('width')) - Math.round(document.getElementById('map').clientWidth)) <= 1;
  });
}

const dots = (page) =>
  page.$$eval('#map .dots .dot', (cs) => cs.map((c) => ({ id: c.dataset.id, cx: Number(c.getAttribute('cx')), cy: Number(c.getAttribute('cy')), r: Number(c.getAttribute('r')), count: Number(c.dataset.count) })));

/** Mention counts per place entity among the text's marks. */
const placeMarks = (page) =>
  page.$$eval('#result mark[data-type="place"]', (ms) => {
    const n = {};
    for (const m of ms) n[m.dataset.entity] = (n[m.dataset.entity] || 0) + 1;
    return n;
  });

const ringed = (page) => page.$eval('#map .dots', (g) => g.querySelector('.dot[aria-current]')?.dataset.id ?? null);

test('the page: map of the sample article, both links with the text, type toggles; screenshots', async () => {
  const { page, log, close } = await openPage();
  try {
    await loadSample(page);
    await openMap(page);
    const counts = await placeMarks(page);
    const located = Object.keys(counts).filter((id) => Number.isFinite(ENTITIES.get(id)?.lat));
    assert.ok(located.length >= 10, `the sample names many located places (${located.length})`);
    const ds = await dots(page);
    assert.equal(ds.length, located.length, 'one dot per place with coordinates');
    const byId = new Map(ds.map((d) => [d.id, d]));
    for (const id of located) {
      const d = byId.get(id);
      assert.ok(d, `a dot for ${id}`);
      assert.equal(d.count, counts[id], `${id}: its mention count`);
      const e = ENTITIES.get(id);
      const [x, y] = await page.evaluate(([lon, lat]) => document.getElementById('map').sahelMap.project(lon, lat), [e.lon, e.lat]);
      assert.ok(Math.abs(d.cx - x) < 0.01 && Math.abs(d.cy - y) < 0.01, `${id} at its coordinates`);
    }
    // Independently of the projection: west is left, north is up; more mentions, a larger dot.
    assert.ok(byId.get('bamako').cx < byId.get('niamey').cx && byId.get('timbuktu').cy < byId.get('ouagadougou').cy);
    assert.ok(byId.get('timbuktu').r > byId.get('gao').r);
    const without = Object.keys(counts).length - located.length;
    if (without) assert.match(await page.textContent('#map .sahel-map-note'), new RegExp(`${without} places? without coordinates`));
    // The credit is drawn on the map, inside it.
    const credit = await page.$eval('#map .credit text', (t) => {
      const b = t.getBoundingClientRect();
      const s = t.ownerSVGElement.getBoundingClientRect();
      return { text: t.textContent, inside: b.left >= s.left && b.right <= s.right && b.bottom <= s.bottom && b.width > 50 };
    });
    assert.deepEqual(credit, { text: CREDIT, inside: true });

    // Dot → mentions: a click goes to the first of Tombouctou's 3 mentions, the next click the second.
    const centre = async (id) => page.$eval(`#map .dot[data-id="${id}"]`, (c) => {
      const b = c.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    });
    let p = await centre('timbuktu');
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => document.activeElement?.matches('#result mark.current[data-entity="timbuktu"]'));
    const first = await page.$eval('#result mark.current', (m) => Number(m.dataset.i));
    assert.match(await page.textContent('#entity-list button.entity.selected .position'), /^1 \/ 3$/);
    await openMap(page); // still the map tab
    p = await centre('timbuktu');
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction((i) => Number(document.querySelector('#result mark.current[data-entity="timbuktu"]')?.dataset.i) > i, first);
    assert.equal(await ringed(page), 'timbuktu', 'the current mention’s dot is ringed');
    // By keyboard: Enter on a focused dot.
    assert.ok(await page.evaluate(() => document.getElementById('map').sahelMap.focus('mopti')));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.matches('#result mark.current[data-entity="mopti"]'));
    // A dot hovered outlines its mentions in the text.
    p = await centre('djibo');
    await page.mouse.move(p.x, p.y);
    assert.ok(counts.djibo >= 2, 'the sample names Djibo more than once');
    await page.waitForFunction((n) => document.querySelectorAll('#result mark.map-hover[data-entity="djibo"]').length === n, counts.djibo);

    // Mention → dot: hovering a mention, then focusing one.
    // The pointer rests on the map's corner (no dot there) between steps: a mark that scrolling brings
    // under a resting pointer gets a mouseover of its own (Chromium sends one after a scroll), which
    // would ring that mark's dot instead. Up to three hovers, for the same reason on a loaded machine.
    const corner = await page.$eval('#map svg', (svg) => {
      const b = svg.getBoundingClientRect();
      return { x: b.x + 4, y: b.y + 4 };
    });
    const rest = () => page.mouse.move(corner.x, corner.y);
    let ringedNiamey = false;
    for (let attempt = 0; attempt < 3 && !ringedNiamey; attempt++) {
      await rest();
      await page.hover('#result mark[data-entity="niamey"]');
      ringedNiamey = await page
        .waitForFunction(() => document.querySelector('#map .dot[aria-current]')?.dataset.id === 'niamey', null, { timeout: 5000 })
        .then(() => true, () => false);
    }
    assert.ok(ringedNiamey, 'hovering a mention rings its dot');
    await rest();
    await page.focus('#result mark[data-entity="gao"]');
    await page.waitForFunction(() => document.querySelector('#map .dot[aria-current]')?.dataset.id === 'gao');
    assert.ok(await page.$eval('#tip', (t) => !t.hidden), 'the card shows for the focused mention');

    // The type toggles filter the dots; the map does not move.
    await page.uncheck('#legend-types input[data-type="place"]');
    assert.equal((await dots(page)).length, 0);
    assert.match(await page.textContent('#map .sahel-map-note'), /hidden by the filters/);
    await page.check('#legend-types input[data-type="place"]');
    assert.deepEqual((await dots(page)).map((d) => [d.id, d.cx]).sort(), ds.map((d) => [d.id, d.cx]).sort());

    await page.mouse.move(0, 0);
    await page.$eval('.workspace', (w) => w.scrollIntoView());
    await page.locator('.workspace').screenshot({ path: screenshotPath('page-map-light') });
    assert.deepEqual(log.foreign, [], 'nothing fetched from elsewhere');
    assert.deepEqual(consoleErrors(log), []);
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});

for (const [name, opts] of [
  ['dark', { colorScheme: 'dark' }],
  ['390', { viewport: { width: 390, height: 844 } }],
]) {
  test(`the page's map and incident sheet, ${name}: screenshots`, async () => {
    const { page, log, close } = await openPage(opts);
    try {
      await loadSample(page);
      await openMap(page);
      assert.ok((await dots(page)).length >= 10);
      await page.locator('.entity-pane').screenshot({ path: screenshotPath(`page-map-${name}`) });
      await page.click('#incident-open');
      await page.waitForSelector('#incident-dialog[open] .isheet tbody tr');
      await page.screenshot({ path: screenshotPath(`page-incident-${name}`) });
      assert.deepEqual(log.foreign, []);
      assert.deepEqual(consoleErrors(log), []);
      assert.deepEqual(log.errors, []);
    } finally {
      await close();
    }
  });
}

test('the page: incident sheet of the sample with the Source fields, CSV download, Show', async () => {
  const { page, log, close } = await openPage();
  try {
    await loadSample(page);
    await page.click('#doc-meta summary');
    await page.fill('#doc-url', 'https://news.example/sahel/semaine');
    await page.fill('#doc-date', '2024-05-16');
    await page.click('#incident-open');
    await page.waitForSelector('#incident-dialog[open] .isheet tbody tr[data-index]');
    const rows = await page.locator('.isheet tbody tr[data-index]').count();
    assert.ok(rows >= 2, `rows drafted (${rows})`);
    await page.screenshot({ path: screenshotPath('page-incident-light') });
    const { name, text } = await captureDownload(page, () => page.click('.isheet .is-download'));
    assert.match(name, /^sahel-tagger-incidents-.*\.csv$/);
    const [header, ...body] = (await import('./lib/page-csv.mjs')).parseCsv(text.replace(/^\ufeff/, '')).filter((r) => r.length > 1);
    assert.deepEqual(header, INCIDENT_COLUMNS);
    assert.equal(body.length, rows);
    const col = (c) => header.indexOf(c);
    for (const r of body) {
      assert.equal(r[col('source')], 'https://news.example/sahel/semaine');
      assert.match(r[col('event_date')], /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(r[col('actor1')] && r[col('location')]);
      if (r[col('latitude')]) assert.ok(Number.isFinite(Number(r[col('latitude')])) && Number.isFinite(Number(r[col('longitude')])));
    }
    assert.ok(body.some((r) => r[col('latitude')]), 'coordinates in the rows');
    // An edit survives closing and opening again (same text).
    await page.fill('.isheet tbody tr[data-index="0"] [data-col="notes"]:is(input, textarea)', 'checked');
    await page.click('#incident-close');
    await page.click('#incident-open');
    assert.equal(await page.inputValue('.isheet tbody tr[data-index="0"] [data-col="notes"]:is(input, textarea)'), 'checked');
    // Show: the dialog closes, the row's mentions are marked, the first is current and focused.
    await page.click('.isheet tbody tr[data-index="1"] .is-show');
    await page.waitForFunction(() => !document.getElementById('incident-dialog').open && document.activeElement?.matches('#result mark.current.in-row'));
    const [from, to] = (await page.getAttribute('#result', 'data-shown-row')).split('-').map(Number);
    const marked = await page.$$eval('#result mark.in-row', (ms) => ms.length);
    assert.ok(marked >= 2 && to > from, 'an actor and a place marked');
    assert.deepEqual(log.foreign, []);
    assert.deepEqual(consoleErrors(log), []);
    assert.deepEqual(log.errors, []);
  } finally {
    await close();
  }
});
