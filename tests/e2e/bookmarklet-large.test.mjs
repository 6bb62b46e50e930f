// The bookmarklet on a 10,000-paragraph page (issue 5): tagged in chunks so the page keeps answering,
// every mention found, exact restore. Prints the time taken and the longest main-thread block.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as H from './fixtures/bookmarklet-harness/index.mjs';

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

/** What the same core finds in the page's text, tagged at once in Node. */
async function expectedMentions() {
  const { default: init, Tagger } = await import(`${H.REPO}/www/pkg/sahel_tagger.js`);
  await init({ module_or_path: fs.readFileSync(`${H.REPO}/www/pkg/sahel_tagger_bg.wasm`) });
  const tagger = new Tagger();
  const paragraphs = ["Fil d'actualité"];
  for (let i = 0; i < H.LARGE_PARAGRAPHS; i++) paragraphs.push(H.largeParagraph(i));
  const n = tagger.tagSpans(paragraphs.join('\n\n')).length / 4;
  tagger.free();
  return n;
}

async function digest(page) {
  return page.evaluate(() => {
    const html = document.body.innerHTML;
    let h = 0;
    for (let i = 0; i < html.length; i++) h = (Math.imul(h, 31) + html.charCodeAt(i)) | 0;
    const w = document.createTreeWalker(document.body);
    let nodes = 0;
    while (w.nextNode()) nodes++;
    return { length: html.length, hash: h, nodes, root: document.documentElement.children.length };
  });
}

for (const [path, backend] of [
  ['/large.html', 'frame'],
  ['/large-noframe.html', 'page'],
]) {
  test(`10,000 paragraphs, tagger in the ${backend}: chunked, the page keeps answering, every mention found, exact restore`, async () => {
    const expected = await expectedMentions();
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e));
    await page.addInitScript(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    });
    await page.goto(servers.site + path);
    assert.equal(await page.locator('p').count(), H.LARGE_PARAGRAPHS);
    const before = await digest(page);
    await page.evaluate(() => (window.longTasks.length = 0));

    const t0 = Date.now();
    await H.runBookmarklet(page, href, { wait: false });
    // While it works, the page answers: measure how long a trivial evaluation waits.
    const pings = [];
    const statuses = new Set();
    for (;;) {
      const p0 = Date.now();
      const s = await page.evaluate(() => {
        const ui = document.querySelector('sahel-tagger-ui');
        return { state: window[Symbol.for('sahel-tagger')]?.state, status: ui?.shadowRoot.querySelector('.st').textContent };
      });
      pings.push(Date.now() - p0);
      statuses.add(s.status);
      if (s.state === 'ready' || s.state === 'error' || Date.now() - t0 > 120000) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const total = Date.now() - t0;
    const st = await H.idle(page);
    assert.equal(st.state, 'ready');
    assert.equal(st.backend, backend);
    const longTasks = await page.evaluate(() => window.longTasks);
    const count = await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions().length);
    assert.match((await H.panel(page)).status, new RegExp(`^${expected.toLocaleString('en')} mentions of \\d+ entities`));
    const hl = await H.highlights(page);
    const maxBlock = Math.round(Math.max(0, ...longTasks));
    console.log(
      `# 10,000 paragraphs: ${count} mentions in ${total} ms (${st.backend}); ${pings.length} pings while tagging, slowest ${Math.max(...pings)} ms; ` +
        `${longTasks.length} long tasks, longest ${maxBlock} ms`
    );
    assert.equal(count, expected, 'every mention the core finds in the same text');
    assert.equal(Object.values(hl).reduce((a, b) => a + b, 0), expected);
    assert.ok(pings.length >= 3, 'the page answered several times while tagging');
    assert.ok([...statuses].some((s) => /^Tagging… \d+%$/.test(s)), `progress shown (${[...statuses].join(' | ')})`);
    // Nothing new to re-tag.
    await page.click('sahel-tagger-ui >> button.retag');
    await H.idle(page);
    assert.equal(await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions().length), expected);
    await page.click('sahel-tagger-ui >> .ty[data-type="armed_group"] .th button');
    await page.click('sahel-tagger-ui >> li button:text-is("JNIM")');
    await H.screenshot(page, `large-${backend}`);
    const c0 = Date.now();
    await page.evaluate(() => window[Symbol.for('sahel-tagger')].close());
    console.log(`# closing (${backend}): ${Date.now() - c0} ms`);
    assert.deepEqual(await digest(page), before);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('scrolled down a long page, the text on screen is highlighted first, while the rest is still being tagged; the same mentions in the end', async () => {
  const expected = await expectedMentions();
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  // The first highlight added: which paragraph, and what the bookmarklet was doing then.
  await page.addInitScript(() => {
    const add = Highlight.prototype.add;
    Highlight.prototype.add = function (range) {
      if (!window.firstAdd) {
        const p = range.startContainer.parentElement.closest('p');
        window.firstAdd = { paragraph: [...document.querySelectorAll('p')].indexOf(p), state: window[Symbol.for('sahel-tagger')]?.state };
      }
      return add.call(this, range);
    };
  });
  await page.goto(`${servers.site}/large.html`);
  const SEEN = 7000;
  await page.evaluate((i) => document.querySelectorAll('p')[i].scrollIntoView(), SEEN);
  await H.runBookmarklet(page, href);
  const st = await H.idle(page);
  assert.equal(st.state, 'ready');
  const first = await page.evaluate(() => window.firstAdd);
  // Chunks are 250,000 characters, about 1,450 of these paragraphs; the screenful (the blocks within
  // 4,000 characters of the window's centre, some 25 paragraphs either side) is tagged and drawn
  // before its chunk: the first highlight is on screen, not at the top of the page or of its chunk.
  console.log(`# scrolled to paragraph ${SEEN}: first highlight in paragraph ${first.paragraph}, drawn while ${first.state}`);
  assert.ok(first.paragraph >= SEEN - 30 && first.paragraph <= SEEN + 60, `first highlight in paragraph ${first.paragraph}`);
  assert.equal(first.state, 'tagging', 'drawn before the rest of the page was tagged');
  const starts = await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions().map((m) => m.start));
  assert.equal(starts.length, expected, 'every mention the core finds in the same text');
  // The screenful's own highlights gave way to its chunk's: one highlight per mention in the end.
  const hl = Object.values(await H.highlights(page)).reduce((a, b) => a + b, 0);
  assert.equal(hl, expected, 'no highlight of the screenful left over');
  assert.ok(starts.every((s, i) => i === 0 || starts[i - 1] < s), 'the mentions in text order');
  assert.deepEqual(errors, []);
  await page.close();
});
