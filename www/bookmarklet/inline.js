// The bookmarklet's code: everything that runs in the visited page.
//
// install.js turns this one function into the `javascript:` URL (Function.prototype.toString, then
// whole-line comments and indentation dropped), so it must stay self-contained: no reference to
// anything outside it, only whole-line `//` comments, no string or template literal over two lines,
// ASCII only (\u escapes), and well under Firefox's 65,536-character cap for a bookmark
// (tests/e2e/bookmarklet.test.mjs measures it).
//
// What it does: walks the page's visible text into one string (block boundaries become "\n\n", inline
// elements join, so <b>Niafu</b>nke is one word), tags it in chunks with the tagger served from ORIGIN,
// and draws the mentions with the CSS Custom Highlight API (one highlight per entity type), or with
// <mark> elements it removes exactly when the API is missing. A panel in a shadow root lists them.
//
// Where the tagger runs, first that works:
//   1. in a hidden frame of ORIGIN/bookmarklet/remote.html: the tagger origin's own page under its own
//      CSP, so the page's script-src and 'wasm-unsafe-eval' do not matter, no CORS is needed, and on
//      another site the browser runs it in another process: the page's main thread only draws;
//   2. in the page: import(ORIGIN/bookmarklet/engine.js) and its WebAssembly (when the page blocks
//      frames but allows scripts from ORIGIN, 'wasm-unsafe-eval' and connections; CORS on ORIGIN);
//   3. in a small window of remote.html (needs pop-ups; the panel says what the page blocks);
//   4. otherwise the panel says what the page blocks, with a button that opens the window (a click is
//      a user gesture pop-up blockers accept) and a way to copy the text to the tagger page.
// The frame and the window talk over a MessageChannel handed over after an origin-checked hello.
//
// The GeoNames village layer (ORIGIN/data/geonames.tsv, optional): a switch in the panel, off unless the
// reader turned it on before (remote.js remembers it in ORIGIN's storage, never the page's), has the
// tagger rebuilt with the layer and the page tagged again from scratch (a new entity table). Entity rows
// are [id, name, type, subtype, extended, note]: village mentions say "GeoNames (CC BY 4.0)"; possible
// mentions (flag 2) get their own highlight, `<type>-p`, drawn paler with a dashed underline.
export function sahelBookmarklet(ORIGIN) {
  'use strict';
  const W = window;
  const D = document;
  // The running bookmarklet's handle: a registered symbol, non-enumerable, so that no name of the page
  // (a global `sahelTagger` of its own, say) can collide with it or be overwritten.
  const KEY = Symbol.for('sahel-tagger');
  const old = W[KEY];
  if (old && typeof old.retag === 'function' && typeof old.show === 'function') {
    old.show();
    old.retag();
    return;
  }
  const VERSION = '1';
  const P = 'sahel-';
  const CHUNK = 250000;
  // While tagging, the highlights and the panel are drawn at most every DRAW ms (and at the end).
  const DRAW = 500;
  const HL = !!(W.CSS && CSS.highlights && W.Highlight && W.StaticRange);
  const TYPES = {
    place: ['Places', '#1a73e8'],
    armed_group: ['Armed groups', '#d93025'],
    force: ['Forces', '#188038'],
    person: ['People', '#9334e6'],
    organization: ['Organizations', '#e37400'],
    media: ['Media', '#00838f'],
  };
  const colorOf = (t) => (TYPES[t] || [0, '#5f6368'])[1];
  const labelOf = (t) => (TYPES[t] || [t])[0];
  const SKIP = new Set(
    'script style noscript textarea input select option template iframe frame object embed canvas video audio svg math head'.split(' ')
  );

  let text = '';
  let ents = [];
  let eng = null;
  let busy = null;
  let dead = false;
  let state = 'loading';
  let cur = -1;
  let curMarks = [];
  let lay = null;
  let unreachable = false;
  let reached = false;
  const SN = [];
  const SS = [];
  const SL = [];
  let segAt = new WeakMap();
  let seen = new WeakSet();
  const M = [];
  const hidden = new Set();
  const hls = {};
  const markOf = new WeakMap();
  const undo = [];
  const offs = [];
  const blocked = new Set();
  const open = new Set();
  const NF = new Intl.NumberFormat('en');
  const num = (n) => NF.format(n);
  const CO = new Intl.Collator();
  const pause = () => new Promise((r) => setTimeout(r, 0));
  const alive = () => {
    if (dead) throw new Error('closed');
  };
  const listen = (target, type, fn, opt) => {
    target.addEventListener(type, fn, opt);
    offs.push(() => target.removeEventListener(type, fn, opt));
  };
  const append = (e, ...kids) => {
    for (const c of kids) if (c != null) e.append(c);
    return e;
  };
  const h = (tag, props, ...kids) => {
    const e = D.createElement(tag);
    for (const k in props || {}) {
      const v = props[k];
      if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), v);
      else if (k in e) e[k] = v;
      else e.setAttribute(k, v);
    }
    return append(e, ...kids);
  };
  const sheetFor = (css, target) => {
    if (target.adoptedStyleSheets && W.CSSStyleSheet) {
      try {
        const s = new CSSStyleSheet();
        s.replaceSync(css);
        target.adoptedStyleSheets = [...target.adoptedStyleSheets, s];
        offs.push(() => (target.adoptedStyleSheets = target.adoptedStyleSheets.filter((x) => x !== s)));
        return (c) => s.replaceSync(c);
      } catch (e) {
        // fall through to a style element
      }
    }
    const el = h('style', {}, css);
    (target === D ? D.head || D.documentElement : target).append(el);
    offs.push(() => el.remove());
    return (c) => (el.textContent = c);
  };

  // ---- the panel (shadow DOM: the page's styles do not reach it) ----
  const host = D.createElement('sahel-tagger-ui');
  const root = host.attachShadow({ mode: 'open' });
  sheetFor(
    [
      ':host{all:initial!important;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;z-index:2147483647!important;display:block!important}',
      '.box{position:fixed;top:12px;right:12px;width:310px;max-height:calc(100vh - 24px);display:flex;flex-direction:column;font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#202124;background:#fff;border:1px solid #bbb;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.28);overflow:hidden;text-align:left;direction:ltr}',
      '.box.rtl{right:auto;left:12px}',
      'header{display:flex;align-items:center;gap:2px;padding:6px 6px 6px 10px;background:#1f2937;color:#fff}',
      'header b{flex:1;font-size:14px}',
      'button{font:inherit;cursor:pointer;border:1px solid #c4c4c4;background:#f6f7f8;color:#202124;border-radius:4px;padding:1px 8px;margin:0}',
      'button:hover{background:#e8eaed}',
      'header button{background:none;border-color:transparent;color:#fff;font-size:15px;line-height:1;padding:3px 7px}',
      'header button:hover{background:#374151}',
      '.st{padding:6px 10px 4px;font-size:12px;color:#3c4043}',
      'progress{display:block;width:calc(100% - 20px);margin:0 10px 6px;height:6px}',
      '.msg{padding:6px 10px;font-size:12px;background:#fff4e5;border-top:1px solid #f3d19c;border-bottom:1px solid #f3d19c}',
      '.msg p{margin:0 0 6px}.msg button{margin:0 4px 4px 0}.msg a{color:#1a55c8}',
      '.msg textarea{width:100%;height:70px;box-sizing:border-box;font:11px monospace}',
      '.bar{display:flex;flex-wrap:wrap;gap:4px;align-items:center;padding:4px 10px 6px;border-bottom:1px solid #e4e4e4}',
      '.bar .pos{min-width:64px;text-align:center;font-variant-numeric:tabular-nums;font-size:12px}',
      '.bar .sp{flex:1}',
      '.list{overflow:auto;padding:4px 0 8px}',
      '.ty{padding:2px 10px}',
      '.th{display:flex;align-items:center;gap:6px}',
      '.th label{display:flex;align-items:center;gap:6px;flex:1;cursor:pointer;font-weight:600}',
      '.th input{margin:0}',
      '.sw{width:11px;height:11px;border-radius:2px;flex:none}',
      '.n{color:#5f6368;font-size:12px;font-variant-numeric:tabular-nums}',
      '.th button{border:0;background:none;padding:0 4px;color:#5f6368}',
      'ul{list-style:none;margin:0 0 4px;padding:0 0 0 17px}',
      'li{display:flex;gap:6px;align-items:baseline}',
      'li button{border:0;background:none;padding:0;text-align:start;color:#1a55c8;flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}',
      'li button:hover{background:none;text-decoration:underline}',
      '.off{opacity:.45}',
      '.gn{display:flex;flex-wrap:wrap;align-items:center;gap:2px 6px;padding:4px 10px;border-bottom:1px solid #e4e4e4;font-size:12px}',
      '.gn label{display:flex;align-items:center;gap:6px;flex:1;cursor:pointer}.gn input{margin:0}',
      '.gn .why{flex-basis:100%;color:#5f6368}',
      '.cr{padding:2px 10px;font-size:11px;color:#5f6368}.cr a{color:#1a55c8}',
      '.tip{position:fixed;max-width:340px;padding:5px 8px;background:#202124;color:#fff;border-radius:5px;font:12px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;pointer-events:none;box-shadow:0 2px 8px rgba(0,0,0,.3);direction:ltr;text-align:left}',
      '.tip b{font-size:13px}.tip i{color:#c8cdd3;font-style:normal}',
      '[hidden]{display:none!important}',
    ].join('\n'),
    root
  );
  const status = h('div', { className: 'st', role: 'status' }, 'Loading the tagger\u2026');
  const prog = h('progress', { max: 1, hidden: true });
  const msg = h('div', { className: 'msg', hidden: true });
  const pos = h('span', { className: 'pos' }, '0 / 0');
  const list = h('div', { className: 'list' });
  const CREDIT = 'GeoNames (CC BY 4.0)';
  const gnBox = h('input', { type: 'checkbox', disabled: true, onchange: () => villages(gnBox.checked) });
  const gnN = h('span', { className: 'n' });
  const gnWhy = h('span', { className: 'why', hidden: true }, 'Not available: the tagger site has no village layer.');
  const gnLabel = h('label', {}, gnBox, 'GeoNames villages');
  const GN = 'Villages and localities from ' + CREDIT + '. Many village names are also ordinary words: those mentions are marked possible (dashed underline).';
  const gn = h(
    'div',
    { className: 'gn', hidden: true },
    gnLabel,
    gnN,
    gnWhy
  );
  const bar = h(
    'div',
    { className: 'bar' },
    h('button', { title: 'Previous mention', 'aria-label': 'Previous mention', onclick: () => step(-1) }, '\u2039'),
    pos,
    h('button', { title: 'Next mention', 'aria-label': 'Next mention', onclick: () => step(1) }, '\u203a'),
    h('span', { className: 'sp' }),
    h('button', { className: 'json', title: 'Download the mentions as JSON (with the page URL and title)', onclick: () => save('json') }, 'JSON'),
    h('button', { className: 'csv', title: 'Download the mentions as CSV (with the page URL and title)', onclick: () => save('csv') }, 'CSV')
  );
  const body = h('div', { className: 'body' }, status, prog, msg, bar, gn, list);
  const box = h(
    'div',
    { className: 'box', role: 'dialog', 'aria-label': 'Sahel tagger' },
    h(
      'header',
      {},
      h('b', {}, 'Sahel tagger'),
      h('button', { className: 'retag', title: 'Tag content added since (infinite scroll)', 'aria-label': 'Re-tag new content', onclick: () => retag() }, '\u21bb'),
      h('button', { className: 'min', title: 'Minimize', 'aria-label': 'Minimize', onclick: () => (body.hidden = !body.hidden) }, '\u2013'),
      h('button', { className: 'close', title: 'Close and remove the highlights', 'aria-label': 'Close', onclick: () => close() }, '\u00d7')
    ),
    body
  );
  // On a right-to-left page the panel goes left, away from where the page starts.
  if (getComputedStyle(D.body || D.documentElement).direction === 'rtl') box.classList.add('rtl');
  const tip = h('div', { className: 'tip', hidden: true, role: 'tooltip' });
  root.append(box, tip);
  D.documentElement.append(host);

  const say = (s, st) => {
    status.textContent = s;
    if (st) state = st;
  };

  // ---- highlight styles in the page (a constructed sheet: allowed by strict style-src policies) ----
  const setPageCss = sheetFor('', D);
  const pageCss = () => {
    const types = new Set(Object.keys(TYPES));
    for (const e of ents) types.add(e[2]);
    let css = '';
    // Possible mentions (a village name that is also a word...) are paler, with a dashed underline.
    for (const t of types) {
      const c = colorOf(t);
      const on = !hidden.has(t);
      css += '::highlight(' + P + t + '){background-color:' + c + '33;text-decoration:underline 2px ' + c + '}\n';
      css += '::highlight(' + P + t + '-p){background-color:' + c + '17;text-decoration:underline dashed 2px ' + c + '}\n';
      css += 'mark[data-sahel-t="' + t + '"]{all:unset;' + (on ? 'background-color:' + c + '33;box-shadow:inset 0 -2px ' + c : '') + '}\n';
      css += 'mark[data-sahel-t="' + t + '"][data-sahel-p]{' + (on ? 'background-color:' + c + '17;box-shadow:none;border-bottom:2px dashed ' + c : '') + '}\n';
    }
    css += '::highlight(' + P + 'current){background-color:#ffd400;color:#000}\nmark[data-sahel-t][data-sahel-cur]{background-color:#ffd400;color:#000}';
    setPageCss(css);
  };

  // ---- reading the page's visible text ----
  // Skipped: script, style, form fields, templates, frames, media, SVG, editable content, the panel,
  // elements that render nothing (checkVisibility: display:none, [hidden], closed <details>) and text
  // under visibility:hidden. Kept: aria-hidden text (sighted readers see it). Text nodes of one block
  // join as they are (<b>Niafu</b>nke); a block boundary is "\n\n", which the core never matches across;
  // <br> is "\n". On a re-tag, text already tagged stands as a boundary and is not sent again.
  const walk = async () => {
    const nodes = [];
    const starts = [];
    const lens = [];
    const disp = new Map();
    const vis = new Map();
    const blockOf = new Map();
    let t = '';
    let brk = '';
    let last = null;
    const display = (e) => {
      let d = disp.get(e);
      if (d === undefined) disp.set(e, (d = getComputedStyle(e).display));
      return d;
    };
    const block = (e) => {
      const start = e;
      let b = blockOf.get(e);
      if (b) return b;
      while (e && e !== D.body) {
        const d = display(e);
        if (d !== 'inline' && d !== 'contents') break;
        e = e.parentElement;
      }
      b = e || D.body;
      blockOf.set(start, b);
      return b;
    };
    const tw = D.createTreeWalker(D.body, 5, {
      acceptNode(n) {
        if (n.nodeType === 3) return n.data ? 1 : 3;
        if (n === host || SKIP.has(n.localName) || markOf.has(n) || n.isContentEditable) return 2;
        if (n.checkVisibility ? !n.checkVisibility() && display(n) !== 'contents' : display(n) === 'none') return 2;
        return n.localName === 'br' ? 1 : 3;
      },
    });
    let n;
    let k = 0;
    let t0 = performance.now();
    while ((n = tw.nextNode())) {
      if (++k % 256 === 0 && performance.now() - t0 > 12) {
        await pause();
        alive();
        t0 = performance.now();
      }
      if (n.nodeType === 1) {
        brk = brk || '\n';
        continue;
      }
      if (seen.has(n)) {
        brk = '\n\n';
        continue;
      }
      const p = n.parentElement;
      if (!p) continue;
      let v = vis.get(p);
      if (v === undefined) vis.set(p, (v = getComputedStyle(p).visibility === 'visible'));
      if (!v) continue;
      const b = block(p);
      if (t) t += b !== last ? '\n\n' : brk;
      brk = '';
      last = b;
      nodes.push(n);
      starts.push(t.length);
      lens.push(n.length);
      t += n.data;
    }
    return { t, nodes, starts, lens };
  };

  // Where a text offset lands: [text node, offset in it, segment index], or null.
  const loc = (o, end) => {
    let lo = 0;
    let hi = SS.length - 1;
    let j = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (end ? SS[mid] < o : SS[mid] <= o) {
        j = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (j < 0) return null;
    const d = o - SS[j];
    if ((end ? d > SL[j] : d >= SL[j]) || d > SN[j].length) return null;
    return [SN[j], d, j];
  };
  const rangeOf = (m) => {
    const r = D.createRange();
    r.setStart(m.a[0], m.a[1]);
    r.setEnd(m.z[0], m.z[1]);
    return r;
  };
  const typeOf = (m) => ents[m.k][2];
  // One highlight per type, and one per type for its possible mentions (`<type>-p`).
  const hlOf = (m) => {
    const t = typeOf(m);
    const k = t + (m.f & 2 ? '-p' : '');
    let x = hls[k];
    if (!x) {
      x = hls[k] = new Highlight();
      if (!hidden.has(t)) CSS.highlights.set(P + k, x);
    }
    return x;
  };

  // Marks (no Highlight API): each text node with mentions is replaced by new nodes; undo puts it back.
  const wrap = (ms) => {
    const per = new Map();
    for (const m of ms) {
      for (let j = m.a[2]; j <= m.z[2]; j++) {
        const from = j === m.a[2] ? m.a[1] : 0;
        const to = j === m.z[2] ? m.z[1] : SL[j];
        if (to <= from) continue;
        const n = SN[j];
        if (!per.has(n)) per.set(n, []);
        per.get(n).push([from, to, m]);
      }
    }
    for (const [n, pieces] of per) {
      if (!n.parentNode) continue;
      const parts = [];
      const data = n.data;
      let p = 0;
      const txt = (s) => {
        const x = D.createTextNode(s);
        seen.add(x);
        return x;
      };
      for (const [from, to, m] of pieces) {
        if (from < p) continue;
        if (from > p) parts.push(txt(data.slice(p, from)));
        const mk = D.createElement('mark');
        mk.setAttribute('data-sahel-t', typeOf(m));
        if (m.f & 2) mk.setAttribute('data-sahel-p', '');
        mk.append(txt(data.slice(from, to)));
        markOf.set(mk, m);
        m.mk.push(mk);
        parts.push(mk);
        p = to;
      }
      if (p < data.length) parts.push(txt(data.slice(p)));
      n.before(...parts);
      n.remove();
      undo.push([n, parts]);
    }
  };

  // ---- tagging ----
  const run = async () => {
    state = 'tagging';
    say('Reading the page\u2026');
    const w = await walk();
    alive();
    const base = text ? text.length + 2 : 0;
    text += (text ? '\n\n' : '') + w.t;
    w.nodes.forEach((n, i) => {
      SN.push(n);
      SS.push(base + w.starts[i]);
      SL.push(w.lens[i]);
      segAt.set(n, base + w.starts[i]);
      seen.add(n);
    });
    const cuts = [];
    let a = 0;
    const st = w.starts;
    for (let i = 1; i < st.length; i++) {
      const gap = st[i] > st[i - 1] + w.lens[i - 1];
      if (st[i] - a >= CHUNK && (gap || st[i] - a >= 2 * CHUNK)) {
        cuts.push([a, st[i]]);
        a = st[i];
      }
    }
    if (w.t.length > a) cuts.push([a, w.t.length]);
    const before = M.length;
    prog.hidden = false;
    // Only the progress line changes between chunks: the mentions found are drawn (highlights
    // registered, <mark>s inserted, the panel rebuilt) at most every DRAW ms, and once at the end.
    let pend = [];
    let drawn = performance.now();
    const draw = () => {
      if (HL) for (const m of pend) hlOf(m).add(m.r);
      else wrap(pend);
      pend = [];
      render();
      drawn = performance.now();
    };
    const ask = (c) => {
      const p = eng.tag(w.t.slice(cuts[c][0], cuts[c][1]));
      p.catch(() => {});
      return p;
    };
    let next = cuts.length ? ask(0) : null;
    for (let c = 0; c < cuts.length; c++) {
      say('Tagging\u2026 ' + Math.round((100 * c) / cuts.length) + '%');
      prog.value = c / cuts.length;
      const x = cuts[c][0];
      const sp = await next;
      alive();
      // A tagger in a frame or a window tags the next chunk while this one is placed.
      next = c + 1 < cuts.length ? ask(c + 1) : null;
      for (let i = 0; i + 3 < sp.length; i += 4) {
        const s = base + x + sp[i];
        const e = base + x + sp[i + 1];
        if (!ents[sp[i + 2]]) continue;
        const m = { s, e, k: sp[i + 2], f: sp[i + 3], a: loc(s, 0), z: loc(e, 1), r: null, mk: [] };
        if (!m.a || !m.z) continue;
        if (HL) m.r = new StaticRange({ startContainer: m.a[0], startOffset: m.a[1], endContainer: m.z[0], endOffset: m.z[1] });
        pend.push(m);
        M.push(m);
      }
      // Marks change the page: inserted chunk by chunk, so that no single task does the whole page.
      if (!HL) {
        wrap(pend);
        pend = [];
      }
      if (c + 1 < cuts.length) {
        if (performance.now() - drawn >= DRAW) draw();
        await pause();
        alive();
      }
    }
    draw();
    prog.hidden = true;
    const added = M.length - before;
    say(summary() + (base && !added ? ' \u00b7 nothing new' : ''), 'ready');
  };
  const summary = () => {
    const ids = new Set(M.map((m) => m.k));
    const how = { page: 'tagged in this page', frame: 'tagged in a tagger frame', window: 'tagged in the tagger window' }[eng.kind];
    return num(M.length) + ' mention' + (M.length === 1 ? '' : 's') + ' of ' + num(ids.size) + ' entit' + (ids.size === 1 ? 'y' : 'ies') + ' \u00b7 ' + how;
  };

  // ---- the panel's list, navigation, toggles ----
  const render = () => {
    const by = new Map();
    for (const m of M) {
      const t = typeOf(m);
      if (!by.has(t)) by.set(t, new Map());
      const e = by.get(t);
      e.set(m.k, (e.get(m.k) || 0) + 1);
    }
    const order = Object.keys(TYPES).filter((t) => by.has(t)).concat([...by.keys()].filter((t) => !TYPES[t]));
    list.textContent = '';
    for (const t of order) {
      const es = [...by.get(t)].sort((p, q) => q[1] - p[1] || CO.compare(ents[p[0]][1], ents[q[0]][1]));
      const total = es.reduce((s, e) => s + e[1], 0);
      const sw = h('span', { className: 'sw' });
      sw.style.background = colorOf(t);
      const cb = h('input', { type: 'checkbox', checked: !hidden.has(t), onchange: () => toggle(t, cb.checked) });
      const ul = h('ul', { hidden: !open.has(t) });
      for (const [k, n] of es) {
        const e = ents[k];
        ul.append(
          h(
            'li',
            {},
            h('button', { title: e[1] + (e[3] ? ' (' + e[3] + ')' : '') + (e[4] ? ', ' + CREDIT : '') + ': next mention', dir: 'auto', onclick: () => jumpTo(k) }, e[1]),
            h('span', { className: 'n' }, num(n))
          )
        );
      }
      const more = h(
        'button',
        {
          title: 'Show the entities',
          'aria-expanded': String(open.has(t)),
          onclick: () => {
            ul.hidden = !ul.hidden;
            if (ul.hidden) open.delete(t);
            else open.add(t);
            more.textContent = ul.hidden ? '\u25b8' : '\u25be';
            more.setAttribute('aria-expanded', String(!ul.hidden));
          },
        },
        open.has(t) ? '\u25be' : '\u25b8'
      );
      list.append(
        h(
          'div',
          { className: 'ty' + (hidden.has(t) ? ' off' : ''), 'data-type': t },
          h(
            'div',
            { className: 'th' },
            h('label', {}, cb, sw, labelOf(t)),
            h('span', { className: 'n', title: num(total) + ' mentions of ' + num(es.length) + ' entities' }, num(total) + ' \u00b7 ' + num(es.length)),
            more
          ),
          ul
        )
      );
    }
    if (M.some((m) => ents[m.k][4])) {
      list.append(h('div', { className: 'cr' }, 'Villages: ', h('a', { href: 'https://www.geonames.org/', target: '_blank', rel: 'noopener noreferrer' }, 'GeoNames'), ' (CC BY 4.0)'));
    }
    showPos();
  };
  const showPos = () => (pos.textContent = (cur < 0 ? '\u2013' : num(cur + 1)) + ' / ' + num(M.length));
  const toggle = (t, on) => {
    if (on) hidden.delete(t);
    else hidden.add(t);
    for (const k of [t, t + '-p']) {
      if (HL && hls[k]) {
        if (on) CSS.highlights.set(P + k, hls[k]);
        else CSS.highlights.delete(P + k);
      }
    }
    pageCss();
    render();
  };
  const go = (i) => {
    const m = M[i];
    if (!m) return;
    cur = i;
    showPos();
    if (HL) {
      CSS.highlights.set(P + 'current', new Highlight(m.r));
      const r = rangeOf(m);
      const el = m.a[0].parentElement;
      if (el) el.scrollIntoView({ block: 'center' });
      const q = r.getBoundingClientRect();
      if (q.top < 0 || q.bottom > innerHeight) W.scrollBy(0, q.top - innerHeight / 2);
    } else {
      for (const mk of curMarks) mk.removeAttribute('data-sahel-cur');
      curMarks = m.mk;
      for (const mk of curMarks) mk.setAttribute('data-sahel-cur', '');
      if (curMarks[0]) curMarks[0].scrollIntoView({ block: 'center' });
    }
  };
  const step = (d) => {
    for (let n = 1; n <= M.length; n++) {
      const i = (((cur < 0 && d < 0 ? 0 : cur) + d * n) % M.length + M.length) % M.length;
      if (!hidden.has(typeOf(M[i]))) return go(i);
    }
  };
  const jumpTo = (k) => {
    for (let n = 1; n <= M.length; n++) {
      const i = (cur + n) % M.length;
      if (M[i].k === k) return go(i);
    }
  };

  // ---- hover: Highlights have no events, so find the text under the pointer ----
  let raf = 0;
  const showTip = (m, x, y) => {
    if (!m || hidden.has(typeOf(m))) {
      tip.hidden = true;
      return;
    }
    const e = ents[m.k];
    const surface = text.slice(m.s, m.e);
    const notes = [];
    if (m.f & 1) notes.push('ambiguous');
    if (m.f & 2) notes.push('possible mention');
    tip.textContent = '';
    append(
      tip,
      h('b', { dir: 'auto' }, e[1]),
      ' \u2014 ' + e[2].replace('_', ' ') + (e[3] ? ' \u00b7 ' + e[3] : ''),
      surface !== e[1] || notes.length ? h('div', {}, h('i', { dir: 'auto' }, [surface !== e[1] ? '\u201c' + surface + '\u201d' : ''].concat(notes.join(', ')).join(' ').trim())) : null,
      e[4] ? h('div', {}, (e[5] ? e[5] + ' \u00b7 ' : '') + CREDIT) : null
    );
    tip.hidden = false;
    const w = tip.offsetWidth;
    const ht = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(x + 12, innerWidth - w - 4)) + 'px';
    tip.style.top = (y + 18 + ht > innerHeight ? y - ht - 10 : y + 18) + 'px';
  };
  const find = (o) => {
    let lo = 0;
    let hi = M.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (M[mid].e <= o) lo = mid + 1;
      else if (M[mid].s > o) hi = mid - 1;
      else return M[mid];
    }
    return null;
  };
  const hover = (x, y) => {
    let node = null;
    let off = 0;
    if (D.caretPositionFromPoint) {
      const c = D.caretPositionFromPoint(x, y);
      if (c) [node, off] = [c.offsetNode, c.offset];
    } else if (D.caretRangeFromPoint) {
      const c = D.caretRangeFromPoint(x, y);
      if (c) [node, off] = [c.startContainer, c.startOffset];
    }
    const s = node && segAt.get(node);
    let hit = null;
    if (s !== undefined && s !== null) {
      for (const o of [s + off, s + off - 1]) {
        const m = find(o);
        if (m && !hit) {
          for (const q of rangeOf(m).getClientRects()) {
            if (x >= q.left && x <= q.right && y >= q.top && y <= q.bottom) hit = m;
          }
        }
      }
    }
    showTip(hit, x, y);
  };
  listen(
    D,
    'mousemove',
    (e) => {
      if (!HL) {
        return showTip(markOf.get(e.target), e.clientX, e.clientY);
      }
      if (raf || !M.length) return;
      const x = e.clientX;
      const y = e.clientY;
      raf = requestAnimationFrame(() => {
        raf = 0;
        if (!dead) hover(x, y);
      });
    },
    { capture: true, passive: true }
  );
  listen(W, 'scroll', () => (tip.hidden = true), { capture: true, passive: true });

  // ---- export ----
  const rows = () =>
    M.map((m) => {
      const e = ents[m.k];
      return {
        id: e[0],
        name: e[1],
        type: e[2],
        subtype: e[3] || '',
        surface: text.slice(m.s, m.e),
        start: m.s,
        end: m.e,
        ambiguous: !!(m.f & 1),
        possible: !!(m.f & 2),
        context: text.slice(Math.max(0, m.s - 60), m.e + 60).replace(/\s+/g, ' ').trim(),
      };
    });
  const exportAs = (fmt) => {
    const r = rows();
    const page = { url: location.href, title: D.title };
    if (fmt !== 'csv') {
      const counts = new Map();
      for (const x of r) {
        const c = counts.get(x.id);
        if (c) c.mentions++;
        else counts.set(x.id, { id: x.id, name: x.name, type: x.type, subtype: x.subtype, mentions: 1 });
      }
      return JSON.stringify(
        {
          ...page,
          exported: new Date().toISOString(),
          tagger: { bookmarklet: VERSION, gazetteer: eng ? eng.v : null, origin: ORIGIN, villages: lay && lay.on ? CREDIT : null },
          entities: [...counts.values()],
          mentions: r,
        },
        null,
        2
      );
    }
    const cell = (v) => {
      if (typeof v !== 'string') return String(v);
      if (/^[=+\-@\t\r]/.test(v)) v = "'" + v;
      return '"' + v.replace(/"/g, '""') + '"';
    };
    const cols = ['url', 'title', 'id', 'name', 'type', 'subtype', 'surface', 'start', 'end', 'ambiguous', 'possible', 'context'];
    return [cols.join(',')].concat(r.map((x) => cols.map((c) => cell(c in x ? x[c] : page[c])).join(','))).join('\r\n') + '\r\n';
  };
  const save = (fmt) => {
    const blob = new Blob([(fmt === 'csv' ? '\ufeff' : '') + exportAs(fmt)], { type: fmt === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: 'sahel-tagger-' + (location.hostname || 'page') + '.' + fmt });
    root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  };

  // ---- where the tagger runs ----
  listen(
    D,
    'securitypolicyviolation',
    (e) => {
      const u = e.blockedURI || '';
      const d = e.effectiveDirective || e.violatedDirective || '';
      if (u === 'wasm-eval') blocked.add("WebAssembly ('wasm-unsafe-eval' missing)");
      else if (u.slice(0, ORIGIN.length) !== ORIGIN) return;
      else if (/^(frame|child)-src/.test(d)) blocked.add('frames');
      else if (/^script-src/.test(d)) blocked.add('scripts from other sites');
      else if (/^connect-src/.test(d)) blocked.add('connections to other sites');
      else blocked.add(d);
    },
    true
  );
  const limit = (p, ms, why) => Promise.race([p, new Promise((_, no) => setTimeout(() => no(new Error(why)), ms))]);
  // A frame of the tagger that loads and says nothing, with no policy of the page blocking it.
  const SILENT = 'the tagger frame did not answer';
  const inPage = async (quick) => {
    const mod = await limit(import(ORIGIN + '/bookmarklet/engine.js'), quick ? 5000 : 20000, 'the tagger module did not load');
    reached = true;
    // Throws at once where the page forbids WebAssembly, before the module fetches any.
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    let e = await limit(mod.createEngine(), 60000, 'the tagger did not start');
    // Here the reader's choice of villages cannot be kept: the tagger origin's storage is not at hand.
    const ok = await limit(mod.villageLayerAvailable(), 20000, '').catch(() => false);
    const table = (x) => ({ v: x.version, ents: x.entities, lay: { ok, on: x.villages > 0, n: x.villages, keep: false } });
    return {
      kind: 'page',
      ...table(e),
      tag: async (t) => e.tagSpans(t),
      layer: async (on) => table((e = await mod.createEngine({ villages: on }))),
      close: () => mod.freeEngines(),
    };
  };
  // `lost()` is called when the page removes a frame that was answering.
  const remote = (kind, lost) =>
    new Promise((ok, no) => {
      let win = null;
      let frame = null;
      let timer = 0;
      let poll = 0;
      let port = null;
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
              tag: (t) => ask({ k: 'tag', text: t }),
              layer: (on) => ask({ k: 'layer', on }),
              close: end,
            });
          } else if (r.k === 'fail') fail('the tagger failed: ' + r.msg);
          else if (waiting.has(r.id)) {
            const w = waiting.get(r.id);
            waiting.delete(r.id);
            if (r.k === 'spans' && r.spans instanceof Uint32Array) w[0](r.spans);
            else if (r.k === 'table' && Array.isArray(r.ents)) w[0](r);
            else w[1](new Error(r.msg || 'bad answer'));
          }
        };
        win.postMessage({ t: 'sahel-tagger', k: 'connect', v: VERSION }, ORIGIN, [ch.port2]);
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
        root.append(frame);
        win = frame.contentWindow;
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
        watch.observe(root, { childList: true });
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

  const begin = async (tries) => {
    let silent = false;
    unreachable = false;
    reached = false;
    for (const kind of tries) {
      // The tagger module cannot be fetched and no policy of the page is in the way: the tagger site
      // itself cannot be reached (a frame of it was silent or blocked), and a window of it would not
      // answer either.
      if (kind === 'window' && unreachable) break;
      try {
        eng = await (kind === 'page' ? inPage(silent) : remote(kind, lostFrame));
        break;
      } catch (e) {
        alive();
        if (/^(frames|pop-up windows|replies from)/.test(e.message)) blocked.add(e.message);
        if (e.message === SILENT) silent = true;
        // Removed with the panel while starting: the panel goes back (not forever), the next way is tried.
        if (/^the page removed/.test(e.message) && !host.isConnected && restarts++ < 2) D.documentElement.append(host);
        if (kind === 'page' && !reached) {
          // A policy violation is reported a moment after the failed import.
          await new Promise((r) => setTimeout(r, 50));
          alive();
          unreachable = ![...blocked].some((b) => /^(scripts|connections)/.test(b));
        }
      }
    }
    alive();
    msg.hidden = true;
    msg.textContent = '';
    if (!eng) return stuck();
    if (eng.kind === 'window') {
      msg.hidden = false;
      msg.append(h('p', {}, 'This page blocks ' + ([...blocked].join(', ') || 'the tagger') + '; the tagger runs in a separate window instead.'));
    }
    bar.hidden = false;
    ents = eng.ents;
    lay = eng.lay || null;
    showLay();
    pageCss();
    await run();
  };
  const stuck = () => {
    bar.hidden = true;
    gn.hidden = true;
    msg.hidden = false;
    msg.textContent = '';
    const why = blocked.size ? [...blocked].join(', ') : 'loading the tagger';
    const area = h('textarea', { readOnly: true, hidden: true, 'aria-label': 'The page text' });
    if (unreachable) {
      say('The tagger site cannot be reached.', 'unreachable');
      msg.append(
        h('p', {}, 'The tagger site cannot be reached (' + ORIGIN + '): it may be down, or this computer offline. Try again later, or copy the page text into the tagger page.'),
        h('button', { className: 'again', onclick: () => retag() }, 'Try again')
      );
    } else {
      say('The page blocks the tagger.', 'blocked');
      msg.append(
        h('p', {}, 'This page blocks ' + why + '. Open the tagger in a window to tag this page, or copy its text into the tagger page.'),
        h('button', { className: 'open', onclick: () => retag() }, 'Open tagger window')
      );
    }
    msg.append(
      h(
        'button',
        {
          className: 'copy',
          onclick: async () => {
            const t = (await walk()).t
              .split(/\n\s*\n/)
              .map((x) => x.replace(/[ \t\r\f]+/g, ' ').trim())
              .filter(Boolean)
              .join('\n\n');
            area.value = t;
            area.hidden = false;
            area.select();
            try {
              await navigator.clipboard.writeText(t);
            } catch (e) {
              // the selected text area is there to copy by hand
            }
          },
        },
        'Copy page text'
      ),
      h('a', { href: ORIGIN + '/', target: '_blank', rel: 'noopener' }, 'Open the tagger page'),
      area
    );
  };

  const retag = () => {
    if (dead) return Promise.resolve();
    if (!busy) {
      const p = (eng ? run() : begin(unreachable ? ['frame', 'page', 'window'] : ['window']))
        .catch((e) => {
          if (!dead) say('Error: ' + (e && e.message), 'error');
        })
        .finally(() => {
          if (busy === p) busy = null;
        });
      busy = p;
    }
    return busy;
  };
  // The page removed the tagger's frame (with the panel, say): the panel is put back and the tagger
  // started again at once, from scratch; a page that keeps doing it gets the reason in the panel.
  let restarts = 0;
  const lostFrame = () => {
    if (dead) return;
    const e = eng;
    eng = null;
    if (e) e.close();
    if (++restarts > 2) {
      blocked.add('frames (it removes them)');
      say('The page removed the tagger frame.', 'error');
      return;
    }
    if (!host.isConnected) D.documentElement.append(host);
    const p = Promise.resolve(busy)
      .catch(() => {})
      .then(() => {
        alive();
        reset();
        return begin(['frame', 'page', 'window']);
      })
      .catch((x) => {
        if (!dead) say('Error: ' + (x && x.message), 'error');
      })
      .finally(() => {
        if (busy === p) busy = null;
      });
    busy = p;
  };
  // ---- the GeoNames village layer: a new entity table, so every mention is found again ----
  const showLay = () => {
    gn.hidden = !lay;
    if (!lay) return;
    gnBox.checked = !!lay.on;
    gnBox.disabled = !lay.ok;
    gnLabel.className = lay.ok ? '' : 'off';
    gnWhy.hidden = !!lay.ok;
    gnN.textContent = lay.on ? num(+lay.n || 0) : '';
    gn.title = GN + (lay.ok && !lay.keep ? ' Here your choice lasts until the panel closes: the browser does not let the tagger site remember it.' : '');
  };
  const villages = (on) => {
    gnBox.disabled = true;
    const p = Promise.resolve(busy)
      .then(async () => {
        alive();
        say(on ? 'Loading the GeoNames villages\u2026' : 'Removing the GeoNames villages\u2026', 'tagging');
        const r = await eng.layer(on);
        alive();
        eng.v = r.v;
        ents = r.ents;
        lay = r.lay;
        reset();
        pageCss();
        await run();
      })
      .catch((e) => {
        if (!dead) say('Error: ' + (e && e.message), 'error');
      })
      .finally(() => {
        if (busy === p) busy = null;
        if (!dead) showLay();
      });
    busy = p;
    return p;
  };
  const unhighlight = () => {
    if (!HL) return;
    for (const k in hls) {
      if (CSS.highlights.get(P + k) === hls[k]) CSS.highlights.delete(P + k);
      delete hls[k];
    }
    CSS.highlights.delete(P + 'current');
  };
  // Marks: each replaced text node goes back where its pieces were, last replaced first.
  const unmark = () => {
    for (const mk of curMarks) mk.removeAttribute('data-sahel-cur');
    for (const [n, parts] of undo.reverse()) {
      if (parts[0].parentNode) parts[0].parentNode.insertBefore(n, parts[0]);
      for (const p of parts) p.remove();
    }
    undo.length = 0;
  };
  const reset = () => {
    unhighlight();
    unmark();
    text = '';
    SN.length = SS.length = SL.length = M.length = 0;
    segAt = new WeakMap();
    seen = new WeakSet();
    cur = -1;
    curMarks = [];
    tip.hidden = true;
    render();
  };
  const close = () => {
    if (dead) return;
    dead = true;
    state = 'closed';
    if (raf) cancelAnimationFrame(raf);
    for (const f of offs.reverse()) {
      try {
        f();
      } catch (e) {
        // keep removing the rest
      }
    }
    unhighlight();
    unmark();
    host.remove();
    if (eng) eng.close();
    if (W[KEY] === api) delete W[KEY];
  };
  const api = {
    version: VERSION,
    origin: ORIGIN,
    mentions: () => rows().map(({ context, ...m }) => m),
    text: () => text,
    export: exportAs,
    retag,
    close,
    show: () => {
      body.hidden = false;
      if (!host.isConnected) D.documentElement.append(host);
    },
    idle: async () => {
      while (busy) await busy;
    },
    get state() {
      return state;
    },
    get backend() {
      return eng ? eng.kind : null;
    },
    get blocked() {
      return [...blocked];
    },
    villages: (on) => (eng && lay && lay.ok ? villages(!!on) : Promise.resolve()),
    get layer() {
      return lay && { available: !!lay.ok, on: !!lay.on, villages: +lay.n || 0, kept: !!lay.keep };
    },
  };
  try {
    Object.defineProperty(W, KEY, { value: api, configurable: true, enumerable: false, writable: false });
  } catch (e) {
    // a page that took the symbol for itself: this run works without a handle
  }
  const first = begin(['frame', 'page', 'window'])
    .catch((e) => {
      if (!dead) say('Error: ' + (e && e.message), 'error');
    })
    .finally(() => {
      if (busy === first) busy = null;
    });
  busy = first;
}
