// The incident sheet in Chromium (issue 12, item 4): a fixture page (fixtures/incident-sheet/) mounts
// www/shared/incident-sheet.js on the sample article tagged by the real wasm package, under the tagger
// page's own Content-Security-Policy. A cell is edited, actors are rolled up with the keyboard (the
// edited cell is kept), a row is added, one deleted and restored, and the downloaded and copied CSV
// carry all of it, formula-safe. Then the same in a shadow root (the bookmarklet panel's case), at 390 px
// wide; screenshots in light and dark go to tests/e2e/screenshots/incident-sheet-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, metaPolicy } from '../../tools/serve.mjs';
import { launch, SCREENSHOT_DIR } from './lib/browser.mjs';
import { parseCsv } from './lib/page-csv.mjs';
import { captureDownload } from './lib/page-harness.mjs';
import { INCIDENT_COLUMNS } from '../../www/shared/incident.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WWW = path.join(ROOT, 'www');
const FIXTURE = path.join(ROOT, 'tests', 'e2e', 'fixtures', 'incident-sheet');
const POLICY = metaPolicy(fs.readFileSync(path.join(WWW, 'index.html'), 'utf8'));

let server;
before(async () => {
  assert.ok(POLICY && POLICY.includes("style-src 'self'"), "the tagger page's strict policy");
  const file = (p, type, extra = {}) => (req, res) => {
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
    res.end(fs.readFileSync(p));
  };
  server = await serve({
    root: WWW,
    routes: {
      '/incident-fixture/': file(path.join(FIXTURE, 'index.html'), 'text/html; charset=utf-8', { 'content-security-policy': POLICY }),
      '/incident-fixture/main.js': file(path.join(FIXTURE, 'main.js'), 'text/javascript; charset=utf-8'),
      '/incident-fixture/article.txt': file(path.join(ROOT, 'tests', 'e2e', 'fixtures', 'incident-article.txt'), 'text/plain; charset=utf-8'),
    },
  });
});
after(async () => {
  await server?.close();
});

/** Opens the fixture; resolves to {page, context, origin, log, close}. */
async function open({ query = '', viewport, colorScheme = 'light' } = {}) {
  const browser = await launch({ viewport, colorScheme });
  const origin = server.url.replace(/\/$/, '');
  const log = { errors: [], foreign: [] };
  browser.context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) log.foreign.push(url);
  });
  const page = await browser.context.newPage();
  page.on('console', (m) => m.type() === 'error' && log.errors.push(m.text()));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.setDefaultTimeout(30_000);
  await page.goto(`${origin}/incident-fixture/${query}`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
  return { page, context: browser.context, origin, log, close: () => browser.close() };
}

/** The CSV text's rows as objects (header checked, byte-order mark removed). */
function csvRows(text) {
  const [header, ...rows] = parseCsv(text.replace(/^\ufeff/, ''));
  assert.deepEqual(header, INCIDENT_COLUMNS);
  return rows.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((c, k) => [c, r[k]])));
}

const cell = (row, col) => `.isheet tbody tr[data-index="${row}"] [data-col="${col}"]:is(input, textarea)`;

