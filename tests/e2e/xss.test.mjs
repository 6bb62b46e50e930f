// XSS payloads (tests/e2e/lib/xss.mjs: script tags, event handlers, javascript: URLs, SVG/MathML, srcdoc
// frames, CSS url(), template injection, entity-encoded, mixed-case and right-to-left forms,
// spreadsheet formulas) through every way data enters the page and the bookmarklet: pasted text, the
// entry form's fields, imported gazetteer files (TOML, spaCy JSONL, TSV: names, variants, subtypes,
// descriptions, ids), opened and dropped HTML files, the village layer's entries, and pages the
// bookmarklet runs on (text, attributes, title). Each payload, if it ever ran, would call a function
// exposed to every frame, set a flag, open a dialog, or load from an outside host named after it;
// sentinels count all three (and prove first that they see them), and every count must be 0. The page
// is served without its Content-Security-Policy, so that its own code is what keeps the payloads inert.
// Exports (CSV, the entries' TSV, the bookmarklet's CSV) must guard every cell a spreadsheet would run
// as a formula.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, pasteText, waitTagged, captureDownload, WWW } from './lib/page-harness.mjs';
import { parseCsv } from './lib/page-csv.mjs';
import { serve } from '../../tools/serve.mjs';
import * as H from './fixtures/bookmarklet-harness/index.mjs';
import {
  PAYLOADS,
  kinds,
  escapeHtml,
  tomlString,
  tsvField,
  installSentinels,
  proveSentinels,
  provePayloadsLive,
  controlRoute,
  counts,
  describeHits,
  formulaCells,
  activeContent,
} from './lib/xss.mjs';

