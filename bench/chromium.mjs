// The Chromium part of the benchmark (playwright-core, Debian's Chromium via tests/e2e/lib/browser.mjs):
//
// 1. start-up on the tagger origin's page: import + instantiate the package, build the default
//    gazetteer; build times of the 5k / 50k (/ GeoNames) tiers; linear memory after the largest;
// 2. throughput in a worker: our `tag()` and `tagSpans()` on the 10 MB texts, and the JavaScript peers
//    on the same texts folded (bench/lib/peers.mjs), each capped;
// 3. page highlighting: a 1 MB news page of <p> elements on another site, highlighted by the
//    bookmarklet itself (its javascript: code as the tagger page serves it; the tagger in its hidden
//    frame, the highlights drawn with the CSS Custom Highlight API) with the default gazetteer, and
//    with 500 and 5,000 names; and by mark.js with the same 500 and 5,000 names.
//
// Writes bench/out/chromium.json. `node bench/chromium.mjs [--only startup|throughput|highlight]`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from '../tests/e2e/lib/browser.mjs';
import { serve } from '../tools/serve.mjs';
import { bookmarkletCode } from '../www/bookmarklet/install.js';
import { CAP_MS, GEONAMES, GEONAMES_BINARY, OUT, ROOT, RUNS, input, machine, mbPerS, scales, summarize, writeJson } from './lib/common.mjs';
import { PEERS, PEER_ORDER } from './lib/peers.mjs';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const log = (s) => process.stderr.write(`chromium: ${s}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const PAGE_BYTES = 1 << 20;

// ---- the two origins ----

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.html': 'text/html; charset=utf-8' };
const file = (p, type) => (req, res) => {
  res.writeHead(200, {
    'content-type': type || TYPES[path.extname(p)] || 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
  });
  res.end(fs.readFileSync(p));
};
/** Routes serving every file under `dir` at `prefix`. */
function tree(dir, prefix) {
  const routes = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    routes[prefix + path.relative(dir, full).split(path.sep).join('/')] = file(full);
  }
  return routes;
}

/**
 * What the bookmarklet's engine.js becomes for a benchmark gazetteer: the same module, with its
 * default tagger (`new Tagger()`) built from the benchmark names instead (`fromSources`, no default).
 */
let engineGazetteer = null;
const ENGINE = path.join(ROOT, 'www', 'bookmarklet', 'engine.js');
function engineRoute(req, res) {
  let code = fs.readFileSync(ENGINE, 'utf8');
  if (engineGazetteer) {
    if (!code.includes('new Tagger()')) throw new Error(`bench: ${ENGINE} no longer builds its tagger with "new Tagger()"; update engineRoute`);
    const names = `await (await fetch(new URL('/bench/inputs/${engineGazetteer}', import.meta.url))).text()`;
    code = code.replaceAll('new Tagger()', `Tagger.fromSources([{ name: '${engineGazetteer}', text: ${names} }], false)`);
  }
  res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  res.end(code);
}

/** The 1 MB news page: the first paragraphs of news.txt, one <p> each. */
function newsPage(withMark) {
  const lines = fs.readFileSync(input('news.txt'), 'utf8').split('\n');
  const ps = [];
  let bytes = 0;
  for (const line of lines) {
    if (bytes >= PAGE_BYTES) break;
    if (!line.trim()) continue;
    bytes += Buffer.byteLength(line);
    ps.push(`<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
  }
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Fil d'actualité (benchmark, 1 MB)</title>
<style>body{font:15px/1.5 Arial,sans-serif;max-width:900px;margin:0 auto;padding:12px 24px}</style>${withMark ? '<script src="/mark.min.js"></script>' : ''}</head>
<body><h1>Fil d'actualité</h1>
${ps.join('\n')}
</body></html>`;
  return { html, paragraphs: ps.length, text_bytes: bytes };
}

async function startServers() {
  const inputs = {};
  for (const name of fs.readdirSync(path.join(OUT, 'inputs'))) inputs[`/bench/inputs/${name}`] = file(input(name), 'text/plain; charset=utf-8');
  if (fs.existsSync(GEONAMES)) inputs['/bench/inputs/geonames.tsv'] = file(GEONAMES, 'text/plain; charset=utf-8');
  if (fs.existsSync(GEONAMES_BINARY)) inputs['/bench/inputs/geonames.bin.gz'] = file(GEONAMES_BINARY);
  const tagger = await serve({
    root: path.join(ROOT, 'www'),
    routes: {
      ...tree(path.join(ROOT, 'bench', 'page'), '/bench/page/'),
      ...tree(path.join(ROOT, 'bench', 'lib'), '/bench/lib/'),
      ...tree(path.join(ROOT, 'node_modules', 'modern-ahocorasick', 'dist'), '/node_modules/modern-ahocorasick/dist/'),
      '/node_modules/ahocorasick/src/main.js': file(path.join(ROOT, 'node_modules', 'ahocorasick', 'src', 'main.js')),
      '/bookmarklet/engine.js': engineRoute,
      ...inputs,
      // Another build of the package in place of www/pkg (e.g. one with function names, for profiles).
      ...(process.env.BENCH_PKG ? tree(path.resolve(process.env.BENCH_PKG), '/pkg/') : {}),
    },
  });
  // The news site: another site than the tagger's (localhost vs 127.0.0.1), as in real life.
  const page = newsPage(false);
  const markPage = newsPage(true);
  const html = (h) => (req, res) => {
    res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
    res.end(h);
  };
  const site = await serve({
    root: path.join(OUT, 'inputs'),
    routes: {
      '/news.html': html(page.html),
      '/news-mark.html': html(markPage.html),
      '/mark.min.js': file(path.join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js')),
    },
  });
  return {
    tagger: `http://localhost:${new URL(tagger.url).port}`,
    site: site.url.replace(/\/$/, ''),
    page: { paragraphs: page.paragraphs, text_bytes: page.text_bytes, html_bytes: Buffer.byteLength(page.html) },
    close: () => Promise.all([tagger.close(), site.close()]),
  };
}

