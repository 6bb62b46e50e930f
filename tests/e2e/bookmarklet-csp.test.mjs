// The bookmarklet on pages that fight back (issue 5): Content-Security-Policy headers that block the
// tagger's script, WebAssembly, frames, and pop-up blockers. Each case is detected, said in the panel,
// and the same mentions are still drawn on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as H from './fixtures/bookmarklet-harness/index.mjs';

let servers;
let browser;
let href;
let reference;

before(async () => {
  servers = await H.startServers();
  browser = await H.startBrowser();
  href = await H.bookmarkletHref(browser.context, servers.tagger);
  // The same article without a CSP: what every fallback must find too.
  const page = await browser.context.newPage();
  await page.goto(servers.site + '/report.html');
  await H.runBookmarklet(page, href);
  assert.equal(await page.evaluate(() => window[Symbol.for('sahel-tagger')].backend), 'frame');
  reference = await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions());
  await page.close();
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

const key = (ms) => ms.map((m) => `${m.start}-${m.end}:${m.id}:${m.surface}`);

async function open(path, init) {
  const { page, errors, response } = await H.openPage(browser.context, servers.site + path, { init });
  return { page, errors, csp: response.headers()['content-security-policy'] };
}

const closeAndCheckRestored = H.closeAndCheckRestored;

const CASES = [
  // The frame is the tagger origin's own page under its own policy: the page's script-src does not apply.
  ['/csp-script.html', "script-src 'self'", 'frame', []],
  ['/csp-nowasm.html', "script-src 'self' TAGGER", 'frame', []],
  // Frames blocked: the tagger runs in the page when its policy allows the module and WebAssembly.
  ['/csp-noframe.html', "frame-src 'none'", 'page', ['frames']],
  // Frames and WebAssembly blocked: the tagger window.
  ['/csp-trusted-types.html', "require-trusted-types-for 'script'; trusted-types 'none'; frame-src 'none'", 'page', ['frames']],
  ['/csp-noframe-nowasm.html', "frame-src 'none'; script-src 'self' TAGGER", 'window', ['frames', "WebAssembly ('wasm-unsafe-eval' missing)"]],
];

for (const [path, policy, backend, blocked] of CASES) {
  test(`${policy}: detected, the tagger runs in the ${backend}, same mentions`, async () => {
    const { page, errors, csp } = await open(path);
    assert.equal(csp, policy.replace('TAGGER', servers.tagger));
    const before = await H.snapshot(page);
    await H.runBookmarklet(page, href);
    const st = await H.idle(page);
    assert.deepEqual(st, { state: 'ready', backend, blocked });
    const mentions = await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions());
    assert.deepEqual(key(mentions), key(reference));
    const hl = await H.highlights(page);
    assert.equal(hl['sahel-place'], reference.filter((m) => m.type === 'place').length);
    const p = await H.panel(page);
    const how = { frame: 'in a tagger frame', page: 'in this page', window: 'in the tagger window' }[backend];
    assert.ok(p.status.endsWith(`tagged ${how}`), p.status);
    if (backend === 'window') {
      assert.equal(p.message, `This page blocks ${blocked.join(', ')}; the tagger runs in a separate window instead.`);
    } else assert.equal(p.message, '');
    const frames = await page.evaluate(() => document.querySelector('sahel-tagger-ui').shadowRoot.querySelectorAll('iframe').length);
    assert.equal(frames, backend === 'frame' ? 1 : 0);
    await H.screenshot(page, path.slice(1, -5));
    assert.deepEqual(errors, []);
    await closeAndCheckRestored(page, before);
    await page.close();
  });
}

