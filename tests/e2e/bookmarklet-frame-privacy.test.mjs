// The bookmarklet's helper page (bookmarklet/remote.html) answers any site that frames or opens it:
// the entity table, tagging, the village switch (www/README.md says why). It must never answer with
// the reader's own entries, even when the reader has some stored on the tagger's site: checked here
// from a hostile site that talks to it directly, in a frame (third-party) and in a window (first-party,
// the same storage as the tagger page), and in the code (nothing there reads the entries' storage).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as H from './fixtures/bookmarklet-harness/index.mjs';

let servers;
let browser;

const SECRET = 'Zorgal Secret Front';
const SECRET_SPELLING = 'Secret Zorgal';

before(async () => {
  servers = await H.startServers();
  browser = await H.startBrowser();
  // The reader's own entries on the tagger's site: one added with the page's form (IndexedDB), and a
  // copy in the old localStorage format too.
  const page = await browser.context.newPage();
  await page.goto(`${servers.tagger}/`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
  await page.fill('#entry-name', SECRET);
  await page.selectOption('#entry-type', 'armed_group');
  await page.fill('#entry-variants', SECRET_SPELLING);
  await page.fill('#entry-description', 'Private note of the reader');
  await page.click('#entry-form button[type="submit"]');
  await page.waitForFunction((n) => document.getElementById('entry-form-message').textContent === `Added ${n}.`, SECRET);
  await page.evaluate((name) => {
    const text = `[[entity]]\nid = "user_legacy_secret"\nname = "${name} Legacy"\ntype = "place"\n`;
    localStorage.setItem('sahel-tagger.entries.v1', JSON.stringify({ version: 1, sources: [{ name: 'legacy.toml', text }] }));
  }, SECRET);
  // The page itself tags with the entry: it is really stored and usable.
  await page.fill('#input', `Le ${SECRET_SPELLING} à Bamako.`);
  await page.dispatchEvent('#input', 'input');
  await page.waitForFunction(() => document.querySelector('#result mark[data-entity="user_zorgal_secret_front"]'), null, { timeout: 30_000 });
  await page.close();
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

/** From a page of another site: connects to remote.html in a frame or a window and asks everything. */
async function interrogate(kind) {
  const page = await browser.context.newPage();
  await page.goto(`${servers.site}/news.html`);
  const answers = await page.evaluate(
    ([origin, kind, text]) =>
      new Promise((resolve, reject) => {
        const got = [];
        const url = `${origin}/bookmarklet/remote.html`;
        let win;
        if (kind === 'frame') {
          const frame = document.createElement('iframe');
          frame.src = url;
          frame.style.display = 'none';
          document.body.append(frame);
          win = frame.contentWindow;
        } else {
          win = window.open(url, 'hostile', 'popup,width=400,height=300');
        }
        const timer = setTimeout(() => reject(new Error(`no answer (${JSON.stringify(got).slice(0, 200)})`)), 60_000);
        window.addEventListener('message', (e) => {
          if (e.origin !== origin || e.data?.k !== 'hello') return;
          const ch = new MessageChannel();
          ch.port1.onmessage = (ev) => {
            const d = ev.data;
            got.push({ ...d, spans: d.spans ? Array.from(d.spans) : undefined });
            if (d.k === 'ready') {
              ch.port1.postMessage({ k: 'tag', id: 1, text });
              ch.port1.postMessage({ k: 'layer', id: 2, on: true });
              ch.port1.postMessage({ k: 'tag', id: 3, text });
              ch.port1.postMessage({ k: 'layer', id: 4, on: false });
            }
            if (d.id === 4) {
              clearTimeout(timer);
              if (kind === 'window') win.close();
              resolve(got);
            }
          };
          win.postMessage({ t: 'sahel-tagger', k: 'connect', v: '2' }, origin, [ch.port2]);
        });
      }),
    [servers.tagger, kind, `Le ${SECRET_SPELLING} et le ${SECRET} à Bamako ; ${SECRET} Legacy.`],
  );
  await page.close();
  return answers;
}

for (const kind of ['frame', 'window']) {
  test(`the helper ${kind} answers a foreign site with no entry of the reader's`, async () => {
    const answers = await interrogate(kind);
    assert.deepEqual(answers.map((a) => a.k), ['ready', 'spans', 'table', 'spans', 'table']);
    const dump = JSON.stringify(answers);
    // (Whole words: the entity table's descriptions say "Secretary-general".)
    assert.doesNotMatch(dump, /Zorgal|\bSecret\b|Private note|user_|Legacy/i, 'no trace of the entries');
    for (const a of answers.filter((x) => x.ents)) {
      assert.ok(a.ents.length > 500, 'the entity table is there');
      assert.ok(!a.ents.some((e) => String(e.id).startsWith('user_')), 'only built-in and village entities');
    }
    // Tagging finds Bamako only: the reader's spellings are not known there (each answer read with
    // the entity table in force when it was made: the village switch changes it).
    let table = null;
    for (const a of answers) {
      if (a.ents) table = a.ents;
      if (a.k !== 'spans') continue;
      const ids = [];
      for (let i = 0; i < a.spans.length; i += 4) ids.push(table[a.spans[i + 2]].id);
      assert.deepEqual(ids, ['bamako']);
    }
  });
}

test('nothing the helper or the bookmarklet runs reads the entries storage', () => {
  // The bookmarklet's sources, its bundle (when built), and the shared modules they import.
  for (const dir of [['www', 'bookmarklet'], ['www', 'bookmarklet', 'src'], ['www', 'shared']].map((d) => path.join(H.REPO, ...d))) {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
      const code = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.doesNotMatch(code, /indexedDB|entries-store|entries\.js|entries\.v1|sahel-tagger\.entries|\.\.\/app\//, `${file} touches the entries`);
    }
  }
});
