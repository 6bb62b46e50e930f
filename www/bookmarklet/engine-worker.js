// The tagger of the bookmarklet's helper page (remote.html), in a worker of that page: the WebAssembly
// compiles, the gazetteer builds and the page's text is tagged here, while the helper's own thread
// looks for the article with Readability (a DOM parse and a scoring pass of the whole page, 80–100 ms
// on a 1 MB page). On one thread, the tagger's start waited behind that search; here the two run side
// by side, and the tagger answers the visited page on its own port, whatever the helper's thread is
// doing.
//
// remote.js starts this worker as soon as remote.html runs, with the reader's choice of the village
// layer (`{k: 'start', villages}`): the engine is built at once, before the visited page has connected.
// When it connects, remote.js hands over its port (`{k: 'serve', sid, port, origin, v, sources,
// villages, art, keep}`: a number for this connection, the protocol version, the carried entries, the
// reader's choices read from the helper's storage). From then on this worker owns the port: it answers `tag`, `details` and `layer`
// itself (remote.js's header lists the messages) and passes the others (`article`, `review`,
// `format`, `prefer`: they need the DOM or the helper's storage) to remote.js as `{k: 'ask', sid,
// d}`, whose answers (`{k: 'answer', sid, msg}`) it sends on. To remote.js it also sends what the helper page
// shows (`{k: 'say', s, d}`), what to remember (`{k: 'remember', villages}`) and its User Timing marks
// (`{k: 'mark', name, at}`, `at` in ms since the epoch: one clock for both threads), and once its
// modules have loaded `{k: 'up'}` (or `{k: 'down', msg}`: remote.js then reports the failed start).

const message = (err) => String((err && err.message) || err);

// The WebAssembly and every module engine.js imports are asked for at once (dynamic imports start
// their fetches together): one round trip to the tagger site, not one per import level.
// tests/e2e/bookmarklet-start.test.mjs holds this list equal to engine.js's imports.
const wasm = fetch(new URL('../pkg/sahel_tagger_bg.wasm', import.meta.url));
wasm.catch(() => {});
const modules = Promise.all([
  import('./engine.js'),
  import('../pkg/sahel_tagger.js'),
  // wasm-bindgen names the snippet's folder after the crate's name and version (as in remote.html).
  import('../pkg/snippets/sahel-tagger-wasm-dec99f95814573a9/js/assemble.js'),
  import('../shared/layer.js'),
]);

modules.then(
  () => postMessage({ k: 'up' }),
  (err) => postMessage({ k: 'down', msg: `the tagger's modules did not load: ${message(err)}` })
);

const MAX_TEXT = 64 * 1024 * 1024;
const mark = (name) => postMessage({ k: 'mark', name, at: performance.timeOrigin + performance.now() });
const say = (s, d = '') => postMessage({ k: 'say', s, d });

/** The user's entries and rules the bookmarklet carries (sent with `serve`). */
let carried = [];

/** The engine with or without the layer; `lay` says what the panel's switch shows (`keep` added by `serve`). */
async function load(on) {
  const [{ createEngine, villageLayerAvailable }] = await modules;
  const ok = await villageLayerAvailable();
  const engine = await createEngine({ villages: on && ok, sources: carried, wasm });
  return { engine, lay: { ok, on: engine.villages > 0, n: engine.villages } };
}

/**
 * The entity table in the shape a client of protocol `v` reads: objects since version 2; for a
 * bookmarklet installed before (version 1, its code lives in the reader's bookmarks and is never
 * updated by us), the rows it reads: [id, name, type, subtype, generated (0/1), note].
 */
function entityTable(entities, v) {
  if (v !== '1') return entities;
  return entities.map((e) => {
    const x = e.tier === 'curated' || e.tier === 'user' ? 0 : 1;
    return [e.id, e.name, e.type, e.subtype || '', x, x ? (e.description || '').replace(/\s*\(GeoNames\)$/, '') : ''];
  });
}