// ---- 1. start-up ----

async function startup(browser, origin) {
  const runs = [];
  for (let i = 0; i <= RUNS; i++) {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/bench/page/index.html`);
    const r = await page.evaluate(() => window.startup());
    await page.close();
    if (i > 0) runs.push(r);
  }
  const pick = (k) => summarize(runs.map((r) => r[k]));
  const out = {
    import_ms: pick('import_ms'),
    instantiate_ms: pick('instantiate_ms'),
    build_ms: pick('build_ms'),
    entities_ms: pick('entities_ms'),
    ready_ms: summarize(runs.map((r) => r.instantiate_ms + r.build_ms)),
    memory_bytes: runs[0].memory_bytes,
    tiers: {},
    memory: {},
  };
  const page = await browser.context.newPage();
  await page.goto(`${origin}/bench/page/index.html`);
  await page.evaluate(() => window.startup());
  for (const scale of scales().filter((s) => s.layer)) {
    log(`tier build ${scale.name}`);
    const r = await page.evaluate(([url, name, runs]) => window.tier(url, name, runs), [`/bench/inputs/${scale.layer}`, scale.layer, RUNS]);
    out.tiers[scale.name] = { ...summarize(r.ms), patterns: r.patterns };
  }
  if (fs.existsSync(GEONAMES_BINARY)) {
    log('tier build geonames, precompiled');
    const r = await page.evaluate(([url, name, runs]) => window.tier(url, name, runs), ['/bench/inputs/geonames.bin.gz', 'geonames.bin', RUNS]);
    out.tiers['geonames-bin'] = { ...summarize(r.ms), patterns: r.patterns, bytes: fs.statSync(GEONAMES_BINARY).size };
  }
  await page.close();
  for (const scale of scales().filter((s) => s.name === '50k' || s.name === 'geonames')) {
    const p = await browser.context.newPage();
    await p.goto(`${origin}/bench/page/index.html`);
    await p.evaluate(() => window.startup());
    out.memory[scale.name] = await p.evaluate(([url, name]) => window.memoryAfter(url, name), [`/bench/inputs/${scale.layer}`, scale.layer]);
    await p.close();
  }
  return out;
}

// ---- 2. throughput ----

function scaleMessage(scale) {
  return { ...scale, layerUrl: scale.layer ? `/bench/inputs/${scale.layer}` : null };
}

function runsOf(events, kind) {
  return events.filter((e) => e.event === 'run' && e.kind === kind && !e.warmup);
}

async function throughput(browser, origin) {
  const page = await browser.context.newPage();
  await page.goto(`${origin}/bench/page/index.html`);
  const out = { ours: {}, peers: {} };
  for (const scale of scales()) {
    log(`ours ${scale.name}`);
    const bytes = fs.statSync(input(scale.text)).size;
    const r = await page.evaluate(([m, cap, total]) => window.runWorker(m, cap, total), [{ scale: scaleMessage(scale), runs: RUNS }, CAP_MS, 10 * CAP_MS]);
    const cell = { status: r.status, error: r.error, text: scale.text, text_bytes: bytes };
    const build = r.events.find((e) => e.event === 'build');
    if (build) cell.build_ms = build.ms;
    for (const kind of ['tag', 'tagSpans', 'encodeInto']) {
      const runs = runsOf(r.events, kind);
      if (!runs.length) continue;
      const s = summarize(runs.map((e) => e.ms));
      cell[kind] = { ...s, mb_s: mbPerS(bytes, s.median), [kind === 'encodeInto' ? 'bytes' : 'mentions']: runs[0].matches };
    }
    out.ours[scale.name] = cell;
  }
  for (const name of PEER_ORDER) {
    out.peers[name] = { label: PEERS[name].label, how: PEERS[name].how, scales: {} };
    let stop = null;
    for (const scale of scales({ geonames: false })) {
      if (stop) {
        out.peers[name].scales[scale.name] = { status: 'not run', why: stop };
        continue;
      }
      log(`peer ${name} ${scale.name}`);
      const bytes = fs.statSync(input(scale.text)).size;
      const run = (chars, runs, total) =>
        page.evaluate(([m, cap, t]) => window.runWorker(m, cap, t), [{ peer: name, scale: scaleMessage(scale), runs, chars }, CAP_MS, total]);
      const r = await run(undefined, RUNS, 2.5 * CAP_MS);
      const cell = peerCell(r, name, bytes);
      if (cell.status === 'did not finish' || cell.status === 'failed') {
        stop = `${cell.status} at the ${scale.name} scale`;
        if (cell.status === 'did not finish') cell.probe = peerCell(await run(50000, 1, CAP_MS / 2), name, bytes, 50000);
      }
      out.peers[name].scales[scale.name] = cell;
    }
  }
  await page.close();
  return out;
}

function peerCell(r, name, textBytes, chars) {
  const build = r.events.find((e) => e.event === 'build');
  const runs = runsOf(r.events, name);
  const cell = { status: r.status === 'budget' ? 'ok' : r.status, build_ms: build ? build.ms : null, runs: runs.length };
  if (r.error) cell.error = r.error.split('\n')[0];
  if (r.status === 'budget') cell.note = `time budget reached after ${runs.length} runs`;
  if (runs.length) {
    const s = summarize(runs.map((e) => e.ms));
    cell.search_ms = s;
    cell.matches = runs[0].matches;
    cell.mb_s = mbPerS(chars ? (textBytes * chars) / build.chars : textBytes, s.median);
    if (chars) cell.chars = chars;
  } else if (cell.status === 'ok') cell.status = 'did not finish';
  return cell;
}

// ---- 3. page highlighting ----

/**
 * The bookmarklet on the 1 MB page, as a click on the bookmark runs it. Times (performance.now() in
 * the page) from the click to: the tagger ready ("Finding the article…"), the article found ("Reading
 * the page…"), the text walked ("Tagging…"), every highlight registered (state "ready").
 */
async function bookmarkletRun(browser, servers, code) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${servers.site}/news.html`);
  // Playwright's own script, injected into the page at its first wait (15–20 ms of parsing on the
  // page's thread), before the click rather than during the bookmarklet's start.
  await page.waitForFunction(() => true);
  await page.evaluate((c) => {
    const bench = (window.__bench = { log: [], first_highlight_ms: null });
    // The first highlight registered: when the reader first sees one (the screenful is tagged and
    // drawn before its chunk, its chunk before the rest).
    if (window.Highlight) {
      const add = Highlight.prototype.add;
      Highlight.prototype.add = function (range) {
        if (bench.first_highlight_ms == null) bench.first_highlight_ms = performance.now() - bench.t0;
        return add.call(this, range);
      };
    }
    bench.t0 = performance.now();
    (0, eval)(c);
    const st = document.querySelector('sahel-tagger-ui').shadowRoot.querySelector('.st');
    new MutationObserver(() => bench.log.push([performance.now() - bench.t0, st.textContent, window[Symbol.for('sahel-tagger')].state])).observe(st, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  }, code);
  let status = 'ok';
  try {
    await page.waitForFunction(() => ['ready', 'error', 'blocked'].includes(window[Symbol.for('sahel-tagger')]?.state), null, { timeout: CAP_MS, polling: 20 });
  } catch {
    status = 'did not finish';
  }
  const r = await page.evaluate(() => {
    const log = window.__bench.log;
    const at = (re) => (log.find((l) => re.test(l[1])) || [null])[0];
    let highlights = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('sahel-') && name !== 'sahel-current') highlights += h.size;
    const ready = log.find((l) => l[2] === 'ready');
    return {
      state: window[Symbol.for('sahel-tagger')]?.state,
      backend: window[Symbol.for('sahel-tagger')]?.backend,
      // The tagger is ready when the panel starts on the page: looking for its article (the default),
      // or reading it.
      engine_ready_ms: at(/^Finding the article/) ?? at(/^Reading the page/),
      read_ms: at(/^Reading the page/),
      walked_ms: at(/^Tagging/),
      done_ms: ready ? ready[0] : null,
      first_highlight_ms: window.__bench.first_highlight_ms,
      status: log.length ? log[log.length - 1][1] : null,
      highlights,
      mentions: window[Symbol.for('sahel-tagger')]?.mentions().length,
    };
  });
  await page.close();
  if (r.state !== 'ready' && status === 'ok') status = 'failed';
  return { ...r, status, errors };
}

