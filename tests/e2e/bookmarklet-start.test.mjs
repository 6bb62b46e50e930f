// The bookmarklet's start in its helper frame (issue 14): remote.html fetches every module it may
// import at once (preloads, the list held equal to remote.js's imports), and starts the tagger in a
// worker (engine-worker.js), which asks for the WebAssembly and every module of the tagger at once;
// the page's article is looked for by the frame's own thread while the worker starts the tagger. A
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

/**
 * The modules `file` imports, all levels down (static imports, re-exports and `import('…')` of a
 * literal path), as paths from www/bookmarklet.
 */
function importClosure(file) {
  const seen = new Set();
  const walk = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    const source = fs.readFileSync(f, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
      walk(path.resolve(path.dirname(f), m[1] || m[2] || m[3]));
    }
  };
  walk(file);
  seen.delete(file);
  return [...seen].map((f) => path.relative(BOOKMARKLET, f).split(path.sep).join('/')).sort();
}

test('remote.html preloads every module remote.js may import; its worker asks for the tagger and its WebAssembly at once', () => {
  const html = fs.readFileSync(path.join(BOOKMARKLET, 'remote.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();
  const imported = importClosure(path.join(BOOKMARKLET, 'remote.js'));
  assert.ok(imported.includes('../vendor/readability.js') && imported.includes('../shared/review.js'), imported.join(' '));
  assert.deepEqual(preloaded, imported);
  // remote.js imports nothing before it runs: it starts the worker and says hello at once.
  const remote = fs.readFileSync(path.join(BOOKMARKLET, 'remote.js'), 'utf8');
  assert.doesNotMatch(remote, /^\s*import\s/m);
  assert.match(remote, /new Worker\(new URL\('engine-worker\.js', import\.meta\.url\), \{ type: 'module' \}\)/);
  // The worker's dynamic imports: engine.js and everything it imports, asked for together.
  const worker = fs.readFileSync(path.join(BOOKMARKLET, 'engine-worker.js'), 'utf8');
  assert.doesNotMatch(worker, /^\s*import\s/m, 'no static import: nothing waits for one module before asking for the next');
  const asked = [...worker.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1].replace(/^\.\//, '')).sort();
  assert.deepEqual(asked, ['engine.js', ...importClosure(path.join(BOOKMARKLET, 'engine.js'))].sort());
  const wasm = worker.match(/fetch\(new URL\('([^']+\.wasm)', import\.meta\.url\)\)/);
  assert.ok(wasm, 'the worker fetches the WebAssembly itself');
  const engine = fs.readFileSync(path.join(BOOKMARKLET, 'engine.js'), 'utf8');
  assert.ok(engine.includes(`new URL('${wasm[1]}', import.meta.url)`), 'the same URL engine.js would instantiate');
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

test('the frame loads its modules from the preloads and looks for the article, while its worker loads and starts the tagger', async () => {
  const { page, errors } = await H.openPage(browser.context, `${servers.site}/article.html`);
  const before = await H.snapshot(page);
  const workers = [];
  page.on('worker', (w) => workers.push(w));
  await H.runBookmarklet(page, href);
  const st = await H.idle(page);
  assert.equal(st.backend, 'frame');
  const article = await page.evaluate(() => window[Symbol.for('sahel-tagger')].article);
  assert.equal(article.found, true, article.why);
  const ids = H.countById(await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions()));
  assert.ok(ids.niafunke && ids.djibo && !ids.bamako, JSON.stringify(ids));

  const { resources, marks } = await frameRecord(page);
  const modules = resources.filter((r) => r.name.endsWith('.js'));
  // remote.js, the worker's script, and the preloads (nothing fetched again when imported).
  assert.equal(modules.length, importClosure(path.join(BOOKMARKLET, 'remote.js')).length + 2, JSON.stringify(modules));
  // Preloaded: asked for before remote.js had arrived (an import is only asked for once its importer is read).
  const remote = modules.find((m) => m.name === '/bookmarklet/remote.js');
  for (const m of modules.filter((x) => x.name !== '/bookmarklet/engine-worker.js')) assert.ok(m.start <= remote.end, `${m.name} was asked for with the page: ${JSON.stringify(modules)}`);
  assert.deepEqual(resources.filter((r) => r.name.endsWith('.wasm')), [], 'the frame itself never fetches the WebAssembly');

  // The worker: the WebAssembly once, and each of the tagger's modules once. (That they are asked for
  // together is held by the test above, on the worker's code: when each request leaves depends on the
  // machine's load, not on the code, so it is not timed here.)
  const worker = workers.find((w) => w.url().endsWith('/bookmarklet/engine-worker.js'));
  assert.ok(worker, `the tagger runs in the frame's worker (${workers.map((w) => w.url()).join(' ')})`);
  const got = await worker.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.deepEqual(got.filter((r) => r.endsWith('.wasm')), ['/pkg/sahel_tagger_bg.wasm'], JSON.stringify(got));
  const own = got.filter((r) => r.endsWith('.js')).sort();
  const closure = importClosure(path.join(BOOKMARKLET, 'engine.js')).map((f) => path.posix.join('/bookmarklet', f));
  assert.deepEqual(own, ['/bookmarklet/engine.js', ...closure].sort(), JSON.stringify(got));

  const at = (name) => marks.filter((m) => m.name === name).map((m) => m.at);
  assert.equal(at('sahel-tagger:article').length, 1, 'one search, the early one');
  assert.equal(at('sahel-tagger:ready').length, 1, 'the worker says when it is ready');
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
