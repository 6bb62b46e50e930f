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

/**
 * Starts the server and the browser and opens the page. Options: `viewport`, `colorScheme`,
 * `headers(urlPath)` (extra response headers), `routes` (dynamic answers), `path` (default '/').
 * Resolves to `{page, context, url, origin, log, close, reload, open}`.
 */
export async function openPage({ viewport, colorScheme, headers, routes, path: urlPath = '/', waitReady = true } = {}) {
  const server = await serve({ root: WWW, port: 0, headers, routes });
  const browser = await launch({ viewport, colorScheme });
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
      return ['done', 'empty'].includes(result.dataset.state) && (result.dataset.state === 'empty' || result.textContent.length === input.value.length);
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
