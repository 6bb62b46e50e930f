// The bookmarklet's start in its helper frame (issue 14): remote.html fetches every module and the
// WebAssembly at once (preloads, the list held equal to remote.js's imports), and the page's article is
// looked for while the tagger starts, not after: the frame answers the search before it is ready. A
// reader who tags whole pages gets no search at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as H from './fixtures/bookmarklet-harness/index.mjs';

const BOOKMARKLET = path.join(H.REPO, 'www', 'bookmarklet');

let servers;
let browser;
let href;

before(async () => {
  servers = await H.startServers({ villages: 'none' });
  // Third-party storage as browsers allow it by default: the frame remembers "whole page" per site.
  browser = await H.startBrowser({ thirdPartyStorage: true });
  href = await H.bookmarkletHref(browser.context, servers.tagger);
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

/** The modules `file` imports, all levels down (static imports and re-exports), as paths from www/bookmarklet. */
function importClosure(file) {
  const seen = new Set();
  const walk = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    const source = fs.readFileSync(f, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)) {
      walk(path.resolve(path.dirname(f), m[1] || m[2]));
    }
  };
  walk(file);
  seen.delete(file);
  return [...seen].map((f) => path.relative(BOOKMARKLET, f).split(path.sep).join('/')).sort();
}

test('remote.html preloads every module remote.js imports, and the WebAssembly engine.js instantiates', () => {
  const html = fs.readFileSync(path.join(BOOKMARKLET, 'remote.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();
  const imported = importClosure(path.join(BOOKMARKLET, 'remote.js'));
  assert.ok(imported.includes('../vendor/readability.js') && imported.includes('../pkg/sahel_tagger.js'), imported.join(' '));
  assert.deepEqual(preloaded, imported);
  const wasm = html.match(/<link rel="preload" href="([^"]+)" as="fetch" type="application\/wasm" crossorigin>/);
  assert.ok(wasm, 'the WebAssembly is preloaded as a fetch');
  const engine = fs.readFileSync(path.join(BOOKMARKLET, 'engine.js'), 'utf8');
  assert.ok(engine.includes(`new URL('${wasm[1]}', import.meta.url)`), 'the URL engine.js instantiates');
});

/** What the helper frame fetched and when it answered: its resources, and its User Timing marks. */
async function frameRecord(page) {
  const frame = page.frames().find((f) => f.url().endsWith('/bookmarklet/remote.html'));
  assert.ok(frame, 'the tagger runs in its helper frame');
  return frame.evaluate(() => ({
    resources: performance.getEntriesByType('resource').map((e) => ({ name: new URL(e.name).pathname, by: e.initiatorType, start: e.startTime, end: e.responseEnd })),
    marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })),
  }));
}

test('the frame loads its modules and WebAssembly from the preloads, and looks for the article before it is ready', async () => {
  const { page, errors } = await H.openPage(browser.context, `${servers.site}/article.html`);
  const before = await H.snapshot(page);
  await H.runBookmarklet(page, href);
  const st = await H.idle(page);
  assert.equal(st.backend, 'frame');
  const article = await page.evaluate(() => window[Symbol.for('sahel-tagger')].article);
  assert.equal(article.found, true, article.why);
  const ids = H.countById(await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions()));
  assert.ok(ids.niafunke && ids.djibo && !ids.bamako, JSON.stringify(ids));

  const { resources, marks } = await frameRecord(page);
  const modules = resources.filter((r) => r.name.endsWith('.js'));
  assert.equal(modules.length, importClosure(path.join(BOOKMARKLET, 'remote.js')).length + 1, JSON.stringify(modules));
  // Preloaded: asked for before remote.js had arrived (an import is only asked for once its importer is read).
  const remote = modules.find((m) => m.name === '/bookmarklet/remote.js');
  for (const m of modules) assert.ok(m.start <= remote.end, `${m.name} was asked for with the page: ${JSON.stringify(modules)}`);
  const wasm = resources.filter((r) => r.name.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `fetched once: ${JSON.stringify(wasm)}`);
  assert.equal(wasm[0].name, '/pkg/sahel_tagger_bg.wasm');
  assert.ok(wasm[0].by === 'link' && wasm[0].start <= remote.end, `by its preload, with the page: ${JSON.stringify(wasm)}`);
  const at = (name) => marks.filter((m) => m.name === name).map((m) => m.at);
  assert.equal(at('sahel-tagger:article').length, 1, 'one search, the early one');
  assert.equal(at('sahel-tagger:ready').length, 1);
  assert.ok(at('sahel-tagger:article')[0] < at('sahel-tagger:ready')[0], 'the article was looked for while the tagger started');
  assert.deepEqual(errors, []);
  await H.closeAndCheckRestored(page, before);
  await page.close();
});

test('a reader of whole pages: the early search is skipped and the whole page is tagged', async () => {
  const { page, errors } = await H.openPage(browser.context, `${servers.site}/article.html`);
  const before = await H.snapshot(page);
  await H.runBookmarklet(page, href);
  // The reader switches "Article only" off: remembered by the tagger's frame for this site.
  await page.click('sahel-tagger-ui >> .art input');
  await H.idle(page);
  await H.closeAndCheckRestored(page, before);

  await H.runBookmarklet(page, href);
  await H.idle(page);
  const article = await page.evaluate(() => window[Symbol.for('sahel-tagger')].article);
  assert.equal(article.on, false);
  assert.equal(article.found, false);
  assert.equal((await H.articleSwitch(page)).checked, false);
  const ids = H.countById(await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions()));
  assert.ok(ids.niafunke && ids.bamako && ids.kidal, `the chrome is tagged too: ${JSON.stringify(ids)}`);
  const { marks } = await frameRecord(page);
  assert.equal(marks.filter((m) => m.name === 'sahel-tagger:article').length, 1, 'asked once (skipped), not asked again');

  // Back to the default for the next run on this site.
  await page.click('sahel-tagger-ui >> .art input');
  await H.idle(page);
  assert.equal((await page.evaluate(() => window[Symbol.for('sahel-tagger')].article)).found, true);
  assert.deepEqual(errors, []);
  await H.closeAndCheckRestored(page, before);
  await page.close();
});
