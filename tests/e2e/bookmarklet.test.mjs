// The bookmarklet on ordinary pages (issue 5): install link, highlights, panel, hover, navigation,
// export, re-tag, no double tagging, the <mark> fallback, right-to-left text, and exact restore.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as H from './fixtures/bookmarklet-harness/index.mjs';
import { TYPES } from '../../www/shared/types.js';
import { CSV_COLUMNS } from '../../www/shared/mentions.js';

const ORDER = TYPES.map((t) => t.id);

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

const open = (path, { init } = {}) => H.openPage(browser.context, servers.site + path, { init });

const closeAndCheckRestored = H.closeAndCheckRestored;

test('the tagger origin offers the bookmarklet as a javascript: link under 65,536 characters', async () => {
  assert.match(href, /^javascript:void function\(ORIGIN\)\{var sahelBookmarklet;/, 'the bundle built by `make bookmarklet`, called with the origin');
  const code = H.codeOf(href);
  assert.ok(code.endsWith(`}(${JSON.stringify(servers.tagger)});`), 'built for the origin that served the page');
  assert.doesNotThrow(() => new Function(code), 'the code parses');
  assert.ok(!/[^\x20-\x7e]/.test(href), 'plain ASCII: nothing for a browser to re-encode');
  const serialized = await (async () => {
    const page = await browser.context.newPage();
    await page.goto(servers.tagger + '/bookmarklet/');
    const out = await page.evaluate(() => {
      const a = document.getElementById('bookmarklet');
      return { href: a.href, label: a.textContent, title: a.title };
    });
    // A click on the tagger page itself does not run it there; it says to drag it.
    await page.click('#bookmarklet');
    out.afterClick = await page.evaluate(() => ({ ran: typeof window[Symbol.for('sahel-tagger')], label: document.getElementById('bookmarklet').textContent }));
    await page.close();
    return out;
  })();
  console.log(`# bookmarklet href: ${href.length} characters (${serialized.href.length} as the browser serializes it; Firefox's cap is 65,536)`);
  assert.ok(href.length < 65536 && serialized.href.length < 65536);
  assert.ok(encodeURIComponent(code).length < 65536, 'even fully percent-encoded');
  assert.equal(serialized.label, 'Sahel Tagger');
  assert.match(serialized.title, /bookmarks bar/);
  assert.equal(serialized.afterClick.ran, 'undefined');
  assert.match(serialized.afterClick.label, /Drag me/);
});

test('the paste page offers the same bookmarklet once its script calls installBookmarklet', async (t) => {
  if (!fs.existsSync(`${H.REPO}/www/index.html`)) return t.skip('no www/index.html yet');
  const page = await browser.context.newPage();
  await page.goto(servers.tagger + '/');
  const got = await page
    .waitForFunction(() => document.getElementById('bookmarklet')?.getAttribute('href')?.startsWith('javascript:'), null, { timeout: 5000 })
    .then(() => page.getAttribute('#bookmarklet', 'href'))
    .catch(() => null);
  await page.close();
  if (!got) return t.skip('the paste page does not install the bookmarklet yet');
  assert.equal(got, href);
});

test('news article: highlights through the Highlight API, panel, hover, jumps, toggles, exact restore', async () => {
  const { page, errors } = await open('/news.html');
  const before = await H.snapshot(page);
  // The whole page (the text walk itself is tested here: its ads and navigation are read too).
  await H.runBookmarklet(page, href, { whole: true });
  const st = await H.idle(page);
  assert.equal(st.state, 'ready');
  assert.equal(st.backend, 'frame', 'the tagger runs in a frame of its own origin');
  const mentions = await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions());
  const ids = H.countById(mentions);
  const surface = (id) => mentions.filter((m) => m.id === id).map((m) => m.surface);

  // Names split across inline elements still match, and keep their full surface.
  assert.deepEqual(surface('niafunke'), ['Niafunké', 'Niafunké'], '<b>Niafu</b>nké and the plain one');
  assert.deepEqual(surface('iyad_ag_ghali'), ['Iyad Ag Ghali']);
  assert.deepEqual(surface('amadou_koufa'), ['Amadou Koufa'], '<span>Amadou</span> <span>Kouf</span>a');
  assert.ok(surface('sevare').includes('Sévaré'), 'a name split over two adjacent text nodes');
  assert.ok(surface(mentions.find((m) => m.surface === 'Djoura')?.id).length === 1, '<a>Djoura</a>');
  assert.ok(ids.jnim && ids.fama && ids.africa_corps && ids.studio_tamani && ids.djibo && ids.mopti);
  assert.ok(surface('burkina_faso').includes('Burkina Faso'), 'aria-hidden text is still text a reader sees');
  assert.ok(ids.bamako, 'ads are page text too');
  assert.equal(ids.hombori, 1, 'inside an element with display: contents');
  // Block boundaries stay boundaries: the nav links and the tag list are separate words.
  assert.ok(ids.mali >= 3 && ids.niger >= 3);
  // Text a reader does not see is not tagged.
  for (const id of ['koutiala', 'tominian', 'nampala', 'arbinda', 'ansongo', 'tessalit', 'menaka', 'diafarabe', 'kaya', 'barsalogho', 'lere', 'gao', 'douentza']) {
    assert.equal(ids[id], undefined, `${id} is in hidden, non-text or editable content`);
  }
  for (const m of mentions) {
    assert.ok(m.id && m.name && m.type && m.surface, 'mentions() gives id, name, type and surface');
    assert.equal(typeof m.start, 'number');
  }

  // One highlight per entity type, as many ranges as mentions of the type.
  const hl = await H.highlights(page);
  const byType = {};
  for (const m of mentions) byType[m.type] = (byType[m.type] || 0) + 1;
  for (const [type, n] of Object.entries(byType)) assert.equal(hl[`sahel-${type}`], n, `sahel-${type}`);
  assert.equal(
    JSON.stringify((await H.snapshot(page)).nodes),
    JSON.stringify(before.nodes),
    'the page DOM is untouched while highlighted'
  );

  // The panel: types with counts, entities per type.
  const p = await H.panel(page);
  assert.match(p.status, new RegExp(`^${mentions.length} mentions of \\d+ entities in the whole page · tagged in a tagger frame$`));
  assert.deepEqual(
    p.types.map((t) => t.type),
    Object.keys(byType).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)),
    'in the tagger page\'s order'
  );
  const places = p.types.find((t) => t.type === 'place');
  assert.equal(places.counts, `${byType.place} · ${places.entities.length}`);
  assert.ok(places.entities.some(([name, n]) => name === 'Niafunké' && n === 2));

  // Hover over a highlight: the tooltip shows the canonical name and the type.
  const box = await page.evaluate(() => {
    const p = [...document.querySelectorAll('p')].find((x) => x.textContent.includes('Djoura') || x.textContent.includes('Djibo'));
    const a = p.querySelector('a') || p;
    const r = a.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, text: a.textContent };
  });
  await page.mouse.move(box.x, box.y);
  // The tagger page's card: name, type with its letter, the variant matched, where it is.
  const djoura = await H.card(page);
  assert.deepEqual(djoura.slice(0, 3), ['Djoura', 'LPlace · village · Mali', 'Matched variant Djoura']);
  assert.ok(djoura.some((row) => row.startsWith('In ')) && djoura.some((row) => row.startsWith('Coordinates ')), 'parents and coordinates');
  await H.screenshot(page, 'news-hover');

  // Expand the places, jump to a mention: the current one gets its own highlight.
  await page.click('sahel-tagger-ui >> .ty[data-type="place"] .th button');
  await page.click('sahel-tagger-ui >> .bar button:nth-of-type(2)');
  assert.equal((await H.panel(page)).position, `1 / ${mentions.length}`);
  assert.equal((await H.highlights(page))['sahel-current'], 1);
  await page.click('sahel-tagger-ui >> li button:text-is("Niafunké")');
  const current = await page.evaluate(() => {
    const r = [...CSS.highlights.get('sahel-current')][0];
    return r.startContainer.data.slice(r.startOffset) + '|' + r.endContainer.data.slice(0, r.endOffset);
  });
  assert.match(current, /^Niafu\|.*nké$|^Niafunké/);
  await H.screenshot(page, 'news');

  // Toggling a type removes its highlight from the registry, and brings it back.
  await page.click('sahel-tagger-ui >> .ty[data-type="place"] input');
  assert.equal((await H.highlights(page))['sahel-place'], undefined);
  await page.click('sahel-tagger-ui >> .ty[data-type="place"] input');
  assert.equal((await H.highlights(page))['sahel-place'], byType.place);

  // Export: the JSON carries the page URL and title; the CSV has the tagger page's columns.
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('sahel-tagger-ui >> button.json')]);
  const data = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(data.url, servers.site + '/news.html');
  assert.equal(data.title, 'Mali : à Niafunké, la peur "au quotidien", selon des habitants');
  assert.equal(data.mentions.length, mentions.length);
  assert.ok(data.entities.find((e) => e.id === 'niafunke').mentions === 2);
  assert.ok(data.mentions.every((m) => m.context.includes(m.surface)));
  assert.match(json.suggestedFilename(), /^sahel-tagger-127\.0\.0\.1\.json$/);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('sahel-tagger-ui >> button.csv')]);
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  assert.ok(csvText.startsWith(`\ufeff${CSV_COLUMNS.join(',')}\r\n`));
  assert.equal(csvText.trim().split('\r\n').length, mentions.length + 1);
  assert.ok(data.mentions.every((m) => m.variant && m.match === 'exact'), 'variants from the engine');

  // Running it again does not tag twice.
  await H.runBookmarklet(page, href);
  assert.equal((await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions())).length, mentions.length);
  assert.equal(await page.evaluate(() => document.querySelectorAll('sahel-tagger-ui').length), 1);
  assert.deepEqual(await H.highlights(page), { ...hl, 'sahel-current': 1 });

  // Content added later (infinite scroll) is tagged by the re-tag button, and only it.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Dernière minute : des tirs entendus à Kidal et à Gao.';
    document.querySelector('article').append(p);
  });
  await page.click('sahel-tagger-ui >> button.retag');
  await H.idle(page);
  const more = await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions());
  assert.equal(more.length, mentions.length + 2);
  assert.deepEqual(more.slice(-2).map((m) => m.id), ['kidal', 'gao']);
  await page.evaluate(() => document.querySelector('article > p:last-child').remove());
  assert.deepEqual(errors, []);
  await closeAndCheckRestored(page, before);
  await page.close();
});

