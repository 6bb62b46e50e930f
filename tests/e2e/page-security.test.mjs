// Pasted text and gazetteer data are shown as text, never parsed as HTML: a list of XSS payloads pasted
// into the input and imported as entity names, spellings and descriptions runs nothing (no dialog),
// loads nothing (no request leaves the page's origin) and adds no element to the page. Run twice: as
// shipped, and with the page's Content-Security-Policy removed, so that the page's own code is what
// keeps the payloads inert (the policy is a second line of defence, not the first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, pasteText, waitTagged, consoleErrors, captureDownload, WWW } from './lib/page-harness.mjs';

const PAYLOADS = [
  `<script>alert('xss-script')</script>`,
  `<img src=x onerror=alert('xss-img')>`,
  `<img src="http://evil.example/pixel.png">`,
  `<svg onload=alert('xss-svg')>`,
  `<svg><script>alert('xss-svg-script')</script></svg>`,
  `<a href="javascript:alert('xss-link')">click</a>`,
  `javascript:alert(document.domain)`,
  `<iframe srcdoc="<script>alert('xss-srcdoc')</script>"></iframe>`,
  `<iframe src="javascript:alert('xss-iframe')"></iframe>`,
  `<div style="background:url(http://evil.example/bg.png)">bg</div>`,
  `<div style="width: expression(alert('xss-expression'))">expr</div>`,
  `<style>@import 'http://evil.example/x.css'; body { background: url(http://evil.example/b.png) }</style>`,
  `<link rel=stylesheet href=http://evil.example/l.css>`,
  `<body onload=alert('xss-body')>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert('xss-mxss')>`,
  `"><script>alert('xss-attr')</script>`,
  `'><img src=x onerror=alert('xss-quote')>`,
  `<object data="javascript:alert('xss-object')"></object>`,
  `<embed src="javascript:alert('xss-embed')">`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert('xss-meta')">`,
  `<base href="http://evil.example/">`,
  `<form action="http://evil.example/"><button>go</button></form>`,
  `<input autofocus onfocus=alert('xss-focus')>`,
  `<details open ontoggle=alert('xss-toggle')>`,
  `<video><source onerror=alert('xss-video')></video>`,
  `<scr<script>ipt>alert('xss-split')</script>`,
  `&lt;script&gt;alert('xss-entity')&lt;/script&gt;`,
  '${alert(1)} {{constructor.constructor("alert(1)")()}}',
];

/** A text mixing the payloads with names the tagger knows, so that marks sit right next to them. */
const TEXT = PAYLOADS.map((p, k) => `${['Le JNIM', 'À Mopti', 'Les FAMa', 'Zorgal Evil Front', 'Zorgal <b>Bold</b> Front'][k % 5]} ${p} RFI`).join('\n');

const GAZETTEER = `# Every field a person could fill with markup.
[[entity]]
id = "xss_a"
name = "<img src=x onerror=alert('xss-name')>"
type = "organization"
subtype = "<b onmouseover=alert('xss-subtype')>bold</b>"
variants = ["Zorgal Evil Front", "Zorgal <b>Bold</b> Front"]
description = "<script>alert('xss-desc')</script><svg onload=alert('xss-desc-svg')>"
lineage = "<iframe srcdoc=\\"<script>alert('xss-lineage')</script>\\"></iframe>"
country = "<img src=x onerror=alert('xss-country')>"
wikidata = "javascript:alert('xss-wikidata')"
`;

const JSONL = `{"label": "ORG", "pattern": "Front <svg onload=alert('xss-jsonl')> Zorgal", "id": "xss_j"}\n`;

