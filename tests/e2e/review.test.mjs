// The review in the page (www/shared/review.js): confirm, reject (this mention, or the name everywhere
// in the text), re-link, each undone (u, Ctrl+Z, the Undo buttons), kept over a reload and across
// tabs; "never tag this spelling" as a rule in the user's entries, exported as a rules file that the
// release CLI honours with -g; exports with the review state. Screenshots of the card's controls
// (light, dark, 390 px wide) in tests/e2e/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openPage, pasteText, waitTagged, captureDownload, screenshotPath, storedSources, ROOT } from './lib/page-harness.mjs';

const TEXT = 'Le JNIM a attaqué Djibo. Des habitants de Djibo ont fui vers Ménaka. Le Niger a réagi.';

function assertClean(log) {
  assert.deepEqual(log.errors, [], 'no uncaught page errors');
  assert.deepEqual(log.console.filter((l) => l.startsWith('error')), [], 'no console errors');
  assert.deepEqual(log.foreign, [], 'no request leaves the page origin');
}

/** The review state of each mark, in text order: `surface=state` ('' when none). */
const states = (page) => page.$$eval('#result mark', (ms) => ms.map((m) => `${m.textContent}=${m.dataset.review || ''}`));

/** Focuses the `nth` mark whose text is `surface` (the card shows, with the review's controls). */
async function focusMark(page, surface, nth = 0) {
  const mark = page.locator(`#result mark:text-is("${surface}")`).nth(nth);
  await mark.focus();
  // The card may still show the mark focused before: wait for this one's focus, then the card.
  await mark.evaluate((m) => new Promise((resolve) => (document.activeElement === m ? resolve() : m.addEventListener('focus', resolve, { once: true }))));
  await page.waitForSelector('#tip:not([hidden]) .rv');
}

/** Waits until the marks' states are `expected`. */
async function waitStates(page, expected) {
  await page.waitForFunction((want) => [...document.querySelectorAll('#result mark')].map((m) => `${m.textContent}=${m.dataset.review || ''}`).join('|') === want.join('|'), expected, { timeout: 15_000 });
}

function parseCsv(text) {
  const rows = [];
  for (const line of text.replace(/^\ufeff/, '').trimEnd().split('\r\n')) {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') cells.push(cell), (cell = '');
      else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((k, i) => [k, r[i]])));
}

