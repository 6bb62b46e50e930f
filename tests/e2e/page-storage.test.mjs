// Where the user's entries live: the page starts and tags when the browser blocks site storage (a
// browser setting, or the page framed by another site), and says entries cannot be kept; entries made
// in two tabs at once are all kept, and each tab shows the other's; entries stored by older versions
// (localStorage) are taken over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, pasteText, waitTagged, markIds, storedSources, screenshotPath, loadSample, WWW } from './lib/page-harness.mjs';

const LEGACY = 'sahel-tagger.entries.v1';
const POLICY = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(fs.readFileSync(path.join(WWW, 'index.html'), 'utf8'))[1];

function assertClean(log) {
  assert.deepEqual(log.errors, [], 'no uncaught page errors');
  assert.deepEqual(log.console.filter((l) => l.startsWith('error')), [], 'no console errors');
  assert.deepEqual(log.foreign, [], 'no request leaves the page origin');
}

/** Adds an entity with the form; resolves when the page says it was added. */
async function addEntry(page, name, variant) {
  await page.fill('#entry-name', name);
  await page.selectOption('#entry-type', 'organization');
  await page.fill('#entry-variants', variant);
  await page.click('#entry-form button[type="submit"]');
  await page.waitForFunction((n) => document.getElementById('entry-form-message').textContent === `Added ${n}.`, name, { timeout: 30_000 });
}

async function removeSource(page, source) {
  // A click event on the button itself, not a mouse click at its position: the other tab's and this
  // tab's changes move the list under a pointer while the test races them on purpose.
  await page.locator(`li.entry[data-source="${source}"] button.remove`).dispatchEvent('click');
  await page.waitForFunction((s) => document.getElementById('import-message').textContent.startsWith(`Removed ${s}`), source, { timeout: 30_000 });
}

const listed = (page) => page.$$eval('#entries-list > li.entry', (li) => li.map((l) => l.dataset.source).sort());
const sourceOf = (name) => `entry-user_${name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}.toml`;

