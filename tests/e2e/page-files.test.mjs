// Opening and dropping files on the paste page: .txt as it is (whatever its encoding), .html reduced to
// its visible text without running or loading anything, gazetteer files imported as entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, waitTagged, markIds, consoleErrors, FIXTURES } from './lib/page-harness.mjs';

const read = (name) => fs.readFileSync(path.join(FIXTURES, name));

/** What a reader sees of page-article.html. */
const VISIBLE =
  'Embuscade près de Niafunké\n\n' +
  'Le JNIM a revendiqué l’attaque\u00a0de Dioura.\n' +
  'Les renforts sont partis de Mopti.\n\n' +
  'FAMa\nAfrica Corps\n\n' +
  'Tombouctou Gao\n\n' +
  "Fin de l'article & <des> notes.";

function assertClean(log) {
  assert.deepEqual(log.errors, [], 'no uncaught page errors');
  assert.deepEqual(consoleErrors(log, { allowCspReports: true }), [], 'no console errors');
  assert.deepEqual(log.foreign, [], 'no request leaves the page origin');
  assert.deepEqual(log.dialogs, [], 'no dialog opened');
}

/** Drops files on the element matching `selector` with a synthetic DataTransfer, as a browser would. */
async function drop(page, selector, files) {
  await page.evaluate(
    ({ selector, files }) => {
      const data = new DataTransfer();
      for (const f of files) data.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
      const target = document.querySelector(selector);
      const init = { dataTransfer: data, bubbles: true, cancelable: true };
      target.dispatchEvent(new DragEvent('dragenter', init));
      target.dispatchEvent(new DragEvent('dragover', init));
      target.dispatchEvent(new DragEvent('drop', init));
    },
    { selector, files: files.map((f) => ({ ...f, bytes: [...f.bytes] })) },
  );
}

test('dropping an .html file keeps only its visible text, runs nothing and loads nothing', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    await drop(page, '#input', [{ name: 'page-article.html', type: 'text/html', bytes: read('page-article.html') }]);
    await page.waitForFunction(() => document.getElementById('input').value.length > 0);
    await waitTagged(page);
    assert.equal(await page.inputValue('#input'), VISIBLE);
    assert.match(await page.textContent('#status'), /mentions of/);
    assert.deepEqual(await markIds(page), ['niafunke', 'jnim', 'djoura', 'mopti', 'fama', 'africa_corps', 'timbuktu', 'gao']);
    assert.equal(await page.title(), 'Sahel Tagger: who and where in Sahel conflict news', 'the dropped page did not touch ours');
    assert.equal(await page.locator('#result img, #result script, #result iframe, #result svg, #result b, #result a').count(), 0);
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('opening a .txt (any encoding) or .html file with the file picker', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    const article = read('page-article.txt');
    await page.setInputFiles('#open-file', { name: 'depeche.txt', mimeType: 'text/plain', buffer: article });
    await page.waitForFunction((n) => document.getElementById('input').value.length === n, article.toString('utf8').length);
    await waitTagged(page);
    assert.equal(await page.inputValue('#input'), article.toString('utf8'));
    assert.ok((await markIds(page)).includes('katiba_macina'));

    // A Windows-1252 text decodes to the right accents (and so to the right names).
    await page.setInputFiles('#open-file', { name: 'latin1.txt', mimeType: 'text/plain', buffer: read('page-latin1.txt') });
    await page.waitForFunction(() => document.getElementById('input').value.startsWith('Une dépêche'));
    await waitTagged(page);
    assert.equal(await page.inputValue('#input'), 'Une dépêche : attaque à Niafunké et à Sévaré.\n');
    assert.deepEqual(await markIds(page), ['niafunke', 'sevare']);

    // An .html file through the picker: visible text only, as with a drop.
    await page.setInputFiles('#open-file', { name: 'article.html', mimeType: 'text/html', buffer: read('page-article.html') });
    await page.waitForFunction((v) => document.getElementById('input').value === v, VISIBLE);
    await waitTagged(page);
    assert.match(await page.textContent('#status'), /mentions of/);
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('a gazetteer file dropped on the page is imported as entries, not pasted as text', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    await page.fill('#input', 'Gourbalsud et la Katiba Wadi Zorgal.');
    await waitTagged(page);
    assert.deepEqual(await markIds(page), []);
    // Dropped anywhere: recognised by its extension.
    await drop(page, '#result', [{ name: 'page-user.toml', type: '', bytes: read('page-user.toml') }]);
    await page.waitForFunction(() => /Added page-user\.toml/.test(document.getElementById('import-message').textContent));
    await page.waitForFunction(() => document.querySelectorAll('#result mark').length === 2);
    assert.deepEqual(await markIds(page), ['test_gourbal', 'test_katiba_wadi']);
    assert.equal(await page.inputValue('#input'), 'Gourbalsud et la Katiba Wadi Zorgal.', 'the text is untouched');
    // Dropped on the entries section: imported whatever its name.
    await drop(page, '.import-card', [{ name: 'patterns.txt', type: 'text/plain', bytes: read('page-user.jsonl') }]);
    await page.waitForFunction(() => /Added patterns\.txt/.test(document.getElementById('import-message').textContent));
    assert.equal(await page.textContent('#entries-count'), '2');
    assertClean(s.log);
  } finally {
    await s.close();
  }
});