/** Elements and attributes no payload may have added. */
function domSnapshot() {
  const all = [...document.querySelectorAll('*')];
  return {
    handlers: all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 80)),
    foreign: [...document.querySelectorAll('img, iframe, object, embed, video, audio, source, svg, math, base, style, meta[http-equiv], input[autofocus]')].map((el) => el.outerHTML.slice(0, 80)),
    scripts: [...document.scripts].map((s) => s.getAttribute('src')),
    links: [...document.querySelectorAll('link')].map((l) => l.getAttribute('href')),
    jsLinks: [...document.querySelectorAll('a[href^="javascript:" i], iframe[src^="javascript:" i]')].filter((a) => a.id !== 'bookmarklet').length,
    forms: document.forms.length,
    resultElements: [...document.querySelectorAll('#result *')].filter((el) => !['DIV', 'MARK'].includes(el.tagName)).map((el) => el.tagName),
    // The review's controls (../../www/shared/review.js) are the page's own buttons and list.
    tipElements: [...document.querySelectorAll('#tip *')]
      .filter((el) => !['DIV', 'SPAN', 'STRONG', 'P', 'Q'].includes(el.tagName) && !(el.closest('.rv') && ['BUTTON', 'SELECT', 'OPTION', 'LABEL'].includes(el.tagName)))
      .map((el) => el.tagName),
    title: document.title,
  };
}

const HTML = fs.readFileSync(path.join(WWW, 'index.html'), 'utf8');
const POLICY = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(HTML)?.[1];

