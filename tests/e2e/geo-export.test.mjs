// Geo-coded exports (issue 12, item 3): every place mention carries its country, admin1/admin2
// (GeoNames' units, src/admin.rs) and coordinates in the JSON and CSV exports, and the GeoJSON export
// (www/shared/mentions.js toGeoJson: one Point feature per place, with its mentions and contexts) is
// downloaded from the paste page's export bar and from the bookmarklet's panel, then validated by
// parsing: a FeatureCollection, each geometry [lon, lat] equal to the gazetteer's coordinates, counts
// equal to the highlighted mentions, offsets in code points (an emoji comes first).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, pasteText, waitTagged, markIds, captureDownload, consoleErrors, screenshotPath, WWW, FIXTURES } from './lib/page-harness.mjs';
import { parseCsv } from './lib/page-csv.mjs';
import * as H from './fixtures/bookmarklet-harness/index.mjs';
import { CSV_COLUMNS } from '../../www/shared/mentions.js';
import init, { Tagger } from '../../www/pkg/sahel_tagger.js';

await init({ module_or_path: fs.readFileSync(path.join(WWW, 'pkg', 'sahel_tagger_bg.wasm')) });
const ENTITIES = new Map(new Tagger().entities().map((e) => [e.id, e]));

/** The test layer's village (tests/e2e/fixtures/geo-geonames.tsv), under the curated Bankass cercle. */
const ZORGALKORO = { id: 'gn:9920001', lat: 14.05, lon: -3.45 };
const layerRoute = (req, res) =>
  res.writeHead(200, { 'content-type': 'text/tab-separated-values; charset=utf-8', 'cache-control': 'no-store' }).end(fs.readFileSync(path.join(FIXTURES, 'geo-geonames.tsv')));

const TEXT =
  '🔥 Des civils ont été tués à Karma, près de Ouahigouya, le 20 avril 2023. Les survivants de Karma ont fui.\n\n' +
  'Au Mali, des hommes armés ont attaqué Zorgalkoro puis Douentza ; le JNIM a revendiqué.';

/** Code point slice, as Python's text[start:end]. */
const cpSlice = (text, start, end) => [...text].slice(start, end).join('');

/** A parsed GeoJSON export checked against the mentions it was made from (`marks`: id → count). */
function checkGeoJson(geo, { text, marks, coords }) {
  assert.equal(geo.type, 'FeatureCollection');
  assert.ok(Array.isArray(geo.features));
  const placeIds = Object.keys(marks).filter((id) => coords(id));
  assert.deepEqual(geo.features.map((f) => f.id).sort(), placeIds.sort(), 'one feature per place with coordinates');
  for (const f of geo.features) {
    assert.equal(f.type, 'Feature');
    assert.equal(f.geometry.type, 'Point');
    const { lat, lon } = coords(f.id);
    assert.deepEqual(f.geometry.coordinates, [lon, lat], `${f.id}: [lon, lat] of the gazetteer`);
    const p = f.properties;
    assert.equal(p.id, f.id);
    assert.equal(p.count, marks[f.id], `${f.id}: as many as highlighted`);
    assert.equal(p.mentions.length, p.count);
    for (const m of p.mentions) {
      assert.equal(cpSlice(text, m.start, m.end), m.surface, `${f.id}: code point offsets`);
      assert.ok(m.context.includes(m.surface), m.context);
    }
  }
  assert.match(geo.attribution, /GeoNames.*CC BY 4\.0/);
  return new Map(geo.features.map((f) => [f.id, f]));
}

const admin = (f) => [f.properties.country, f.properties.admin1, f.properties.admin2];