test('without the Highlight API: <mark> elements, removed exactly (adjacent text nodes included)', async () => {
  const { page, errors } = await open('/news.html', { init: () => delete CSS.highlights });
  const before = await H.snapshot(page);
  assert.equal(before.highlights, null);
  await H.runBookmarklet(page, href, { whole: true });
  const mentions = await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions());
  const marks = await page.evaluate(() => [...document.querySelectorAll('mark[data-sahel-t]')].map((m) => [m.dataset.sahelT, m.textContent]));
  assert.ok(mentions.length > 20);
  assert.deepEqual(
    marks.filter(([, t]) => t === 'Niafu' || t === 'nké').map(([type]) => type),
    ['place', 'place'],
    'a name split over inline elements gets one mark per piece'
  );
  assert.equal(mentions.filter((m) => m.id === 'sevare').length, 1);
  // Hover a mark: the tooltip.
  const box = await page.evaluate(() => {
    const r = [...document.querySelectorAll('mark[data-sahel-t]')].find((m) => m.textContent === 'Tombouctou').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  assert.deepEqual((await H.card(page)).slice(0, 3), ['Tombouctou', 'LPlace · town · Mali', 'Matched variant Tombouctou']);
  await page.click('sahel-tagger-ui >> .bar button:nth-of-type(2)');
  await H.screenshot(page, 'news-marks');
  // Running twice adds no mark; re-tagging finds nothing new.
  await H.runBookmarklet(page, href);
  assert.equal(await page.evaluate(() => document.querySelectorAll('mark[data-sahel-t]').length), marks.length);
  assert.equal((await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions())).length, mentions.length);
  assert.match((await H.panel(page)).status, /nothing new/);
  assert.deepEqual(errors, []);
  await closeAndCheckRestored(page, before);
  await page.close();
});

