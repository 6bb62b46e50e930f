// Names no list holds and doubtful names on the paste page (issue 11): an unlisted name is drawn apart
// and added to the reader's entries in one action (the form opens filled in; Add saves it; the text is
// tagged again and the name is then a listed entity); the "Show unconfirmed names" switch brings back
// doubtful names without evidence, drawn apart with their check; the card of an ambiguous name lists
// candidates that can be told apart, and says why context chose one; exports carry the new fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, pasteText, waitTagged, markIds, captureDownload, screenshotPath, storedSources, FIXTURES } from './lib/page-harness.mjs';

const UNLISTED_TEXT =
  'Des hommes armés ont attaqué les villages de Kakassobon et Bolgadjé, à l’est de Mopti, selon le JNIM.\n\n' +
  'Les habitants de Kakassobon ont fui vers Mopti.';
const UNCONFIRMED_TEXT = 'Son frère est parti vers Gao.\n\nSon champ est loin.';
const KARMA_TEXT = 'Des hommes armés ont attaqué Karma, dans la province du Yatenga, samedi.';

function assertClean(log) {
  assert.deepEqual(log.errors, [], 'no uncaught page errors');
  assert.deepEqual(log.console.filter((l) => l.startsWith('error')), [], 'no console errors');
  assert.deepEqual(log.foreign, [], 'no request leaves the page origin');
}

/** The fixture layer with same-name villages (Karma in Mali and Niger) and a village "Son". */
const LAYER = {
  '/data/geonames.tsv': (req, res) =>
    res.writeHead(200, { 'content-type': 'text/tab-separated-values; charset=utf-8' }).end(fs.readFileSync(path.join(FIXTURES, 'page-karma.tsv'))),
};

const marks = (page, selector) => page.$$eval(selector, (list) => list.map((m) => m.textContent.replace(/\s+/g, ' ')));