const HTML = fs.readFileSync(path.join(WWW, 'index.html'), 'utf8');
const WITHOUT_CSP = HTML.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
const serveWithoutCsp = (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(WITHOUT_CSP);

/** Known names put beside the payloads, so that marks sit right next to them. */
const NAMES = ['Le JNIM', 'À Mopti', 'Les FAMa', 'Tombouctou', 'Africa Corps', 'بتمبكتو'];

/** A GeoNames-format village layer whose entries carry the payloads (name, subtype, country, description). */
function hostileLayer(base) {
  const lines = ['#sahel-tagger-tsv 1\tHostile village layer for the XSS tests'];
  for (const p of PAYLOADS) {
    const f = tsvField(p.text);
    lines.push([`gn:${base + p.n}`, f, 'place', f, f, '', '14.10000', '-4.10000', String(base + p.n), f, `^Zorgalkoro ${p.n}`].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
/** Hides the precompiled layer `make www` may have written (shared/layer.js prefers it to the text one). */
const notFound = (req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
const layerRoute = (text) => (req, res) => res.writeHead(200, { 'content-type': 'text/tab-separated-values; charset=utf-8', 'cache-control': 'no-store', 'access-control-allow-origin': '*' }).end(text);

/** Per input path: payloads sent, and what the sentinels counted. Printed at the end. */
const RESULTS = [];
after(() => {
  if (!RESULTS.length) return;
  console.log(`XSS payloads: ${PAYLOADS.length} (${Object.entries(kinds()).map(([k, n]) => `${k} ${n}`).join(', ')})`);
  console.log('path                                    inputs  dialogs  script flags  outside requests');
  for (const r of RESULTS) console.log(`${r.path.padEnd(38)} ${String(r.inputs).padStart(6)}  ${String(r.dialogs).padStart(7)}  ${String(r.scripts).padStart(12)}  ${String(r.requests).padStart(16)}`);
});

/** Records the path's counts and asserts they are all 0, naming any payload that got through. */
function verdict(t, pathName, rec, inputs) {
  const c = counts(rec);
  RESULTS.push({ path: pathName, inputs, ...c });
  t.diagnostic(`${pathName}: ${inputs} payload inputs, ${c.dialogs} dialogs, ${c.scripts} script flags, ${c.requests} outside requests`);
  assert.deepEqual(describeHits(rec), [], `${pathName}: a payload ran, opened a dialog or loaded something`);
}

/** The paste page without its CSP, the sentinels installed and proved, then the page opened again. */
async function hostilePage(routes = {}) {
  const s = await openPage({ routes: { '/': serveWithoutCsp, '/index.html': serveWithoutCsp, '/xss-control.html': controlRoute, ...routes } });
  const rec = await installSentinels(s.context, [s.origin]);
  await proveSentinels(s.context, rec, `${s.origin}/xss-control.html`);
  await s.open();
  assert.equal(await s.page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 0, 'served without its policy');
  return { ...s, rec, clean: await s.page.evaluate(activeContent) };
}

/** Shows the card of every mention of the given entities (keyboard focus), one mention each. */
async function showCards(page, ids) {
  const shown = await page.evaluate(async (wanted) => {
    const seen = new Set();
    let n = 0;
    for (const mark of document.querySelectorAll('#result mark')) {
      const id = mark.dataset.entity;
      if (!wanted.some((w) => id === w || id.startsWith(w)) || seen.has(id)) continue;
      seen.add(id);
      mark.focus();
      await new Promise((r) => requestAnimationFrame(r));
      if (!document.getElementById('tip').hidden) n++;
    }
    return n;
  }, ids);
  return shown;
}

/** Downloads the mentions as CSV and returns the cells a spreadsheet would run as formulas. */
async function csvFormulaCells(page) {
  const csv = await captureDownload(page, () => page.click('#export-csv'));
  const rows = parseCsv(csv.text.replace(/^\ufeff/, ''));
  assert.ok(rows.length > 1, 'the CSV has mentions');
  return formulaCells(rows.slice(1).flat());
}

/** Imports one file through the import button; resolves to the import message once it has settled. */
async function importFile(page, name, text) {
  await page.setInputFiles('#import-file', { name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.waitForFunction(
    (n) => {
      const m = document.getElementById('import-message');
      return m.textContent.includes(n) && m.dataset.kind !== 'busy';
    },
    name,
    { timeout: 60_000 },
  );
  return page.evaluate(() => ({ kind: document.getElementById('import-message').dataset.kind, text: document.getElementById('import-message').textContent }));
}

/** Shows the data everywhere: the card of each entity's first mark, the entries list opened, the JSON and CSV exports. */
async function exercise(page, ids) {
  await waitTagged(page);
  const cards = await showCards(page, ids);
  for (const details of await page.$$('#entries-list details')) await details.evaluate((d) => (d.open = true));
  const json = JSON.parse((await captureDownload(page, () => page.click('#export-json'))).text);
  return { cards, json, formulas: await csvFormulaCells(page) };
}

function assertInert(clean, now) {
  assert.deepEqual(now.handlers, [], 'no element with an on* attribute');
  assert.deepEqual(now.jsLinks, clean.jsLinks, 'no javascript:, vbscript: or data: link or source');
  assert.deepEqual(now.elements, clean.elements, 'no script, img, iframe, svg, style, form, ... element added');
}

test('the sentinels see a script flag, a dialog and an outside request, and the payloads are live (control)', async (t) => {
  const s = await openPage({ routes: { '/xss-control.html': controlRoute } });
  try {
    const rec = await installSentinels(s.context, [s.origin]);
    // proveSentinels throws unless each of the four planted actions is recorded.
    await proveSentinels(s.context, rec, `${s.origin}/xss-control.html`);
    assert.deepEqual(counts(rec), { dialogs: 0, scripts: 0, requests: 0 }, 'reset after the control');
    // And the payloads themselves run where a page would let them: through innerHTML.
    const live = await provePayloadsLive(s.context, rec, `${s.origin}/xss-control.html`);
    t.diagnostic(`through innerHTML in a page without a policy, ${live.fired} of ${PAYLOADS.length} payloads fire (${live.dialogs} dialogs, ${live.scripts} script flags, ${live.requests} outside requests; the ${live.checked} <img onerror> ones awaited)`);
    console.log(`control: ${live.fired} of ${PAYLOADS.length} payloads fire through innerHTML in a page without a policy`);
    assert.ok(PAYLOADS.length >= 100, `${PAYLOADS.length} payloads`);
    assert.equal(new Set(PAYLOADS.map((p) => p.text)).size, PAYLOADS.length, 'no payload twice');
  } finally {
    await s.close();
  }
});

test('pasted text and village-layer entries: every payload stays text', async (t) => {
  const s = await hostilePage({ '/data/geonames.tsv': layerRoute(hostileLayer(9_700_000)), '/data/geonames.bin.gz': notFound });
  try {
    const { page, rec } = s;
    await page.waitForFunction(() => /villages/.test(document.getElementById('version').textContent));
    const text = PAYLOADS.map((p) => `${NAMES[p.n % NAMES.length]} ${p.text} près de Zorgalkoro ${p.n}.`).join('\n');
    await pasteText(page, text);
    await waitTagged(page);
    assert.equal(await page.textContent('#result'), text, 'the result shows the text as text');
    const ids = await page.$$eval('#result mark', (ms) => ms.map((m) => m.dataset.entity));
    const villages = new Set(ids.filter((id) => id.startsWith('gn:97')));
    assert.equal(villages.size, PAYLOADS.length, 'every hostile village entry is matched');
    const { cards, json, formulas } = await exercise(page, ['gn:97']);
    assert.equal(cards, PAYLOADS.length, 'the card of every hostile entry was shown');
    assert.ok(json.some((r) => r.name === PAYLOADS[0].text), 'a payload name is exported as it is');
    assert.deepEqual(formulas, [], 'CSV cells that would run as formulas');
    // Copy as HTML: only the page's own elements, the text as text.
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.origin });
    await page.click('#copy-html');
    await page.waitForFunction(() => /Copied/.test(document.getElementById('status').textContent));
    const copied = await page.evaluate(async () => (await (await navigator.clipboard.read())[0].getType('text/html')).text());
    const parsed = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return { tags: [...new Set([...doc.body.querySelectorAll('*')].map((el) => el.tagName))].sort(), text: doc.body.firstElementChild.firstElementChild.textContent };
    }, copied);
    assert.deepEqual(parsed.tags, ['DIV', 'MARK', 'P']);
    assert.equal(parsed.text, text);
    // The restored draft after a reload.
    await s.reload();
    await waitTagged(page);
    assert.equal(await showCards(page, ['gn:97']), PAYLOADS.length);
    assertInert(s.clean, await page.evaluate(activeContent));
    verdict(t, 'paste + village layer entries', rec, 5 * PAYLOADS.length);
  } finally {
    await s.close();
  }
});

test('the entry form: payloads as name, subtype, acronym and description', async (t) => {
  const s = await hostilePage();
  try {
    const { page, rec } = s;
    const refused = [];
    for (const p of PAYLOADS) {
      await page.evaluate(() => {
        const m = document.getElementById('entry-form-message');
        m.textContent = '';
        m.dataset.kind = '';
      });
      await page.fill('#entry-name', p.text);
      await page.fill('#entry-subtype', p.text.slice(0, 80));
      await page.fill('#entry-variants', `Zorgal Form ${p.n}`);
      await page.fill('#entry-acronyms', p.text);
      await page.fill('#entry-description', p.text);
      await page.click('#entry-form button[type="submit"]');
      await page.waitForFunction(() => ['ok', 'error'].includes(document.getElementById('entry-form-message').dataset.kind), null, { timeout: 60_000 });
      const kind = await page.getAttribute('#entry-form-message', 'data-kind');
      if (kind !== 'ok') refused.push(`${p.n}: ${await page.textContent('#import-message')}`);
    }
    assert.deepEqual(refused, [], 'every payload entry was added');
    assert.ok((await page.textContent('#entries-list')).includes(PAYLOADS[1].text), 'the entries are listed as text');
    const text = PAYLOADS.map((p) => `${NAMES[p.n % NAMES.length]} et le Zorgal Form ${p.n} : ${p.text}`).join('\n');
    await pasteText(page, text);
    const { cards, formulas } = await exercise(page, ['user_']);
    assert.equal(cards, PAYLOADS.length, 'the card of every entry was shown');
    assert.deepEqual(formulas, [], 'CSV cells that would run as formulas');
    assertInert(s.clean, await page.evaluate(activeContent));
    verdict(t, 'entry form (4 fields each)', rec, 4 * PAYLOADS.length);
  } finally {
    await s.close();
  }
});

const FORMATS = {
  'TOML': {
    file: 'hostile.toml',
    text: () =>
      PAYLOADS.map((p) =>
        [
          '[[entity]]',
          `id = "xss_toml_${p.n}"`,
          `name = ${tomlString(p.text)}`,
          'type = "organization"',
          `subtype = ${tomlString(p.text)}`,
          `variants = ["Zorgal Toml ${p.n}"]`,
          `description = ${tomlString(p.text)}`,
          `lineage = ${tomlString(p.text)}`,
          `country = ${tomlString(p.text)}`,
          `wikidata = ${tomlString(p.text)}`,
        ].join('\n'),
      ).join('\n\n'),
    spelling: (n) => `Zorgal Toml ${n}`,
    prefix: 'xss_toml_',
    fields: 6,
  },
  'spaCy JSONL': {
    file: 'hostile.jsonl',
    text: () => PAYLOADS.flatMap((p) => [JSON.stringify({ label: 'ORG', pattern: p.text.trim(), id: `xss_jsonl_${p.n}` }), JSON.stringify({ label: 'ORG', pattern: `Zorgal Jsonl ${p.n}`, id: `xss_jsonl_${p.n}` })]).join('\n'),
    spelling: (n) => `Zorgal Jsonl ${n}`,
    prefix: 'xss_jsonl_',
    fields: 1,
  },
  'TSV layer': {
    file: 'hostile.tsv',
    text: () => hostileLayer(9_800_000).replace(/\^Zorgalkoro (\d+)/g, 'Zorgal Tsv $1'),
    spelling: (n) => `Zorgal Tsv ${n}`,
    prefix: 'gn:98',
    fields: 4,
  },
};

for (const [format, spec] of Object.entries(FORMATS)) {
  test(`an imported ${format} file: payloads in every text field`, async (t) => {
    const s = await hostilePage();
    try {
      const { page, rec } = s;
      const message = await importFile(page, spec.file, spec.text());
      assert.equal(message.kind, 'ok', message.text);
      const text = PAYLOADS.map((p) => `${NAMES[p.n % NAMES.length]} et ${spec.spelling(p.n)} ${p.text}`).join('\n');
      await pasteText(page, text);
      const { cards, formulas } = await exercise(page, [spec.prefix]);
      assert.equal(cards, PAYLOADS.length, 'the card of every imported entry was shown');
      assert.deepEqual(formulas, [], 'CSV cells that would run as formulas');
      assertInert(s.clean, await page.evaluate(activeContent));
      verdict(t, `import ${format}`, rec, spec.fields * PAYLOADS.length);
    } finally {
      await s.close();
    }
  });
}

test('imported files whose ids and file names are payloads: refused, and the errors quote them as text', async (t) => {
  const s = await hostilePage();
  try {
    const { page, rec } = s;
    let files = 0;
    // The page lists the first 20 errors of a file: 20 payloads per file.
    for (let at = 0; at < PAYLOADS.length; at += 20) {
      const chunk = PAYLOADS.slice(at, at + 20);
      const sources = [
        ['ids.toml', chunk.map((p) => `[[entity]]\nid = ${tomlString(p.text)}\nname = "Zorgal Id ${p.n}"\ntype = "place"\n`).join('\n')],
        ['ids.jsonl', chunk.map((p) => JSON.stringify({ label: 'GPE', pattern: `Zorgal Id ${p.n}`, id: p.text })).join('\n')],
        ['ids.tsv', `#sahel-tagger-tsv 1\tids\n${chunk.map((p) => `${tsvField(p.text)}\tZorgal Id ${p.n}\tplace\t\t\t\t\t\t\t\tZorgal Id ${p.n}`).join('\n')}\n`],
      ];
      for (const [name, text] of sources) {
        const message = await importFile(page, `${at / 20 + 1}-${name}`, text);
        files++;
        assert.equal(message.kind, 'error', `${name} is refused`);
        const shown = chunk.filter((p) => message.text.includes(p.text.trim().replace(/\s+/g, ' ')) || message.text.includes(tsvField(p.text)));
        assert.ok(shown.length > 0, `${name}: the errors quote the ids (${message.text.slice(0, 200)})`);
      }
    }
    // A file named after a payload.
    const named = await importFile(page, `${PAYLOADS[18].text}.toml`, FORMATS.TOML.text().split('\n\n').slice(0, 3).join('\n\n'));
    assert.equal(named.kind, 'ok', named.text);
    for (const details of await page.$$('#entries-list details')) await details.evaluate((d) => (d.open = true));
    assert.ok((await page.textContent('#entries-list')).includes(PAYLOADS[18].text), 'the file name is listed as text');
    assertInert(s.clean, await page.evaluate(activeContent));
    verdict(t, `import refused (ids), ${files} files`, rec, PAYLOADS.length * 3 + 1);
  } finally {
    await s.close();
  }
});

/**
 * Two HTML pages: every payload as markup (in the head, the body and attributes), and every payload
 * as escaped text (in paragraphs and attributes). Markup payloads leave elements open that hide what
 * follows (`<noscript>`, `<style>`, `<xmp>`...), hence the two pages.
 */
function hostileHtml() {
  const inHead = PAYLOADS.filter((p) => p.kind === 'script' || p.kind === 'CSS url()');
  const head = inHead.map((p) => p.text).join('\n');
  const markup = PAYLOADS.map((p) => `<div title="${escapeHtml(p.text)}">Gao ${p.n} ${p.text}</div>`).join('\n');
  const text = PAYLOADS.map((p) => `<p title="${escapeHtml(p.text)}" data-x="${escapeHtml(p.text)}">${NAMES[p.n % NAMES.length]} : ${escapeHtml(p.text)} (Gao).</p>`).join('\n');
  const page = (title, headMarkup, body) => `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>\n${headMarkup}\n</head><body onload="__xssHit(0)">\n${body}\n</body></html>`;
  // Places a payload is put: the head's share, two per payload in the markup page, three in the text
  // page, the two titles.
  const places = inHead.length + 5 * PAYLOADS.length + 2;
  return { markup: page(PAYLOADS[0].text, head, markup), text: page(PAYLOADS[1].text, '', text), places };
}

/** Payloads whose text survives the reduction to visible text unchanged (no tab, line break, double or edge space). */
const VISIBLE = PAYLOADS.filter((p) => !/[\t\r\n]| {2}|^\s|\s$/.test(p.text));

/** Opens `files` one after the other with `open(file)` and checks what the page made of each. */
async function openHtmlFiles(page, open) {
  const { markup, text, places } = hostileHtml();
  // Every status line shown, to find the file names in them.
  await page.evaluate(() => {
    window.statusLines = [];
    const status = document.getElementById('status');
    new MutationObserver(() => window.statusLines.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
  });
  const opened = async (name, html) => {
    await page.fill('#input', '');
    await waitTagged(page);
    await open(name, html);
    await page.waitForFunction(() => document.getElementById('input').value.length > 0, null, { timeout: 60_000 });
    await waitTagged(page);
    assert.ok((await page.evaluate(() => window.statusLines)).some((l) => l.includes(`Opened ${name}`)), `the file name ${name} is shown as text`);
    await showCards(page, ['']);
    return page.inputValue('#input');
  };
  // DOMParser parses with scripting off: the `<noscript>` payload stays open and hides what follows,
  // which is all inert markup of the parsed document; what is left is shown as text.
  const fromMarkup = await opened(`${PAYLOADS[20].text}.html`, markup);
  assert.equal(await page.textContent('#result'), fromMarkup, 'shown as text');
  const fromText = await opened('hostile-text.html', text);
  const missing = VISIBLE.filter((p) => !fromText.includes(`: ${p.text} (Gao).`));
  assert.deepEqual(missing.map((p) => p.n), [], 'the escaped payloads are visible text');
  assert.ok(!fromText.includes('data-x='), 'no markup of the file itself');
  assert.equal(await page.textContent('#result'), fromText, 'shown as text');
  return places + 1; // and a file name
}

test('opened .html files: payloads as markup, in attributes and as text; nothing runs or loads', async (t) => {
  const s = await hostilePage();
  try {
    const { page, rec } = s;
    const places = await openHtmlFiles(page, (name, html) => page.setInputFiles('#open-file', { name, mimeType: 'text/html', buffer: Buffer.from(html) }));
    assertInert(s.clean, await page.evaluate(activeContent));
    verdict(t, 'opened HTML files', rec, places);
  } finally {
    await s.close();
  }
});

test('dropped .html files: nothing runs or loads', async (t) => {
  const s = await hostilePage();
  try {
    const { page, rec } = s;
    const places = await openHtmlFiles(page, (name, html) =>
      page.evaluate(
        ({ bytes, name }) => {
          const data = new DataTransfer();
          data.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/html' }));
          const target = document.getElementById('input');
          const init = { dataTransfer: data, bubbles: true, cancelable: true };
          for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, init));
        },
        { bytes: [...Buffer.from(html)], name },
      ),
    );
    assertInert(s.clean, await page.evaluate(activeContent));
    verdict(t, 'dropped HTML files', rec, places);
  } finally {
    await s.close();
  }
});

// ---------------------------------------------------------------- the bookmarklet

/** A news page whose text, attributes and title carry the payloads (escaped: the page itself is inert). */
function bookmarkletPage() {
  const items = PAYLOADS.map(
    (p) =>
      `<p title="${escapeHtml(p.text)}" data-note="${escapeHtml(p.text)}" aria-label="${escapeHtml(p.text)}">Dépêche ${p.n} : ${NAMES[p.n % NAMES.length]} ${escapeHtml(p.text)}, près de Zorgalkoro ${p.n}.</p>` +
      `<p><a href="#p${p.n}" title="${escapeHtml(p.text)}"><b>Gao</b></a> <img alt="${escapeHtml(p.text)}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="> <code>${escapeHtml(p.text)}</code></p>`,
  );
  const inert = PAYLOADS.map((p) => p.text).join('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(PAYLOADS.find((p) => p.kind === 'formula').text)}</title></head>
<body><main><h1>Sahel : ${escapeHtml(PAYLOADS[0].text)}</h1>${items.join('\n')}
<pre>${escapeHtml(inert)}</pre><template>${inert}</template><textarea>${escapeHtml(inert)}</textarea><!-- ${inert.replace(/--/g, '- -')} --></main></body></html>`;
}

test('the bookmarklet on hostile pages, with hostile village entries: nothing runs, loads or opens', async (t) => {
  const layer = layerRoute(hostileLayer(9_900_000));
  const tagger = await serve({ root: WWW, headers: (p) => (/^\/(bookmarklet|shared|vendor|pkg|data)\//.test(p) ? { 'access-control-allow-origin': '*' } : {}), routes: { '/data/geonames.tsv': layer, '/data/geonames.bin.gz': notFound } });
  const taggerOrigin = `http://localhost:${new URL(tagger.url).port}`;
  const page = bookmarkletPage();
  const html = (csp) => (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...(csp ? { 'content-security-policy': csp } : {}) }).end(page);
  const site = await serve({ root: H.SITE, routes: { '/hostile.html': html(), '/hostile-noframe.html': html("frame-src 'none'"), '/xss-control.html': controlRoute } });
  const siteOrigin = site.url.replace(/\/$/, '');
  const browser = await H.startBrowser();
  try {
    const rec = await installSentinels(browser.context, [siteOrigin, taggerOrigin]);
    await proveSentinels(browser.context, rec, `${siteOrigin}/xss-control.html`);
    const href = await H.bookmarkletHref(browser.context, taggerOrigin);
    // Highlight API with the tagger in a frame; then frames blocked and no Highlight API: the tagger
    // in the page and <mark> elements in the page's DOM.
    for (const [urlPath, init, backend] of [
      ['/hostile.html', undefined, 'frame'],
      ['/hostile-noframe.html', () => delete CSS.highlights, 'page'],
    ]) {
      const { page: tab, errors } = await H.openPage(browser.context, siteOrigin + urlPath, { init });
      assert.deepEqual(counts(rec), { dialogs: 0, scripts: 0, requests: 0 }, 'the hostile page alone is inert');
      const before = await H.snapshot(tab);
      const clean = await tab.evaluate(activeContent);
      await H.runBookmarklet(tab, href);
      assert.equal((await H.idle(tab)).backend, backend);
      await tab.click('sahel-tagger-ui >> .gn input');
      await H.idle(tab);
      const mentions = await tab.evaluate(() => window[Symbol.for('sahel-tagger')].mentions());
      const villages = new Set(mentions.filter((m) => m.id.startsWith('gn:99')).map((m) => m.id));
      assert.equal(villages.size, PAYLOADS.length, 'every hostile village entry is matched');
      assert.ok(mentions.some((m) => m.name === PAYLOADS[5].text), 'entry names are reported as they are');
      // The panel lists every entity; each group open; a few jumps; a tooltip over marks.
      for (const button of await tab.$$('sahel-tagger-ui >> .ty .th button')) await button.click();
      const listed = (await H.panel(tab)).types.flatMap((ty) => ty.entities.map(([name]) => name));
      assert.ok(listed.includes(PAYLOADS[7].text), 'payload names are listed as text');
      if (backend === 'page') {
        // <mark> elements: the tooltip of a few hostile entries, under the mouse.
        for (const n of [1, 2, 3, 50, 100]) {
          const mark = tab.locator(`mark[data-sahel-t]:text-is("Zorgalkoro ${n}")`).first();
          await mark.evaluate((el) => el.scrollIntoView({ block: 'center' }));
          const box = await mark.boundingBox();
          await tab.mouse.move(0, 0);
          await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          const shown = (await H.card(tab, `Zorgalkoro ${n}`))[0];
          assert.ok(shown.startsWith(`Zorgalkoro ${n} → ${tsvField(PAYLOADS[n - 1].text).slice(0, 12)}`), `the card shows the name as text: ${shown}`);
        }
      }
      for (let k = 0; k < 5; k++) await tab.click('sahel-tagger-ui >> .bar button:nth-of-type(2)');
      const csv = await tab.evaluate(() => window[Symbol.for('sahel-tagger')].export('csv'));
      const rows = parseCsv(csv.replace(/^\ufeff/, ''));
      assert.equal(rows.length, mentions.length + 1);
      assert.deepEqual(formulaCells(rows.slice(1).flat()), [], 'bookmarklet CSV cells that would run as formulas');
      JSON.parse(await tab.evaluate(() => window[Symbol.for('sahel-tagger')].export('json')));
      const now = await tab.evaluate(activeContent);
      assert.deepEqual(now.handlers, [], 'no element with an on* attribute');
      assert.deepEqual(now.jsLinks, clean.jsLinks);
      const added = now.elements.filter((e) => !clean.elements.includes(e));
      assert.deepEqual(added.filter((e) => !(e === 'style' || e.startsWith(`iframe[src=${taggerOrigin}/bookmarklet/remote.html`))), [], 'only the panel and its tagger frame');
      assert.deepEqual(errors, []);
      await H.closeAndCheckRestored(tab, before);
      await tab.close();
    }
    // Per page: eleven places in the page (text, five attributes, code, pre, template, textarea,
    // comment), four fields of the village entry, the title and the heading; two pages.
    verdict(t, 'bookmarklet pages + village entries', rec, 2 * (15 * PAYLOADS.length + 2));
  } finally {
    await browser.close();
    await Promise.all([tagger.close(), site.close()]);
  }
});

test(
  "the entries' TSV download guards every cell a spreadsheet would run as a formula",
  async () => {
    const s = await hostilePage();
    try {
      const { page } = s;
      for (const spec of Object.values(FORMATS)) assert.equal((await importFile(page, spec.file, spec.text())).kind, 'ok');
      await page.waitForFunction(() => !document.getElementById('export-entries').disabled);
      const tsv = await captureDownload(page, () => page.click('#export-entries'));
      const cells = tsv.text.replace(/^\ufeff/, '').split('\n').slice(1).filter(Boolean).flatMap((line) => line.split('\t'));
      assert.ok(cells.length > 10 * PAYLOADS.length);
      const formulas = formulaCells(cells);
      assert.deepEqual(formulas.slice(0, 10), [], `${formulas.length} cells would run as formulas`);
    } finally {
      await s.close();
    }
  },
);
