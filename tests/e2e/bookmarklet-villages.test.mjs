// The bookmarklet's optional GeoNames village layer: a switch in the panel (off by default, the
// reader's choice remembered in the tagger origin's storage, not the visited page's), which re-tags the
// page with the layer fetched from the tagger origin's data/geonames.tsv; village mentions credited to
// GeoNames (CC BY 4.0); possible mentions drawn apart; the switch disabled with a reason when the
// tagger site has no layer; and the page restored exactly on close, whatever was switched.
//
// The tagger origin serves a two-village fixture layer (fixtures/bookmarklet-harness/geonames.tsv):
// Sambalkoro (gn:9910001, also "Tin Sambal") and Wendoukaye (gn:9910002, a possible match).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as H from './fixtures/bookmarklet-harness/index.mjs';

const SAMBALKORO = 'gn:9910001';
const WENDOUKAYE = 'gn:9910002';
const CREDIT = 'GeoNames (CC BY 4.0)';
const KEY = 'sahel-tagger.bookmarklet.villages';

let servers;
let bare;
let browser;
const extra = [];
let href;

before(async () => {
  servers = await H.startServers({ villages: 'fixture' });
  // A tagger site without the layer (closed after the browser: it holds connections open).
  bare = await H.startServers({ villages: 'none' });
  // Third-party storage as browsers allow it by default: the tagger frame can remember the choice.
  browser = await H.startBrowser({ thirdPartyStorage: true });
  href = await H.bookmarkletHref(browser.context, servers.tagger);
});

after(async () => {
  await browser?.close();
  await servers?.close();
  await bare?.close();
  for (const s of extra) await s.close();
});

const open = (path, { init, srv = servers } = {}) => H.openPage(browser.context, srv.site + path, { init });

const closeAndCheckRestored = H.closeAndCheckRestored;

