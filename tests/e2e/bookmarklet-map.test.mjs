// The map and the incident sheet in the bookmarklet's panel (issue 12, items 2 and 4), on the news
// article of the test site: the map's dots (count, sizes, positions against the gazetteer's
// coordinates through the map's own projection), dot → the mention in the live page (cycling),
// mention hovered in the page → its dot ringed, the credit drawn; the same map where frames are
// blocked (the tagger runs in the page); the incident sheet with its CSV download and "Show". Screenshot:
// tests/e2e/screenshots/bookmarklet-map.png (and bookmarklet-incident-sheet.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as H from './fixtures/bookmarklet-harness/index.mjs';
import { captureDownload } from './lib/page-harness.mjs';
import { parseCsv } from './lib/page-csv.mjs';
import { INCIDENT_COLUMNS } from '../../www/shared/incident.js';
import init, { Tagger } from '../../www/pkg/sahel_tagger.js';

await init({ module_or_path: fs.readFileSync(path.join(H.REPO, 'www', 'pkg', 'sahel_tagger_bg.wasm')) });
const ENTITIES = new Map(new Tagger().entities().map((e) => [e.id, e]));
const CREDIT = 'Borders: Natural Earth. Places: GeoNames (CC BY 4.0)';

let servers;
let browser;
let href;
before(async () => {
  servers = await H.startServers();
  browser = await H.startBrowser();
  href = await H.bookmarkletHref(browser.context, servers.tagger);
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

const SR = 'sahel-tagger-ui';
const api = (page, fn, arg) => page.evaluate(fn, arg);

async function showMap(page) {
  await page.click(`${SR} .tools .mapb`);
  await page.waitForFunction(() => {
    const r = document.querySelector('sahel-tagger-ui').shadowRoot;
    return r.querySelector('.sahel-map[data-state="ready"]') || r.querySelector('.map .why');
  });
}

const dots = (page) =>
  page.evaluate(() =>
    [...document.querySelector('sahel-tagger-ui').shadowRoot.querySelectorAll('.map .dots .dot')].map((c) => ({
      id: c.dataset.id,
      cx: Number(c.getAttribute('cx')),
      cy: Number(c.getAttribute('cy')),
      r: Number(c.getAttribute('r')),
      count: Number(c.dataset.count),
    })),
  );

const ringed = (page) => page.evaluate(() => document.querySelector('sahel-tagger-ui').shadowRoot.querySelector('.map .dot[aria-current]')?.dataset.id ?? null);

/** The current mention (the panel's "k / n" and the highlighted text). */
const current = (page) =>
  page.evaluate(() => {
    const r = document.querySelector('sahel-tagger-ui').shadowRoot;
    const k = Number(r.querySelector('.pos').textContent.split('/')[0].trim()) - 1;
    const hl = CSS.highlights.get('sahel-current');
    const r0 = hl && [...hl][0];
    const q = r0 && new Range();
    if (q) {
      q.setStart(r0.startContainer, r0.startOffset);
      q.setEnd(r0.endContainer, r0.endOffset);
    }
    return { k, text: q ? q.toString() : null };
  });

test('bookmarklet panel: the map of the article, dot → mention, mention → dot, credit; screenshot', async () => {
  const { page, errors } = await H.openPage(browser.context, servers.site + '/article.html');
  const foreign = [];
  page.on('request', (r) => ![servers.site, servers.tagger].some((o) => r.url().startsWith(o + '/')) && !r.url().startsWith('data:') && foreign.push(r.url()));
  await H.runBookmarklet(page, href);
  await showMap(page);
  const mentions = await api(page, () => window[Symbol.for('sahel-tagger')].mentions());
  const counts = H.countById(mentions.filter((m) => m.type === 'place'));
  const located = Object.keys(counts).filter((id) => Number.isFinite(ENTITIES.get(id)?.lat));
  assert.ok(located.length >= 4, `places with coordinates in the article (${located})`);
  assert.ok(!counts.kidal && !counts.gao, 'the sidebar and related stories are not read (article only)');
  const ds = await dots(page);
  assert.equal(ds.length, located.length, 'one dot per located place');
  const byId = new Map(ds.map((d) => [d.id, d]));
  for (const id of located) {
    const d = byId.get(id);
    assert.ok(d, `a dot for ${id}`);
    assert.equal(d.count, counts[id]);
    const e = ENTITIES.get(id);
    const [x, y] = await api(page, ([lon, lat]) => window[Symbol.for('sahel-tagger')].map.project(lon, lat), [e.lon, e.lat]);
    assert.ok(Math.abs(d.cx - x) < 0.01 && Math.abs(d.cy - y) < 0.01, `${id} at its coordinates`);
  }
  assert.ok(byId.get('niafunke').cx < byId.get('djibo').cx && byId.get('niafunke').cy < byId.get('djibo').cy, 'Niafunké is west and north of Djibo');
  const credit = await page.evaluate(() => {
    const t = document.querySelector('sahel-tagger-ui').shadowRoot.querySelector('.map .credit text');
    const b = t.getBoundingClientRect();
    const s = t.ownerSVGElement.getBoundingClientRect();
    return { text: t.textContent, inside: b.left >= s.left - 0.5 && b.right <= s.right + 0.5 && b.bottom <= s.bottom + 0.5 && b.width > 50, fill: getComputedStyle(t).fill };
  });
  assert.equal(credit.text, CREDIT);
  assert.ok(credit.inside, 'the credit is drawn inside the map');

  // Dot → mention in the page: Niafunké's mentions in turn.
  const n = counts.niafunke;
  assert.ok(n >= 2);
  const seen = [];
  for (let j = 0; j < n; j++) {
    await page.click(`${SR} .map .dot[data-id="niafunke"]`);
    const c = await current(page);
    assert.equal(mentions[c.k].id, 'niafunke');
    assert.equal(c.text, mentions[c.k].surface);
    seen.push(c.k);
  }
  assert.equal(new Set(seen).size, n, 'each click the next mention');
  assert.equal(await ringed(page), 'niafunke');
  // By keyboard.
  await api(page, () => window[Symbol.for('sahel-tagger')].map.focus('djibo'));
  await page.keyboard.press('Enter');
  assert.equal(mentions[(await current(page)).k].id, 'djibo');

  // Mention hovered in the page → its dot.
  const box = await page.evaluate(() => {
    for (const r of CSS.highlights.get('sahel-place')) {
      const q = new Range();
      q.setStart(r.startContainer, r.startOffset);
      q.setEnd(r.endContainer, r.endOffset);
      if (q.toString() === 'Mopti') {
        q.startContainer.parentElement.scrollIntoView({ block: 'center' });
        const b = q.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
    }
    return null;
  });
  assert.ok(box, 'Mopti is highlighted in the page');
  await page.mouse.move(box.x, box.y);
  await page.waitForFunction(() => document.querySelector('sahel-tagger-ui').shadowRoot.querySelector('.map .dot[aria-current]')?.dataset.id === 'mopti');
  await H.card(page, 'Mopti');
  await H.screenshot(page, 'map');
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => document.querySelector('sahel-tagger-ui').shadowRoot.querySelector('.map .dot[aria-current]')?.dataset.id === 'djibo');

  // The type toggle hides the dots.
  await page.click(`${SR} .ty[data-type="place"] .th input`);
  assert.equal((await dots(page)).length, 0);
  await page.click(`${SR} .ty[data-type="place"] .th input`);
  assert.equal((await dots(page)).length, located.length);

  assert.deepEqual(foreign, [], 'nothing fetched from outside the two origins');
  assert.deepEqual(errors, []);
  await page.close();
});

test('bookmarklet panel: the incident sheet of the article, CSV download, Show', async () => {
  const { page, errors } = await H.openPage(browser.context, servers.site + '/article.html');
  await H.runBookmarklet(page, href);
  await page.click(`${SR} .tools .sheetb`);
  await page.waitForSelector(`${SR} .sheet .isheet tbody tr[data-index]`);
  const rows = await page.locator(`${SR} .sheet .isheet tbody tr[data-index]`).count();
  assert.ok(rows >= 1, `rows drafted (${rows})`);
  await H.screenshot(page, 'incident-sheet');
  const { name, text } = await captureDownload(page, () => page.click(`${SR} .sheet .is-download`));
  assert.match(name, /^incidents-.*\.csv$/);
  const [header, ...body] = parseCsv(text.replace(/^\ufeff/, '')).filter((r) => r.length > 1);
  assert.deepEqual(header, INCIDENT_COLUMNS);
  assert.equal(body.length, rows);
  const col = (c) => header.indexOf(c);
  for (const r of body) {
    assert.equal(r[col('source')], servers.site + '/article.html', 'the page read is the source');
    assert.match(r[col('event_date')], /^2024-0[23]-\d\d$/, 'dated from the article (5 March 2024) or its text');
    assert.ok(r[col('actor1')] && r[col('location')]);
  }
  // Show: the sheet closes, the row's first mention is the current one.
  await page.click(`${SR} .sheet .isheet tbody tr[data-index="0"] .is-show`);
  assert.ok(await page.evaluate(() => document.querySelector('sahel-tagger-ui').shadowRoot.querySelector('.sheet').hidden));
  const c = await current(page);
  assert.ok(c.k >= 0 && c.text, 'a mention of the row is current');
  assert.deepEqual(errors, []);
  await page.close();
});

test('bookmarklet panel: the map where frames are blocked (the tagger and the map run in the page)', async () => {
  {
    const { page, errors } = await H.openPage(browser.context, servers.site + '/article-noframe.html');
    await H.runBookmarklet(page, href);
    assert.equal((await H.idle(page)).backend, 'page');
    await showMap(page);
    assert.ok((await dots(page)).length >= 4);
    assert.deepEqual(errors, []);
    await page.close();
  }
});