test('an unlisted name is drawn apart and added to my entries in one action; re-tagged, it is listed', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    await pasteText(page, UNLISTED_TEXT);
    await waitTagged(page);
    // On by default, styled apart: no tint, a dashed frame, a "+".
    assert.deepEqual(await marks(page, '#result mark.unlisted'), ['Kakassobon', 'Bolgadjé', 'Kakassobon']);
    assert.deepEqual(await marks(page, '#result mark:not(.unlisted)'), ['Mopti', 'JNIM', 'Mopti']);
    const style = await page.$eval('#result mark.unlisted', (m) => {
      const cs = getComputedStyle(m);
      return { bg: cs.backgroundColor, border: cs.borderTopStyle, after: getComputedStyle(m, '::after').content, type: m.dataset.type };
    });
    assert.deepEqual(style, { bg: 'rgba(0, 0, 0, 0)', border: 'dashed', after: '"+"', type: 'place' });
    const listed = await page.$eval('#result mark[data-entity="mopti"]', (m) => getComputedStyle(m).backgroundColor);
    assert.notEqual(listed, 'rgba(0, 0, 0, 0)', 'a listed name keeps its tint');
    // The legend explains it; the card says what proposed it.
    assert.match(await page.textContent('.unlisted-toggle'), /names no list holds/);
    await page.hover('#result mark.unlisted >> nth=1');
    await page.waitForSelector('#tip:not([hidden])');
    const card = await page.textContent('#tip');
    assert.match(card, /Bolgadjé/);
    assert.match(card, /Place \(proposed\)/);
    assert.match(card, /not in any list — proposed by its context “villages de”/);
    assert.match(card, /Click it \(or press A\) to add it to your entries/);
    // Listed in the panel with its own button.
    assert.deepEqual(await marks(page, '#entity-list li.unlisted button.entity .name'), ['Kakassobon', 'Bolgadjé']);
    await page.screenshot({ path: screenshotPath('page-unlisted-light') });

    // One click: the form is filled (name, type, subtype from the cue, the sentence).
    await page.click('#result mark.unlisted >> nth=0');
    assert.equal(await page.inputValue('#entry-name'), 'Kakassobon');
    assert.equal(await page.inputValue('#entry-type'), 'place');
    assert.equal(await page.inputValue('#entry-subtype'), 'village');
    assert.equal(
      await page.inputValue('#entry-description'),
      'Des hommes armés ont attaqué les villages de Kakassobon et Bolgadjé, à l’est de Mopti, selon le JNIM.',
    );
    assert.match(await page.textContent('#entry-form-message'), /Filled from the text/);
    assert.equal(await page.evaluate(() => document.activeElement?.type), 'submit', 'Add is focused: Enter saves');
    await page.screenshot({ path: screenshotPath('page-unlisted-form') });

    // Saved, the text is tagged again: Kakassobon is now a listed entity (the user's), Bolgadjé not.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Added Kakassobon/.test(document.getElementById('entry-form-message').textContent));
    await page.waitForFunction(() => document.querySelectorAll('#result mark.user').length === 2);
    await waitTagged(page);
    const ids = await markIds(page);
    assert.equal(ids.filter((id) => /^user_kakassobon/.test(id)).length, 2);
    assert.deepEqual(await marks(page, '#result mark.unlisted'), ['Bolgadjé']);
    const stored = await storedSources(page);
    assert.equal(stored.length, 1);
    assert.match(stored[0].text, /name = "Kakassobon"/);
    assert.match(stored[0].text, /type = "place"/);
    assert.match(stored[0].text, /description = "Des hommes armés ont attaqué les villages de Kakassobon/);
    await page.hover('#result mark.user >> nth=0');
    await page.waitForFunction(() => /From your entries/.test(document.getElementById('tip').textContent));

    // The panel's button does the same for the other name.
    await page.click('#entity-list li.unlisted button.add-entry');
    assert.equal(await page.inputValue('#entry-name'), 'Bolgadjé');

    // Exports: id null, unlisted true, the cue.
    const json = JSON.parse((await captureDownload(page, () => page.click('#export-json'))).text);
    const bolgadje = json.find((r) => r.surface === 'Bolgadjé');
    assert.equal(bolgadje.id, null);
    assert.equal(bolgadje.unlisted, true);
    assert.equal(bolgadje.cue, 'villages de');
    assert.equal(json.find((r) => r.surface === 'Mopti').unlisted, false);

    // Off: no unlisted name, remembered after a reload.
    await page.uncheck('#show-unlisted');
    await waitTagged(page);
    await page.waitForFunction(() => !document.querySelector('#result mark.unlisted'));
    await s.reload();
    await waitTagged(page);
    assert.equal(await page.isChecked('#show-unlisted'), false);
    assert.equal(await page.$('#result mark.unlisted'), null);
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('the bookmarklet hands a name over in the address: the form opens filled in', async () => {
  const s = await openPage({ path: '/#add?name=Doumam&type=place&subtype=locality&description=La+localit%C3%A9+de+Doumam.&source=https%3A%2F%2Fexample.org%2Fa' });
  try {
    const { page } = s;
    await page.waitForFunction(() => document.getElementById('entry-name').value === 'Doumam');
    assert.equal(await page.inputValue('#entry-subtype'), 'locality');
    assert.equal(await page.inputValue('#entry-description'), 'La localité de Doumam.');
    assert.equal(await page.evaluate(() => location.hash), '', 'the draft leaves the address');
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('"Show unconfirmed names" brings back doubtful names without evidence, drawn apart with their check', async () => {
  const s = await openPage({ routes: LAYER });
  try {
    const { page } = s;
    assert.equal(await page.isChecked('#show-unconfirmed'), false, 'off by default');
    await pasteText(page, UNCONFIRMED_TEXT);
    await waitTagged(page);
    // "Son" (a village of the layer) starts sentences: no evidence, not shown.
    assert.deepEqual(await marks(page, '#result mark'), ['Gao']);
    assert.equal(await page.$('#result mark.unconfirmed'), null);

    await page.check('#show-unconfirmed');
    await page.waitForFunction(() => document.querySelectorAll('#result mark.unconfirmed').length > 0);
    await waitTagged(page);
    assert.deepEqual(await marks(page, '#result mark.unconfirmed'), ['Son', 'Son']);
    const style = await page.$eval('#result mark.unconfirmed', (m) => getComputedStyle(m).borderBottomStyle);
    assert.equal(style, 'dotted');
    await page.hover('#result mark.unconfirmed >> nth=0');
    await page.waitForSelector('#tip:not([hidden])');
    assert.match(await page.textContent('#tip'), /Unconfirmed \(very short\): nothing in the text says it is a name here/);
    await page.screenshot({ path: screenshotPath('page-unconfirmed-light') });
    // The pointer leaves the mark, as a user's does on the way to the export button: the card goes.
    await page.mouse.move(0, 0);
    await page.waitForSelector('#tip', { state: 'hidden' });
    const json = JSON.parse((await captureDownload(page, () => page.click('#export-json'))).text);
    assert.ok(json.some((r) => r.unconfirmed === true && r.surface === 'Son'));
    await s.reload();
    await waitTagged(page);
    assert.equal(await page.isChecked('#show-unconfirmed'), true, 'remembered');
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('the card of Karma in Yatenga: candidates told apart, the reason, in light, dark and 390 px', async () => {
  for (const [colorScheme, width] of [['light', 1280], ['dark', 1280], ['light', 390]]) {
    const s = await openPage({ colorScheme, viewport: { width, height: 844 }, routes: LAYER });
    try {
      const { page } = s;
      await pasteText(page, `${KARMA_TEXT}\n\n${UNLISTED_TEXT}`);
      await waitTagged(page);
      await page.hover('#result mark[data-entity="karma"]');
      await page.waitForSelector('#tip:not([hidden])');
      const lines = await page.$$eval('#tip .tip-cands li', (list) => list.map((li) => li.textContent));
      assert.equal(lines.length, 3, `three Karmas: ${lines}`);
      assert.equal(new Set(lines).size, 3, 'no two identical lines');
      assert.ok(lines.some((l) => /Yatenga/.test(l) && /Burkina Faso/.test(l) && /linked/.test(l)), `the linked one: ${lines}`);
      assert.ok(lines.some((l) => /village, .*Mali/.test(l)));
      assert.ok(lines.some((l) => /village, .*Niger/.test(l)));
      assert.match(await page.textContent('#tip'), /Linked by: admin parent: Yatenga, same sentence/);
      await page.screenshot({ path: screenshotPath(`page-karma-card-${colorScheme}-${width}`) });
      if (width === 390 || colorScheme === 'dark') {
        await page.mouse.move(0, 0);
        await page.locator('#result mark.unlisted').first().scrollIntoViewIfNeeded();
        await page.hover('#result mark.unlisted >> nth=0');
        await page.waitForSelector('#tip:not([hidden])');
        await page.screenshot({ path: screenshotPath(`page-unlisted-${colorScheme}-${width}`) });
      }
      const json = JSON.parse((await captureDownload(page, () => page.click('#export-json'))).text);
      const row = json.find((r) => r.surface === 'Karma');
      assert.equal(row.reason_kind, 'admin_parent');
      assert.equal(row.reason, 'admin parent: Yatenga, same sentence');
      assertClean(s.log);
    } finally {
      await s.close();
    }
  }
});