const mentionsOf = (page) => page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions());
const villageIds = (ms) => ms.filter((m) => m.id.startsWith('gn:')).map((m) => m.id);
const curated = (ms) => ms.filter((m) => !m.id.startsWith('gn:')).map((m) => `${m.start}-${m.end}:${m.id}`);
/** Clicks the switch and waits for the re-tagging it starts. */
async function flip(page) {
  await page.click('sahel-tagger-ui >> .gn input');
  return H.idle(page);
}
/** The reader's choice as the tagger frame stores it (the tagger origin's storage, not the page's). */
async function storedChoice(page) {
  const frame = page.frames().find((f) => f.url() === servers.tagger + '/bookmarklet/remote.html');
  return frame.evaluate((k) => localStorage.getItem(k), KEY);
}
/** What a village's card says (the tagger page's card): surface and name, type, description, credit. */
const sambalkoroCard = (rows) => [rows[0], rows[1], rows.find((r) => r.startsWith('Village')), rows.at(-1)];
const SAMBALKORO_CARD = ['Tin Sambal → Sambalkoro', 'LPlace · village · Mali', 'Village in Mopti Region, Mali (GeoNames)', `Data: ${CREDIT}`];
async function tipOver(page, selector) {
  const box = await page.evaluate((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
  await page.mouse.move(0, 0);
  await page.mouse.move(box.x, box.y);
  return H.card(page);
}

test('the switch: off by default, on tags the villages with the GeoNames credit, off removes them, remembered', async () => {
  const { page, errors } = await open('/villages.html');
  const before = await H.snapshot(page);
  await H.runBookmarklet(page, href);
  assert.deepEqual(await H.idle(page), { state: 'ready', backend: 'frame', blocked: [] });
  const plain = await mentionsOf(page);
  assert.deepEqual(villageIds(plain), [], 'off by default');
  assert.ok(plain.some((m) => m.id === 'mopti') && plain.some((m) => m.id === 'jnim'));
  let sw = await H.villagesSwitch(page);
  assert.deepEqual(
    { shown: sw.shown, label: sw.label, checked: sw.checked, disabled: sw.disabled, why: sw.why, credit: sw.credit },
    { shown: true, label: 'GeoNames villages', checked: false, disabled: false, why: '', credit: null }
  );
  assert.match(sw.title, /GeoNames \(CC BY 4\.0\)/);
  assert.deepEqual(await page.evaluate(() => window[Symbol.for('sahel-tagger')].layer), { available: true, on: false, villages: 0, kept: true });
  assert.equal(await storedChoice(page), null);

  // On: the page is tagged again with the layer.
  assert.equal((await flip(page)).state, 'ready');
  const withVillages = await mentionsOf(page);
  assert.deepEqual(await page.evaluate(() => window[Symbol.for('sahel-tagger')].layer), { available: true, on: true, villages: 2, kept: true });
  const surfaces = (id) => withVillages.filter((m) => m.id === id).map((m) => m.surface);
  assert.deepEqual(surfaces(SAMBALKORO), ['Sambalkoro', 'Sambalkoro', 'Sambalkoro', 'Tin Sambal'], '<em>Sambal</em>koro too');
  assert.deepEqual(surfaces(WENDOUKAYE), ['Wendoukaye', 'Wendoukaye']);
  assert.ok(withVillages.filter((m) => m.id === WENDOUKAYE).every((m) => m.possible), 'a homograph is a possible mention');
  assert.ok(withVillages.filter((m) => m.id === SAMBALKORO).every((m) => !m.possible && m.type === 'place' && m.subtype === 'village'));
  assert.deepEqual(curated(withVillages), curated(plain), 'the curated mentions are the same');
  // Drawn: certain places in sahel-place, possible ones in sahel-place-p (a dashed underline).
  const hl = await H.highlights(page);
  const places = withVillages.filter((m) => m.type === 'place');
  assert.equal(hl['sahel-place'], places.filter((m) => !m.possible).length);
  assert.equal(hl['sahel-place-p'], places.filter((m) => m.possible).length);
  const css = await page.evaluate(() => [...document.adoptedStyleSheets.at(-1).cssRules].map((r) => r.cssText).join('\n'));
  assert.match(css, /::highlight\(sahel-place-p\) \{[^}]*dashed/);
  assert.deepEqual((await H.snapshot(page)).nodes, before.nodes, 'the page DOM is untouched while highlighted');
  // Listed, with the credit.
  sw = await H.villagesSwitch(page);
  assert.deepEqual([sw.checked, sw.disabled, sw.count], [true, false, '2']);
  assert.equal(sw.credit, `Villages: ${CREDIT}`);
  await page.click('sahel-tagger-ui >> .ty[data-type="place"] .th button');
  const listed = (await H.panel(page)).types.find((t) => t.type === 'place').entities;
  assert.ok(listed.some(([name, n]) => name === 'Sambalkoro' && n === 4));
  assert.ok(listed.some(([name, n]) => name === 'Wendoukaye' && n === 2));
  assert.equal(await page.getAttribute('sahel-tagger-ui >> li button:text-is("Sambalkoro")', 'title'), `Sambalkoro (village), ${CREDIT}: next mention`);
  assert.equal(await page.getAttribute('sahel-tagger-ui >> li button:text-is("Mopti")', 'title'), 'Mopti (town): next mention');
  // The tooltip: the GeoNames description and credit; a possible mention says so.
  assert.deepEqual(sambalkoroCard(await tipOver(page, 'main p b')), SAMBALKORO_CARD);
  await H.screenshot(page, 'villages');
  const wendoukaye = await page.evaluate(() => {
    const p = [...document.querySelectorAll('main p')].at(-1);
    const t = p.firstChild;
    const i = t.data.indexOf('Wendoukaye');
    const r = document.createRange();
    r.setStart(t, i + 2);
    r.setEnd(t, i + 3);
    const q = r.getBoundingClientRect();
    return { x: q.left + q.width / 2, y: q.top + q.height / 2 };
  });
  await page.mouse.move(wendoukaye.x, wendoukaye.y);
  const possible = await H.card(page, 'Wendoukaye');
  assert.equal(possible[0], 'Wendoukaye');
  assert.ok(possible.some((row) => row.startsWith('Possible match: ')), possible.join(' | '));
  assert.ok(possible.includes('Village in Burkina Faso (GeoNames)') && possible.at(-1) === `Data: ${CREDIT}`, possible.join(' | '));
  await H.screenshot(page, 'villages-possible');
  // The export says where the villages come from.
  const json = JSON.parse(await page.evaluate(() => window[Symbol.for('sahel-tagger')].export('json')));
  assert.equal(json.tagger.villages, CREDIT);
  assert.equal(json.entities.find((e) => e.id === SAMBALKORO).mentions, 4);
  // Remembered by the tagger origin, never in the visited page's storage.
  assert.equal(await storedChoice(page), 'on');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);

  // Off: the villages are gone, the rest as before.
  await flip(page);
  const off = await mentionsOf(page);
  assert.deepEqual(villageIds(off), []);
  assert.deepEqual(curated(off), curated(plain));
  assert.equal((await H.highlights(page))['sahel-place-p'], undefined);
  sw = await H.villagesSwitch(page);
  assert.deepEqual([sw.checked, sw.count, sw.credit], [false, '', null]);
  assert.equal(await storedChoice(page), null);
  // On again, then closed: the page is exactly as it was.
  await flip(page);
  assert.equal(villageIds(await mentionsOf(page)).length, 6);
  assert.deepEqual(errors, []);
  await closeAndCheckRestored(page, before);
  await page.close();

  // The next run (another page of the site) starts with the villages, tagged once.
  const next = await open('/villages.html');
  await H.runBookmarklet(next.page, href);
  assert.equal((await H.villagesSwitch(next.page)).checked, true);
  assert.equal(villageIds(await mentionsOf(next.page)).length, 6);
  assert.deepEqual(curated(await mentionsOf(next.page)), curated(plain));
  // Switched off, the run after that starts without them.
  await flip(next.page);
  await next.page.evaluate(() => window[Symbol.for('sahel-tagger')].close());
  await H.runBookmarklet(next.page, href);
  assert.equal((await H.villagesSwitch(next.page)).checked, false);
  assert.deepEqual(villageIds(await mentionsOf(next.page)), []);
  assert.deepEqual(next.errors, []);
  await next.page.close();
});

test('without the Highlight API: village <mark>s come and go, possible ones dashed, exact restore', async () => {
  const { page, errors } = await open('/villages.html', { init: () => delete CSS.highlights });
  const before = await H.snapshot(page);
  await H.runBookmarklet(page, href);
  const plainMarks = await page.evaluate(() => document.querySelectorAll('mark[data-sahel-t]').length);
  assert.ok(plainMarks > 3);
  await flip(page);
  const marks = await page.evaluate(() =>
    [...document.querySelectorAll('mark[data-sahel-t]')].map((m) => [m.textContent, m.hasAttribute('data-sahel-p'), getComputedStyle(m).borderBottomStyle])
  );
  assert.deepEqual(
    marks.filter(([t]) => /^(Sambal|koro|Tin Sambal|Sambalkoro|Wendoukaye)$/.test(t)),
    [
      ['Sambal', false, 'none'],
      ['koro', false, 'none'],
      ['Sambalkoro', false, 'none'],
      ['Wendoukaye', true, 'dashed'],
      ['Sambalkoro', false, 'none'],
      ['Tin Sambal', false, 'none'],
      ['Wendoukaye', true, 'dashed'],
    ]
  );
  assert.deepEqual(sambalkoroCard(await tipOver(page, 'main p b mark')), SAMBALKORO_CARD);
  await H.screenshot(page, 'villages-marks');
  await flip(page);
  assert.equal(await page.evaluate(() => document.querySelectorAll('mark[data-sahel-t]').length), plainMarks);
  assert.deepEqual(villageIds(await mentionsOf(page)), []);
  await flip(page);
  assert.equal(villageIds(await mentionsOf(page)).length, 6);
  assert.deepEqual(errors, []);
  await closeAndCheckRestored(page, before);
  // Leave the choice as the other tests expect it: off.
  await H.runBookmarklet(page, href);
  await flip(page);
  await page.evaluate(() => window[Symbol.for('sahel-tagger')].close());
  await page.close();
});

test('frames blocked: the layer loads into the page too (not remembered there: no tagger storage)', async () => {
  const { page, errors } = await open('/villages-noframe.html');
  const before = await H.snapshot(page);
  await H.runBookmarklet(page, href);
  assert.deepEqual(await H.idle(page), { state: 'ready', backend: 'page', blocked: ['frames'] });
  const plain = await mentionsOf(page);
  assert.deepEqual(villageIds(plain), []);
  assert.deepEqual(await page.evaluate(() => window[Symbol.for('sahel-tagger')].layer), { available: true, on: false, villages: 0, kept: false });
  assert.match((await H.villagesSwitch(page)).title, /lasts until the panel closes/);
  await flip(page);
  const on = await mentionsOf(page);
  assert.deepEqual(villageIds(on).length, 6);
  assert.deepEqual(curated(on), curated(plain));
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'nothing stored in the visited page');
  await flip(page);
  assert.deepEqual(villageIds(await mentionsOf(page)), []);
  await flip(page);
  assert.deepEqual(errors, []);
  await closeAndCheckRestored(page, before);
  await page.close();
});

