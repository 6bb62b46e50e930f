// "Article only" (issue 12, item 5) and the document's title, URL and date in the exports (item 3):
// on a news-like page whose header, navigation, breaking-news bar, ads, "related" lists, sidebar and
// footer name Bamako, Kidal and Gao, the bookmarklet and an opened .html file tag the article's places
// only (Readability finds it), the switch to the whole page tags them all, a page with no article is
// tagged whole with a message, and the exports carry the title, URL and date the page states (meta
// tags, or a <time> in the article).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as H from './fixtures/bookmarklet-harness/index.mjs';
import { openPage, waitTagged, markIds, captureDownload, consoleErrors } from './lib/page-harness.mjs';
import { parseCsv } from './lib/page-csv.mjs';
import { CSV_COLUMNS } from '../../www/shared/mentions.js';

/** Named by the article (each at least once). */
const ARTICLE = ['niafunke', 'mopti', 'jnim', 'timbuktu', 'fama', 'africa_corps', 'sevare', 'burkina_faso', 'djibo', 'studio_tamani'];
/** Named only by the page's chrome: header, breaking news, ads, related stories, sidebar, footer. */
const CHROME = ['bamako', 'kidal', 'gao'];
const OG_TITLE = 'Centre du Mali : à Niafunké, les routes coupées isolent les villages';
const CANONICAL = 'https://journal.example/afrique/mali-niafunke-routes-coupees';
const PUBLISHED = '2024-03-05T09:15:00+00:00';

let servers;
let browser;
let href;