test('site storage blocked by a browser setting: the page starts, tags, and says entries cannot be kept', async () => {
  // Chromium's "Block all cookies" setting: localStorage and sessionStorage throw SecurityError, and
  // IndexedDB refuses to open.
  const s = await openPage({ preferences: { profile: { default_content_setting_values: { cookies: 2 } } } });
  try {
    const { page } = s;
    assert.match(await page.evaluate(() => { try { localStorage.length; return 'available'; } catch (e) { return e.name; } }), /SecurityError/, 'storage is really blocked');
    assert.match(await page.textContent('#status'), /Your entries cannot be kept/);
    const note = page.locator('#entries-storage');
    assert.ok(await note.isVisible());
    assert.match(await note.textContent(), /does not let the page store anything.*this tab only/);
    await loadSample(page);
    assert.ok((await markIds(page)).includes('jnim'), 'the embedded gazetteer tags');
    // An entry still works in this tab.
    await addEntry(page, 'Zorgal Memory Front', 'Front Mémoire Zorgal');
    await pasteText(page, 'Le Front Mémoire Zorgal et le JNIM.');
    await waitTagged(page);
    assert.deepEqual(await markIds(page), ['user_zorgal_memory_front', 'jnim']);
    await page.screenshot({ path: screenshotPath('page-storage-blocked') });
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('the page framed by another site (third-party storage blocked) starts and says entries cannot be kept', async () => {
  // This server forbids framing the page (frame-ancestors 'none'); other hosts may not, so the same
  // policy without it is sent here. The host page is on another site (localhost vs 127.0.0.1).
  const s = await openPage({
    headers: (p) => (p === '/' || p === '/index.html' ? { 'content-security-policy': POLICY } : {}),
    routes: {
      '/host.html': (req, res) => {
        const port = req.headers.host.split(':')[1];
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><title>host</title><iframe src="http://127.0.0.1:${port}/" style="width:1200px;height:850px"></iframe>`);
      },
    },
  });
  try {
    const { page, origin } = s;
    await page.goto(`${origin.replace('127.0.0.1', 'localhost')}/host.html`);
    const frame = page.frames().find((f) => f.url().startsWith(`${origin}/`));
    assert.ok(frame, 'the page is in the frame');
    await frame.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    assert.match(await frame.evaluate(() => { try { localStorage.length; return 'available'; } catch (e) { return e.name; } }), /SecurityError/);
    assert.match(await frame.textContent('#entries-storage'), /does not let the page store anything/);
    await frame.click('#sample');
    await frame.waitForFunction(() => document.getElementById('result').dataset.state === 'done', null, { timeout: 60_000 });
    assert.ok((await frame.$$eval('#result mark', (m) => m.map((x) => x.dataset.entity))).includes('jnim'));
    assert.deepEqual(s.log.errors, []);
  } finally {
    await s.close();
  }
});

test('two tabs: interleaved adds and removes in both, every entry kept, each tab kept current', async () => {
  const s = await openPage();
  try {
    const { page: a, context, origin } = s;
    const b = await context.newPage();
    b.on('pageerror', (err) => s.log.errors.push(String(err)));
    await b.goto(`${origin}/`);
    await b.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });

    // Each tab adds while the other has an older view: both survive.
    await addEntry(a, 'Zorgal Alpha', 'Alpha Zorgal');
    await addEntry(b, 'Zorgal Bravo', 'Bravo Zorgal');
    // At the same moment, from both tabs.
    await Promise.all([addEntry(a, 'Zorgal Charlie', 'Charlie Zorgal'), addEntry(b, 'Zorgal Delta', 'Delta Zorgal')]);
    // A removal in one tab while the other adds.
    await Promise.all([removeSource(b, sourceOf('Zorgal Alpha')), addEntry(a, 'Zorgal Echo', 'Echo Zorgal')]);
    await Promise.all([addEntry(b, 'Zorgal Foxtrot', 'Foxtrot Zorgal'), addEntry(a, 'Zorgal Golf', 'Golf Zorgal'), removeSource(a, sourceOf('Zorgal Charlie'))]);

    const expected = ['Zorgal Bravo', 'Zorgal Delta', 'Zorgal Echo', 'Zorgal Foxtrot', 'Zorgal Golf'].map(sourceOf).sort();
    assert.deepEqual((await storedSources(a)).map((x) => x.name).sort(), expected, 'every entry added and not removed is stored');
    for (const [name, page] of [['first', a], ['second', b]]) {
      await page.waitForFunction((n) => document.querySelectorAll('#entries-list > li.entry').length === n, expected.length, { timeout: 30_000 });
      assert.deepEqual(await listed(page), expected, `the ${name} tab lists them all`);
      assert.equal(await page.textContent('#entries-count'), String(expected.length));
      // And tags with them all, whichever tab added them.
      await pasteText(page, 'Alpha Zorgal, Bravo Zorgal, Charlie Zorgal, Delta Zorgal, Echo Zorgal, Foxtrot Zorgal, Golf Zorgal.');
      await waitTagged(page);
      assert.deepEqual(await markIds(page), ['user_zorgal_bravo', 'user_zorgal_delta', 'user_zorgal_echo', 'user_zorgal_foxtrot', 'user_zorgal_golf'], `the ${name} tab tags with them`);
    }
    await a.locator('#entries').screenshot({ path: screenshotPath('page-storage-tab-1') });
    await b.locator('#entries').screenshot({ path: screenshotPath('page-storage-tab-2') });

    // A change in one tab shows in the other without any action there.
    await removeSource(a, sourceOf('Zorgal Bravo'));
    await b.waitForFunction(() => !document.querySelector('li.entry[data-source="entry-user_zorgal_bravo.toml"]'), null, { timeout: 10_000 });
    await b.waitForFunction(() => document.getElementById('result').dataset.state === 'done' && !document.querySelector('#result mark[data-entity="user_zorgal_bravo"]'), null, { timeout: 30_000 });
    // Undo in the first tab while the second adds: both kept.
    await Promise.all([
      (async () => {
        await a.click('#import-message button.undo');
        await a.waitForFunction(() => /Restored/.test(document.getElementById('import-message').textContent), null, { timeout: 30_000 });
      })(),
      addEntry(b, 'Zorgal Hotel', 'Hotel Zorgal'),
    ]);
    const final = [...expected, sourceOf('Zorgal Hotel')].sort();
    assert.deepEqual((await storedSources(b)).map((x) => x.name).sort(), final);
    for (const page of [a, b]) await page.waitForFunction((n) => document.querySelectorAll('#entries-list > li.entry').length === n, final.length, { timeout: 30_000 });
    assert.deepEqual(await listed(a), final);
    assert.deepEqual(await listed(b), final);
    // And after a reload.
    await s.reload();
    assert.deepEqual(await listed(a), final);
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('entries stored by an older version (localStorage) are taken over, in order, and the old copy goes', async () => {
  const s = await openPage({ path: '/favicon.svg', waitReady: false });
  try {
    const { page, origin } = s;
    const toml = (id, name) => `[[entity]]\nid = "${id}"\nname = "${name}"\ntype = "place"\n`;
    const legacy = {
      version: 1,
      sources: [
        { name: 'old-b.toml', text: toml('old_b', 'Gourbal Ancien'), origin: 'file', added: '2024-01-02T00:00:00.000Z', entities: [{ id: 'old_b', name: 'Gourbal Ancien', type: 'place' }] },
        { name: 'old-a.toml', text: toml('old_a', 'Zorgal Ancien'), origin: 'file', added: '2024-01-01T00:00:00.000Z', entities: [{ id: 'old_a', name: 'Zorgal Ancien', type: 'place' }] },
      ],
    };
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [LEGACY, JSON.stringify(legacy)]);
    await page.goto(`${origin}/`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    assert.deepEqual(await page.$$eval('#entries-list > li.entry', (li) => li.map((l) => l.dataset.source)), ['old-b.toml', 'old-a.toml'], 'in their order');
    assert.deepEqual((await storedSources(page)).map((x) => x.name), ['old-b.toml', 'old-a.toml']);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), LEGACY), null, 'the old copy is gone');
    await pasteText(page, 'De Zorgal Ancien à Gourbal Ancien.');
    await waitTagged(page);
    assert.deepEqual(await markIds(page), ['old_a', 'old_b']);
    assert.deepEqual(s.log.errors, []);
  } finally {
    await s.close();
  }
});