test('no village layer on the tagger site: the switch is disabled and says why, the rest works', async () => {
  const bareHref = await H.bookmarkletHref(browser.context, bare.tagger);
  for (const path of ['/villages.html', '/villages-noframe.html']) {
    const { page, errors } = await open(path, { srv: bare });
    const before = await H.snapshot(page);
    await H.runBookmarklet(page, bareHref);
    const st = await H.idle(page);
    assert.equal(st.state, 'ready');
    const sw = await H.villagesSwitch(page);
    assert.deepEqual(
      { shown: sw.shown, checked: sw.checked, disabled: sw.disabled, why: sw.why },
      { shown: true, checked: false, disabled: true, why: 'Not available: the tagger site has no village layer.' },
      `${path} (${st.backend})`
    );
    assert.deepEqual(await page.evaluate(() => window[Symbol.for('sahel-tagger')].layer), { available: false, on: false, villages: 0, kept: st.backend === 'frame' });
    const ms = await mentionsOf(page);
    assert.deepEqual(villageIds(ms), []);
    assert.ok(ms.some((m) => m.id === 'mopti'));
    // Asking anyway changes nothing.
    await page.evaluate(() => window[Symbol.for('sahel-tagger')].villages(true));
    assert.deepEqual(await mentionsOf(page), ms);
    if (path === '/villages.html') await H.screenshot(page, 'villages-missing');
    assert.deepEqual(errors, []);
    await closeAndCheckRestored(page, before);
    await page.close();
  }
});