/** Answers the visited page on `port` (see the header); `sid` numbers the connection for remote.js. */
function serve({ sid, port, origin, v, villages, art, keep }) {
  let chars = 0;
  let mentions = 0;
  let engine = null;
  let lay = null;
  const table = () => ({ v: engine.version, ents: entityTable(engine.entities, v), lay: { ...lay, keep }, srcErr: engine.sourcesError });
  say('Loading the tagger…', `For ${origin}`);
  // What needs the tagger waits for it, in the order asked (a text sent after a layer switch is
  // tagged with it). A village layer that no longer loads (a stale generated file) must not stop it.
  let queue = load(villages)
    .catch(() => load(false))
    .then(
      (r) => {
        ({ engine, lay } = r);
        mark('sahel-tagger:ready');
        port.postMessage({ k: 'ready', ...table(), art: { on: art } });
        say('Ready', `Tagging the text of ${origin}…`);
      },
      (err) => {
        port.postMessage({ k: 'fail', msg: message(err) });
        say('The tagger could not start', message(err));
      }
    );
  const withEngine = (id, answer) => {
    queue = queue.then(async () => {
      try {
        if (!engine) throw new Error('the tagger could not start');
        await answer();
      } catch (err) {
        port.postMessage({ k: 'error', id, msg: message(err) });
      }
    });
  };
  const tag = (d) => {
    const { spans, unl } = d.u ? engine.tagUnlisted(d.text) : { spans: engine.tagSpans(d.text), unl: undefined };
    chars += d.text.length;
    mentions += spans.length / 4;
    port.postMessage({ k: 'spans', id: d.id, spans, unl }, [spans.buffer]);
    say(`Tagged the text of ${origin}`, `${chars.toLocaleString('en')} characters, ${mentions.toLocaleString('en')} mentions.`);
  };
  port.onmessage = (e) => {
    const d = e.data;
    if (!d || !Number.isInteger(d.id)) return;
    if ((d.k === 'tag' || d.k === 'details') && typeof d.text === 'string') {
      withEngine(d.id, () => {
        if (d.text.length > MAX_TEXT) port.postMessage({ k: 'error', id: d.id, msg: 'text too long' });
        else if (d.k === 'tag') tag(d);
        else port.postMessage({ k: 'details', id: d.id, list: engine.details(d.text) });
      });
    } else if (d.k === 'layer' && typeof d.on === 'boolean') {
      withEngine(d.id, async () => {
        try {
          say(d.on ? 'Loading the GeoNames villages…' : 'Removing the GeoNames villages…', `For ${origin}`);
          ({ engine, lay } = await load(d.on));
          if (lay.ok) postMessage({ k: 'remember', villages: d.on });
          port.postMessage({ k: 'table', id: d.id, ...table() });
          say('Ready', lay.on ? `With ${lay.n.toLocaleString('en')} GeoNames villages.` : '');
        } catch (err) {
          say('Ready', `The GeoNames villages could not be loaded: ${message(err)}`);
          throw err;
        }
      });
    } else if (['article', 'review', 'format', 'prefer'].includes(d.k)) {
      postMessage({ k: 'ask', sid, d });
    }
  };
  // remote.js's answers to what it was asked, sent on as they come.
  addEventListener('message', (e) => e.data?.k === 'answer' && e.data.sid === sid && port.postMessage(e.data.msg));
}

addEventListener('message', (e) => {
  const d = e.data || {};
  // Built now and kept: `serve` asking for the same mode finds it built (createEngine keeps engines by mode).
  if (d.k === 'start') load(Boolean(d.villages)).catch(() => {});
  else if (d.k === 'serve' && d.port) {
    carried = Array.isArray(d.sources) ? d.sources : [];
    serve({ sid: d.sid, port: d.port, origin: String(d.origin), v: String(d.v || '1'), villages: Boolean(d.villages), art: d.art !== false, keep: Boolean(d.keep) });
  }
});