test('Arabic article (right to left): Arabic names, inline markup, exact restore', async () => {
  const { page, errors } = await open('/arabic.html');
  const before = await H.snapshot(page);
  await H.runBookmarklet(page, href);
  const ids = H.countById(await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions()));
  for (const id of ['jnim', 'timbuktu', 'mali', 'bamako', 'fama', 'wagner', 'niger', 'niamey', 'is_sahel', 'burkina_faso', 'djibo', 'amnesty_international']) {
    assert.ok(ids[id], `${id} found`);
  }
  assert.equal(ids.timbuktu, 2, 'once across <b>, once in the text');
  const hl = await H.highlights(page);
  assert.ok(hl['sahel-place'] >= 8 && hl['sahel-armed_group'] === 2);
  const box = await page.evaluate(() => {
    const r = document.querySelector('main p strong').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  const jnim = await H.card(page);
  assert.match(jnim[0], /→ JNIM$/, 'the Arabic surface, then the canonical name');
  assert.match(jnim[1], /^AArmed group/);
  await page.click('sahel-tagger-ui >> .ty[data-type="armed_group"] .th button');
  await H.screenshot(page, 'arabic');
  assert.deepEqual(errors, []);
  await closeAndCheckRestored(page, before);
  // After closing, it runs again from scratch.
  await H.runBookmarklet(page, href);
  assert.deepEqual(H.countById(await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions())), ids);
  await closeAndCheckRestored(page, before);
  await page.close();
});