/** mark.js on the 1 MB page: `mark(names, {accuracy: 'exactly', diacritics: true, separateWordSearch: false})`. */
async function markRun(browser, servers, names) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e).split('\n')[0]));
  await page.goto(`${servers.site}/news-mark.html`);
  const cdp = await browser.context.newCDPSession(page);
  await page.evaluate((n) => {
    window.__mark = null;
    setTimeout(() => {
      const t0 = performance.now();
      try {
        new window.Mark(document.body).mark(n, {
          accuracy: 'exactly',
          diacritics: true,
          separateWordSearch: false,
          done: (count) => (window.__mark = { ms: performance.now() - t0, marks: count }),
        });
      } catch (e) {
        window.__mark = { error: String(e), ms: performance.now() - t0 };
      }
    }, 0);
  }, names);
  const done = page.waitForFunction(() => window.__mark, null, { timeout: 0, polling: 100 }).then((h) => h.jsonValue());
  const result = await Promise.race([done, sleep(CAP_MS).then(() => null)]);
  if (!result) {
    // Stop the script where it is, then drop the page; if the renderer does not answer, the browser.
    await Promise.race([cdp.send('Runtime.terminateExecution').catch(() => {}), sleep(5000)]);
    const closed = await Promise.race([page.close().then(() => true), sleep(15000).then(() => false)]);
    done.catch(() => {});
    return { status: 'did not finish', errors, restart: !closed };
  }
  const marks = await page.evaluate(() => document.querySelectorAll('mark').length);
  await page.close();
  if (result.error) return { status: 'failed', error: result.error, ms: result.ms, errors };
  return { status: 'ok', ms: result.ms, marks, errors };
}

