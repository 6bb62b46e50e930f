// The paste page in real Chromium: marks, counts, the entity panel, the legend toggles, the mention
// card on hover and keyboard focus, exports (JSON, CSV, HTML on the clipboard) and screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, pasteText, waitTagged, markIds, screenshotPath, sampleText, captureDownload, FIXTURES, loadSample } from './lib/page-harness.mjs';
import { parseCsv } from './lib/page-csv.mjs';

const ARTICLE = fs.readFileSync(path.join(FIXTURES, 'page-article.txt'), 'utf8');
/** The village written Dioura or Djoura: its id and canonical name in the curated gazetteer. */
const DJOURA = 'djoura';

/** Mentions the article must yield, in order (surface → entity id, type). */
const EXPECTED = [
  ['Mopti', 'mopti', 'place'],
  ['JNIM', 'jnim', 'armed_group'],
  ['Dioura', DJOURA, 'place'],
  ['Djoura', DJOURA, 'place'],
  ['RFI', 'rfi', 'media'],
  ['Katiba\nMacina', 'katiba_macina', 'armed_group'],
  ['Amadou Koufa', 'amadou_koufa', 'person'],
  ['Niafunké', 'niafunke', 'place'],
  ['Tombouctou', 'timbuktu', 'place'],
  ['FAMa', 'fama', 'force'],
  ['Africa Corps', 'africa_corps', 'force'],
  ['Sévaré', 'sevare', 'place'],
  ['Iyad Ag Ghali', 'iyad_ag_ghali', 'person'],
  ['JNIM', 'jnim', 'armed_group'],
  ['جماعة نصرة الإسلام والمسلمين', 'jnim', 'armed_group'],
  ['تمبكتو', 'timbuktu', 'place'],
  ['RFI', 'rfi', 'media'],
];

function assertClean(log) {
  assert.deepEqual(log.errors, [], 'no uncaught page errors');
  assert.deepEqual(log.console.filter((l) => l.startsWith('error')), [], 'no console errors');
  assert.deepEqual(log.foreign, [], 'no request leaves the page origin');
}

/** Every expected mention appears as a mark with the right entity and type, in order. */
async function assertExpectedMarks(page) {
  const marks = await page.$$eval('#result mark', (ms) => ms.map((m) => ({ text: m.textContent, id: m.dataset.entity, type: m.dataset.type, tab: m.tabIndex })));
  let from = 0;
  for (const [surface, id, type] of EXPECTED) {
    const at = marks.findIndex((m, k) => k >= from && m.text === surface);
    assert.ok(at !== -1, `a mark for ${JSON.stringify(surface)} after position ${from}`);
    assert.equal(marks[at].id, id, `${surface} links to ${id}`);
    assert.equal(marks[at].type, type, `${surface} is a ${type}`);
    assert.equal(marks[at].tab, 0, 'marks are keyboard-focusable');
    from = at + 1;
  }
  return marks;
}

