// The user's own entries on the paste page: the add form, gazetteer imports (TOML, spaCy JSONL),
// persistence across reloads, clear errors for bad files without losing what is stored, export and
// removal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, pasteText, waitTagged, markIds, captureDownload, screenshotPath, storedSources, FIXTURES } from './lib/page-harness.mjs';
import { parseCsv } from './lib/page-csv.mjs';

const fixture = (name) => ({ name, mimeType: 'text/plain', buffer: fs.readFileSync(path.join(FIXTURES, name)) });
const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
const LEGACY = 'sahel-tagger.entries.v1';

const TEXT = 'La Katiba Wadi Zorgal (KWZ) a frappé Gourbal du Sud, près de Mopti ; les kwz en minuscules ne comptent pas. كتيبة وادي زورغال';

function assertClean(log) {
  assert.deepEqual(log.errors, [], 'no uncaught page errors');
  assert.deepEqual(log.console.filter((l) => l.startsWith('error')), [], 'no console errors');
  assert.deepEqual(log.foreign, [], 'no request leaves the page origin');
}

async function importFiles(page, ...files) {
  await page.setInputFiles('#import-file', files);
}

async function waitMessage(page, pattern) {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.getElementById('import-message').textContent),
    pattern.source,
  );
  return page.textContent('#import-message');
}

const stored = storedSources;

