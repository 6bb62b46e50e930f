// Shared set-up for the paste page's end-to-end tests: serves www/ on a free port, starts Chromium,
// opens the page and records what the page does (console errors, uncaught errors, requests, dialogs).
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../../../tools/serve.mjs';
import { launch, SCREENSHOT_DIR } from './browser.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const WWW = path.join(ROOT, 'www');
export const FIXTURES = path.join(ROOT, 'tests', 'e2e', 'fixtures');
export { SCREENSHOT_DIR };

if (!fs.existsSync(path.join(WWW, 'pkg', 'sahel_tagger_bg.wasm'))) {
  throw new Error('www/pkg is missing: run `make wasm` first');
}

/** www/data/geonames.tsv, the village layer `make www` generates when the GeoNames dumps are there. */
export const REAL_VILLAGES = path.join(WWW, 'data', 'geonames.tsv');

/**
 * Starts the server and the browser and opens the page. Options: `viewport`, `colorScheme`,
 * `headers(urlPath)` (extra response headers), `routes` (dynamic answers), `path` (default '/'), and
 * `villages`: which GeoNames village layer the page finds at data/geonames.tsv: 'fixture' (default: two
 * fictional villages, so that results do not depend on whether `make www` found the dumps), 'real'
 * (the generated file, if any) or 'none'. `preferences`: browser settings (see launch()).
 * Resolves to `{page, context, url, origin, log, close, reload, open}`.
 */
export async function openPage({ viewport, colorScheme, headers, routes = {}, path: urlPath = '/', waitReady = true, villages = 'fixture', preferences } = {}) {
  const layer = {
    fixture: (req, res) => res.writeHead(200, { 'content-type': 'text/tab-separated-values; charset=utf-8', 'cache-control': 'no-store' }).end(fs.readFileSync(path.join(FIXTURES, 'page-geonames.tsv'))),
    none: (req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    real: null,
  }[villages];
  // The layer is served as text: the precompiled one `make www` may have written is hidden (shared/layer.js
  // prefers it).
  const notFound = (req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  const server = await serve({ root: WWW, port: 0, headers, routes: layer ? { '/data/geonames.tsv': layer, '/data/geonames.bin.gz': notFound, ...routes } : routes });
  const browser = await launch({ viewport, colorScheme, preferences });
  const origin = server.url.replace(/\/$/, '');
  const log = { console: [], errors: [], requests: [], foreign: [], dialogs: [] };
  const { context } = browser;
  context.on('request', (request) => {
    const url = request.url();
    log.requests.push(url);
    if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) log.foreign.push(url);
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') log.console.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => log.errors.push(String(err)));
  page.on('dialog', async (dialog) => {
    log.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  page.setDefaultTimeout(30_000);

  async function open(p = urlPath) {
    await page.goto(`${origin}${p}`);
    if (waitReady) await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
  }
  await open();

  return {
    page,
    context,
    url: server.url,
    origin,
    log,
    open,
    async reload() {
      await page.reload();
      if (waitReady) await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    },
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** Puts `text` into the input as a paste would (an input event of type insertFromPaste). */
export async function pasteText(page, text) {
  await page.evaluate((value) => {
    const input = document.getElementById('input');
    input.focus();
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/** Waits until the result view shows the tagging of the current input. */
export async function waitTagged(page, timeout = 60_000) {
  await page.waitForFunction(
    () => {
      const result = document.getElementById('result');
      const input = document.getElementById('input');
      // A long text is held outside the textarea (#input-large) and drawn part by part.
      const large = document.getElementById('input-large');
      const length = large && !large.hidden ? Number(large.dataset.length) : input.value.length;
      return ['done', 'empty'].includes(result.dataset.state) && (result.dataset.state === 'empty' || Number(result.dataset.length) === length);
    },
    null,
    { timeout, polling: 50 },
  );
}

/** Entity ids of the marks in the result view, in order. */
export function markIds(page) {
  return page.$$eval('#result mark', (marks) => marks.map((m) => m.dataset.entity));
}

export function screenshotPath(name) {
  return path.join(SCREENSHOT_DIR, `${name}.png`);
}

/** The sample article's text, as the page loads it. */
export function sampleText() {
  return fs.readFileSync(path.join(WWW, 'sample', 'sahel-semaine.txt'), 'utf8');
}

/** Reads a download triggered by `action` (a function clicking something); resolves to {name, text}. */
export async function captureDownload(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

/**
 * Console errors, without Chromium's Content-Security-Policy reports. Those appear when the page parses
 * a dropped HTML file with DOMParser: the inert document inherits the page's policy, and Chromium
 * reports each inline style or event handler it meets there, although an inert document would never
 * run them. Tests that drop or paste such markup check separately that nothing ran.
 */
export function consoleErrors(log, { allowCspReports = false } = {}) {
  return log.console.filter((l) => l.startsWith('error') && !(allowCspReports && /Content Security Policy/.test(l)));
}

/** Clicks "Load the sample article" and waits for its tagging. */
export async function loadSample(page) {
  await page.click('#sample');
  await page.waitForFunction(() => document.getElementById('input').value.length > 0);
  await waitTagged(page);
}

/** The user's stored sources as the page keeps them (IndexedDB "sahel-tagger", in their order). */
export function storedSources(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('sahel-tagger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('sources')) {
            db.close();
            resolve([]);
            return;
          }
          const get = db.transaction('sources').objectStore('sources').getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result.sort((a, b) => a.seq - b.seq).map(({ seq, ...s }) => s));
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}
