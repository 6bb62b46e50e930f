// Where the tagger runs (see main.js for the order they are tried in): in the page itself, with the
// tagger origin's engine.js imported, or in a frame or a window of the tagger origin's remote.html,
// spoken to over a MessageChannel handed over after an origin-checked hello. Each resolves to an
// engine `{kind, v, ents, lay, art, tag(text), details(text), layer(on), article(html), prefer(on),
// format(fmt, rows, doc, page), close()}`: `article(html)` finds the article of a numbered copy of the page (../../shared/article.js)
// with Readability, in the tagger origin's frame or window, or here from the tagger origin's modules;
// `art.on` is the reader's choice of "article only", `prefer(on)` remembers it (in the tagger
// origin's storage: a frame or window only).
import { h } from '../../shared/dom.js';
import { numbered } from '../../shared/article.js';

/** The protocol version sent in the hello's answer. */
export const VERSION = '2';
/** A frame of the tagger that loads and says nothing, with no policy of the page blocking it. */
export const SILENT = 'the tagger frame did not answer';

export const limit = (p, ms, why) => Promise.race([p, new Promise((_, no) => setTimeout(() => no(new Error(why)), ms))]);

/** The tagger in this page (`quick`: a frame of it was silent, so the import is given less time). */
export async function inPage(S, quick) {
  const mod = await limit(import(S.ORIGIN + '/bookmarklet/engine.js'), quick ? 5000 : 20000, 'the tagger module did not load');
  S.reached = true;
  // Throws at once where the page forbids WebAssembly, before the module fetches any.
  new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  let e = await limit(mod.createEngine({ sources: S.sources }), 60000, 'the tagger did not start');
  // Here the reader's choice of villages cannot be kept: the tagger origin's storage is not at hand.
  const ok = await limit(mod.villageLayerAvailable(), 20000, '').catch(() => false);
  const table = (x) => ({ v: x.version, ents: x.entities, lay: { ok, on: x.villages > 0, n: x.villages, keep: false }, srcErr: x.sourcesError });
  return {
    kind: 'page',
    ...table(e),
    art: { on: true },
    // Readability from the tagger origin (vendor/ answers with CORS like shared/); a page whose
    // Trusted Types forbid DOMParser strings makes it fail: the whole page is tagged then.
    article: async (html) => (await limit(import(S.ORIGIN + '/shared/readable.js'), 20000, 'Readability did not load')).findArticleIn(html),
    prefer: async () => {},
    tag: async (t) => (e.tagUnlisted ? e.tagUnlisted(t) : e.tagSpans(t)),
    details: async (t) => e.details(t),
    format: async (fmt, rows, doc, page) => (await import(S.ORIGIN + '/shared/mentions.js')).exportText(fmt, rows, doc, page),
    layer: async (on) => table((e = await mod.createEngine({ villages: on, sources: S.sources }))),
    // Here review marks are kept for the run only: the tagger origin's storage is not at hand.
    review: async () => null,
    close: () => mod.freeEngines(),
  };
}

/**
 * The tagger in a hidden frame (`kind` 'frame', appended to the panel's shadow root) or a small window
 * ('window') of remote.html. `lost()` is called when the page removes a frame that was answering.
 */
