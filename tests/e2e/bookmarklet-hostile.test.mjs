// Pages that fight the bookmarklet back (issue 15, item 10): a page with a global `sahelTagger` of its
// own, a page that removes the panel (and the hidden frame in it), a page whose Highlight API answers
// oddly, and a tagger site that is down (last: it stops the tagger's server).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './fixtures/bookmarklet-harness/index.mjs';

let servers;
let browser;
let href;
let reference;

before(async () => {
  servers = await H.startServers();
  browser = await H.startBrowser();
  href = await H.bookmarkletHref(browser.context, servers.tagger);
  // What the bookmarklet finds on the news page when nothing is in its way (the whole page: the tests
  // below add paragraphs outside its article).
  const { page } = await H.openPage(browser.context, servers.site + '/news.html');
  await H.runBookmarklet(page, href, { whole: true });
  reference = await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions());
  await page.close();
  assert.ok(reference.length > 5);
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

const open = (path, init) => H.openPage(browser.context, servers.site + path, { init });
const key = (ms) => ms.map((m) => `${m.id}@${m.start}`);

test('a page with its own window.sahelTagger keeps it, and the bookmarklet still runs', async () => {
  // The page's global: not writable, not configurable, with functions of the same names.
  const { page, errors } = await open('/news.html', () => {
    window.__calls = [];
    Object.defineProperty(window, 'sahelTagger', {
      value: Object.freeze({ retag: () => window.__calls.push('retag'), show: () => window.__calls.push('show'), version: 'the page' }),
      writable: false,
      configurable: false,
      enumerable: true,
    });
  });
  await H.runBookmarklet(page, href, { whole: true });
  const st = await H.idle(page);
  assert.equal(st.state, 'ready');
  assert.deepEqual(key(await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions())), key(reference));
  const seen = await page.evaluate(() => ({
    calls: window.__calls,
    own: window.sahelTagger.version,
    enumerable: Object.keys(window).filter((k) => /sahel/i.test(k)),
    handle: Object.getOwnPropertyDescriptor(window, Symbol.for('sahel-tagger')).enumerable,
  }));
  assert.deepEqual(seen.calls, [], "the page's functions are never called");
  assert.equal(seen.own, 'the page', "the page's global is untouched");
  assert.deepEqual(seen.enumerable, ['sahelTagger'], 'nothing of ours among the enumerable globals');
  assert.equal(seen.handle, false, 'the handle is not enumerable');
  // A second click re-tags through the handle.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>Nouvelle attaque près de Kidal.</p>'));
  await H.runBookmarklet(page, href);
  const after = await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions());
  assert.equal(after.length, reference.length + 1);
  assert.equal(await page.locator('sahel-tagger-ui').count(), 1, 'one panel');
  assert.deepEqual(await page.evaluate(() => window.__calls), []);
  await page.evaluate(() => window[Symbol.for('sahel-tagger')].close());
  assert.equal(await page.evaluate(() => window[Symbol.for('sahel-tagger')]), undefined);
  assert.equal(await page.evaluate(() => window.sahelTagger.version), 'the page');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page that removes the panel at once (and the frame with it): detected at once, the bookmarklet still tags', async (t) => {
  const { page, errors } = await open('/news.html', () => {
    // Removes anything it did not put under <html>, as some pages do.
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('sahel-tagger-ui')) el.remove();
    }).observe(document, { childList: true, subtree: true });
  });
  const t0 = Date.now();
  await H.runBookmarklet(page, href, { whole: true });
  const st = await H.idle(page);
  const ms = Date.now() - t0;
  t.diagnostic(`ready in ${ms} ms, tagger in the ${st.backend}`);
  assert.equal(st.state, 'ready');
  assert.ok(ms < 15_000, `not the 30 s wait of a lost frame (${ms} ms)`);
  assert.deepEqual(key(await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions())), key(reference));
  assert.ok((await H.highlights(page))['sahel-place'] > 0, 'highlighted');
  assert.deepEqual(errors, []);
  await page.evaluate(() => window[Symbol.for('sahel-tagger')].close());
  await page.close();
});