async function highlighting(browserRef, servers) {
  const code = bookmarkletCode(servers.tagger);
  const out = { page: servers.page, ours: {}, pipeline: {}, markjs: {} };
  for (const [label, gazetteer] of [
    ['default', null],
    ['500', 'hl-500.tsv'],
    ['5k', 'hl-5k.tsv'],
  ]) {
    log(`bookmarklet ${label}`);
    engineGazetteer = gazetteer;
    const runs = [];
    for (let i = 0; i <= RUNS; i++) {
      const r = await bookmarkletRun(browserRef.current, servers, code);
      if (r.status !== 'ok') {
        runs.push(r);
        break;
      }
      if (i > 0) runs.push(r);
    }
    engineGazetteer = null;
    const ok = runs.filter((r) => r.status === 'ok');
    const cell = { status: ok.length === runs.length ? 'ok' : runs[runs.length - 1].status, runs: ok.length, gazetteer: gazetteer || 'embedded' };
    if (ok.length) {
      cell.total_ms = summarize(ok.map((r) => r.done_ms));
      cell.first_highlight_ms = summarize(ok.map((r) => r.first_highlight_ms));
      cell.startup_ms = summarize(ok.map((r) => r.engine_ready_ms));
      cell.article_ms = summarize(ok.map((r) => r.read_ms - r.engine_ready_ms));
      cell.walk_ms = summarize(ok.map((r) => r.walked_ms - r.read_ms));
      cell.tag_draw_ms = summarize(ok.map((r) => r.done_ms - r.walked_ms));
      cell.highlight_ms = summarize(ok.map((r) => r.done_ms - r.engine_ready_ms));
      Object.assign(cell, { backend: ok[0].backend, mentions: ok[0].mentions, highlights: ok[0].highlights, panel: ok[0].status });
    } else {
      cell.error = runs[0] && (runs[0].errors.join('; ') || runs[0].status);
    }
    out.ours[label] = cell;
  }
  for (const [label, names] of [
    ['default', null],
    ['500', '/bench/inputs/hl-500.tsv'],
    ['5k', '/bench/inputs/hl-5k.tsv'],
  ]) {
    log(`minimal pipeline ${label}`);
    const runs = [];
    for (let i = 0; i <= RUNS; i++) {
      const page = await browserRef.current.context.newPage();
      await page.goto(`${servers.site}/news.html`);
      const r = await page.evaluate(
        async ([origin, n]) => {
          const m = await import(`${origin}/bench/page/pipeline.js`);
          return { ...(await m.start(n)), ...(await m.highlight()) };
        },
        [servers.tagger, names]
      );
      await page.close();
      if (i > 0) runs.push(r);
    }
    const pick = (k) => summarize(runs.map((r) => r[k]));
    out.pipeline[label] = {
      startup_ms: summarize(runs.map((r) => r.instantiate_ms + r.build_ms)),
      walk_ms: pick('walk_ms'),
      tag_ms: pick('tag_ms'),
      ranges_ms: pick('ranges_ms'),
      registered_ms: pick('registered_ms'),
      painted_ms: pick('painted_ms'),
      mentions: runs[0].mentions,
    };
  }
  for (const label of ['500', '5k']) {
    log(`mark.js ${label}`);
    const names = fs.readFileSync(input(`hl-${label}.txt`), 'utf8').split('\n').filter(Boolean);
    const runs = [];
    // Slow runs: fewer of them (at least 3) so that the whole benchmark stays within minutes.
    for (let i = 0; i < RUNS; i++) {
      const r = await markRun(browserRef.current, servers, names);
      if (r.restart) await browserRef.restart();
      runs.push(r);
      if (r.status !== 'ok') break;
      if (i >= 2 && runs.reduce((s, x) => s + x.ms, 0) > 2 * CAP_MS) break;
    }
    const ok = runs.filter((r) => r.status === 'ok');
    const last = runs[runs.length - 1];
    const cell = { status: last.status, runs: ok.length, names: names.length };
    if (ok.length) Object.assign(cell, { ms: summarize(ok.map((r) => r.ms)), marks: ok[0].marks });
    if (last.error) cell.error = last.error;
    if (last.errors.length) cell.page_errors = [...new Set(last.errors)].slice(0, 3);
    out.markjs[label] = cell;
    if (cell.status !== 'ok') {
      for (const rest of ['500', '5k'].slice(['500', '5k'].indexOf(label) + 1)) out.markjs[rest] = { status: 'not run', why: `${cell.status} at ${label} names` };
      break;
    }
  }
  return out;
}