export function remote(S, kind, lost) {
  const { ORIGIN } = S;
  const W = window;
  const D = document;
  return new Promise((ok, no) => {
    let win = null;
    let frame = null;
    let timer = 0;
    let poll = 0;
    let port = null;
    let copy = null;
    let settled = false;
    let seq = 0;
    let watch = null;
    const waiting = new Map();
    const ask = (q) =>
      new Promise((res, rej) => {
        const id = ++seq;
        waiting.set(id, [res, rej]);
        port.postMessage({ ...q, id });
      });
    const stop = () => {
      clearTimeout(timer);
      W.removeEventListener('message', onMessage);
      D.removeEventListener('securitypolicyviolation', onViolation, true);
    };
    const end = () => {
      stop();
      clearInterval(poll);
      if (watch) watch.disconnect();
      if (port) port.close();
      if (frame) frame.remove();
      if (win && kind === 'window' && !win.closed) win.close();
      for (const w of waiting.values()) w[1](new Error('the tagger ' + kind + ' closed'));
      waiting.clear();
    };
    const fail = (why) => {
      if (settled) return;
      settled = true;
      end();
      no(new Error(why));
    };
    const onViolation = (e) => {
      if (kind === 'frame' && /^(frame|child|default)-src/.test(e.effectiveDirective || e.violatedDirective || '') && (e.blockedURI || '').slice(0, ORIGIN.length) === ORIGIN) fail('frames');
    };
    const onMessage = (e) => {
      const d = e.data;
      if (e.origin !== ORIGIN || e.source !== win || !d || d.t !== 'sahel-tagger' || d.k !== 'hello') return;
      stop();
      const ch = new MessageChannel();
      port = ch.port1;
      port.onmessage = (ev) => {
        const r = ev.data || {};
        if (r.k === 'ready' && !settled && Array.isArray(r.ents)) {
          settled = true;
          clearTimeout(timer);
          ok({
            kind,
            v: r.v,
            ents: r.ents,
            lay: r.lay,
            srcErr: r.srcErr || null,
            art: r.art || { on: true },
            tag: (t) => ask({ k: 'tag', text: t, u: 1 }),
            article: (html) => ask({ k: 'article', html }),
            prefer: (on) => ask({ k: 'prefer', article: on }),
            details: (t) => ask({ k: 'details', text: t }),
            review: (doc, changes) => ask({ k: 'review', doc, changes }),
            format: (fmt, rows, doc, page) => ask({ k: 'format', fmt, rows, doc, page }),
            layer: (on) => ask({ k: 'layer', on }),
            close: end,
          });
        } else if (r.k === 'fail') fail('the tagger failed: ' + r.msg);
        else if (waiting.has(r.id)) {
          const w = waiting.get(r.id);
          waiting.delete(r.id);
          if (r.k === 'spans' && r.spans instanceof Uint32Array) w[0](Array.isArray(r.unl) ? { spans: r.spans, unl: r.unl } : r.spans);
          else if (r.k === 'details' && Array.isArray(r.list)) w[0](r.list);
          else if (r.k === 'table' && Array.isArray(r.ents)) w[0](r);
          else if (r.k === 'article') w[0](r);
          else if (r.k === 'review') w[0](r.marks || []);
          else if (r.k === 'format' && typeof r.text === 'string') w[0](r.text);
          else w[1](new Error(r.msg || 'bad answer'));
        }
      };
      win.postMessage({ t: 'sahel-tagger', k: 'connect', v: VERSION, sources: S.sources }, ORIGIN, [ch.port2]);
      // The article is looked for while the tagger starts (the frame answers at once), unless the
      // reader chose the whole page in this run: S.early holds the numbered copy's elements and the
      // answer, for main.js's first search.
      if (S.artOn) {
        const c = copy || numbered(D, S.host);
        S.early = [c.els, ask({ k: 'article', html: c.html, early: 1 })];
        S.early[1].catch(() => {});
      }
      timer = setTimeout(() => fail('the tagger ' + kind + ' did not start'), 90000);
    };
    W.addEventListener('message', onMessage);
    D.addEventListener('securitypolicyviolation', onViolation, true);
    const url = ORIGIN + '/bookmarklet/remote.html';
    if (kind === 'frame') {
      frame = h('iframe', { src: url, title: 'Sahel tagger', hidden: true });
      // remote.js says hello before its frame's load event: a frame loaded and silent is blocked (a
      // policy of the page says so at once) or shows the browser's error page (the tagger site is
      // down or unreachable).
      frame.addEventListener('load', () => port || setTimeout(() => port || fail(SILENT), 2000));
      S.root.append(frame);
      win = frame.contentWindow;
      // The page's numbered copy, made while the frame loads in its own process (this thread is
      // idle until it says hello), ready to send when it does.
      if (S.artOn) copy = numbered(D, S.host);
      // The page may remove the panel, and the frame with it: noticed at once, never waited for.
      watch = new MutationObserver(() => {
        if (frame.isConnected) return;
        if (!settled) return fail('the page removed the tagger frame');
        end();
        for (const w of waiting.values()) w[1](new Error('the page removed the tagger frame'));
        waiting.clear();
        lost();
      });
      watch.observe(D.documentElement, { childList: true });
      watch.observe(S.root, { childList: true });
    } else {
      try {
        win = W.open(url, 'sahel-tagger-' + Date.now(), 'popup,width=480,height=360');
      } catch (e) {
        win = null;
      }
      if (!win) return fail('pop-up windows');
      const opened = Date.now();
      // Closed at once: the page's Cross-Origin-Opener-Policy cut the window off.
      poll = setInterval(() => win.closed && fail(Date.now() - opened < 2000 ? 'replies from the windows it opens' : 'the tagger window was closed'), 250);
    }
    // A frame of a reachable tagger says hello within a few seconds; a window may wait for the reader.
    timer = setTimeout(() => fail(kind === 'frame' ? SILENT : 'the tagger ' + kind + ' did not answer'), kind === 'frame' ? 5000 : 30000);
  });
}
