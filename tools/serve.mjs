// A small static file server for the page (`make serve`) and the end-to-end tests.
//
// Serves a folder on 127.0.0.1 with the right content types (application/wasm among them), no
// caching, and optional extra headers per path (the tests use them to serve pages with a strict
// Content-Security-Policy). Only loopback is ever bound.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
  '.jsonl': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

/**
 * Starts serving `root`. `headers(urlPath)` may return extra headers for a path; `routes` maps a URL
 * path to a function `(req, res) => void` for dynamic answers. Resolves to `{ server, url, close }`.
 */
export function serve({ root, port = 0, host = '127.0.0.1', headers = () => ({}), routes = {} }) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const route = routes[url.pathname];
    if (route) return route(req, res);
    let file = path.normalize(path.join(base, decodeURIComponent(url.pathname)));
    if (!file.startsWith(base)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'cache-control': 'no-store',
        // The bookmarklet loads the tagger module, the wasm and the village layer into pages of other
        // sites when frames are blocked there: those folders may be read cross-origin (public, static).
        ...(/^\/(bookmarklet|pkg|data)\//.test(url.pathname) ? { 'access-control-allow-origin': '*' } : {}),
        ...headers(url.pathname),
      });
      res.end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host}:${actual}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] || 'www';
  const port = Number(process.argv[3] || 8080);
  const { url } = await serve({ root, port });
  console.log(`sahel-tagger page: ${url}  (serving ${root}/; Ctrl-C to stop)`);
}