test('confirm, reject and re-link by keyboard and mouse, each undone; the review survives a reload; exports carry it', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    await pasteText(page, TEXT);
    await waitTagged(page);
    await waitStates(page, ['JNIM=', 'Djibo=', 'Djibo=', 'Ménaka=', 'Niger=']);

    // Keyboard: x rejects the focused mention only, u undoes, x again.
    await focusMark(page, 'Djibo');
    await page.keyboard.press('x');
    await waitStates(page, ['JNIM=', 'Djibo=rejected', 'Djibo=', 'Ménaka=', 'Niger=']);
    assert.match(await page.textContent('#tip .rv-status'), /Rejected/);
    assert.match(await page.textContent('#review-last'), /rejected “Djibo”/);
    await page.keyboard.press('u');
    await waitStates(page, ['JNIM=', 'Djibo=', 'Djibo=', 'Ménaka=', 'Niger=']);
    assert.match(await page.textContent('#review-last'), /Undid: rejected “Djibo”/);
    await page.keyboard.press('x');
    await waitStates(page, ['JNIM=', 'Djibo=rejected', 'Djibo=', 'Ménaka=', 'Niger=']);

    // c confirms JNIM; Ctrl+Z undoes it; c again.
    await focusMark(page, 'JNIM');
    await page.keyboard.press('c');
    await waitStates(page, ['JNIM=confirmed', 'Djibo=rejected', 'Djibo=', 'Ménaka=', 'Niger=']);
    await page.keyboard.press('Control+z');
    await waitStates(page, ['JNIM=', 'Djibo=rejected', 'Djibo=', 'Ménaka=', 'Niger=']);
    await page.keyboard.press('c');
    await waitStates(page, ['JNIM=confirmed', 'Djibo=rejected', 'Djibo=', 'Ménaka=', 'Niger=']);

    // Mouse: the card of "Niger" offers the river (a same-name entity); choosing it re-links.
    await page.mouse.move(2, 2);
    await page.locator('#result').focus();
    await page.hover('#result mark:text-is("Niger")');
    await page.waitForSelector('#tip:not([hidden]) .rv-relink option[value="niger_river"]', { state: 'attached' });
    await page.screenshot({ path: screenshotPath('review-card-light') });
    await page.hover('#tip .rv-relink');
    await page.selectOption('#tip .rv-relink', 'niger_river');
    await waitStates(page, ['JNIM=confirmed', 'Djibo=rejected', 'Djibo=', 'Ménaka=', 'Niger=relinked']);
    await page.waitForFunction(() => /^Niger → Niger River/.test(document.getElementById('tip').textContent));
    // The card's Undo (mouse) takes the re-link back; l (keyboard) re-links to the next alternative.
    await page.click('#tip .rv-undo');
    await waitStates(page, ['JNIM=confirmed', 'Djibo=rejected', 'Djibo=', 'Ménaka=', 'Niger=']);
    await focusMark(page, 'Niger');
    await page.waitForSelector('#tip .rv-relink option[value="niger_river"]', { state: 'attached' });
    await page.keyboard.press('l');
    await waitStates(page, ['JNIM=confirmed', 'Djibo=rejected', 'Djibo=', 'Ménaka=', 'Niger=relinked']);

    // Rejected mentions are left out of the exports unless asked; the others carry their review.
    let csv = parseCsv((await captureDownload(page, () => page.click('#export-csv'))).text);
    assert.deepEqual(
      csv.map((r) => [r.surface, r.id, r.review, r.relinked_from]),
      [
        ['JNIM', 'jnim', 'confirmed', ''],
        ['Djibo', 'djibo', '', ''],
        ['Ménaka', 'menaka', '', ''],
        ['Niger', 'niger_river', 'relinked', 'niger'],
      ],
    );
    await page.check('#include-rejected');
    const json = JSON.parse((await captureDownload(page, () => page.click('#export-json'))).text);
    assert.deepEqual(
      json.map((r) => [r.surface, r.start, r.review]),
      [
        ['JNIM', 3, 'confirmed'],
        ['Djibo', 18, 'rejected'],
        ['Djibo', 42, null],
        ['Ménaka', 61, null],
        ['Niger', 72, 'relinked'],
      ],
    );

    // A reload keeps every mark (stored per text in IndexedDB).
    await s.reload();
    await waitTagged(page);
    await waitStates(page, ['JNIM=confirmed', 'Djibo=rejected', 'Djibo=', 'Ménaka=', 'Niger=relinked']);

    // Rejected everywhere in this text (Shift+X on the second Djibo); the bar's Undo brings the first
    // one's own mark back.
    await focusMark(page, 'Djibo', 1);
    await page.keyboard.press('Shift+X');
    await waitStates(page, ['JNIM=confirmed', 'Djibo=rejected', 'Djibo=rejected', 'Ménaka=', 'Niger=relinked']);
    assert.match(await page.textContent('#tip .rv-status'), /Rejected everywhere in this text/);
    await page.click('#review-undo');
    await waitStates(page, ['JNIM=confirmed', 'Djibo=rejected', 'Djibo=', 'Ménaka=', 'Niger=relinked']);
    await focusMark(page, 'Djibo', 1);
    await page.keyboard.press('Shift+X');
    await waitStates(page, ['JNIM=confirmed', 'Djibo=rejected', 'Djibo=rejected', 'Ménaka=', 'Niger=relinked']);
    await s.reload();
    await waitTagged(page);
    await waitStates(page, ['JNIM=confirmed', 'Djibo=rejected', 'Djibo=rejected', 'Ménaka=', 'Niger=relinked']);

    // The map sees the review too: no dot for Djibo (all its mentions rejected) unless rejected
    // mentions are asked for, and then it says so; the re-linked Niger is the river's dot.
    await page.uncheck('#include-rejected');
    await page.click('#tab-map');
    await page.waitForFunction(() => document.querySelector('#map circle[data-id="menaka"]'));
    const dots = () => page.$$eval('#map circle[data-id]', (ds) => ds.map((d) => `${d.dataset.id}:${d.dataset.review || ''}`).sort());
    assert.deepEqual(await dots(), ['menaka:', 'niger_river:']);
    await page.check('#include-rejected');
    await page.waitForFunction(() => document.querySelector('#map circle[data-id="djibo"]'));
    assert.deepEqual(await dots(), ['djibo:rejected', 'menaka:', 'niger_river:']);
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('"never tag this spelling": a rule in the entries, undone; exported as a rules file the CLI honours with -g', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    await pasteText(page, TEXT);
    await waitTagged(page);
    await waitStates(page, ['JNIM=', 'Djibo=', 'Djibo=', 'Ménaka=', 'Niger=']);
    await focusMark(page, 'Djibo');
    await page.keyboard.press('Shift+N');
    // The tagger is rebuilt with the rule and the text tagged again: no Djibo any more.
    await waitStates(page, ['JNIM=', 'Ménaka=', 'Niger=']);
    assert.match(await page.textContent('#review-last'), /never tag “Djibo”/);
    let stored = await storedSources(page);
    assert.deepEqual(stored.map((x) => x.name), ['never.toml']);
    assert.match(stored[0].text, /\[\[never\]\]\ntext = "Djibo"\n/);
    assert.match(await page.textContent('li.entry[data-source="never.toml"]'), /1 rule “never tag this spelling”/);
    // Undone: the rule goes, Djibo is back.
    await page.click('#review-undo');
    await waitStates(page, ['JNIM=', 'Djibo=', 'Djibo=', 'Ménaka=', 'Niger=']);
    assert.deepEqual(await storedSources(page), []);
    // By mouse, on Ménaka, and kept over a reload.
    await page.hover('#result mark:text-is("Ménaka")');
    await page.waitForSelector('#tip:not([hidden]) .rv-never');
    await page.hover('#tip .rv-never');
    await page.click('#tip .rv-never');
    await waitStates(page, ['JNIM=', 'Djibo=', 'Djibo=', 'Niger=']);
    await s.reload();
    await waitTagged(page);
    await waitStates(page, ['JNIM=', 'Djibo=', 'Djibo=', 'Niger=']);

    // The rules file, as the page exports it, given to the release CLI with -g.
    const rules = await captureDownload(page, () => page.click('#export-rules'));
    assert.equal(rules.name, 'never.toml');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahel-review-'));
    fs.writeFileSync(path.join(dir, 'never.toml'), rules.text);
    fs.writeFileSync(path.join(dir, 'in.jsonl'), `${JSON.stringify({ id: 'a', text: TEXT })}\n`);
    const cli = path.join(ROOT, 'target', 'release', 'sahel-tagger');
    if (!fs.existsSync(cli)) execFileSync('cargo', ['build', '--release', '-p', 'sahel-tagger-cli'], { cwd: ROOT, stdio: 'inherit' });
    const env = { ...process.env, SAHEL_TAGGER_GEONAMES: 'off' };
    const tag = (...args) => JSON.parse(execFileSync(cli, ['tag', ...args, path.join(dir, 'in.jsonl')], { env, encoding: 'utf8' })).mentions.map((m) => m.surface);
    assert.deepEqual(tag(), ['JNIM', 'Djibo', 'Djibo', 'Ménaka', 'Niger']);
    assert.deepEqual(tag('-g', path.join(dir, 'never.toml')), ['JNIM', 'Djibo', 'Djibo', 'Niger']);
    execFileSync(cli, ['gazetteer', 'check', '--quiet', path.join(dir, 'never.toml')], { env });
    fs.rmSync(dir, { recursive: true, force: true });
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('two tabs review the same text at once: every mark is kept, each tab shows the other’s', async () => {
  const s = await openPage();
  try {
    const { page, context } = s;
    await pasteText(page, TEXT);
    await waitTagged(page);
    const other = await context.newPage();
    await other.goto(`${s.origin}/`);
    await other.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    await pasteText(other, TEXT);
    await waitTagged(other);
    // At the same moment: tab 1 confirms JNIM, tab 2 rejects Ménaka.
    await focusMark(page, 'JNIM');
    await focusMark(other, 'Ménaka');
    await Promise.all([page.keyboard.press('c'), other.keyboard.press('x')]);
    const both = ['JNIM=confirmed', 'Djibo=', 'Djibo=', 'Ménaka=rejected', 'Niger='];
    await waitStates(page, both);
    await waitStates(other, both);
    await other.close();
    await s.reload();
    await waitTagged(page);
    await waitStates(page, both);
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('a mark made just before the tab is reloaded is kept: the write that could not commit is written by the next page', async () => {
  const s = await openPage();
  try {
    const { page, context } = s;
    await pasteText(page, TEXT);
    await waitTagged(page);
    // Another tab of the origin holds the marks' store in a long transaction, so the page's write waits
    // (as it does for a few milliseconds on a busy machine) and the reload aborts it.
    const other = await context.newPage();
    await other.goto(`${s.origin}/favicon.svg`);
    await other.evaluate(
      () =>
        new Promise((held) => {
          const req = indexedDB.open('sahel-tagger-review', 1);
          req.onsuccess = () => {
            const store = req.result.transaction('marks', 'readwrite').objectStore('marks');
            const spin = () => {
              store.count().onsuccess = () => (window.release ? null : spin());
            };
            spin();
            held();
          };
        }),
    );
    await focusMark(page, 'JNIM');
    await page.keyboard.press('c');
    await waitStates(page, ['JNIM=confirmed', 'Djibo=', 'Djibo=', 'Ménaka=', 'Niger=']);
    const pending = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sahel-tagger.review-pending|')).length);
    assert.equal(pending, 1, 'the write is noted until it commits');
    await s.reload();
    await waitTagged(page);
    await other.evaluate(() => (window.release = true));
    await waitStates(page, ['JNIM=confirmed', 'Djibo=', 'Djibo=', 'Ménaka=', 'Niger=']);
    await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('sahel-tagger.review-pending|')));
    // And it is in the database: a third tab shows it.
    await other.goto(`${s.origin}/`);
    await other.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    await pasteText(other, TEXT);
    await waitTagged(other);
    await waitStates(other, ['JNIM=confirmed', 'Djibo=', 'Djibo=', 'Ménaka=', 'Niger=']);
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

for (const [name, options] of [
  ['dark', { colorScheme: 'dark' }],
  ['390', { viewport: { width: 390, height: 844 } }],
]) {
  test(`screenshot of the review card (${name})`, async () => {
    const s = await openPage(options);
    try {
      const { page } = s;
      await pasteText(page, TEXT);
      await waitTagged(page);
      await focusMark(page, 'Djibo');
      await page.keyboard.press('x');
      await focusMark(page, 'Niger');
      await page.waitForSelector('#tip .rv-relink option[value="niger_river"]', { state: 'attached' });
      await page.locator('#result mark:text-is("Niger")').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`review-card-${name}`), });
      // The card fits the window.
      const box = await page.$eval('#tip', (t) => t.getBoundingClientRect().toJSON());
      const width = await page.evaluate(() => innerWidth);
      assert.ok(box.left >= 0 && box.right <= width, `the card fits: ${JSON.stringify(box)} in ${width}`);
      assertClean(s.log);
    } finally {
      await s.close();
    }
  });
}
