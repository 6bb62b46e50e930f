// Shared by the Node.js parts of the harness: paths, scales, medians, the machine, timed children.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT = path.join(ROOT, 'bench', 'out');
export const INPUTS = path.join(OUT, 'inputs');
export const GEONAMES = path.join(ROOT, 'www', 'data', 'geonames.tsv');
/** The same layer precompiled and gzipped (`make geonames`), as the page fetches it. */
export const GEONAMES_BINARY = path.join(ROOT, 'www', 'data', 'geonames.bin.gz');

/** Runs per measurement (after one warm-up run), and the cap of each peer run. */
export const RUNS = Number(process.env.BENCH_RUNS || 5);
export const CAP_MS = Number(process.env.BENCH_CAP_S || 60) * 1000;

/**
 * The gazetteer scales. `layer`: the TSV layer loaded over the embedded gazetteer (extended tier), as
 * `Tagger.fromSources([{name, text, tier: 'extended'}], true)`; `text`: the 10 MB news text tagged
 * with it; `folded`/`patterns`: the same text and every distinct variant, folded, for the peers;
 * `variants`: the variants as written (for the peer that folds in JavaScript).
 */
export function scales({ geonames = fs.existsSync(GEONAMES) } = {}) {
  const list = [
    { name: 'default', label: 'default gazetteer', text: 'news.txt', folded: 'news.folded.txt', patterns: 'patterns-default.txt', variants: 'variants-default.txt', layer: null },
    { name: '5k', label: '+5k names', text: 'news-50k.txt', folded: 'news-50k.folded.txt', patterns: 'patterns-5k.txt', variants: 'variants-5k.txt', layer: 'tier-5k.tsv' },
    { name: '50k', label: '+50k names', text: 'news-50k.txt', folded: 'news-50k.folded.txt', patterns: 'patterns-50k.txt', variants: 'variants-50k.txt', layer: 'tier-50k.tsv' },
  ];
  if (geonames) {
    list.push({
      name: 'geonames',
      label: '+GeoNames layer',
      text: 'news-geonames.txt',
      folded: 'news-geonames.folded.txt',
      patterns: 'patterns-geonames.txt', variants: 'variants-geonames.txt',
      layer: 'geonames.tsv',
    });
  }
  return list;
}

/** The file of a scale's layer (the GeoNames layer lives in www/data). */
export function layerPath(name) {
  return name === 'geonames.tsv' ? GEONAMES : path.join(INPUTS, name);
}

export function input(name) {
  return path.join(INPUTS, name);
}

export function median(values) {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  if (!n) return null;
  return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/** `{median, min, max, n}` of a list of milliseconds. */
export function summarize(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

export function mbPerS(bytes, ms) {
  return ms > 0 ? bytes / 1e6 / (ms / 1e3) : null;
}

/** The machine the figures come from. */
export function machine() {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m);
  return {
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpu: cpu ? cpu[1].trim() : os.cpus()[0]?.model,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    load_average: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/**
 * Runs `node script ...args` and collects the JSON lines it prints. The child is killed when `capMs`
 * pass without a line (a run that does not finish: status 'did not finish'), or when it has run
 * `totalMs` in all (status 'budget': the runs done so far stand). Resolves to
 * `{ events, status: 'ok' | 'did not finish' | 'budget' | 'failed', error? }`; never rejects.
 */
export function runChild(script, args, { capMs = CAP_MS, totalMs = Infinity, onEvent = () => {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const events = [];
    let stderr = '';
    let buffer = '';
    let status = null;
    const started = Date.now();
    let timer = null;
    const arm = () => {
      clearTimeout(timer);
      const budget = totalMs - (Date.now() - started);
      timer = setTimeout(() => {
        status = budget < capMs ? 'budget' : 'did not finish';
        child.kill('SIGKILL');
      }, Math.max(0, Math.min(capMs, budget)));
    };
    arm();
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!line.trim()) continue;
        try {
          const event = JSON.parse(line);
          events.push(event);
          onEvent(event);
          arm();
        } catch {
          stderr += line + '\n';
        }
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (!status) status = code === 0 ? 'ok' : 'failed';
      const error = status === 'failed' ? (stderr.trim().split('\n').filter((l) => /Error|error/.test(l))[0] || `exit ${code ?? signal}`) : undefined;
      resolve({ events, status, error, ms: Date.now() - started });
    });
  });
}