test("default-src 'self': no script, frame or connection; the tagger window does the work", async () => {
  const { page, errors } = await open('/csp-strict.html');
  const before = await H.snapshot(page);
  const popup = page.waitForEvent('popup');
  await H.runBookmarklet(page, href);
  const st = await H.idle(page);
  assert.deepEqual(st, { state: 'ready', backend: 'window', blocked: ['frames', 'scripts from other sites'] });
  assert.deepEqual(key(await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions())), key(reference));
  const win = await popup;
  assert.equal(win.url(), servers.tagger + '/bookmarklet/remote.html');
  assert.equal(await win.textContent('#status'), `Tagged the text of ${servers.site}`);
  assert.equal((await H.panel(page)).message, 'This page blocks frames, scripts from other sites; the tagger runs in a separate window instead.');
  // Export works under the strict policy too.
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('sahel-tagger-ui >> button.json')]);
  const data = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(data.url, servers.site + '/csp-strict.html');
  assert.equal(data.title, 'Niger and Burkina Faso: displacement grows along the border');
  assert.equal(data.mentions.length, reference.length);
  // Hover works the same.
  const box = await page.evaluate(() => {
    const r = document.querySelector('main p b').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  assert.deepEqual((await H.card(page)).slice(0, 3), ['EIGS → Islamic State Sahel Province', 'AArmed group · jihadist group · Mali, Niger, Burkina Faso', 'Matched variant EIGS']);
  await H.screenshot(page, 'csp-strict');
  await win.screenshot({ path: `${H.SCREENSHOT_DIR}/bookmarklet-remote-window.png` });
  assert.deepEqual(errors, []);
  await closeAndCheckRestored(page, before);
  if (!win.isClosed()) await win.waitForEvent('close', { timeout: 5000 }).catch(() => {});
  assert.ok(win.isClosed(), 'closing the panel closes the tagger window');
  await page.close();
});

test('pop-ups blocked as well: the panel says what is blocked; its button opens the window', async () => {
  const { page, errors } = await open('/csp-strict.html', () => {
    // What a pop-up blocker does to window.open.
    window.realOpen = window.open;
    window.open = () => null;
  });
  const before = await H.snapshot(page);
  await H.runBookmarklet(page, href);
  const st = await H.idle(page);
  assert.equal(st.state, 'blocked');
  assert.deepEqual(st.blocked, ['frames', 'scripts from other sites', 'pop-up windows']);
  const p = await H.panel(page);
  assert.equal(p.status, 'The page blocks the tagger.');
  assert.match(p.message, /^This page blocks frames, scripts from other sites, pop-up windows\. Open the tagger in a window/);
  assert.deepEqual(await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions()), []);
  // The text can be copied to the tagger page by hand.
  await page.click('sahel-tagger-ui >> button.copy');
  const copied = await page.evaluate(() => document.querySelector('sahel-tagger-ui').shadowRoot.querySelector('.msg textarea').value);
  assert.match(copied, /^World\n\nAfrica\n\nSahel\n\nNiger and Burkina Faso: displacement grows along the border\n\n/);
  assert.ok(copied.includes('the town of Djibo has been under siege'));
  await H.screenshot(page, 'popup-blocked');
  // The person allows pop-ups and clicks the button: a click is a gesture pop-up blockers accept.
  await page.evaluate(() => (window.open = window.realOpen));
  const popup = page.waitForEvent('popup');
  await page.click('sahel-tagger-ui >> button.open');
  await popup;
  const after = await H.idle(page);
  assert.equal(after.backend, 'window');
  assert.deepEqual(key(await page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions())), key(reference));
  assert.deepEqual(errors, []);
  await page.evaluate(() => delete window.realOpen);
  await closeAndCheckRestored(page, before);
  await page.close();
});

test('a Cross-Origin-Opener-Policy cuts the tagger window off: the panel says so and offers the text', async () => {
  const { page, errors } = await open('/coop.html');
  const before = await H.snapshot(page);
  await H.runBookmarklet(page, href);
  const st = await H.idle(page);
  assert.equal(st.state, 'blocked');
  const p = await H.panel(page);
  assert.deepEqual(st.blocked, ['frames', 'scripts from other sites', 'replies from the windows it opens']);
  assert.match(p.message, /^This page blocks frames, scripts from other sites, replies from the windows it opens\. Open the tagger in a window/);
  await H.screenshot(page, 'coop');
  await page.click('sahel-tagger-ui >> button.copy');
  const copied = await page.evaluate(() => document.querySelector('sahel-tagger-ui').shadowRoot.querySelector('.msg textarea').value);
  assert.ok(copied.includes('Human Rights Watch and Al Jazeera reported'));
  assert.deepEqual(errors, []);
  await closeAndCheckRestored(page, before);
  await page.close();
});