test('edit a cell, roll up by keyboard, add and delete rows, undo; the CSV (download and copy) has it all', async () => {
  const { page, context, origin, log, close } = await open();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    assert.equal(await page.locator('.isheet tbody tr').count(), 4);
    assert.equal(await page.inputValue(cell(0, 'actor1')), 'Katiba Macina');
    assert.equal(await page.inputValue(cell(0, 'event_date')), '2024-05-14');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'incident-sheet-light.png'), fullPage: true });

    // Edit: a second actor by hand on row 1, a coordinate on row 2, a formula in row 4's notes.
    await page.fill(cell(0, 'actor2'), 'FAMa; gendarmerie');
    await page.fill(cell(1, 'longitude'), '-3.9');
    await page.fill(cell(3, 'notes'), '=1+1 (à vérifier)');
    assert.ok(await page.locator(`.isheet tbody tr[data-index="0"] td[data-col="actor2"].is-edited`).count());

    // Roll up with the keyboard: Tab from the edited cell's row back to the switch, then Space.
    await page.focus('.isheet .is-rollup');
    await page.keyboard.press('Space');
    assert.equal(await page.isChecked('.isheet .is-rollup'), true);
    assert.equal(await page.inputValue(cell(0, 'actor1')), 'JNIM', 'Katiba Macina → JNIM');
    assert.equal(await page.getAttribute(cell(0, 'actor1'), 'title'), 'Rolled up from Katiba Macina');
    assert.equal(await page.inputValue(cell(0, 'actor2')), 'FAMa; gendarmerie', 'the edited cell is kept');
    assert.equal(await page.inputValue(cell(1, 'actor1')), 'FAMa', "the Malian air force → FAMa");
    assert.equal(await page.inputValue(cell(1, 'longitude')), '-3.9');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'incident-sheet-edited.png'), fullPage: true });

    // Add a row (it takes the article's date and URL), type in it; Enter moves down a column.
    await page.click('.isheet .is-add');
    assert.equal(await page.evaluate(() => window.sheetRoot.activeElement?.dataset.col ?? document.activeElement?.dataset.col), 'event_date');
    assert.equal(await page.inputValue(cell(4, 'event_date')), '2024-05-16');
    assert.equal(await page.inputValue(cell(4, 'source')), 'https://news.example/mali/djenne');
    await page.fill(cell(4, 'actor1'), 'Dan Na Ambassagou');
    await page.fill(cell(4, 'location'), 'Bandiagara');
    await page.focus(cell(3, 'country'));
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => [document.activeElement.closest('tr').dataset.index, document.activeElement.dataset.col].join()), '4,country');

    // Delete row 3 (the JNIM claim) with the keyboard, undo, delete it again.
    await page.focus('.isheet tbody tr[data-index="2"] .is-delete');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.isheet tbody tr').count(), 4);
    assert.match(await page.textContent('.isheet .is-status'), /Row 3 deleted/);
    await page.click('.isheet .is-undo');
    assert.equal(await page.locator('.isheet tbody tr').count(), 5);
    assert.equal(await page.inputValue(cell(2, 'actor1')), 'JNIM');
    await page.click('.isheet tbody tr[data-index="2"] .is-delete');

    // "Show" links a row back to its text.
    await page.click('.isheet tbody tr[data-index="0"] .is-show');
    const shown = await page.evaluate(() => document.body.dataset.shown);
    assert.match(shown, /^\d+-\d+$/);

    // Download.
    const { name, text } = await captureDownload(page, () => page.click('.isheet .is-download'));
    assert.equal(name, 'incidents.csv');
    assert.ok(text.startsWith('\ufeff'), 'a byte-order mark for spreadsheets');
    const rows = csvRows(text);
    assert.deepEqual(
      rows.map((r) => [r.event_date, r.actor1, r.actor2, r.location, r.admin1, r.admin2, r.country, r.latitude, r.longitude]),
      [
        ['2024-05-14', 'JNIM', 'FAMa; gendarmerie', 'Djenné', 'Mopti', 'Djenné', 'Mali', '13.90608', '-4.55332'],
        ['2024-05-15', 'FAMa', '', 'Konna', 'Mopti', 'Mopti', 'Mali', '14.94329', '-3.9'],
        ['2024-03-12', 'Islamic State Sahel Province', '', 'Ménaka', 'Ménaka', 'Ménaka', 'Mali', '15.9182', '2.4022'],
        ['2024-05-16', 'Dan Na Ambassagou', '', 'Bandiagara', '', '', '', '', ''],
      ],
    );
    assert.equal(rows[2].notes, "'=1+1 (à vérifier)", 'a formula is defused');
    assert.ok(rows[0].notes.startsWith('Le mardi 14 mai, des combattants de la Katiba Macina'));
    assert.ok(rows.slice(0, 3).every((r) => r.source === 'https://news.example/mali/djenne' && /^\d+-\d+( \d+-\d+)*$/.test(r.offsets)));
    assert.equal(rows[3].offsets, '');

    // Copy: the same CSV without the byte-order mark.
    await page.click('.isheet .is-copy');
    await page.waitForFunction(() => /Copied/.test(document.querySelector('.isheet .is-status').textContent));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, text.replace(/^\ufeff/, ''));

    // Switching roll-up off brings back Katiba Macina; the hand edits stay.
    await page.click('.isheet .is-rollup');
    assert.equal(await page.inputValue(cell(0, 'actor1')), 'Katiba Macina');
    assert.equal(await page.inputValue(cell(0, 'actor2')), 'FAMa; gendarmerie');
    assert.equal(await page.inputValue(cell(3, 'actor1')), 'Dan Na Ambassagou');

    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.foreign, []);
  } finally {
    await close();
  }
});

test('dark mode, 390 px wide, in a shadow root: readable cards, no sideways scrolling; screenshots', async () => {
  for (const [colorScheme, width, query, shot] of [
    ['dark', 1280, '', 'incident-sheet-dark'],
    ['light', 390, '?shadow', 'incident-sheet-390'],
    ['dark', 390, '?shadow', 'incident-sheet-390-dark'],
  ]) {
    const { page, log, close } = await open({ query, colorScheme, viewport: { width, height: 844 } });
    try {
      const host = query ? 'sahel-panel >> ' : '';
      assert.equal(await page.locator(`${host}.isheet tbody tr`).count(), 4);
      // The sheet's own colours follow the scheme.
      const bg = await page.locator(`${host}.isheet`).evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(bg, colorScheme === 'dark' ? 'rgb(26, 28, 32)' : 'rgb(255, 255, 255)', `${shot}: background`);
      if (width === 390) {
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${shot}: no sideways scrolling`);
        // Cards: each cell has its visible label, inputs are wide enough to read.
        const label = page.locator(`${host}.isheet tbody tr[data-index="0"] td[data-col="actor1"] .is-label`);
        assert.equal(await label.isVisible(), true);
        const box = await page.locator(`${host}.isheet tbody tr[data-index="0"] input[data-col="actor1"]`).boundingBox();
        assert.ok(box.width >= 200, `${shot}: actor input ${box.width}px wide`);
        // Keyboard: the switch works in the shadow root too.
        await page.locator(`${host}.isheet .is-rollup`).focus();
        await page.keyboard.press('Space');
        assert.equal(await page.locator(`${host}.isheet tbody tr[data-index="0"] input[data-col="actor1"]`).inputValue(), 'JNIM');
        await page.locator(`${host}.isheet .is-rollup`).focus();
        await page.keyboard.press('Space');
      }
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${shot}.png`), fullPage: width === 390 ? false : true });
      assert.deepEqual(log.errors, []);
    } finally {
      await close();
    }
  }
});
