// Functions bench/chromium.mjs calls in the tagger origin's page (index.html).

/**
 * Start-up as a page does it: import the package's module, instantiate the WebAssembly (fetch,
 * compile, instantiate), build the default gazetteer; then what the bookmarklet's engine also asks
 * for (the entity table).
 */
window.startup = async () => {
  const t0 = performance.now();
  const glue = await import('/pkg/sahel_tagger.js');
  const t1 = performance.now();
  const wasm = await glue.default({ module_or_path: '/pkg/sahel_tagger_bg.wasm' });
  const t2 = performance.now();
  const tagger = new glue.Tagger();
  const t3 = performance.now();
  const entities = tagger.entities().length;
  const t4 = performance.now();
  tagger.free();
  window.glue = glue;
  window.wasm = wasm;
  return { import_ms: t1 - t0, instantiate_ms: t2 - t1, build_ms: t3 - t2, entities_ms: t4 - t3, entities, memory_bytes: wasm.memory.buffer.byteLength };
};

/**
 * Build times of a tier (`fromSources([layer], true)`): a warm-up, then `runs` builds. A `.gz` URL is
 * a precompiled layer (data/geonames.bin.gz), decompressed and given as `bytes`, as shared/layer.js does.
 */
window.tier = async (url, name, runs) => {
  const response = await fetch(url);
  const source = url.endsWith('.gz')
    ? { name, bytes: new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()), tier: 'geonames' }
    : { name, text: await response.text(), tier: 'extended' };
  const ms = [];
  let patterns = 0;
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    const tagger = window.glue.Tagger.fromSources([source], true);
    const elapsed = performance.now() - t;
    if (i > 0) ms.push(elapsed);
    if (i === runs) patterns = tagger.stats().patterns;
    tagger.free();
  }
  return { ms, patterns };
};

/** Linear memory after building a tier in this (fresh) page, the tagger kept alive. */
window.memoryAfter = async (url, name) => {
  const text = await (await fetch(url)).text();
  const before = window.wasm.memory.buffer.byteLength;
  window.kept = window.glue.Tagger.fromSources([{ name, text, tier: 'extended' }], true);
  return { initial_bytes: before, after_build_bytes: window.wasm.memory.buffer.byteLength };
};

/**
 * Runs one contender in a fresh module worker (worker.js) and collects its events. The worker is
 * terminated when `capMs` pass without an event (a run that does not finish) or after `totalMs`.
 */
window.runWorker = (message, capMs, totalMs) =>
  new Promise((resolve) => {
    const worker = new Worker('/bench/page/worker.js', { type: 'module' });
    const events = [];
    const t0 = performance.now();
    let timer = 0;
    const finish = (status, error) => {
      clearTimeout(timer);
      worker.terminate();
      resolve({ status, error, events, ms: performance.now() - t0 });
    };
    const arm = () => {
      clearTimeout(timer);
      const budget = totalMs - (performance.now() - t0);
      timer = setTimeout(() => finish(budget < capMs ? 'budget' : 'did not finish'), Math.max(0, Math.min(capMs, budget)));
    };
    worker.onmessage = ({ data }) => {
      if (data.event === 'done') return finish('ok');
      if (data.event === 'error') return finish('failed', data.error);
      events.push(data);
      arm();
    };
    worker.onerror = (e) => finish('failed', e.message || 'worker error');
    arm();
    worker.postMessage(message);
  });