test('page: JSON, CSV and GeoJSON exports carry coordinates, country and admin units', async () => {
  const s = await openPage({ routes: { '/data/geonames.tsv': layerRoute } });
  try {
    const { page } = s;
    assert.equal(await page.isDisabled('#export-geojson'), true, 'nothing to export yet');
    await pasteText(page, TEXT);
    await waitTagged(page);
    await page.click('#doc-meta summary').catch(() => {});
    await page.fill('#doc-title', 'Karma, un an après');
    await page.fill('#doc-url', 'https://journal.example/karma');
    await page.fill('#doc-date', '2024-04-20');
    const ids = await markIds(page);
    const marks = {};
    const types = await page.$$eval('#result mark', (ms) => ms.map((m) => [m.dataset.entity, m.dataset.type]));
    for (const [id, type] of types) if (type === 'place') marks[id] = (marks[id] || 0) + 1;
    assert.equal(marks.karma, 2, ids.join(' '));
    assert.ok(marks[ZORGALKORO.id] && marks.douentza && marks.ouahigouya, JSON.stringify(marks));
    assert.ok(ids.includes('jnim'));

    await page.screenshot({ path: screenshotPath('geo-page-export-bar') });
    const { name, text } = await captureDownload(page, () => page.click('#export-geojson'));
    assert.match(name, /^sahel-tagger-places-.*\.geojson$/);
    const coords = (id) => (id === ZORGALKORO.id ? ZORGALKORO : Number.isFinite(ENTITIES.get(id)?.lat) ? ENTITIES.get(id) : null);
    const features = checkGeoJson(JSON.parse(text), { text: TEXT, marks, coords });
    assert.deepEqual(admin(features.get('karma')), ['BF', 'Nord', 'Yatenga']);
    assert.deepEqual(admin(features.get('ouahigouya')), ['BF', 'Nord', 'Yatenga']);
    assert.deepEqual(admin(features.get('douentza')), ['ML', 'Mopti', 'Douentza']);
    assert.deepEqual(admin(features.get(ZORGALKORO.id)), ['ML', 'Mopti', 'Bankass'], 'a village of the layer: its cercle and region');
    assert.equal(features.get('karma').properties.name, 'Karma');
    assert.ok(!features.has('jnim'));
    assert.deepEqual(JSON.parse(text).document, { title: 'Karma, un an après', url: 'https://journal.example/karma', date: '2024-04-20' });

    // The JSON and the CSV: the same fields on every place mention.
    const json = JSON.parse((await captureDownload(page, () => page.click('#export-json'))).text);
    const karma = json.find((r) => r.id === 'karma');
    assert.deepEqual([karma.country, karma.admin1, karma.admin2, karma.lat, karma.lon], ['BF', 'Nord', 'Yatenga', ENTITIES.get('karma').lat, ENTITIES.get('karma').lon]);
    assert.equal(cpSlice(TEXT, karma.start, karma.end), 'Karma', 'code points');
    const jnim = json.find((r) => r.id === 'jnim');
    assert.deepEqual([jnim.country, jnim.admin1, jnim.lat], [null, null, null], 'not a place');
    const [header, ...rows] = parseCsv((await captureDownload(page, () => page.click('#export-csv'))).text.replace(/^\ufeff/, ''));
    assert.deepEqual(header, CSV_COLUMNS);
    const col = (row, c) => row[header.indexOf(c)];
    const village = rows.find((r) => col(r, 'id') === ZORGALKORO.id);
    assert.deepEqual(['country', 'admin1', 'admin2', 'lat', 'lon'].map((c) => col(village, c)), ['ML', 'Mopti', 'Bankass', '14.05', '-3.45']);
    const first = rows.find((r) => col(r, 'id') === 'karma');
    assert.equal(cpSlice(TEXT, Number(col(first, 'start')), Number(col(first, 'end'))), 'Karma', 'CSV offsets in code points');
    assert.deepEqual(s.log.errors, []);
    assert.deepEqual(consoleErrors(s.log), []);
    assert.deepEqual(s.log.foreign, []);
  } finally {
    await s.close();
  }
});

let servers;
let browser;
let href;

before(async () => {
  servers = await H.startServers({ villages: 'fixture' });
  browser = await H.startBrowser();
  href = await H.bookmarkletHref(browser.context, servers.tagger);
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

test('bookmarklet: the panel downloads the places as GeoJSON, with admin units, counts and code point offsets', async () => {
  const { page, errors } = await H.openPage(browser.context, `${servers.site}/geo.html`);
  await H.runBookmarklet(page, href);
  await H.idle(page);
  // The GeoNames villages, switched on as a reader does.
  await page.click('sahel-tagger-ui >> .gn input');
  await H.idle(page);
  const api = (f) => page.evaluate((src) => new Function('api', `return (${src})(api)`)(window[Symbol.for('sahel-tagger')]), f.toString());
  const mentions = await api((x) => x.mentions());
  const text = await api((x) => x.text());
  const marks = {};
  for (const m of mentions) if (m.type === 'place') marks[m.id] = (marks[m.id] || 0) + 1;
  assert.ok(marks.karma >= 2, JSON.stringify(marks));
  assert.equal(marks.ouahigouya, 2);
  assert.ok(marks['gn:9910001'] && marks.douentza, JSON.stringify(marks));

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('sahel-tagger-ui >> button.geojson')]);
  assert.match(download.suggestedFilename(), /^sahel-tagger-127\.0\.0\.1\.geojson$/);
  const geo = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const layer = { 'gn:9910001': { lat: 14.3, lon: -3.9 } };
  const coords = (id) => layer[id] ?? (Number.isFinite(ENTITIES.get(id)?.lat) ? ENTITIES.get(id) : null);
  const features = checkGeoJson(geo, { text, marks, coords });
  assert.deepEqual(admin(features.get('karma')), ['BF', 'Nord', 'Yatenga']);
  assert.deepEqual(admin(features.get('douentza')), ['ML', 'Mopti', 'Douentza']);
  assert.deepEqual(admin(features.get('gn:9910001')), ['ML', 'Mopti', null], 'a layer village under its region only');
  assert.equal(geo.document.title, 'Retour sur le massacre de Karma, au Yatenga');
  assert.equal(geo.document.date, '2024-04-27T08:00:00+00:00');
  assert.ok(text.includes('📍'), 'an emoji before the paragraph: UTF-16 and code point offsets differ after it');

  // The CSV of the panel: code points, with the geo columns.
  const [header, ...rows] = parseCsv((await api((x) => x.export('csv'))).replace(/^\ufeff/, ''));
  assert.deepEqual(header, CSV_COLUMNS);
  const col = (row, c) => row[header.indexOf(c)];
  const karmas = rows.filter((r) => col(r, 'id') === 'karma');
  assert.equal(karmas.length, marks.karma);
  for (const r of karmas) {
    assert.equal(cpSlice(text, Number(col(r, 'start')), Number(col(r, 'end'))), 'Karma', 'code points');
    assert.deepEqual(['admin1', 'admin2', 'country'].map((c) => col(r, c)), ['Nord', 'Yatenga', 'BF']);
  }
  assert.ok(karmas.some((r) => col(r, 'start') !== col(r, 'utf16Start')), 'after an emoji, UTF-16 offsets differ');
  await H.screenshot(page, 'geo-bookmarklet-panel');
  assert.deepEqual(errors, []);
  await page.close();
});
