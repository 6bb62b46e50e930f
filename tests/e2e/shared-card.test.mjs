// The page and the bookmarklet show a mention the same way (issue 13): they share www/shared/ (the
// card, the export records, the CSV). The same text is tagged on the tagger page and, as a news page of
// another site, with the bookmarklet; the cards of one armed group (variant, lineage, parent) and one
// place (parents, coordinates) must have the same rows, and their CSV rows the same columns and values,
// offsets in code points (an emoji before them makes UTF-16 offsets differ), the document's title and
// URL included (the bookmarklet reads them from the page; on the page they are typed as Source).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as H from './fixtures/bookmarklet-harness/index.mjs';
import { pasteText, waitTagged, captureDownload } from './lib/page-harness.mjs';
import { parseCsv } from './lib/page-csv.mjs';
import { CSV_COLUMNS } from '../../www/shared/mentions.js';

const TEXT = '\u{1F4CD} Près de Niafunké, le Front de libération du Macina, lié au JNIM, a revendiqué l’attaque.';
const ARMED = { id: 'katiba_macina', surface: 'Front de libération du Macina' };
const PLACE = { id: 'niafunke', surface: 'Niafunké' };

let servers;
let browser;

before(async () => {
  // Without the village layer: the page and the bookmarklet tag with the curated gazetteer alone.
  servers = await H.startServers({ villages: 'none' });
  browser = await H.startBrowser();
  // The news page (fixtures/bookmarklet-site/shared-card.html): TEXT alone in one paragraph, so that
  // the bookmarklet reads exactly TEXT.
  assert.ok(fs.readFileSync(path.join(H.SITE, 'shared-card.html'), 'utf8').includes(`<body><p>${TEXT}</p></body>`));
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

/** The CSV's rows as objects by entity id (header checked). */
function csvById(text) {
  const [header, ...rows] = parseCsv(text.replace(/^\ufeff/, ''));
  assert.deepEqual(header, CSV_COLUMNS);
  return new Map(rows.map((r) => [r[0], Object.fromEntries(header.map((c, k) => [c, r[k]]))]));
}

/** The tagger page: TEXT pasted, each mention's card (rows' text) and the CSV. */
async function onThePage() {
  const page = await browser.context.newPage();
  await page.goto(servers.tagger + '/');
  await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
  await pasteText(page, TEXT);
  await waitTagged(page);
  // The source, typed as the bookmarklet reads it from the news page: the rows must then be identical.
  await page.click('#doc-meta summary');
  await page.fill('#doc-title', 'Comparaison');
  await page.fill('#doc-url', `${servers.site}/shared-card.html`);
  const cards = {};
  for (const { id } of [ARMED, PLACE]) {
    await page.mouse.move(0, 0);
    await page.hover(`#result mark[data-entity="${id}"]`);
    const rows = await page.waitForFunction(() => {
      const tip = document.getElementById('tip');
      // The page's card ends with the review's controls (the bookmarklet has them in its panel).
      return !tip.hidden && [...tip.children].filter((c) => !c.classList.contains('rv')).map((c) => c.textContent);
    });
    cards[id] = await rows.jsonValue();
    if (id === ARMED.id) await page.screenshot({ path: `${H.SCREENSHOT_DIR}/shared-card-page.png` });
  }
  // The card stays while the pointer is on it: take the pointer away and let it go before the export
  // button is clicked, so that the card never lies over the button.
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.getElementById('tip').hidden);
  const csv = csvById((await captureDownload(page, () => page.click('#export-csv'))).text);
  await page.close();
  return { cards, csv };
}

/** The bookmarklet on the news page: the same. */
async function withTheBookmarklet() {
  const href = await H.bookmarkletHref(browser.context, servers.tagger);
  const { page, errors } = await H.openPage(browser.context, `${servers.site}/shared-card.html`);
  await H.runBookmarklet(page, href);
  assert.equal(await page.evaluate(() => window[Symbol.for('sahel-tagger')].text()), TEXT, 'the bookmarklet read the same text');
  const cards = {};
  for (const { id, surface } of [ARMED, PLACE]) {
    const box = await page.evaluate((s) => {
      const t = document.querySelector('p').firstChild;
      const i = t.data.indexOf(s);
      const r = document.createRange();
      r.setStart(t, i + 1);
      r.setEnd(t, i + 2);
      const q = r.getBoundingClientRect();
      return { x: q.left + q.width / 2, y: q.top + q.height / 2 };
    }, surface);
    await page.mouse.move(0, 0);
    await page.mouse.move(box.x, box.y);
    cards[id] = await H.card(page, surface);
    if (id === ARMED.id) await H.screenshot(page, 'shared-card-bookmarklet');
  }
  const csv = csvById(await page.evaluate(() => window[Symbol.for('sahel-tagger')].export('csv')));
  assert.deepEqual(errors, []);
  await page.close();
  return { cards, csv };
}

test('a mention reads the same on the page and with the bookmarklet: card and CSV row', async () => {
  const paged = await onThePage();
  const marked = await withTheBookmarklet();
  for (const { id, surface } of [ARMED, PLACE]) {
    const card = paged.cards[id];
    assert.deepEqual(marked.cards[id], card, `the card of ${id}`);
    assert.equal(paged.csv.get(id).surface, surface);
    assert.deepEqual(marked.csv.get(id), paged.csv.get(id), `the CSV row of ${id}`);
    const { doc_title, doc_url, doc_date } = marked.csv.get(id);
    assert.deepEqual([doc_title, doc_url, doc_date], ['Comparaison', `${servers.site}/shared-card.html`, ''], 'the document, in both');
    // Offsets: code points in start/end, UTF-16 units in utf16Start/utf16End (the emoji is two units).
    const row = paged.csv.get(id);
    const at = TEXT.indexOf(surface);
    assert.equal(Number(row.start), [...TEXT.slice(0, at)].length);
    assert.equal(Number(row.utf16Start), at);
    assert.equal(Number(row.utf16Start) - Number(row.start), 1);
  }
  // The fields the card must show: the variant, the lineage and the parent of the armed group; the
  // parents and coordinates of the place.
  const armed = paged.cards[ARMED.id];
  assert.deepEqual(armed.slice(0, 3), [`${ARMED.surface} → Katiba Macina`, 'AArmed group · katiba · Mali, Burkina Faso', `Matched variant ${ARMED.surface}`]);
  assert.ok(armed.some((r) => r.startsWith('Lineage ')) && armed.some((r) => r.startsWith('Part of ')), armed.join(' | '));
  const place = paged.cards[PLACE.id];
  assert.ok(place.some((r) => r.startsWith('In ')) && place.some((r) => /^Coordinates \d/.test(r)), place.join(' | '));
  assert.equal(paged.csv.size, marked.csv.size, 'the same mentions');
});