test('an imported TOML gazetteer is highlighted, and still is after a reload', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    await pasteText(page, TEXT);
    await waitTagged(page);
    // Before the import: only Mopti is listed; "Katiba Wadi Zorgal" and its acronym beside it are
    // proposed by their context as names no list holds, "Katiba" part of the name (their own style,
    // see page-unlisted.test.mjs).
    assert.deepEqual(
      await markIds(page),
      ['unlisted:armed_group:Katiba Wadi Zorgal', 'unlisted:armed_group:KWZ', 'mopti'],
      'unknown names before the import',
    );

    await importFiles(page, fixture('page-user.toml'));
    const message = await waitMessage(page, /Added page-user\.toml/);
    assert.match(message, /2 entities \(Katiba Wadi Zorgal, Gourbal-Sud\)/);
    // The page re-tags the text with the new entries.
    await page.waitForFunction(() => document.querySelectorAll('#result mark[data-entity="test_katiba_wadi"]').length === 3);
    await waitTagged(page);
    assert.deepEqual(await markIds(page), ['test_katiba_wadi', 'test_katiba_wadi', 'test_gourbal', 'mopti', 'test_katiba_wadi']);
    assert.ok(await page.$eval('#result mark[data-entity="test_gourbal"]', (m) => m.classList.contains('user')));
    assert.equal(await page.textContent('#entries-count'), '1');
    assert.match(await page.textContent('#entries-list'), /page-user\.toml.*2 entities/s);

    // The card says where it comes from and shows its parent.
    await page.hover('#result mark[data-entity="test_katiba_wadi"] >> nth=0');
    await page.waitForSelector('#tip:not([hidden])');
    const card = await page.textContent('#tip');
    assert.match(card, /From your entries/);
    assert.match(card, /Fictional unit used by the page tests\./);
    assert.match(card, /Part of Katiba Macina/);

    // Stored, and used after a reload (the text itself is kept for the tab).
    assert.equal((await stored(page)).length, 1);
    await s.reload();
    await waitTagged(page);
    assert.equal(await page.inputValue('#input'), TEXT);
    assert.deepEqual(await markIds(page), ['test_katiba_wadi', 'test_katiba_wadi', 'test_gourbal', 'mopti', 'test_katiba_wadi']);
    // A fresh text after the reload too.
    await pasteText(page, 'Retour à Gourbalsud.');
    await waitTagged(page);
    assert.deepEqual(await markIds(page), ['test_gourbal']);
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('a bad gazetteer file shows its error with the line number; nothing stored is lost', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    await importFiles(page, fixture('page-user.toml'));
    await waitMessage(page, /Added page-user\.toml/);
    const before = await stored(page);
    await pasteText(page, TEXT);
    await waitTagged(page);
    const marksBefore = await markIds(page);

    await importFiles(page, fixture('page-bad.toml'));
    const message = await waitMessage(page, /Could not add page-bad\.toml/);
    assert.match(message, /nothing was changed/);
    assert.match(message, /Your 1 stored source is kept/);
    assert.match(message, /page-bad\.toml:7: error: /, 'names the line');
    assert.equal(await page.getAttribute('#import-message', 'data-kind'), 'error');
    await page.locator('#entries').screenshot({ path: screenshotPath('page-entries-bad-file') });

    // The same with a spaCy file: every bad line is listed.
    await importFiles(page, fixture('page-bad.jsonl'));
    const jsonl = await waitMessage(page, /Could not add page-bad\.jsonl/);
    assert.match(jsonl, /page-bad\.jsonl:2: error: invalid JSON/);
    assert.match(jsonl, /page-bad\.jsonl:3: error: unknown label "WEAPON"/);

    // A file that conflicts with a stored one (same id) is refused as a whole, too.
    const clash = '[[entity]]\nid = "test_gourbal"\nname = "Gourbal Nord"\ntype = "place"\n';
    await importFiles(page, file('clash.toml', clash));
    assert.match(await waitMessage(page, /Could not add clash\.toml/), /test_gourbal/);

    assert.deepEqual(await stored(page), before, 'the stored entries are untouched');
    assert.equal(await page.$$eval('#entries-list > li.entry', (li) => li.length), 1);
    await waitTagged(page);
    assert.deepEqual(await markIds(page), marksBefore, 'the tagger is untouched');
    await s.reload();
    await waitTagged(page);
    assert.deepEqual(await markIds(page), marksBefore, 'and so after a reload');
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('spaCy patterns import; entries can be exported, removed one by one (with undo) or all at once', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    await importFiles(page, fixture('page-user.toml'), fixture('page-user.jsonl'));
    const message = await waitMessage(page, /Added page-user\.jsonl/);
    assert.match(message, /2 entities \(Collectif des Bergers du Zorgal, Hamadoun Zorgali\)/);
    assert.match(message, /1 warning.*CBZ/s, 'warnings are shown');
    assert.equal(await page.textContent('#entries-count'), '2');
    const text = `${TEXT} Le Collectif des Bergers du Zorgal (CBZ) et Hamadoun Zorgali.`;
    await pasteText(page, text);
    await waitTagged(page);
    let ids = await markIds(page);
    assert.ok(ids.includes('test_collectif') && ids.includes('test_hamadoun') && ids.includes('test_gourbal'));
    assert.equal(await page.$eval('#result mark[data-entity="test_hamadoun"]', (m) => m.dataset.type), 'person');

    // Export of the user's entries: one TSV layer with both files' entities.
    const tsv = await captureDownload(page, () => page.click('#export-entries'));
    assert.match(tsv.name, /^sahel-tagger-my-entries-.*\.tsv$/);
    const rows = tsv.text.trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
    assert.deepEqual(rows.sort(), ['test_collectif', 'test_gourbal', 'test_hamadoun', 'test_katiba_wadi']);
    // Each source can also be downloaded as it was imported.
    const own = await captureDownload(page, () => page.click('li.entry[data-source="page-user.jsonl"] button:text("Download")'));
    assert.equal(own.name, 'page-user.jsonl');
    assert.equal(own.text, fs.readFileSync(path.join(FIXTURES, 'page-user.jsonl'), 'utf8'));

    // Remove one: its entities are no longer tagged, the other file's still are.
    await page.click('li.entry[data-source="page-user.toml"] button.remove');
    await waitMessage(page, /Removed page-user\.toml/);
    await page.waitForFunction(() => !document.querySelector('#result mark[data-entity="test_gourbal"]') && document.getElementById('result').dataset.state === 'done');
    ids = await markIds(page);
    assert.ok(!ids.includes('test_katiba_wadi') && ids.includes('test_collectif'));
    assert.deepEqual((await stored(page)).map((x) => x.name), ['page-user.jsonl']);
    // Undo brings it back.
    await page.click('#import-message button.undo');
    await waitMessage(page, /Restored page-user\.toml/);
    await page.waitForFunction(() => Boolean(document.querySelector('#result mark[data-entity="test_gourbal"]')));
    assert.equal((await stored(page)).length, 2);

    // Remove all asks for a second click, then empties the list and the storage.
    await page.click('#remove-all');
    assert.match(await page.textContent('#remove-all'), /Click again to remove all 2 sources/);
    assert.equal((await stored(page)).length, 2, 'one click removes nothing');
    await page.click('#remove-all');
    await waitMessage(page, /Removed 2 sources/);
    await page.waitForFunction(() => !document.querySelector('#result mark[data-entity^="test_"]') && document.getElementById('result').dataset.state === 'done');
    assert.deepEqual(await stored(page), []);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), LEGACY), null);
    assert.match(await page.textContent('#entries-list'), /None yet/);
    assert.equal(await page.textContent('#entries-count'), '');
    await s.reload();
    await waitTagged(page);
    assert.ok(!(await markIds(page)).some((id) => id.startsWith('test_')), 'gone after a reload too');
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('the add form creates an entity, or adds spellings to a built-in one', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    await page.fill('#entry-name', 'Brigade du Lac Zorgal');
    await page.selectOption('#entry-type', 'force');
    await page.fill('#entry-subtype', 'militia');
    await page.fill('#entry-variants', 'Brigade de Zorgal\nلواء زورغال, Zorgal Brigade');
    await page.fill('#entry-acronyms', 'BLZ');
    await page.fill('#entry-description', 'A "fictional" militia, with quotes \\ and backslashes.');
    await page.click('#entry-form button[type="submit"]');
    await page.waitForFunction(() => /Added Brigade du Lac Zorgal/.test(document.getElementById('entry-form-message').textContent));
    assert.equal(await page.inputValue('#entry-name'), '', 'the form is reset');
    const [source] = await stored(page);
    assert.equal(source.name, 'entry-user_brigade_du_lac_zorgal.toml');
    assert.match(source.text, /description = "A \\"fictional\\" militia, with quotes \\\\ and backslashes\."/);

    await pasteText(page, 'La Zorgal Brigade (BLZ), dite Brigade du Lac Zorgal, ou لواء زورغال ; pas blz.');
    await waitTagged(page);
    assert.deepEqual(await markIds(page), Array(4).fill('user_brigade_du_lac_zorgal'));
    await page.hover('#result mark >> nth=0');
    await page.waitForSelector('#tip:not([hidden])');
    assert.match(await page.textContent('#tip'), /Zorgal Brigade → Brigade du Lac Zorgal.*Force · militia.*A "fictional" militia, with quotes \\ and backslashes\./s);

    // Typing a known name (or spelling) offers to extend it: here, a new spelling for Djoura, typed
    // as its other spelling Dioura.
    await page.fill('#entry-name', 'dioura');
    await page.waitForSelector('#entry-extend:not([hidden])');
    assert.match(await page.textContent('#entry-extend'), /Add these spellings to the built-in entry “Djoura” \(Place, village\)/);
    assert.equal(await page.inputValue('#entry-type'), 'place');
    assert.ok(await page.isDisabled('#entry-type'));
    await page.fill('#entry-variants', 'Diourra, Dioura');
    await page.click('#entry-form button[type="submit"]');
    await page.waitForFunction(() => /Updated Djoura/.test(document.getElementById('entry-form-message').textContent));
    assert.match(await page.textContent('#entries-list'), /Djoura \(replaces built-in\)/);
    await pasteText(page, 'De Dioura à Diourra en passant par Djoura.');
    await waitTagged(page);
    assert.deepEqual(await markIds(page), ['djoura', 'djoura', 'djoura'], 'old and new spellings');
    await page.hover('#result mark:text-is("Diourra")');
    await page.waitForSelector('#tip:not([hidden])');
    assert.match(await page.textContent('#tip'), /Diourra → Djoura.*Ténenkou/s, 'the built-in data is kept');

    // A form entry is removed like any other; the built-in Djoura is back without "Diourra".
    await page.click('li.entry[data-source="entry-djoura.toml"] button.remove');
    await waitMessage(page, /Removed entry-djoura\.toml/);
    await page.waitForFunction(() => document.querySelectorAll('#result mark:not(.unlisted)').length === 2 && document.getElementById('result').dataset.state === 'done');
    assert.equal(await page.$$eval('#entries-list > li.entry', (li) => li.length), 1);

    // Nothing to add: a clear message, nothing stored.
    await page.fill('#entry-name', '   ');
    await page.click('#entry-form button[type="submit"]');
    assert.equal((await stored(page)).length, 1);
    await page.locator('#entries').screenshot({ path: screenshotPath('page-entries') });
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('user entries flow into the exports, and formula-like names are defused in CSV', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    const toml = [
      '[[entity]]',
      'id = "test_formula"',
      'name = "=HYPERLINK(\\"http://example.invalid\\",\\"x\\")"',
      'type = "organization"',
      'variants = ["Zorgal Relief, Inc."]',
      '',
      '[[entity]]',
      'id = "test_minus"',
      'name = "-2+3"',
      'type = "organization"',
      'variants = ["Zorgal Minus"]',
    ].join('\n');
    await importFiles(page, file('formula.toml', toml));
    await waitMessage(page, /Added formula\.toml/);
    await pasteText(page, '@Zorgal Relief, Inc. and Zorgal Minus.');
    await waitTagged(page);
    const csv = await captureDownload(page, () => page.click('#export-csv'));
    const [header, ...rows] = parseCsv(csv.text.slice(1));
    const name = header.indexOf('name');
    const surface = header.indexOf('surface');
    const context = header.indexOf('context');
    assert.equal(rows[0][name], `'=HYPERLINK("http://example.invalid","x")`);
    assert.equal(rows[0][surface], 'Zorgal Relief, Inc.');
    assert.equal(rows[0][context], `'@Zorgal Relief, Inc. and Zorgal Minus.`);
    assert.equal(rows[1][name], `'-2+3`);
    const json = JSON.parse((await captureDownload(page, () => page.click('#export-json'))).text);
    assert.equal(json[0].name, '=HYPERLINK("http://example.invalid","x")', 'JSON keeps the value as it is');
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('"Download all (TSV)" defuses formula-like cells, and the file imports back unchanged', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    const toml = [
      '[[entity]]',
      'id = "test_formula"',
      'name = "=HYPERLINK(\\"http://example.invalid\\",\\"x\\")"',
      'type = "organization"',
      'subtype = "+subtype"',
      'country = "@country"',
      'description = "\\uFEFF=1+1 behind a byte-order mark"',
      'variants = [{ text = "ZRF", case = "exact" }, "Zorgal Relief"]',
      '',
      '[[entity]]',
      'id = "test_minus"',
      'name = "-2+3"',
      'type = "place"',
      'lat = -5.5',
      'lon = 12.25',
      'variants = ["Zorgal Minus", "\'=apostrophe first"]',
    ].join('\n');
    await importFiles(page, file('formula.toml', toml));
    await waitMessage(page, /Added formula\.toml/);
    const tsv = await captureDownload(page, () => page.click('#export-entries'));
    const [header, ...lines] = tsv.text.trimEnd().split('\n');
    assert.match(header, /^#sahel-tagger-tsv 1\t/);
    assert.equal(lines.length, 2);
    const formula = /^[\t\r]|^[\s\u0085\u200b-\u200d\u2060\ufeff]*[=+\-@]/;
    for (const line of lines) {
      for (const cell of line.split('\t')) {
        if (/^[+-]?\d+(\.\d+)?$/.test(cell)) continue;
        assert.doesNotMatch(cell, formula, `cell ${JSON.stringify(cell)} would run as a formula`);
      }
    }
    const minus = lines.find((l) => l.startsWith('test_minus')).split('\t');
    assert.equal(minus[1], "'-2+3");
    assert.equal(minus[6], '-5.50000', 'coordinates stay numbers');
    const relief = lines.find((l) => l.startsWith('test_formula')).split('\t');
    assert.equal(relief[1], `'=HYPERLINK("http://example.invalid","x")`);
    assert.equal(relief[3], "'+subtype");
    assert.equal(relief[4], "'@country");
    assert.equal(relief[9], "'\ufeff=1+1 behind a byte-order mark");
    assert.match(relief[10], /\|=ZRF\|/, 'an exact-case variant (flag =)');
    assert.match(minus[10], /^'-2\+3\|/, 'a variants cell starting with a formula character');

    // The downloaded file imports back as it was: same names, same spellings.
    await page.click('li.entry[data-source="formula.toml"] button.remove');
    await waitMessage(page, /Removed formula\.toml/);
    await importFiles(page, { name: 'mine.tsv', mimeType: 'text/plain', buffer: Buffer.from(tsv.text) });
    const message = await waitMessage(page, /Added mine\.tsv/);
    assert.match(message, /=HYPERLINK\("http:\/\/example\.invalid","x"\)/);
    assert.match(message, /-2\+3/);
    assert.doesNotMatch(message, /'=|'-/, 'no apostrophe left');
    await pasteText(page, 'ZRF, Zorgal Relief, zrf and Zorgal Minus.');
    await waitTagged(page);
    assert.deepEqual(await markIds(page), ['test_formula', 'test_formula', 'test_minus'], 'the exact-case flag survived');
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('a multi-file import reports each file, with the failed ones and their lines, and imports the good ones', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    const big = { name: 'huge.toml', mimeType: 'text/plain', buffer: Buffer.alloc(9 * 1024 * 1024, 0x20) };
    await importFiles(page, fixture('page-bad.toml'), fixture('page-user.toml'), fixture('page-bad.jsonl'), big, fixture('page-user.jsonl'));
    const message = await waitMessage(page, /Imported 2 of 5 files/);
    assert.match(message, /3 files could not be added/);
    const report = await page.$$eval('#import-message .file-report > li', (li) => li.map((l) => ({ file: l.dataset.file, ok: l.dataset.ok === 'true', text: l.textContent })));
    assert.deepEqual(report.map((r) => [r.file, r.ok]), [
      ['page-bad.toml', false],
      ['page-user.toml', true],
      ['page-bad.jsonl', false],
      ['huge.toml', false],
      ['page-user.jsonl', true],
    ]);
    assert.match(report[0].text, /Could not add page-bad\.toml.*page-bad\.toml:7: error: /s, 'the failing line');
    assert.match(report[1].text, /Added page-user\.toml: 2 entities/);
    assert.match(report[2].text, /page-bad\.jsonl:2: error: invalid JSON.*page-bad\.jsonl:3: error: unknown label "WEAPON"/s);
    assert.match(report[3].text, /larger than 8 MB/);
    assert.match(report[4].text, /Added page-user\.jsonl: 2 entities.*1 warning/s);
    assert.equal(await page.getAttribute('#import-message', 'data-kind'), 'error');
    assert.deepEqual((await stored(page)).map((x) => x.name), ['page-user.toml', 'page-user.jsonl'], 'the good files are stored');
    await pasteText(page, `${TEXT} Hamadoun Zorgali.`);
    await waitTagged(page);
    assert.ok((await markIds(page)).includes('test_hamadoun'), 'a good file after a bad one is used');
    await page.locator('#entries').screenshot({ path: screenshotPath('page-entries-multi-import') });
    assertClean(s.log);
  } finally {
    await s.close();
  }
});