test('pasting an article highlights every mention, with counts in the legend and the entity panel', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    await pasteText(page, ARTICLE);
    await waitTagged(page);
    const marks = await assertExpectedMarks(page);
    // The result view shows the text itself, unchanged.
    assert.equal(await page.textContent('#result'), ARTICLE.replace(/\r\n/g, '\n'));
    // Counts of the entities the article controls.
    const count = (id) => marks.filter((m) => m.id === id).length;
    assert.equal(count('jnim'), 3);
    assert.equal(count(DJOURA), 2);
    assert.equal(count('timbuktu'), 2);
    assert.equal(count('rfi'), 2);
    // The status line counts every mark.
    assert.match(await page.textContent('#status'), new RegExp(`^${marks.length} mentions of \\d+ entities`));
    assert.equal(await page.getAttribute('#result', 'data-mentions'), String(marks.length));

    // Legend: one count per type, equal to the marks of that type.
    const legend = await page.$$eval('#legend-types .legend-item', (items) => Object.fromEntries(items.map((i) => [i.dataset.type, i.querySelector('.count').textContent])));
    for (const type of ['armed_group', 'force', 'place', 'person', 'media', 'organization']) {
      const n = marks.filter((m) => m.type === type).length;
      assert.equal(legend[type], n ? String(n) : '', `legend count for ${type}`);
    }

    // Entity panel: grouped by type, each entity with its mention count, sorted by count.
    const groups = await page.$$eval('#entity-list .group', (gs) =>
      gs.map((g) => ({
        type: g.dataset.type,
        rows: [...g.querySelectorAll('button.entity')].map((b) => ({ id: b.dataset.entity, name: b.querySelector('.name').firstChild.textContent, count: Number(b.querySelector('.count').textContent) })),
      })),
    );
    assert.deepEqual(
      groups.map((g) => g.type),
      ['armed_group', 'force', 'place', 'person', 'media'],
      'groups in type order, empty types left out',
    );
    const ids = new Set(marks.map((m) => m.id));
    const listed = groups.flatMap((g) => g.rows);
    assert.equal(listed.length, ids.size, 'every entity once');
    for (const group of groups) {
      const counts = group.rows.map((r) => r.count);
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a), `${group.type} sorted by count`);
      for (const row of group.rows) {
        assert.equal(row.count, count(row.id), `panel count of ${row.id}`);
        assert.equal(marks.find((m) => m.id === row.id).type, group.type);
      }
    }
    assert.deepEqual(groups[0].rows[0], { id: 'jnim', name: 'JNIM', count: 3 });
    assert.match(await page.textContent('#entities-summary'), new RegExp(`^${ids.size} entities`));
    // GeoNames is credited on the page.
    assert.match(await page.textContent('footer.credits'), /GeoNames.*CC BY 4\.0/s);
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('typing re-tags as the user types', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    await page.click('#input');
    await page.keyboard.type('Attaque à Boulkessi, puis à Djibo.', { delay: 15 });
    await page.waitForFunction(() => document.querySelectorAll('#result mark').length === 2 && document.getElementById('result').dataset.state === 'done');
    assert.deepEqual(await markIds(page), ['boulkessi', 'djibo']);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => document.getElementById('result').dataset.state === 'empty');
    assert.equal(await page.locator('#result mark').count(), 0);
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('a type switched off in the legend reads as plain text, and comes back', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    await pasteText(page, ARTICLE);
    await waitTagged(page);
    const look = (id) =>
      page.$eval(`#result mark[data-entity="${id}"]`, (m) => {
        const style = getComputedStyle(m);
        return { bg: style.backgroundColor, glyph: getComputedStyle(m, '::before').content };
      });
    const before = await look('mopti');
    assert.notEqual(before.bg, 'rgba(0, 0, 0, 0)', 'places are highlighted');
    assert.equal(before.glyph, '"L"', 'places carry their letter');
    const note = await page.textContent('#export-note');

    await page.uncheck('#legend-types input[data-type="place"]');
    const off = await look('mopti');
    assert.equal(off.bg, 'rgba(0, 0, 0, 0)', 'places no longer highlighted');
    assert.equal(off.glyph, 'none', 'nor lettered');
    assert.notEqual((await look('jnim')).bg, 'rgba(0, 0, 0, 0)', 'armed groups still highlighted');
    assert.ok(await page.$eval('#entity-list .group[data-type="place"]', (g) => g.classList.contains('off')), 'the panel greys the places out');
    assert.notEqual(await page.textContent('#export-note'), note, 'exports now leave places out');
    assert.match(await page.textContent('#export-note'), /highlighted \(of 17\)/);
    // Hovering an unhighlighted place shows no card.
    await page.hover('#result mark[data-entity="mopti"]');
    assert.equal(await page.isHidden('#tip'), true);

    await page.check('#legend-types input[data-type="place"]');
    assert.deepEqual(await look('mopti'), before, 'places highlighted again');
    assert.equal(await page.textContent('#export-note'), note);
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('hover and keyboard focus show the mention card; n/p and the panel go through mentions', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    await pasteText(page, ARTICLE);
    await waitTagged(page);

    await page.hover('#result mark:text-is("Dioura")');
    await page.waitForSelector('#tip:not([hidden])');
    const card = await page.textContent('#tip');
    assert.match(card, /^Dioura → Djoura/);
    assert.match(card, /Place · village · Mali/);
    assert.match(card, /Matched variant\s*Dioura/);
    assert.match(card, /Ténenkou.*›.*Mopti/, 'the parent chain');
    assert.match(card, /Coordinates\s*14\.\d+° N, 5\.\d+° W/);
    assert.match(card, /Data: GeoNames \(CC BY 4\.0\)/);
    await page.mouse.move(2, 2);
    await page.waitForSelector('#tip', { state: 'hidden' });

    // Keyboard: from the last legend toggle, Tab reaches the first mention.
    await page.focus('#legend label:not([hidden]) input >> nth=-1');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Mopti');
    await page.waitForSelector('#tip:not([hidden])');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-describedby')), 'tip');
    assert.match(await page.textContent('#tip'), /^Mopti/);
    assert.match(await page.textContent('#tip'), /n \/ p: next/);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.entity), 'jnim');
    assert.match(await page.textContent('#tip'), /Armed group · jihadist coalition/);
    assert.match(await page.textContent('#tip'), /Lineage/);
    // n: next mention of the same entity (the second JNIM), p: back.
    await page.keyboard.press('n');
    assert.equal(await page.evaluate(() => document.activeElement.closest('mark').dataset.i), await page.$$eval('#result mark[data-entity="jnim"]', (m) => m[1].dataset.i));
    await page.keyboard.press('p');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.i), await page.$$eval('#result mark[data-entity="jnim"]', (m) => m[0].dataset.i));
    await page.keyboard.press('Escape');
    assert.equal(await page.isHidden('#tip'), true);

    // The panel: each click goes to the next mention, round and round (from the first JNIM, where
    // the keyboard left off).
    const jnim = await page.$$eval('#result mark[data-entity="jnim"]', (m) => m.map((x) => x.dataset.i));
    const button = page.locator('#entity-list button.entity[data-entity="jnim"]');
    for (const k of [1, 2, 0, 1]) {
      await button.click();
      const current = await page.$$eval('#result mark.current', (m) => m.map((x) => x.dataset.i));
      assert.deepEqual(current, [jnim[k]], `click goes to mention ${k + 1}`);
      assert.equal(await page.evaluate(() => document.activeElement.dataset.i), jnim[k], 'and focuses it');
      assert.equal(await button.locator('.position').textContent(), `${k + 1} / 3`);
    }
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('the card says why a tolerant or descriptive mention was found, and exports say how it matched', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    const text = "Le Groupe de soutien à l'islam et musulmans a visé l'armée azawadienne près de Kidal.";
    await pasteText(page, text);
    await waitTagged(page);
    const card = async (surface) => {
      await page.hover(`#result mark:text-is("${surface}")`);
      await page.waitForSelector('#tip:not([hidden])');
      const content = await page.textContent('#tip');
      await page.mouse.move(2, 2);
      await page.waitForSelector('#tip', { state: 'hidden' });
      return content;
    };
    assert.match(await card("Groupe de soutien à l'islam et musulmans"), /Close to\s*“?Groupe de soutien à l'islam et aux musulmans/);
    assert.match(await card('armée azawadienne'), /Descriptive name, as in\s*“?armée azawadienne/);
    assert.match(await card('Kidal'), /Matched variant\s*“?Kidal/);
    const rows = JSON.parse((await captureDownload(page, () => page.click('#export-json'))).text);
    assert.deepEqual(
      rows.map((r) => [r.surface, r.id, r.match, r.variant]),
      [
        ["Groupe de soutien à l'islam et musulmans", 'jnim', 'tolerant', "Groupe de soutien à l'islam et aux musulmans"],
        ['armée azawadienne', 'fla', 'grammar', 'armée azawadienne'],
        ['Kidal', 'kidal', 'exact', 'Kidal'],
      ]
    );
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('exports: JSON and CSV match the marks and parse back; CSV cells are quoted and defused', async () => {
  const s = await openPage();
  try {
    const { page } = s;
    await pasteText(page, ARTICLE);
    await waitTagged(page);
    const marks = await page.$$eval('#result mark', (ms) => ms.map((m) => ({ id: m.dataset.entity, type: m.dataset.type, surface: m.textContent })));

    const json = await captureDownload(page, () => page.click('#export-json'));
    assert.match(json.name, /^sahel-tagger-mentions-\d{8}-\d{4}\.json$/);
    const rows = JSON.parse(json.text);
    assert.equal(rows.length, marks.length);
    rows.forEach((row, k) => {
      assert.equal(row.id, marks[k].id);
      assert.equal(row.type, marks[k].type);
      assert.equal(row.surface, marks[k].surface);
      assert.equal([...ARTICLE].slice(row.start, row.end).join(''), row.surface, 'start/end count code points, as the CLI does');
      assert.equal(ARTICLE.slice(row.utf16Start, row.utf16End), row.surface, 'utf16Start/utf16End are string indices');
      assert.equal(row.utf16Start, row.start + 1, 'they differ by the emoji (two UTF-16 units) that opens the text');
      assert.equal(typeof row.name, 'string');
      assert.ok(row.context.includes(row.surface.replace(/\s+/g, ' ')), 'context holds the surface');
      assert.ok(row.context.length <= row.surface.length + 82);
    });
    assert.equal(rows.find((r) => r.id === 'katiba_macina').surface, 'Katiba\nMacina');

    const csv = await captureDownload(page, () => page.click('#export-csv'));
    assert.match(csv.name, /\.csv$/);
    assert.ok(csv.text.startsWith('\ufeff'), 'UTF-8 byte-order mark for spreadsheets');
    const table = parseCsv(csv.text.slice(1));
    const [header, ...body] = table;
    assert.deepEqual(header.slice(0, 8), ['id', 'name', 'type', 'subtype', 'surface', 'start', 'end', 'context']);
    assert.equal(body.length, rows.length);
    body.forEach((cells, k) => {
      const row = Object.fromEntries(header.map((h, c) => [h, cells[c]]));
      assert.equal(row.id, rows[k].id);
      assert.equal(row.surface, rows[k].surface, 'quoted newlines survive');
      assert.equal(Number(row.start), rows[k].start);
      assert.equal(Number(row.end), rows[k].end);
      assert.equal(Number(row.utf16Start), rows[k].utf16Start);
      assert.equal(row.context, /^[=+\-@]/.test(rows[k].context) ? `'${rows[k].context}` : rows[k].context);
    });
    assert.ok(body.some((cells) => cells[header.indexOf('context')].includes('"Quoted, with commas"')), 'quotes and commas in a cell');

    // Only the highlighted types are exported.
    await page.uncheck('#legend-types input[data-type="place"]');
    const some = JSON.parse((await captureDownload(page, () => page.click('#export-json'))).text);
    assert.equal(some.length, marks.filter((m) => m.type !== 'place').length);
    assert.ok(some.every((r) => r.type !== 'place'));
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

test('copy as HTML puts the highlighted text on the clipboard as HTML and plain text', async () => {
  const s = await openPage();
  try {
    const { page, context, origin } = s;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await pasteText(page, ARTICLE);
    await waitTagged(page);
    await page.click('#copy-html');
    await page.waitForFunction(() => /Copied/.test(document.getElementById('status').textContent));
    assert.match(await page.textContent('#status'), /Copied the highlighted text \(HTML/);
    const { html, plain } = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { html: await (await item.getType('text/html')).text(), plain: await (await item.getType('text/plain')).text() };
    });
    // Parsed in a blank page (the page's own CSP would block the inline styles being inspected).
    const blank = await context.newPage();
    const clip = await blank.evaluate(({ html, plain }) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return {
        plain,
        marks: [...doc.querySelectorAll('mark[data-entity]')].map((m) => [m.dataset.entity, m.textContent, /background-color/.test(m.getAttribute('style') || '')]),
        text: doc.querySelector('div > div').textContent,
        scripts: doc.querySelectorAll('script, img, iframe').length,
      };
    }, { html, plain });
    await blank.close();
    assert.equal(clip.plain, ARTICLE);
    assert.equal(clip.text, ARTICLE);
    const pageMarks = await page.$$eval('#result mark', (ms) => ms.map((m) => [m.dataset.entity, m.textContent]));
    assert.deepEqual(clip.marks.map(([id, text]) => [id, text]), pageMarks);
    assert.equal(clip.marks.length, await page.locator('#result mark').count());
    assert.ok(clip.marks.every((m) => m[2]), 'marks carry inline colours');
    assert.equal(clip.scripts, 0);
    assertClean(s.log);
  } finally {
    await s.close();
  }
});

/** WCAG contrast of text on background of the first non-possible mark of each type. */
async function markContrasts(page) {
  return page.evaluate(() => {
    const parse = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const f = (x) => ((x /= 255) <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const out = {};
    for (const type of ['armed_group', 'force', 'place', 'person', 'media', 'organization']) {
      const mark = document.querySelector(`#result mark[data-type="${type}"]:not(.possible)`);
      if (!mark) continue;
      const style = getComputedStyle(mark);
      const glyph = getComputedStyle(mark, '::before');
      out[type] = {
        text: ratio(parse(style.color), parse(style.backgroundColor)),
        glyph: ratio(parse(glyph.color), parse(style.backgroundColor)),
      };
    }
    return out;
  });
}

for (const scheme of ['light', 'dark']) {
  test(`sample article, ${scheme} mode: readable marks (contrast) and screenshots`, async (t) => {
    const s = await openPage({ colorScheme: scheme, viewport: { width: 1440, height: 1000 } });
    try {
      const { page } = s;
      await loadSample(page);
      assert.equal(await page.inputValue('#input'), sampleText());
      const ids = await markIds(page);
      for (const id of ['jnim', 'katiba_macina', 'fama', 'africa_corps', 'wagner', DJOURA, 'niafunke', 'timbuktu', 'boulkessi', 'mopti', 'sevare', 'djibo', 'iyad_ag_ghali', 'amadou_koufa', 'rfi', 'az_zallaqa']) {
        assert.ok(ids.includes(id), `the sample mentions ${id}`);
      }
      const types = new Set(await page.$$eval('#result mark', (ms) => ms.map((m) => m.dataset.type)));
      assert.equal(types.size, 6, 'the sample shows every type');
      assert.ok((await page.locator('#result mark.possible').count()) >= 1, 'and a possible mention');
      assert.ok((await page.locator('#result mark.ambiguous').count()) >= 1, 'and an ambiguous one');
      t.diagnostic(`sample: ${ids.length} mentions; ${await page.textContent('#status')}`);

      const contrasts = await markContrasts(page);
      for (const [type, { text, glyph }] of Object.entries(contrasts)) {
        assert.ok(text >= 4.5, `${scheme}: ${type} text contrast ${text.toFixed(2)}`);
        assert.ok(glyph >= 3, `${scheme}: ${type} letter contrast ${glyph.toFixed(2)}`);
      }
      t.diagnostic(`${scheme} contrast (text, letter): ${Object.entries(contrasts).map(([k, v]) => `${k} ${v.text.toFixed(1)}/${v.glyph.toFixed(1)}`).join(', ')}`);

      // The ambiguous mention's card names the other candidate.
      await page.hover('#result mark.ambiguous >> nth=0');
      await page.waitForSelector('#tip:not([hidden])');
      assert.match(await page.textContent('#tip'), /Ambiguous: .* may mean:.+ \(linked\)/);
      await page.screenshot({ path: screenshotPath(`page-${scheme}-ambiguous`) });
      await page.hover('#result mark:text-is("Dioura")');
      await page.waitForFunction(() => /Dioura →/.test(document.getElementById('tip').textContent));
      await page.screenshot({ path: screenshotPath(`page-${scheme}`) });
      await page.screenshot({ path: screenshotPath(`page-${scheme}-full`), fullPage: true });
      assertClean(s.log);
    } finally {
      await s.close();
    }
  });
}

test('narrow screen: panes stack and the page still works', async () => {
  const s = await openPage({ viewport: { width: 400, height: 860 } });
  try {
    const { page } = s;
    await loadSample(page);
    const input = await page.locator('#input').boundingBox();
    const result = await page.locator('#result').boundingBox();
    assert.ok(result.y > input.y + input.height, 'the result is below the input');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 400, `no horizontal scrolling (page is ${width}px wide)`);
    await page.locator('#result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('page-narrow') });
    await page.screenshot({ path: screenshotPath('page-narrow-full'), fullPage: true });
    assertClean(s.log);
  } finally {
    await s.close();
  }
});