test('a browser that blocks third-party storage: the switch works for the run, the next run starts off', async () => {
  const strict = await H.startBrowser();
  try {
    const page = await strict.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e));
    await page.goto(servers.site + '/villages.html');
    const before = await H.snapshot(page);
    await H.runBookmarklet(page, href);
    assert.deepEqual(await page.evaluate(() => window[Symbol.for('sahel-tagger')].layer), { available: true, on: false, villages: 0, kept: false });
    assert.match((await H.villagesSwitch(page)).title, /lasts until the panel closes/);
    await flip(page);
    assert.equal(villageIds(await mentionsOf(page)).length, 6);
    await closeAndCheckRestored(page, before);
    await H.runBookmarklet(page, href);
    assert.equal((await H.villagesSwitch(page)).checked, false);
    assert.deepEqual(villageIds(await mentionsOf(page)), []);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
    assert.deepEqual(errors, []);
    await closeAndCheckRestored(page, before);
  } finally {
    await strict.close();
  }
});

const REAL = `${H.REPO}/www/data/geonames.tsv`;
test('the generated GeoNames layer (when `make www` built it): switched on in the frame, timed', { skip: !fs.existsSync(REAL) && 'www/data/geonames.tsv not generated' }, async (t) => {
  const real = await H.startServers({ villages: 'real' });
  // Closed after the browser (it holds connections open): see after().
  extra.push(real);
  const realHref = await H.bookmarkletHref(browser.context, real.tagger);
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(real.site + '/news.html');
  const before = await H.snapshot(page);
  await H.runBookmarklet(page, realHref);
  const plain = await mentionsOf(page);
  const t0 = Date.now();
  await flip(page);
  const ms = Date.now() - t0;
  const layer = await page.evaluate(() => window[Symbol.for('sahel-tagger')].layer);
  const on = await mentionsOf(page);
  t.diagnostic(`switching ${layer.villages} GeoNames villages on and re-tagging the news page: ${ms} ms; ${villageIds(on).length} village mentions`);
  assert.ok(layer.on && layer.villages > 1000);
  assert.ok(on.some((m) => m.id === 'jnim') && on.some((m) => m.id === 'niafunke'), 'curated entities still win');
  await flip(page);
  assert.deepEqual(curated(await mentionsOf(page)), curated(plain));
  assert.deepEqual(errors, []);
  await closeAndCheckRestored(page, before);
  await page.close();
});