for (const variant of ['as shipped', 'without its Content-Security-Policy', 'with its policy also sent as a header (the worker gets it too)']) {
  test(`XSS payloads pasted and imported run nothing, load nothing and add no element (${variant})`, async (t) => {
    const strip = variant.startsWith('without');
    const header = variant.startsWith('with its');
    assert.ok(POLICY, 'the page carries a Content-Security-Policy meta tag');
    const stripped = HTML.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    const serveStripped = (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(stripped);
    const s = await openPage({
      routes: strip ? { '/': serveStripped, '/index.html': serveStripped } : {},
      headers: header ? () => ({ 'content-security-policy': POLICY }) : undefined,
    });
    try {
      const { page, context, origin, log } = s;
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      const clean = await page.evaluate(domSnapshot);
      if (strip) {
        assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 0);
      } else {
        assert.match(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'), /script-src 'self' 'wasm-unsafe-eval'/);
      }

      // 1. Imported as gazetteer data (TOML and spaCy JSONL) and typed into the add form.
      await page.setInputFiles('#import-file', [
        { name: `<img src=x onerror=alert('xss-filename')>.toml`, mimeType: 'text/plain', buffer: Buffer.from(GAZETTEER) },
      ]);
      await page.waitForFunction(() => /Added <img/.test(document.getElementById('import-message').textContent));
      await page.setInputFiles('#import-file', [{ name: 'xss.jsonl', mimeType: 'text/plain', buffer: Buffer.from(JSONL) }]);
      await page.waitForFunction(() => /Added xss\.jsonl/.test(document.getElementById('import-message').textContent));
      await page.fill('#entry-name', `<img src=x onerror=alert('xss-form')>`);
      await page.fill('#entry-variants', `Zorgal Form Front, <svg onload=alert('xss-form-variant')>`);
      await page.fill('#entry-description', `"><script>alert('xss-form-desc')</script>`);
      await page.click('#entry-form button[type="submit"]');
      await page.waitForFunction(() => /Added <img/.test(document.getElementById('entry-form-message').textContent));
      // A bad file whose error message quotes markup.
      await page.setInputFiles('#import-file', [{ name: 'bad.toml', mimeType: 'text/plain', buffer: Buffer.from(`[[entity]]\nid = "<script>alert('xss-error')</script>"\nname = "x"\ntype = "place"\n`) }]);
      await page.waitForFunction(() => /Could not add bad\.toml/.test(document.getElementById('import-message').textContent));
      assert.match(await page.textContent('#import-message'), /<script>alert\('xss-error'\)<\/script>/, 'the error quotes the markup as text');
      // Show every stored source.
      for (const details of await page.$$('#entries-list details')) await details.evaluate((d) => (d.open = true));
      assert.match(await page.textContent('#entries-list'), /<img src=x onerror=alert\('xss-name'\)>/);

      // 2. Pasted into the input, all together with known names and the imported spellings.
      const text = `${TEXT}\nZorgal Form Front. Front <svg onload=alert('xss-jsonl')> Zorgal.`;
      await pasteText(page, text);
      await waitTagged(page);
      assert.equal(await page.textContent('#result'), text, 'the result shows the text as text');
      const marks = await page.$$eval('#result mark', (ms) => ms.map((m) => [m.dataset.entity, m.textContent]));
      assert.ok(marks.some(([id]) => id === 'jnim'));
      assert.ok(marks.some(([id, s]) => id === 'xss_a' && s === 'Zorgal <b>Bold</b> Front'), 'a spelling holding markup is matched as text');
      assert.ok(marks.some(([id]) => id === 'xss_j'));
      assert.ok(marks.some(([id, s]) => id.startsWith('user_') && s === 'Zorgal Form Front'));

      // 3. Every place the data is shown: the card (hover and focus), the panel, the exports.
      await page.hover('#result mark[data-entity="xss_a"] >> nth=0');
      await page.waitForSelector('#tip:not([hidden])');
      const card = await page.textContent('#tip');
      assert.match(card, /<img src=x onerror=alert\('xss-name'\)>/);
      assert.match(card, /<script>alert\('xss-desc'\)<\/script>/);
      assert.match(card, /Wikidata javascript:alert/);
      await page.focus('#result mark[data-entity="xss_j"]');
      await page.waitForFunction(() => /xss-jsonl/.test(document.getElementById('tip').textContent));
      const during = await page.evaluate(domSnapshot);
      await page.click('#entity-list button.entity[data-entity="xss_a"]');
      const json = JSON.parse((await captureDownload(page, () => page.click('#export-json'))).text);
      assert.ok(json.some((r) => r.name === `<img src=x onerror=alert('xss-name')>`));
      await captureDownload(page, () => page.click('#export-csv'));
      await page.click('#copy-html');
      await page.waitForFunction(() => /Copied/.test(document.getElementById('status').textContent));
      const copied = await page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        return (await item.getType('text/html')).text();
      });
      const blank = await context.newPage();
      const parsed = await blank.evaluate((html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        return {
          tags: [...new Set([...doc.body.querySelectorAll('*')].map((el) => el.tagName))].sort(),
          handlers: [...doc.body.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
          text: doc.body.firstElementChild.firstElementChild.textContent,
        };
      }, copied);
      await blank.close();
      assert.deepEqual(parsed.tags, ['DIV', 'MARK', 'P'], 'the copied HTML holds only what the page built');
      assert.equal(parsed.handlers, 0);
      assert.equal(parsed.text, text);

      // 4. A reload (stored entries, restored draft) shows it all again, still inert.
      await s.reload();
      await waitTagged(page);
      await page.hover('#result mark[data-entity="xss_a"] >> nth=0');
      await page.waitForSelector('#tip:not([hidden])');
      await page.waitForTimeout(300);
      const after = await page.evaluate(domSnapshot);

      for (const snap of [during, after]) {
        assert.deepEqual(snap.handlers, [], 'no element with an on* attribute');
        assert.deepEqual(snap.foreign, clean.foreign, 'no img, iframe, svg, style, ... element');
        assert.deepEqual(snap.scripts, clean.scripts, 'no new script');
        assert.deepEqual(snap.links, clean.links, 'no new link');
        assert.equal(snap.jsLinks, 0, 'no javascript: link');
        assert.equal(snap.forms, clean.forms, 'no new form');
        assert.deepEqual(snap.resultElements, [], 'the result holds only chunks and marks');
        assert.deepEqual(snap.tipElements, []);
        assert.equal(snap.title, clean.title);
      }
      assert.deepEqual(log.dialogs, [], 'no dialog opened');
      assert.deepEqual(log.foreign, [], 'no request left the origin');
      assert.deepEqual(log.errors, [], 'no uncaught error');
      assert.deepEqual(consoleErrors(log), [], 'not even a blocked attempt reported by the CSP');
      t.diagnostic(`${PAYLOADS.length} payloads, ${marks.length} marks, ${log.requests.length} requests, all to ${origin}`);
    } finally {
      await s.close();
    }
  });
}
