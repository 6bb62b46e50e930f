// A small static file server for the page (`make serve`) and the end-to-end tests.
//
// Serves a folder on 127.0.0.1 with the right content types (application/wasm among them), no
// caching, security headers, and optional extra headers per path (the tests use them to serve pages
// with a strict Content-Security-Policy). Only loopback is ever bound.
//
// What it answers:
// - only GET and HEAD (405 otherwise); a URL that does not decode, holds a NUL, a backslash or a `..`
//   segment is a bad request (400): nothing outside the root is ever read, symbolic links included;
// - every answer: `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`;
// - an HTML file: its own `<meta http-equiv="Content-Security-Policy">` policy as a header too, with
//   `frame-ancestors 'none'` (a meta tag cannot carry it), except for the pages other sites must be
//   able to frame (FRAMABLE: the bookmarklet's hidden frame); the page's worker (`app/*.js`) gets the
//   page's policy, the bookmarklet helper's (`bookmarklet/engine-worker.js`) remote.html's (a worker's
//   policy comes from its own response);
// - bookmarklet/, shared/, vendor/, pkg/ and data/ may be read cross-origin (CORS): the bookmarklet loads the tagger
//   module, the wasm, the village layer and Readability (vendor/) into pages of other sites when frames
//   are blocked there.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  // Data layers and gazetteer files: shown as text, never run.
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  // The precompiled GeoNames layer (data/geonames.bin.gz): the page decompresses it itself
  // (DecompressionStream), so it is sent as the gzip file it is, without Content-Encoding.
  '.gz': 'application/gzip',
  '.toml': 'text/plain; charset=utf-8',
  '.jsonl': 'text/plain; charset=utf-8',
};

/** Pages any site may frame: the bookmarklet's hidden frame answers pages of every site. */
export const FRAMABLE = new Set(['/bookmarklet/remote.html']);

const CORS = /^\/(bookmarklet|shared|vendor|pkg|data)\//;
const META_CSP = /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=(?:"([^"]*)"|'([^']*)')/i;

/** The policy of an HTML text's CSP meta tag, or null. */
export function metaPolicy(html) {
  const m = META_CSP.exec(html);
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * The file path under `base` that `pathname` (as in the request line, still percent-encoded) names,
 * or an `{status}` to answer instead: 400 for a path that does not decode or tries to leave the root.
 */
export function resolvePath(base, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  if (!decoded.startsWith('/') || /[\0\\]/.test(decoded) || decoded.split('/').some((s) => s === '..')) {
    return { status: 400 };
  }
  const file = path.join(base, decoded);
  if (file !== base && !file.startsWith(base + path.sep)) return { status: 400 };
  return { file };
}

/**
 * Starts serving `root`. `headers(urlPath)` may return extra headers for a path (they win over the
 * defaults); `routes` maps a URL path to a function `(req, res) => void` for dynamic answers.
 * Resolves to `{ server, url, close }`.
 */
export function serve({ root, port = 0, host = '127.0.0.1', headers = () => ({}), routes = {} }) {
  const base = fs.realpathSync(path.resolve(root));
  const index = path.join(base, 'index.html');
  const policyOf = (file) => (fs.existsSync(file) ? metaPolicy(fs.readFileSync(file, 'utf8')) : null);
  // A worker's policy comes from its own response: each worker gets the policy of the page that starts it.
  const workerPage = (urlPath) =>
    /^\/app\/[^/]+\.js$/.test(urlPath) ? index : urlPath === '/bookmarklet/engine-worker.js' ? path.join(base, 'bookmarklet', 'remote.html') : null;

  const plain = (res, status, text, extra = {}) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...extra });
    res.end(text);
  };

  const handle = (req, res) => {
    let url;
    try {
      url = new URL(req.url, 'http://localhost');
    } catch {
      return plain(res, 400, 'bad request');
    }
    const route = routes[url.pathname];
    if (route) return route(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
    const found = resolvePath(base, url.pathname);
    if (!found.file) return plain(res, found.status, 'bad request');
    let file = found.file;
    let real;
    try {
      real = fs.realpathSync(file);
      if (real !== base && !real.startsWith(base + path.sep)) return plain(res, 404, 'not found');
      if (fs.statSync(real).isDirectory()) {
        // Relative links in a folder's index need the trailing slash.
        if (!url.pathname.endsWith('/')) return plain(res, 301, 'moved', { location: `${url.pathname}/${url.search}` });
        file = path.join(file, 'index.html');
        real = fs.realpathSync(file);
        if (!real.startsWith(base + path.sep)) return plain(res, 404, 'not found');
      }
    } catch {
      return plain(res, 404, 'not found');
    }
    fs.readFile(real, (err, data) => {
      if (err) return plain(res, 404, 'not found');
      const ext = path.extname(file).toLowerCase();
      const urlPath = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
      const security = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
      let policy = null;
      if (ext === '.html') {
        policy = metaPolicy(data.toString('utf8'));
        if (!FRAMABLE.has(urlPath)) policy = policy ? `${policy}; frame-ancestors 'none'` : "frame-ancestors 'none'";
      } else {
        const starter = workerPage(urlPath);
        if (starter) policy = policyOf(starter);
      }
      if (policy) security['content-security-policy'] = policy;
      res.writeHead(200, {
        'content-type': TYPES[ext] || 'application/octet-stream',
        'cache-control': 'no-store',
        ...security,
        ...(CORS.test(url.pathname) ? { 'access-control-allow-origin': '*' } : {}),
        ...headers(url.pathname),
      });
      res.end(data);
    });
  };

  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      // One bad request must never stop the server.
      if (!res.headersSent) plain(res, 500, 'internal error');
      else res.destroy();
    }
  });
  // Requests too malformed for Node's parser.
  server.on('clientError', (err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        server,
        url: `http://${host}:${actual}/`,
        // Kept-alive connections end too: after close() the server is really gone.
        close: () =>
          new Promise((r) => {
            server.close(r);
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] || 'www';
  const port = Number(process.argv[3] || 8080);
  const { url } = await serve({ root, port });
  console.log(`sahel-tagger page: ${url}  (serving ${root}/; Ctrl-C to stop)`);
}
