// Names no list holds in the bookmarklet (issue 11): proposed by their context ("les villages de …"),
// drawn apart (their own highlight, a dotted underline and no tint), listed in the panel with "Add to my
// entries", a link to the tagger page that opens its entry form filled in (the fields in the URL's
// fragment, ../../www/shared/unlisted.js), and exported with `id: null` and `unlisted: true` — with the
// tagger in its frame and in the page itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './fixtures/bookmarklet-harness/index.mjs';

let servers;
let browser;
let href;

before(async () => {
  servers = await H.startServers({ villages: 'none' });
  browser = await H.startBrowser();
  href = await H.bookmarkletHref(browser.context, servers.tagger);
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

const mentionsOf = (page) => page.evaluate(() => window[Symbol.for('sahel-tagger')].mentions());

for (const [path, backend, blocked] of [['/unlisted.html', 'frame', []], ['/unlisted-noframe.html', 'page', ['frames']]]) {
  test(`unlisted names are shown apart and handed to the tagger page (${backend})`, async () => {
    const { page, errors } = await H.openPage(browser.context, servers.site + path);
    const before = await H.snapshot(page);
    await H.runBookmarklet(page, href);
    assert.deepEqual(await H.idle(page), { state: 'ready', backend, blocked });
    const mentions = await mentionsOf(page);
    const unlisted = mentions.filter((m) => m.unlisted);
    assert.deepEqual(unlisted.map((m) => [m.surface, m.id, m.type, m.cue]), [
      ['Kakassobon', null, 'place', 'villages de'],
      ['Bolgadjé', null, 'place', 'villages de'],
      ['Kakassobon', null, 'place', 'habitants de'],
    ]);
    assert.ok(mentions.filter((m) => !m.unlisted).every((m) => m.id && m.unlisted === false));
    assert.deepEqual(mentions.filter((m) => !m.unlisted).map((m) => m.id), ['mopti', 'sahel', 'mopti', 'jnim', 'mopti']);
    // Their own highlight: no tint, a dotted underline in the type's colour.
    const hl = await H.highlights(page);
    assert.equal(hl['sahel-place-u'], 3);
    assert.equal(hl['sahel-place'], 4);
    // The panel lists them with a link to the tagger page's form.
    const link = await page.evaluate(() => {
      const a = [...document.querySelector('sahel-tagger-ui').shadowRoot.querySelectorAll('li.unl a.add')];
      return a.map((x) => ({ text: x.textContent, href: x.href, target: x.target, rel: x.rel, name: x.parentElement.querySelector('button').textContent }));
    });
    assert.deepEqual(link.map((l) => [l.name, l.text, l.target, l.rel]), [
      ['Kakassobon', 'Add to my entries', '_blank', 'noopener noreferrer'],
      ['Bolgadjé', 'Add to my entries', '_blank', 'noopener noreferrer'],
    ]);
    assert.ok(link[0].href.startsWith(servers.tagger + '/#add?'), link[0].href);
    // The card says what proposed the name.
    const box = await page.evaluate(() => {
      const t = [...document.querySelectorAll('main p')].at(-1).firstChild;
      const i = t.data.indexOf('Kakassobon');
      const r = document.createRange();
      r.setStart(t, i + 3);
      r.setEnd(t, i + 4);
      const q = r.getBoundingClientRect();
      return { x: q.left + q.width / 2, y: q.top + q.height / 2 };
    });
    await page.mouse.move(0, 0);
    await page.mouse.move(box.x, box.y);
    const card = await H.card(page, 'Kakassobon');
    assert.ok(card.includes('Unlisted: not in any list — proposed by its context “habitants de”.'), card.join(' | '));
    assert.ok(card.includes('Add it from the panel: Add to my entries.'), card.join(' | '));
    if (backend === 'frame') await H.screenshot(page, 'unlisted');
    // A listed name's card says which places share its name (the town's cercle and region).
    const mopti = await page.evaluate(() => {
      const t = [...document.querySelectorAll('main p')].at(-1).firstChild;
      const i = t.data.indexOf('Mopti');
      const r = document.createRange();
      r.setStart(t, i + 2);
      r.setEnd(t, i + 3);
      const q = r.getBoundingClientRect();
      return { x: q.left + q.width / 2, y: q.top + q.height / 2 };
    });
    await page.mouse.move(0, 0);
    await page.mouse.move(mopti.x, mopti.y);
    const moptiCard = await H.card(page, 'Mopti');
    assert.ok(moptiCard.some((r) => /^Also: .*Région de Mopti — region, Mali/.test(r)), moptiCard.join(' | '));
    // The JSON export lists each unlisted name once among the entities, without an id.
    const json = JSON.parse(await page.evaluate(() => window[Symbol.for('sahel-tagger')].export('json')));
    assert.deepEqual(
      json.entities.filter((e) => e.unlisted).map((e) => [e.id, e.name, e.mentions]),
      [[null, 'Kakassobon', 2], [null, 'Bolgadjé', 1]],
    );

    // Following the link opens the tagger page with the form filled in.
    const tagger = await browser.context.newPage();
    await tagger.goto(link[0].href);
    await tagger.waitForFunction(() => document.getElementById('entry-name')?.value === 'Kakassobon', null, { timeout: 60000 });
    assert.equal(await tagger.inputValue('#entry-type'), 'place');
    assert.equal(await tagger.inputValue('#entry-subtype'), 'village');
    assert.equal(await tagger.inputValue('#entry-description'), 'Des hommes armés ont attaqué les villages de Kakassobon et Bolgadjé, à l’est de Mopti, selon le JNIM.');
    await tagger.close();

    await H.closeAndCheckRestored(page, before);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