before(async () => {
  servers = await H.startServers({ villages: 'none' });
  browser = await H.startBrowser();
  href = await H.bookmarkletHref(browser.context, servers.tagger);
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

const api = (page, f, arg) => page.evaluate(([src, a]) => new Function('api', 'a', `return (${src})(api, a)`)(window[Symbol.for('sahel-tagger')], a), [f.toString(), arg]);
const ids = async (page) => H.countById(await api(page, (x) => x.mentions()));

/** Every highlighted range's live text, sorted, against the mentions' surfaces: offsets are exact. */
async function assertExact(page) {
  const got = await page.evaluate(() => {
    const out = [];
    for (const [name, hl] of CSS.highlights) {
      if (!name.startsWith('sahel-') || name === 'sahel-current') continue;
      for (const r of hl) {
        const x = document.createRange();
        x.setStart(r.startContainer, r.startOffset);
        x.setEnd(r.endContainer, r.endOffset);
        out.push(x.toString());
      }
    }
    return out.sort();
  });
  const want = (await api(page, (x) => x.mentions())).map((m) => m.surface).sort();
  assert.deepEqual(got, want, 'each highlight covers exactly its mention on the live page');
}

test('bookmarklet: the article only by default (Readability in the helper frame), the switch tags the whole page, exports carry the document', async () => {
  const { page, errors } = await H.openPage(browser.context, `${servers.site}/article.html`);
  const before = await H.snapshot(page);
  await H.runBookmarklet(page, href);
  const st = await H.idle(page);
  assert.equal(st.backend, 'frame');
  const art = await api(page, (x) => x.article);
  assert.equal(art.on, true);
  assert.equal(art.found, true, art.why);
  const found = await ids(page);
  for (const id of ARTICLE) assert.ok(found[id], `${id}, in the article, is tagged`);
  for (const id of CHROME) assert.equal(found[id], undefined, `${id}, only in the page's chrome, is not tagged`);
  assert.equal(found.niafunke, 3, 'the headline is part of the article');
  await assertExact(page);
  const sw = await H.articleSwitch(page);
  assert.deepEqual([sw.shown, sw.label, sw.checked, sw.disabled], [true, 'Article only', true, false]);
  assert.match(sw.why, /left out/);
  assert.match((await H.panel(page)).status, / in the article · tagged in a tagger frame$/);
  await H.screenshot(page, 'article-panel');

  // The exports: the document's title (og:title), the address read, the date of its meta tag.
  const json = JSON.parse(await api(page, (x) => x.export('json')));
  assert.deepEqual(json.document, { title: OG_TITLE, url: `${servers.site}/article.html`, date: PUBLISHED });
  assert.equal(json.read, 'article');
  assert.ok(json.mentions.every((m) => m.doc_title === OG_TITLE && m.doc_url === `${servers.site}/article.html` && m.doc_date === PUBLISHED));
  const [header, ...rows] = parseCsv((await api(page, (x) => x.export('csv'))).replace(/^\ufeff/, ''));
  assert.deepEqual(header, CSV_COLUMNS);
  assert.deepEqual(header.slice(-3), ['doc_title', 'doc_url', 'doc_date']);
  assert.equal(rows.length, json.mentions.length);
  assert.ok(rows.every((r) => r.slice(-3).join('|') === `${OG_TITLE}|${servers.site}/article.html|${PUBLISHED}`));

  // The switch, as a reader clicks it: the whole page, chrome included.
  await page.click('sahel-tagger-ui >> .art input');
  await H.idle(page);
  const whole = await ids(page);
  for (const id of [...ARTICLE, ...CHROME]) assert.ok(whole[id], `${id} is tagged in the whole page`);
  assert.ok(whole.bamako >= 5 && whole.kidal >= 3 && whole.gao >= 4, JSON.stringify(whole));
  assert.equal((await api(page, (x) => x.article)).found, false);
  assert.equal((await H.articleSwitch(page)).checked, false);
  assert.match((await H.panel(page)).status, / in the whole page · /);
  await assertExact(page);
  assert.equal(JSON.parse(await api(page, (x) => x.export('json'))).read, 'page');
  // And back.
  await page.click('sahel-tagger-ui >> .art input');
  await H.idle(page);
  assert.deepEqual(await ids(page), found);
  assert.deepEqual(errors, []);
  await H.closeAndCheckRestored(page, before);
  await page.close();
});

test('bookmarklet: the date from a <time> in the article when no meta tag states one; the title from <title>', async () => {
  const { page, errors } = await H.openPage(browser.context, `${servers.site}/article-time.html`);
  await H.runBookmarklet(page, href);
  const art = await api(page, (x) => x.article);
  assert.equal(art.found, true);
  assert.deepEqual(art.doc, { title: 'Djibo sous blocus : les vivres manquent', url: `${servers.site}/article-time.html`, date: '2024-02-28' });
  const found = await ids(page);
  for (const id of CHROME) assert.equal(found[id], undefined, id);
  assert.deepEqual(errors, []);
  await page.close();
});

test('bookmarklet: a page with no article (a list of links) is tagged whole, and the panel says so', async () => {
  const { page, errors } = await H.openPage(browser.context, `${servers.site}/links.html`);
  await H.runBookmarklet(page, href);
  const art = await api(page, (x) => x.article);
  assert.deepEqual([art.on, art.found], [true, false]);
  assert.match(art.why, /^No article found on this page: the whole page is tagged\.$/);
  const sw = await H.articleSwitch(page);
  assert.equal(sw.checked, true, 'the choice stays: the next page may have an article');
  assert.equal(sw.why, art.why);
  const found = await ids(page);
  for (const id of [...CHROME, 'timbuktu', 'niamey', 'ouagadougou']) assert.ok(found[id], id);
  assert.match((await H.panel(page)).status, / in the whole page · /);
  await H.screenshot(page, 'article-none');
  assert.deepEqual(errors, []);
  await page.close();
});

test('bookmarklet: frames blocked, the tagger and Readability load into the page: still the article only', async () => {
  const { page, errors } = await H.openPage(browser.context, `${servers.site}/article-noframe.html`);
  await H.runBookmarklet(page, href);
  const st = await H.idle(page);
  assert.equal(st.backend, 'page');
  assert.equal((await api(page, (x) => x.article)).found, true);
  const found = await ids(page);
  for (const id of ARTICLE) assert.ok(found[id], id);
  for (const id of CHROME) assert.equal(found[id], undefined, id);
  await assertExact(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test('page: an opened .html file, article only by default, the whole page on request (remembered), the document in the exports', async () => {
  const s = await openPage();
  const file = (name) => ({ name, mimeType: 'text/html', buffer: fs.readFileSync(path.join(H.SITE, name)) });
  try {
    const { page } = s;
    assert.equal(await page.isVisible('#html-mode'), false, 'no switch before an HTML file is opened');
    await page.setInputFiles('#open-file', file('article.html'));
    await page.waitForFunction(() => document.getElementById('input').value.includes('Niafunké'));
    await waitTagged(page);
    const text = await page.inputValue('#input');
    assert.ok(text.startsWith(`${OG_TITLE}\n\n`), text.slice(0, 120));
    for (const word of ['Bamako', 'Kidal', 'Gao', 'Publicité', 'Related', 'lire aussi', 'Partager']) assert.ok(!text.includes(word), `${word} is not in the article's text`);
    const marks = await markIds(page);
    for (const id of ARTICLE) assert.ok(marks.includes(id), id);
    for (const id of CHROME) assert.ok(!marks.includes(id), id);
    assert.equal(await page.isChecked('#article-only'), true);
    assert.match(await page.textContent('#article-note'), /left out/);
    assert.deepEqual(
      [await page.inputValue('#doc-title'), await page.inputValue('#doc-url'), await page.inputValue('#doc-date')],
      [OG_TITLE, CANONICAL, PUBLISHED],
      'the Source fields, filled from the file'
    );
    const csv = parseCsv((await captureDownload(page, () => page.click('#export-csv'))).text.replace(/^\ufeff/, ''));
    assert.deepEqual(csv[0], CSV_COLUMNS);
    assert.ok(csv.slice(1).every((r) => r.slice(-3).join('|') === `${OG_TITLE}|${CANONICAL}|${PUBLISHED}`));
    const json = JSON.parse((await captureDownload(page, () => page.click('#export-json'))).text);
    assert.ok(json.length > 5 && json.every((r) => r.doc_title === OG_TITLE && r.doc_url === CANONICAL && r.doc_date === PUBLISHED));

    // The whole page: the chrome's places too; remembered across a reload.
    await page.uncheck('#article-only');
    await page.waitForFunction(() => document.getElementById('input').value.includes('Bamako'));
    await waitTagged(page);
    const all = await markIds(page);
    for (const id of [...ARTICLE, ...CHROME]) assert.ok(all.includes(id), id);
    assert.match(await page.textContent('#article-note'), /whole page/);
    await page.screenshot({ path: path.join(H.SCREENSHOT_DIR, 'page-article-whole.png') });
    await s.reload();
    await page.setInputFiles('#open-file', file('article-time.html'));
    await page.waitForFunction(() => document.getElementById('input').value.includes('Djibo'));
    assert.equal(await page.isChecked('#article-only'), false, 'remembered');
    assert.ok((await page.inputValue('#input')).includes('Bamako'), 'the whole page');
    await page.check('#article-only');
    await page.waitForFunction(() => !document.getElementById('input').value.includes('Bamako'));

    // A <time> in the article gives the date; a list of links has no article.
    assert.equal(await page.inputValue('#doc-date'), '2024-02-28');
    assert.equal(await page.inputValue('#doc-title'), 'Djibo sous blocus : les vivres manquent');
    assert.equal(await page.inputValue('#doc-url'), '', 'no canonical link: no URL');
    await page.setInputFiles('#open-file', file('links.html'));
    await page.waitForFunction(() => /No article found/.test(document.getElementById('article-note').textContent));
    await waitTagged(page);
    assert.match(await page.textContent('#article-note'), /^No article found on this page: the whole page is tagged\.$/);
    const listed = await markIds(page);
    for (const id of CHROME) assert.ok(listed.includes(id), id);
    await page.screenshot({ path: path.join(H.SCREENSHOT_DIR, 'page-article-none.png') });

    // Pasted text: the Source fields are the user's, typed; Clear empties them.
    await page.click('#clear');
    assert.equal(await page.isVisible('#html-mode'), false);
    assert.equal(await page.inputValue('#doc-title'), '');
    assert.deepEqual(s.log.errors, []);
    assert.deepEqual(consoleErrors(s.log, { allowCspReports: true }), []);
    assert.deepEqual(s.log.foreign, [], 'nothing fetched from outside the origin');
  } finally {
    await s.close();
  }
});
