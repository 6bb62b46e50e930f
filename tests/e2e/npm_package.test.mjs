// The npm package (www/pkg, built by `make wasm` from crates/wasm): the snippets of its README run as
// written — the Node.js one under Node with the package installed by name, the browser one in
// Chromium from a page served with the package — and using `Tagger` before `init()` throws an error
// that says what to do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';
import { launch } from './lib/browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = path.join(ROOT, 'www', 'pkg');
const README = fs.readFileSync(path.join(ROOT, 'crates', 'wasm', 'README.md'), 'utf8');

if (!fs.existsSync(path.join(PKG, 'sahel_tagger_bg.wasm'))) {
  throw new Error('www/pkg is missing: run `make wasm` first');
}

/** The first fenced code block of the README section whose title starts with `heading`. */
function snippet(heading, language) {
  const section = README.split(/^## /m).find((s) => s.startsWith(heading));
  assert.ok(section, `README section "${heading}"`);
  const block = new RegExp('```' + language + '\\n([^]*?)```').exec(section);
  assert.ok(block, `a ${language} block in "${heading}"`);
  return block[1];
}

/** A directory where `sahel-tagger` is installed (a link to www/pkg), as `npm install` would. */
function project() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahel-tagger-npm-'));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(PKG, path.join(dir, 'node_modules', 'sahel-tagger'), 'dir');
  return dir;
}

const EXPECTED = ['JNIM → jnim (armed_group)', 'Dioura → djoura (place)', 'Tombouctou → timbuktu (place)'];

test('the package is named sahel-tagger, with a Node.js entry and no placeholder URL', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'sahel-tagger');
  assert.equal(manifest.exports['.'].node, './node.js');
  assert.ok(!JSON.stringify(manifest).includes('example.invalid'));
  assert.ok(!('repository' in manifest) || !/example/.test(JSON.stringify(manifest.repository)));
  assert.ok(fs.readFileSync(path.join(PKG, 'README.md'), 'utf8').includes('## In Node.js'), 'the npm README');
});

test("the README's Node.js snippet runs as written", () => {
  const dir = project();
  fs.writeFileSync(path.join(dir, 'snippet.mjs'), snippet('In Node.js', 'js'));
  const out = execFileSync(process.execPath, ['snippet.mjs'], { cwd: dir, encoding: 'utf8' });
  assert.deepEqual(out.trim().split('\n'), EXPECTED);
});

test('Tagger before init() throws an error that says to call init()', () => {
  const dir = project();
  const code = `
    import init, { Tagger } from 'sahel-tagger';
    const messages = [];
    for (const make of [() => new Tagger(), () => Tagger.fromSources([], true), () => Tagger.validate('a.toml', '')]) {
      try { make(); messages.push('no error'); } catch (e) { messages.push(e.message); }
    }
    await init();
    messages.push(new Tagger().tag('JNIM')[0].id);
    console.log(JSON.stringify(messages));`;
  fs.writeFileSync(path.join(dir, 'before.mjs'), code);
  const messages = JSON.parse(execFileSync(process.execPath, ['before.mjs'], { cwd: dir, encoding: 'utf8' }));
  for (const message of messages.slice(0, 3)) assert.match(message, /call `await init\(\)`/);
  assert.equal(messages[3], 'jnim');
});

test("the README's browser snippet runs in a page", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahel-tagger-page-'));
  fs.cpSync(PKG, path.join(dir, 'pkg'), { recursive: true }); // the server serves nothing outside its root
  const html = snippet('In a browser page', 'html').replace(/console\.log\(([^;]*)\);/, 'document.getElementById("out").append([$1].join(" ") + "\\n");');
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><pre id="out"></pre>\n${html}`);
  const site = await serve({ root: dir });
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url + 'index.html');
    await page.waitForFunction(() => document.getElementById('out').textContent.includes('Tombouctou'), null, { timeout: 30000 });
    const lines = (await page.textContent('#out')).trim().split('\n');
    assert.deepEqual(lines, ['JNIM → jnim armed_group', 'Dioura → djoura place', 'Tombouctou → timbuktu place']);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await site.close();
  }
});

test("the README's bundler snippet runs as written, bundled by esbuild", async () => {
  const dir = project();
  // The snippet reads the page's text; the page holds an article and shows what it found.
  const code = `${snippet('With a bundler', 'js')}\ndocument.getElementById('out').textContent = places.map((m) => m.surface + ' → ' + m.id).join('\\n');\n`;
  fs.writeFileSync(path.join(dir, 'app.js'), code);
  const out = path.join(dir, 'dist');
  const esbuild = path.join(ROOT, 'node_modules', '.bin', 'esbuild');
  // esbuild leaves `new URL('sahel_tagger_bg.wasm', import.meta.url)` as it is: as the README says,
  // the .wasm file is copied next to the bundle.
  execFileSync(esbuild, ['app.js', '--bundle', '--format=esm', '--platform=browser', `--outfile=${path.join(out, 'app.js')}`], { cwd: dir, stdio: 'pipe' });
  fs.copyFileSync(path.join(PKG, 'sahel_tagger_bg.wasm'), path.join(out, 'sahel_tagger_bg.wasm'));
  fs.writeFileSync(
    path.join(out, 'index.html'),
    '<!doctype html><meta charset="utf-8"><p>Le JNIM a revendiqué l’attaque de Dioura, près de Tombouctou.</p><pre id="out"></pre><script type="module" src="app.js"></script>'
  );
  const site = await serve({ root: out });
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url + 'index.html');
    await page.waitForFunction(() => document.getElementById('out').textContent.includes('Tombouctou'), null, { timeout: 30000 });
    assert.deepEqual((await page.textContent('#out')).split('\n'), ['Dioura → djoura', 'Tombouctou → timbuktu']);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await site.close();
  }
});