// ---- profile (not part of `make bench`: `node bench/chromium.mjs --only profile`) ----

/** Self and total time per function of a CDP CPU profile, the heaviest first. */
function profileTable(profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) || 0) + (profile.timeDeltas[i] || 0) / 1000);
  const key = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? path.basename(n.callFrame.url) + ':' + (n.callFrame.lineNumber + 1) : ''}`.trim();
  const rows = new Map();
  for (const [id, ms] of self) {
    const k = key(byId.get(id));
    const r = rows.get(k) || { fn: k, self_ms: 0, total_ms: 0 };
    r.self_ms += ms;
    rows.set(k, r);
    // Total: once per function on the sample's stack.
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const kk = key(byId.get(n));
      if (seen.has(kk)) continue;
      seen.add(kk);
      const rr = rows.get(kk) || { fn: kk, self_ms: 0, total_ms: 0 };
      rr.total_ms += ms;
      rows.set(kk, rr);
    }
  }
  const round = (r) => ({ fn: r.fn, self_ms: Math.round(r.self_ms), total_ms: Math.round(r.total_ms) });
  return {
    by_self: [...rows.values()].sort((a, b) => b.self_ms - a.self_ms).slice(0, top).map(round),
    by_total: [...rows.values()].sort((a, b) => b.total_ms - a.total_ms).slice(0, top).map(round),
  };
}

/** Time per trace event name on the page's main thread (complete events; nested ones overlap). */
function traceTable(events, top = 25) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'));
  const rows = new Map();
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
    const r = rows.get(e.name) || { name: e.name, ms: 0, count: 0 };
    r.ms += e.dur / 1000;
    r.count++;
    rows.set(e.name, r);
  }
  return [...rows.values()].sort((a, b) => b.ms - a.ms).slice(0, top).map((r) => ({ ...r, ms: Math.round(r.ms) }));
}

/** CPU profiles of the page's main thread: the bookmarklet on the 1 MB page, and tagSpans of 1 MB. */
async function profiles(browser, servers) {
  const out = {};
  const page = await browser.context.newPage();
  await page.goto(`${servers.site}/news.html`);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.evaluate((c) => (0, eval)(c), bookmarkletCode(servers.tagger));
  await page.waitForFunction(() => window[Symbol.for('sahel-tagger')]?.state === 'ready', null, { timeout: CAP_MS, polling: 20 });
  const wall = Date.now() - t0;
  const { profile } = await cdp.send('Profiler.stop');
  out.bookmarklet = { wall_ms: wall, ...profileTable(profile) };
  await page.close();

  // The same run traced: where the main thread's non-JavaScript time ("(program)" above) goes.
  const tp = await browser.context.newPage();
  await tp.goto(`${servers.site}/news.html`);
  const tc = await browser.context.newCDPSession(tp);
  const events = [];
  tc.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((r) => tc.once('Tracing.tracingComplete', r));
  await tc.send('Tracing.start', { categories: 'devtools.timeline,blink,v8.execute,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await tp.evaluate((c) => (0, eval)(c), bookmarkletCode(servers.tagger));
  await tp.waitForFunction(() => window[Symbol.for('sahel-tagger')]?.state === 'ready', null, { timeout: CAP_MS, polling: 20 });
  await tc.send('Tracing.end');
  await complete;
  await tp.close();
  out.bookmarklet_trace = traceTable(events);

  // tagSpans() and tag() on the 10 MB texts, on the main thread: where the time goes inside the
  // WebAssembly (function names need a package with a name section: BENCH_PKG, see bench/README.md).
  for (const scale of scales().filter((x) => x.name === 'default' || x.name === '50k')) {
    for (const kind of ['tagSpans', 'tag']) {
      const p = await browser.context.newPage();
      await p.goto(`${servers.tagger}/bench/page/index.html`);
      await p.evaluate(() => window.startup());
      await p.evaluate(
        async ([layerUrl, name, textUrl]) => {
          const layer = layerUrl ? await (await fetch(layerUrl)).text() : null;
          window.text = await (await fetch(textUrl)).text();
          window.tagger = layer ? window.glue.Tagger.fromSources([{ name, text: layer, tier: 'extended' }], true) : new window.glue.Tagger();
          window.tagger.tagSpans(window.text);
        },
        [scale.layer ? `/bench/inputs/${scale.layer}` : null, scale.layer, `/bench/inputs/${scale.text}`]
      );
      const cdp = await browser.context.newCDPSession(p);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      const r = await p.evaluate((k) => {
        const t = performance.now();
        let n = 0;
        for (let i = 0; i < 3; i++) n = k === 'tag' ? window.tagger.tag(window.text, { unlisted: false }).length : window.tagger.tagSpans(window.text).length / 4;
        return { ms_per_call: (performance.now() - t) / 3, mentions: n };
      }, kind);
      const { profile } = await cdp.send('Profiler.stop');
      out[`${kind}_${scale.name}`] = { ...r, ...profileTable(profile, 20) };
      await p.close();
    }
  }
  return out;
}

// ---- main ----

const servers = await startServers();
const browserRef = {
  current: await launch(),
  async restart() {
    await Promise.race([this.current.close().catch(() => {}), sleep(10000)]);
    this.current = await launch();
  },
};
const file_ = path.join(OUT, 'chromium.json');
const previous = only && fs.existsSync(file_) ? JSON.parse(fs.readFileSync(file_, 'utf8')) : {};
const result = { ...previous, runs: RUNS, cap_s: CAP_MS / 1000, date: new Date().toISOString(), load_average_start: machine().load_average };
try {
  const probe = await browserRef.current.context.newPage();
  try {
    result.chromium = execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    result.chromium = (await probe.evaluate(() => navigator.userAgent)).match(/Chrome\/([\d.]+)/)?.[0];
  }
  await probe.close();
  if (!only || only === 'startup') {
    log('start-up');
    result.startup = await startup(browserRef.current, servers.tagger);
  }
  if (!only || only === 'throughput') result.throughput = await throughput(browserRef.current, servers.tagger);
  if (!only || only === 'highlight') result.highlight = await highlighting(browserRef, servers);
  if (only === 'profile') {
    result.profile = await profiles(browserRef.current, servers);
    console.log(JSON.stringify(result.profile, null, 1));
  }
} finally {
  await browserRef.current.close().catch(() => {});
  await servers.close();
}
result.load_average_end = machine().load_average;
writeJson(file_, result);
log(`wrote ${path.relative(ROOT, file_)}`);
