// The bookmarklet with the user's entries and rules, and its review panel: a "never tag this spelling"
// rule made on the tagger page is carried inside the bookmarklet the page offers (the tagger site's
// frame cannot read the page's storage: browsers partition it by the site visited) and honoured on a
// news page; the panel confirms, rejects and re-links the current mention, with undo, and the exports
// carry the review.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './fixtures/bookmarklet-harness/index.mjs';

let servers;
let browser;

before(async () => {
  servers = await H.startServers();
  browser = await H.startBrowser();
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

const api = (page, expr) => page.evaluate(`(async () => { const api = window[Symbol.for('sahel-tagger')]; return ${expr}; })()`);
const shadow = (page, fn, arg) => page.evaluate(({ fn, arg }) => new Function('r', 'arg', `return (${fn})(r, arg)`)(document.querySelector('sahel-tagger-ui').shadowRoot, arg), { fn: fn.toString(), arg });

/** Makes a "never" rule for `surface` on the tagger page; resolves to the bookmarklet it then offers. */
async function ruleOnTaggerPage(surface) {
  const page = await browser.context.newPage();
  await page.goto(`${servers.tagger}/`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
  await page.evaluate((text) => {
    const input = document.getElementById('input');
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, `Le JNIM a attaqué ${surface}.`);
  await page.locator(`#result mark:text-is("${surface}")`).focus();
  await page.waitForSelector('#tip:not([hidden]) .rv');
  await page.keyboard.press('Shift+N');
  await page.waitForFunction((s) => ![...document.querySelectorAll('#result mark')].some((m) => m.textContent === s) && document.querySelector('#result mark'), surface, { timeout: 30_000 });
  await page.waitForFunction(() => decodeURIComponent(document.getElementById('bookmarklet').href).includes('never.toml'));
  const href = await page.getAttribute('#bookmarklet', 'href');
  const carries = await page.textContent('#bookmarklet-carries');
  await page.close();
  return { href, carries };
}

test('a "never" rule made on the tagger page is honoured by the bookmarklet it offers', async () => {
  const plain = await H.bookmarkletHref(browser.context, servers.tagger);
  const { page, errors } = await H.openPage(browser.context, servers.site + '/news.html');
  await H.runBookmarklet(page, plain);
  const before = (await api(page, 'api.mentions()')).map((m) => m.surface);
  assert.ok(before.includes('Djibo') && before.includes('JNIM'), `${before}`);
  await api(page, 'api.close()');

  const { href, carries } = await ruleOnTaggerPage('Djibo');
  assert.match(carries, /carries your 1 stored source \(entries and rules; \d+ KB in all\)/);
  console.log(`# bookmarklet with the rule: ${href.length} characters (without: ${plain.length})`);
  assert.ok(href.length < 65536);
  await H.runBookmarklet(page, href);
  const after = (await api(page, 'api.mentions()')).map((m) => m.surface);
  assert.deepEqual(after, before.filter((s) => s !== 'Djibo'));
  assert.match(await shadow(page, (r) => r.querySelector('.src').textContent), /With your 1 stored source \(entries and rules\), carried by this bookmarklet/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the panel reviews the current mention: reject, confirm, re-link, undo; exports carry the review', async () => {
  const plain = await H.bookmarkletHref(browser.context, servers.tagger);
  const { page, errors } = await H.openPage(browser.context, servers.site + '/news.html');
  await H.runBookmarklet(page, plain);
  const mentions = await api(page, 'api.mentions()');
  const at = (surface) => mentions.findIndex((m) => m.surface === surface);
  const states = () => api(page, `api.mentions().length + ':' + [${[at('JNIM'), at('Djibo'), at('Niger')]}].map((i) => (api.review(i) || {}).review || '').join(',')`);

  // Reject Djibo by mouse in the panel: its highlight is struck through (the "rejected" highlight).
  await api(page, `api.go(${at('Djibo')})`);
  await page.waitForFunction(() => !document.querySelector('sahel-tagger-ui').shadowRoot.querySelector('.rvbox').hidden);
  assert.match(await shadow(page, (r) => r.querySelector('.rv-what').textContent), /“Djibo” → Djibo/);
  await shadow(page, (r) => r.querySelector('.rv-reject-mention').click());
  await page.waitForFunction(() => CSS.highlights.get('sahel-rejected')?.size === 1);
  assert.equal(await states(), `${mentions.length - 1}:,rejected,`);
  // Undo with the keyboard on the panel.
  await shadow(page, (r) => r.querySelector('.rv-confirm').focus());
  await page.keyboard.press('u');
  await page.waitForFunction(() => CSS.highlights.get('sahel-rejected')?.size === 0);
  assert.equal(await states(), `${mentions.length}:,,`);
  await page.keyboard.press('x');
  await page.waitForFunction(() => CSS.highlights.get('sahel-rejected')?.size === 1);

  // Confirm JNIM (keyboard), re-link Niger to the river (the list).
  await api(page, `api.go(${at('JNIM')})`);
  await shadow(page, (r) => r.querySelector('.rv-confirm').focus());
  await page.keyboard.press('c');
  await api(page, `api.go(${at('Niger')})`);
  await page.waitForFunction(() => document.querySelector('sahel-tagger-ui').shadowRoot.querySelector('.rv-relink option[value="niger_river"]'));
  await H.screenshot(page, 'review-panel');
  await shadow(page, (r) => {
    const s = r.querySelector('.rv-relink');
    s.value = 'niger_river';
    s.dispatchEvent(new Event('change'));
  });
  await page.waitForFunction(() => /re-linked from Niger/.test(document.querySelector('sahel-tagger-ui').shadowRoot.querySelector('.rv-what').textContent));
  assert.equal(await states(), `${mentions.length - 1}:confirmed,rejected,relinked`);

  const csv = await api(page, "api.export('csv')");
  const lines = csv.replace(/^\ufeff/, '').trimEnd().split('\r\n');
  const head = lines[0].split(',');
  const [review, from] = [head.indexOf('review'), head.indexOf('relinked_from')];
  assert.ok(review > 0 && from > 0, head.join());
  // (No comma in these rows' cells before the review's: their context is quoted, and comes after.)
  const cells = (l) => l.replace(/"(?:[^"]|"")*"/g, 'Q').split(',');
  const byFirst = (surface) => lines.map(cells).find((c) => c[4] === surface);
  assert.deepEqual([byFirst('JNIM')[review], byFirst('JNIM')[from]], ['confirmed', '']);
  assert.equal(byFirst('Djibo'), undefined, 'rejected mentions are left out');
  const niger = byFirst('Niger');
  assert.deepEqual([niger[0], niger[review], niger[from]], ['niger_river', 'relinked', 'niger']);
  const json = JSON.parse(await api(page, "api.export('json', { includeRejected: true })"));
  assert.equal(json.mentions.find((m) => m.surface === 'Djibo').review, 'rejected');
  assert.deepEqual(errors, []);
  await page.close();
});