test('a page that removes the panel once it is there: put back and the tagger started again at once', async (t) => {
  const { page, errors } = await open('/news.html');
  await H.runBookmarklet(page, href, { whole: true });
  assert.equal((await H.idle(page)).backend, 'frame');
  // Removed while tagging more: the answer it waits for can never come.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>Nouvelle attaque près de Kidal.</p>'));
  const t0 = Date.now();
  await page.evaluate(() => {
    const api = window[Symbol.for('sahel-tagger')];
    api.retag();
    document.querySelector('sahel-tagger-ui').remove();
  });
  const st = await H.idle(page);
  const ms = Date.now() - t0;
  t.diagnostic(`recovered in ${ms} ms, tagger in the ${st.backend}`);
  assert.equal(st.state, 'ready');
  assert.ok(ms < 15_000, `${ms} ms`);
  assert.equal(await page.locator('sahel-tagger-ui').count(), 1, 'the panel is back');
  const mentions = await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions());
  assert.equal(mentions.length, reference.length + 1, 'everything tagged, the new paragraph too, nothing twice');
  assert.ok((await H.panel(page)).types.length > 0);
  // And it goes on working: one more re-tag.
  await H.runBookmarklet(page, href);
  assert.equal((await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions())).length, reference.length + 1);
  assert.deepEqual(errors, []);
  await page.evaluate(() => window[Symbol.for('sahel-tagger')].close());
  await page.close();
});

test('a page whose Highlight API answers oddly (add returns nothing): the screenful and the rest drawn, none left over', async () => {
  const { page, errors } = await open('/large.html', () => {
    // A page (or a polyfill) whose Highlight.prototype.add does its job but returns undefined.
    const add = Highlight.prototype.add;
    Highlight.prototype.add = function (range) {
      add.call(this, range);
    };
  });
  // Scrolled down: the screenful is tagged and drawn on its own before its chunk.
  await page.evaluate(() => document.querySelectorAll('p')[5000].scrollIntoView());
  await H.runBookmarklet(page, href);
  const st = await H.idle(page);
  assert.equal(st.state, 'ready');
  const mentions = await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions().length);
  assert.ok(mentions > 1000, `${mentions} mentions`);
  const drawn = Object.values(await H.highlights(page)).reduce((a, b) => a + b, 0);
  assert.equal(drawn, mentions, 'one highlight per mention: the screenful gave way');
  assert.deepEqual(errors, []);
  await page.evaluate(() => window[Symbol.for('sahel-tagger')].close());
  await page.close();
});

test('the tagger site is down: said within 5 s, as such (not "this page blocks frames")', async (t) => {
  await servers.closeTagger();
  for (const path of ['/news.html', '/csp-noframe.html']) {
    const { page } = await open(path);
    const t0 = Date.now();
    await H.runBookmarklet(page, href, { wait: false });
    await page.waitForFunction(() => ['unreachable', 'blocked', 'ready', 'error'].includes(window[Symbol.for('sahel-tagger')]?.state), null, { timeout: 60_000, polling: 50 });
    const ms = Date.now() - t0;
    const panel = await H.panel(page);
    const state = await page.evaluate(() => window[Symbol.for('sahel-tagger')].state);
    t.diagnostic(`${path}: "${panel.status}" after ${ms} ms`);
    assert.equal(state, 'unreachable', panel.message);
    assert.ok(ms < 5000, `detected in ${ms} ms`);
    assert.match(panel.status, /The tagger site cannot be reached/);
    assert.match(panel.message, /cannot be reached \(http:\/\/localhost:\d+\)/);
    assert.doesNotMatch(panel.message, /blocks/);
    if (path === '/news.html') await H.screenshot(page, 'site-down');
    await page.evaluate(() => window[Symbol.for('sahel-tagger')].close());
    await page.close();
  }
});
