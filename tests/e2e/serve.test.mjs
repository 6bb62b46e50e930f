// tools/serve.mjs, the server of `make serve` and of these tests: it survives malformed and hostile
// request paths, never reads outside its root, and sends the security headers and content types the
// page relies on. Raw HTTP requests (node:http), so that no client normalises the paths first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';

const WWW = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'www');
const PAGE_POLICY = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(fs.readFileSync(path.join(WWW, 'index.html'), 'utf8'))[1];

let tmp;
let server;
let port;

/** One request with the path sent exactly as given. Resolves to {status, headers, body}. */
function get(rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A request line no URL parser would let through; resolves to the status line. */
function raw(line) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${line}\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n`));
    let data = '';
    socket.on('data', (c) => (data += c));
    socket.on('end', () => resolve(data.split('\r\n')[0]));
    socket.on('error', reject);
  });
}

before(async () => {
  // A root (with a page, a worker, a data layer and a link out of it) and a sibling holding a secret.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sahel-serve-'));
  const root = path.join(tmp, 'www');
  fs.mkdirSync(path.join(root, 'app'), { recursive: true });
  fs.mkdirSync(path.join(root, 'bookmarklet'));
  fs.mkdirSync(path.join(root, 'data'));
  fs.mkdirSync(path.join(root, 'pkg'));
  fs.mkdirSync(path.join(tmp, 'www-secret'));
  fs.writeFileSync(path.join(tmp, 'www-secret', 'key.txt'), 'SECRET-SIBLING');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'SECRET-PARENT');
  fs.copyFileSync(path.join(WWW, 'index.html'), path.join(root, 'index.html'));
  fs.copyFileSync(path.join(WWW, 'bookmarklet', 'remote.html'), path.join(root, 'bookmarklet', 'remote.html'));
  fs.copyFileSync(path.join(WWW, 'bookmarklet', 'index.html'), path.join(root, 'bookmarklet', 'index.html'));
  fs.writeFileSync(path.join(root, 'app', 'worker.js'), '// worker\n');
  fs.writeFileSync(path.join(root, 'app', 'main.mjs'), '// module\n');
  fs.writeFileSync(path.join(root, 'data', 'geonames.tsv'), '#sahel-tagger-tsv 1\ttest\n');
  fs.writeFileSync(path.join(root, 'data', 'layer.json'), '{}');
  fs.writeFileSync(path.join(root, 'data', 'geonames.bin.gz'), zlib.gzipSync(Buffer.from('SAHELGZ1')));
  fs.writeFileSync(path.join(root, 'pkg', 'sahel_tagger_bg.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  fs.symlinkSync(path.join(tmp, 'www-secret'), path.join(root, 'link'));
  server = await serve({ root, port: 0 });
  port = Number(new URL(server.url).port);
});

after(async () => {
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('a malformed URL gets 400 and the server keeps serving', async () => {
  for (const bad of ['/%E0%A4%A', '/%', '/%zz', '/app/%C0%AF', '/%ff%fe']) {
    const r = await get(bad);
    assert.equal(r.status, 400, bad);
  }
  assert.match(await raw('GET /%E0%A4%A HTTP/1.1'), /^HTTP\/1\.1 400/);
  assert.match(await raw('GET \u0001 HTTP/1.1'), /^HTTP\/1\.1 400/, 'a request line Node cannot parse');
  assert.equal((await get('/index.html')).status, 200, 'still up');
});

test('no path leads out of the root: encoded traversal, NUL, backslashes, symbolic links', async () => {
  const attempts = [
    '/..%2fwww-secret/key.txt',
    '/..%2Fwww-secret%2Fkey.txt',
    '/%2e%2e/www-secret/key.txt',
    '/%2e%2e%2fsecret.txt',
    '/app/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/index.html%00.txt',
    '/link/key.txt',
  ];
  for (const p of attempts) {
    const r = await get(p);
    assert.ok([400, 404].includes(r.status), `${p}: ${r.status}`);
    assert.doesNotMatch(r.body, /SECRET/, p);
  }
  // A `..` that the URL itself resolves stays inside the root.
  const r = await get('/app/../index.html');
  assert.equal(r.status, 200);
  assert.equal((await get('/index.html', 'POST')).status, 405);
});

test('security headers: the page policy as a header with frame-ancestors, nosniff everywhere', async () => {
  const page = await get('/');
  assert.equal(page.status, 200);
  assert.equal(page.headers['content-security-policy'], `${PAGE_POLICY}; frame-ancestors 'none'`);
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  assert.equal(page.headers['referrer-policy'], 'no-referrer');
  assert.equal((await get('/index.html')).headers['content-security-policy'], page.headers['content-security-policy']);
  // The bookmarklet's hidden frame must stay framable by any site.
  const remote = await get('/bookmarklet/remote.html');
  assert.equal(remote.status, 200);
  assert.doesNotMatch(remote.headers['content-security-policy'], /frame-ancestors/);
  assert.match(remote.headers['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(remote.headers['access-control-allow-origin'], '*');
  assert.match((await get('/bookmarklet/')).headers['content-security-policy'], /frame-ancestors 'none'/);
  assert.equal((await get('/bookmarklet')).status, 301, 'a folder without its slash is redirected');
  // The page's worker runs under the page's policy.
  assert.equal((await get('/app/worker.js')).headers['content-security-policy'], PAGE_POLICY);
  for (const p of ['/app/worker.js', '/pkg/sahel_tagger_bg.wasm', '/data/geonames.tsv', '/nothing-here']) {
    assert.equal((await get(p)).headers['x-content-type-options'], 'nosniff', p);
  }
});

test('content types and encodings', async () => {
  const type = async (p) => (await get(p)).headers['content-type'];
  assert.equal(await type('/pkg/sahel_tagger_bg.wasm'), 'application/wasm');
  assert.equal(await type('/app/worker.js'), 'text/javascript; charset=utf-8');
  assert.equal(await type('/app/main.mjs'), 'text/javascript; charset=utf-8');
  assert.equal(await type('/data/geonames.tsv'), 'text/tab-separated-values; charset=utf-8');
  assert.equal(await type('/data/layer.json'), 'application/json; charset=utf-8');
  assert.equal(await type('/index.html'), 'text/html; charset=utf-8');
  const head = await get('/data/geonames.tsv', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '', 'HEAD has no body');
  assert.equal(head.headers['access-control-allow-origin'], '*', 'data layers are readable by the bookmarklet');
  // The precompiled layer: the gzip file as it is (the page decompresses it with DecompressionStream),
  // so no Content-Encoding that would make the browser decompress it first.
  const binary = await get('/data/geonames.bin.gz');
  assert.equal(binary.headers['content-type'], 'application/gzip');
  assert.equal(binary.headers['content-encoding'], undefined);
  assert.equal(binary.headers['access-control-allow-origin'], '*');
});
