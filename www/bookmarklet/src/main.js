// The bookmarklet: everything that runs in the visited page. Bundled by esbuild into one IIFE
// (tools/bookmarklet.mjs, `make bookmarklet`), which install.js turns into the `javascript:` URL; the
// bundle exposes `start(ORIGIN)`, called with the tagger's origin.
//
// What it does: walks the page's visible text into one string (text.js: block boundaries become
// "\n\n", inline elements join, so <b>Niafu</b>nke is one word), tags it in chunks with the tagger
// served from ORIGIN (the screenful first, drawn at once, then the chunk it is in, then the rest), and draws the mentions with the CSS Custom Highlight API (one highlight per
// entity type), or with <mark> elements it removes exactly when the API is missing. A panel in a shadow
// root lists them; hovering a mention shows the tagger page's card (hover.js); the exports are the
// page's (mentions.js).
//
// Where the tagger runs, first that works (backends.js):
//   1. in a hidden frame of ORIGIN/bookmarklet/remote.html: the tagger origin's own page under its own
//      CSP, so the page's script-src and 'wasm-unsafe-eval' do not matter, no CORS is needed, and on
//      another site the browser runs it in another process: the page's main thread only draws;
//   2. in the page: import(ORIGIN/bookmarklet/engine.js) and its WebAssembly (when the page blocks
//      frames but allows scripts from ORIGIN, 'wasm-unsafe-eval' and connections; CORS on ORIGIN);
//   3. in a small window of remote.html (needs pop-ups; the panel says what the page blocks);
//   4. otherwise the panel says what the page blocks, with a button that opens the window (a click is
//      a user gesture pop-up blockers accept) and a way to copy the text to the tagger page.
//
// The GeoNames village layer (ORIGIN/data/geonames.tsv, optional): a switch in the panel, off unless the
// reader turned it on before (remote.js remembers it in ORIGIN's storage, never the page's), has the
// tagger rebuilt with the layer and the page tagged again from scratch (a new entity table). Possible
// mentions (flag 2) get their own highlight, `<type>-p`, drawn paler with a dashed underline.
//
// "Article only" (the default; a switch in the panel, remembered by remote.js like the village layer):
// the page's elements are numbered and a numbered copy of the page is sent to the tagger origin, where
// Readability finds the article (../../shared/article.js, readable.js); only the text under the
// elements it kept is read, so navigation, ads, "related stories" and sidebars are not tagged. When
// no article is found, or it cannot be looked for, the whole page is tagged and the panel says why.
// The exports carry the page's title, URL and publication date (../../shared/docmeta.js).
//
// The map of the places mentioned (../../shared/map.js) and the incident sheet
// (../../shared/incident-sheet.js) are not in the bundle: with them the bookmarklet would be about
// 103,000 characters (64,000 with the sheet alone, before the URL's own encoding), over the 65,536 a
// `javascript:` URL may hold. They are imported from ORIGIN when the reader first opens them (CORS on
// shared/ and data/, as for engine.js), and run here, in the visited page, beside the panel they draw
// into: a page whose policy blocks scripts from the tagger site gets a message saying so instead.
import { h, download } from '../../shared/dom.js';
import { TYPES, POSSIBLE } from '../../shared/types.js';
import { PANEL_CSS, pageCss } from './styles.js';
import { walk, locate, pause, plan } from './text.js';
import { inPage, remote, limit, VERSION, SILENT } from './backends.js';
import { numbered, articleSet } from '../../shared/article.js';
import { docMeta } from '../../shared/docmeta.js';
import { setupHover } from './hover.js';
import { rows, exportAs, details } from './mentions.js';
import { UNLISTED, sentenceAround, entryUrl } from '../../shared/unlisted.js';

const P = 'sahel-';
const CHUNK = 250000;
/** The screenful drawn before its chunk: the blocks within SCREEN characters of the window's centre. */
const SCREEN = 4000;
/** While tagging, the highlights and the panel are drawn at most every DRAW ms (and at the end). */
const DRAW = 500;
const CREDIT = 'GeoNames (CC BY 4.0)';
const ORDER = TYPES.map((t) => t.id);
const PLURAL = new Map(TYPES.map((t) => [t.id, t.plural]));

export function start(ORIGIN, SOURCES) {
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
  const offs = [];
  /**
   * What the modules share: the tagged text, the entity table (`ents`, `byId`), the mentions `M` in
   * text order (`{s, e, k, f, c, a, z, r, mk}`: offsets, entity index, flags, chunk, where they start
   * and end in the page, their range, their marks), the text nodes read (`SN`, `SS`, `SL`), and the
   * chunks tagged (`{from, to}`).
   */
  const S = {
    ORIGIN,
    VERSION,
    // The user's entries and "never" rules, carried inside the bookmarklet by the tagger page that
    // made it (../install.js): the tagger site's storage is out of reach from here.
    sources: Array.isArray(SOURCES) ? SOURCES : [],
    CREDIT,
    HL: !!(W.CSS && CSS.highlights && W.Highlight && W.StaticRange),
    text: '',
    ents: [],
    byId: new Map(),
    M: [],
    SN: [],
    SS: [],
    SL: [],
    chunks: [],
    segAt: new WeakMap(),
    seen: new WeakSet(),
    markOf: new WeakMap(),
    hidden: new Set(),
    eng: null,
    lay: null,
    // "Article only": wanted (`artOn`), the article's elements read (`only`, null: the whole page),
    // why not (`artWhy`), what Readability said (`found`), and the document's title, URL and date.
    artOn: true,
    artChosen: false,
    // The article search asked for while the tagger started: [els, answer] (backends.js).
    early: null,
    only: null,
    artWhy: '',
    found: null,
    doc: null,
    dead: false,
    reached: false,
    alive: () => {
      if (S.dead) throw new Error('closed');
    },
    listen: (target, type, fn, opt) => {
      target.addEventListener(type, fn, opt);
      offs.push(() => target.removeEventListener(type, fn, opt));
    },
    rangeOf: (m) => {
      const r = D.createRange();
      r.setStart(m.a[0], m.a[1]);
      r.setEnd(m.z[0], m.z[1]);
      return r;
    },
  };
  const { M, HL, hidden } = S;
  let busy = null;
  let state = 'loading';
  let cur = -1;
  let curMarks = [];
  let unreachable = false;
  const hls = {};
  const undo = [];
  const blocked = new Set();
  const open = new Set();
  const NF = new Intl.NumberFormat('en');
  const num = (n) => NF.format(n);
  const CO = new Intl.Collator();
  const setTable = (ents) => {
    // A copy: names no list holds are added to it as entities of this page (`unlisted: true`).
    S.ents = ents.slice();
    S.byId = new Map(ents.map((e) => [e.id, e]));
    S.kOf = new Map(ents.map((e, k) => [e.id, k]));
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
  const host = (S.host = D.createElement('sahel-tagger-ui'));
  const root = (S.root = host.attachShadow({ mode: 'open' }));
  sheetFor(PANEL_CSS, root);
  const status = h('div', { class: 'st', role: 'status' }, 'Loading the tagger\u2026');
  const prog = h('progress', { max: 1, hidden: true });
  const msg = h('div', { class: 'msg', hidden: true });
  const pos = h('span', { class: 'pos' }, '0 / 0');
  const list = h('div', { class: 'list' });
  const gnBox = h('input', { type: 'checkbox', disabled: true, onchange: () => villages(gnBox.checked) });
  const gnN = h('span', { class: 'n' });
  const gnWhy = h('span', { class: 'why', hidden: true }, 'Not available: the tagger site has no village layer.');
  const gnLabel = h('label', {}, gnBox, 'GeoNames villages');
  const GN = 'Villages and localities from ' + CREDIT + '. Village names that are also ordinary words are marked possible (dashed).';
  const gn = h('div', { class: 'gn', hidden: true }, gnLabel, gnN, gnWhy);
  const artBox = h('input', { type: 'checkbox', checked: true, disabled: true, onchange: () => article(artBox.checked) });
  const artWhy = h('span', { class: 'why' });
  const art = h(
    'div',
    { class: 'art', hidden: true, title: 'Only the article, as Firefox\u2019s reader view finds it (Readability); off: the whole page' },
    h('label', {}, artBox, 'Article only'),
    artWhy
  );
  const incRej = h('input', { type: 'checkbox' });
  const save = async (fmt) => {
    let data;
    try {
      data = await exportAs(S, fmt, { includeRejected: incRej.checked });
    } catch (e) {
      msg.hidden = false;
      return (msg.textContent = 'The ' + fmt.toUpperCase() + ' export failed: ' + ((e && e.message) || e));
    }
    const type = fmt === 'csv' ? 'text/csv;charset=utf-8' : fmt === 'geojson' ? 'application/geo+json' : 'application/json';
    download('sahel-tagger-' + (location.hostname || 'page') + '.' + fmt, data, type, root);
  };
  const bar = h(
    'div',
    { class: 'bar' },
    h('button', { title: 'Previous mention', 'aria-label': 'Previous mention', onclick: () => step(-1) }, '\u2039'),
    pos,
    h('button', { title: 'Next mention', 'aria-label': 'Next mention', onclick: () => step(1) }, '\u203a'),
    h('span', { class: 'sp' }),
    h('button', { class: 'json', title: 'The mentions as JSON (with the page URL and title)', onclick: () => save('json') }, 'JSON'),
    h('button', { class: 'csv', title: 'The mentions as CSV (the tagger page\u2019s columns)', onclick: () => save('csv') }, 'CSV'),
    h('button', { class: 'geojson', title: 'The places as GeoJSON, with their admin units (GeoNames, CC BY 4.0)', onclick: () => save('geojson') }, 'GeoJSON'),
    h('label', { class: 'n', title: 'Export rejected mentions too' }, incRej, 'rejected too')
  );
  // The review of the current mention (../../shared/review.js): confirm, reject, re-link, never.
  const rvbox = h('div', { class: 'rvbox', hidden: true });
  const srcNote = h('div', { class: 'src', hidden: true });
  // ---- the map and the incident sheet (imported from ORIGIN on first use, see the head) ----
  const mapBox = h('div', { class: 'map', hidden: true });
  const mapBtn = h('button', { class: 'mapb', 'aria-pressed': 'false', 'aria-expanded': 'false', title: 'Map of the places mentioned; a dot goes to its mentions', onclick: () => showMap(mapBox.hidden) }, 'Map');
  const sheetBtn = h('button', { class: 'sheetb', title: 'A draft ACLED-style table of this article, editable, as CSV', onclick: () => openSheet() }, 'Incident sheet');
  const tools = h('div', { class: 'tools' }, mapBtn, sheetBtn);
  const mapS = { map: null, idx: new Map(), mod: null };
  let sheet = null;
  const load = (file) => import(ORIGIN + '/shared/' + file);
  // The map and the sheet with their styles and glue (../../shared/panel-tools.js), loaded once.
  let toolsP = null;
  const loadTools = () =>
    (toolsP = toolsP || load('panel-tools.js').then((mod) => (sheetFor(mod.TOOLS_CSS, root), mod), (e) => ((toolsP = null), Promise.reject(e))));
  const failMsg = (what, e) => what + ' could not be loaded here (' + ((e && e.message) || e) + '): ' + (blocked.size ? 'this page blocks ' + [...blocked].join(', ') : 'this page may block scripts from the tagger site') + '.';
  const curId = () => (cur >= 0 && M[cur] ? S.ents[M[cur].k].id : null);
  const drawMap = () => {
    if (!mapS.map || mapBox.hidden) return;
    const { places, idx } = mapS.mod.mapPlaces(M, S, markOf);
    mapS.idx = idx;
    mapS.map.update(places, { hiddenTypes: hidden });
    mapS.map.highlight(curId());
  };
  const showMap = async (on) => {
    mapBox.hidden = !on;
    box.classList.toggle('wide', on);
    mapBtn.setAttribute('aria-pressed', String(on));
    mapBtn.setAttribute('aria-expanded', String(on));
    if (!on) return;
    if (!mapS.map) {
      try {
        const mod = (mapS.mod = await loadTools());
        S.alive();
        if (!mapS.map) {
          mapS.map = mod.createMap(mapBox, {
            label: 'Map of the places mentioned on this page',
            onSelect: (id) => mapS.idx.has(id) && jumpTo(mapS.idx.get(id)),
          });
          S.map = mapS.map;
        }
      } catch (e) {
        if (!S.dead) mapBox.replaceChildren(h('p', { class: 'why' }, failMsg('The map', e)));
        return;
      }
    }
    drawMap();
  };
  // A mention hovered in the page (hover.js) rings its dot; the current one's dot otherwise.
  S.onMention = (m) => mapS.map && !mapBox.hidden && mapS.map.highlight(m ? S.ents[m.k].id : curId());
  const openSheet = async () => {
    if (!M.length) return;
    let mod;
    try {
      mod = await loadTools();
    } catch (e) {
      msg.hidden = false;
      msg.textContent = failMsg('The incident sheet', e);
      return;
    }
    S.alive();
    sheet = sheet || mod.panelSheet(root, 'incidents-' + (location.hostname || 'page') + '.csv', (from) => {
      for (let i = 0; i < M.length; i++) if (M[i].s >= from) return go(i);
    });
    const input = { text: S.text, mentions: mod.sheetMentions(M, S, markOf), entities: S.ents, doc: S.doc || {} };
    sheet.open(input, M.length + ':' + S.text.length + ':' + [...hidden].join() + ':' + rvVersion);
  };

  const body = h('div', { class: 'body' }, status, prog, msg, srcNote, bar, rvbox, tools, mapBox, art, gn, list);
  const box = h(
    'div',
    { class: 'box', role: 'dialog', 'aria-label': 'Sahel tagger', lang: 'en' },
    h(
      'header',
      {},
      h('b', {}, 'Sahel tagger'),
      h('button', { class: 'retag', title: 'Tag content added since (infinite scroll)', 'aria-label': 'Re-tag new content', onclick: () => retag() }, '\u21bb'),
      h('button', { class: 'min', title: 'Minimize', 'aria-label': 'Minimize', onclick: () => (body.hidden = !body.hidden) }, '\u2013'),
      h('button', { class: 'close', title: 'Close and remove the highlights', 'aria-label': 'Close', onclick: () => close() }, '\u00d7')
    ),
    body
  );
  // On a right-to-left page the panel goes left, away from where the page starts.
  if (getComputedStyle(D.body || D.documentElement).direction === 'rtl') box.classList.add('rtl');
  // In English whatever the page's language (the card's quotation marks follow `lang`), as on the tagger page.
  const tip = (S.tip = h('div', { class: 'tip', hidden: true, role: 'tooltip', lang: 'en' }));
  root.append(box, tip);
  D.documentElement.append(host);

  const say = (s, st) => {
    status.textContent = s;
    if (st) state = st;
  };

  // ---- highlight styles in the page (a constructed sheet: allowed by strict style-src policies) ----
  const setPageCss = sheetFor('', D);
  const drawCss = () => setPageCss(pageCss(new Set([...ORDER, ...S.ents.map((e) => e.type)]), hidden, P));

  const typeOf = (m) => S.ents[m.k].type;
  // One highlight per type, and one per type for its possible mentions (`<type>-p`).
  const hlOf = (m) => {
    const t = typeOf(m);
    const k = t + (m.f & UNLISTED ? '-u' : m.f & POSSIBLE ? '-p' : '');
    let x = hls[k];
    if (!x) {
      x = hls[k] = new Highlight();
      if (!hidden.has(t)) CSS.highlights.set(P + k, x);
    }
    return x;
  };
  // A mention of the text from `s` to `e` (offsets in S.text), entity `k`, flags `f`, of chunk `c`:
  // where it lies in the page, and its range for the Highlight API; null where it cannot be placed.
  const mention = (s, e, k, f, u, c) => {
    const m = { s, e, k, f, u, c, a: locate(S, s, 0), z: locate(S, e, 1), r: null, mk: [] };
    if (!m.a || !m.z) return null;
    if (HL) m.r = new StaticRange({ startContainer: m.a[0], startOffset: m.a[1], endContainer: m.z[0], endOffset: m.z[1] });
    return m;
  };

  // Marks (no Highlight API): each text node with mentions is replaced by new nodes; undo puts it back.
  const wrap = (ms) => {
    const per = new Map();
    for (const m of ms) {
      for (let j = m.a[2]; j <= m.z[2]; j++) {
        const from = j === m.a[2] ? m.a[1] : 0;
        const to = j === m.z[2] ? m.z[1] : S.SL[j];
        if (to <= from) continue;
        const n = S.SN[j];
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
        S.seen.add(x);
        return x;
      };
      for (const [from, to, m] of pieces) {
        if (from < p) continue;
        if (from > p) parts.push(txt(data.slice(p, from)));
        const mk = D.createElement('mark');
        mk.setAttribute('data-sahel-t', typeOf(m));
        if (m.f & POSSIBLE) mk.setAttribute('data-sahel-p', '');
        if (m.f & UNLISTED) mk.setAttribute('data-sahel-u', '');
        mk.append(txt(data.slice(from, to)));
        S.markOf.set(mk, m);
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
  // The article's elements (a Set), or null for the whole page; S.artWhy says why not.
  const findArticle = async () => {
    S.found = null;
    S.artWhy = '';
    // Asked while the tagger started (backends.js), unless skipped: the reader's choice was not known.
    const early = S.early;
    S.early = null;
    if (!S.artOn) return null;
    say('Finding the article\u2026');
    let set = null;
    let why = 'no article found on this page';
    try {
      let [els, answer] = early || [];
      let r = early && (await limit(answer, 30000, 'no answer'));
      if (!r || r.skipped) {
        const c = numbered(D, host);
        els = c.els;
        r = await limit(S.eng.article(c.html), 30000, 'no answer');
      }
      if (r.ok) set = articleSet(els, r.ids);
      else why = r.why || why;
      if (set) S.found = { title: r.title, date: r.published };
    } catch (e) {
      why = 'the article could not be looked for (' + e.message + ')';
    }
    S.alive();
    if (!set) S.artWhy = why.charAt(0).toUpperCase() + why.slice(1) + ': the whole page is tagged.';
    return set;
  };
  const run = async () => {
    state = 'tagging';
    S.only = await findArticle();
    showArt();
    say('Reading the page\u2026');
    const w = await walk(S);
    S.alive();
    S.doc = docMeta(D, { found: S.found, article: S.only, url: location.href });
    const base = S.text ? S.text.length + 2 : 0;
    S.text += (S.text ? '\n\n' : '') + w.t;
    w.nodes.forEach((n, i) => {
      S.SN.push(n);
      S.SS.push(base + w.starts[i]);
      S.SL.push(w.lens[i]);
      S.segAt.set(n, base + w.starts[i]);
      S.seen.add(n);
    });
    // The chunk on screen (the text node at the window's centre) first, then the rest.
    const seen = D.caretPositionFromPoint ? D.caretPositionFromPoint(innerWidth / 2, innerHeight / 2)?.offsetNode : D.caretRangeFromPoint?.(innerWidth / 2, innerHeight / 2)?.startContainer;
    const view = (S.segAt.get(seen) ?? base) - base;
    const cuts = plan(w, CHUNK, view);
    const before = M.length;
    prog.hidden = false;
    // The mentions found are drawn (highlights registered, <mark>s inserted, the panel rebuilt, the
    // progress shown) at most every DRAW ms, and once at the end; between draws nothing in the page
    // changes: Chromium places every registered highlight again after any change to the document (its
    // panel included), in the next frame, which at 16,000 highlights takes 30-70 ms a frame.
    let pend = [];
    /** The screenful's own mentions while on show (below). */
    let shown = [];
    let drawn = performance.now();
    const draw = (c) => {
      // The screenful drawn first gives way to its chunk's mentions (tagged by now).
      for (const m of shown.splice(0)) hlOf(m).delete(m.r);
      if (HL) for (const m of pend) hlOf(m).add(m.r);
      else wrap(pend);
      pend = [];
      render();
      if (c < cuts.length) {
        say('Tagging\u2026 ' + Math.round((100 * c) / cuts.length) + '%');
        prog.value = c / cuts.length;
      }
      drawn = performance.now();
    };
    const ask = (c) => {
      const p = S.eng.tag(w.t.slice(cuts[c][0], cuts[c][1]));
      p.catch(() => {});
      return p;
    };
    // The screenful before its chunk (Highlight API only: <mark>s would change the page twice): the
    // blocks within SCREEN characters of the window's centre, tagged on their own and drawn at once,
    // then replaced by their chunk's mentions (decided with the whole chunk's evidence) at the next
    // draw.
    const c0 = cuts[0] || [0, 0];
    let sa = w.t.lastIndexOf('\n\n', view - SCREEN);
    let se = w.t.indexOf('\n\n', view + SCREEN);
    if (sa < c0[0]) sa = c0[0];
    if (se < 0 || se > c0[1]) se = c0[1];
    const screen = HL && 2 * (se - sa) < c0[1] - c0[0] && S.eng.tag(w.t.slice(sa, se)).catch(() => []);
    let next = cuts.length ? ask(0) : null;
    const sp0 = screen ? await screen : [];
    const sq = sp0.spans || sp0;
    for (let i = 0; i + 3 < sq.length; i += 4) {
      const m = S.ents[sq[i + 2]] && mention(base + sa + sq[i], base + sa + sq[i + 1], sq[i + 2], sq[i + 3], null, -1);
      if (!m) continue;
      hlOf(m).add(m.r);
      shown.push(m);
    }
    say('Tagging\u2026 0%');
    for (let c = 0; c < cuts.length; c++) {
      const x = cuts[c][0];
      const sp = await next;
      S.alive();
      // A tagger in a frame or a window tags the next chunk while this one is placed.
      next = c + 1 < cuts.length ? ask(c + 1) : null;
      const chunk = S.chunks.push({ from: base + x, to: base + cuts[c][1], details: null }) - 1;
      // A tagger that proposes names no list holds answers {spans, unl}: [start, end, type, cue] each,
      // made entities of this page (one per type and spelling) and merged in text order.
      const quads = sp.spans || sp;
      const found = [];
      for (let i = 0; i + 3 < quads.length; i += 4) found.push([quads[i], quads[i + 1], quads[i + 2], quads[i + 3], null]);
      for (const [us, ue, type, cue] of sp.unl || []) {
        const name = w.t.slice(x + us, x + ue);
        const id = 'unlisted:' + type + ':' + name;
        let k = S.ents.findIndex((en) => en.id === id);
        if (k < 0) {
          k = S.ents.push({ id, name, type, tier: 'unlisted', unlisted: true }) - 1;
          S.byId.set(id, S.ents[k]);
        }
        found.push([us, ue, k, UNLISTED, { cue }]);
      }
      if (sp.unl && sp.unl.length) found.sort((p, q) => p[0] - q[0]);
      for (const [fs, fe, fk, ff, fu] of found) {
        const m = S.ents[fk] && mention(base + x + fs, base + x + fe, fk, ff, fu, chunk);
        if (!m) continue;
        pend.push(m);
        M.push(m);
      }
      // A chunk before the one tagged first: its mentions go where they belong.
      if (x < cuts[0][0]) M.sort((p, q) => p.s - q.s);
      // Marks change the page: inserted chunk by chunk, so that no single task does the whole page.
      if (!HL) {
        wrap(pend);
        pend = [];
      }
      if (c + 1 < cuts.length) {
        // The first chunk at once, unless its screenful is on show.
        if ((c === 0 && !shown.length) || performance.now() - drawn >= DRAW) draw(c + 1);
        await pause();
        S.alive();
      }
    }
    draw(cuts.length);
    prog.hidden = true;
    const added = M.length - before;
    say(summary() + (base && !added ? ' \u00b7 nothing new' : ''), 'ready');
    showArt();
    await openReview();
  };

  // ---- the review (../../shared/review-panel.js, imported from ORIGIN after the first tagging,
  // like the map: in the bundle it would leave no room for the reader's entries in the URL) ----
  let rvVersion = 0;
  let RP = null;
  const markOf = (m) => (RP ? RP.markOf(m) : null);
  S.reviewRows = (r, o) => (RP ? RP.rows(r, o) : r.map((x) => ({ ...x, review: null, relinked_from: null })));
  // Loaded when the reader first goes to a mention, or at once when this page has marks kept (the
  // tagger frame answers `review` with the records under 'url:' + the page's URL: review.js docKey).
  const loadReview = async () => {
    try {
      RP = RP || (await load('review-panel.js')).panelReview(S, { box: rvbox, root, sheetFor, details, current: () => M[cur], changed: reviewChanged });
    } catch (e) {
      rvbox.hidden = false;
      return rvbox.replaceChildren(h('p', { class: 'why' }, failMsg('The review', e)));
    }
    S.alive();
    await RP.open();
  };
  const openReview = async () => {
    if (RP) return RP.open();
    const kept = S.eng && S.eng.review ? await S.eng.review('url:' + location.origin + location.pathname + location.search).catch(() => null) : null;
    if (kept && kept.length) await loadReview();
  };
  // Rejected mentions leave their type's highlight for the struck-through one (marks: an attribute).
  const paint = () => {
    for (const k in hls) hls[k].clear();
    for (const m of M) {
      const x = markOf(m);
      const no = x && x.review === 'rejected';
      // (The rejected highlight is registered with the first rejected mention only.)
      if (no && HL && !hls.rejected) CSS.highlights.set(P + 'rejected', (hls.rejected = new Highlight()));
      if (HL) (no ? hls.rejected : hlOf(m)).add(m.r);
      else for (const mk of m.mk) no ? mk.setAttribute('data-sahel-r', '') : mk.removeAttribute('data-sahel-r');
    }
  };
  function reviewChanged() {
    rvVersion++;
    paint();
    if (RP) RP.show();
    drawMap();
  }
  const summary = () => {
    const ids = new Set(M.map((m) => m.k));
    const how = { page: 'tagged in this page', frame: 'tagged in a tagger frame', window: 'tagged in the tagger window' }[S.eng.kind];
    const where = S.only ? 'the article' : 'the whole page';
    return num(M.length) + ' mention' + (M.length === 1 ? '' : 's') + ' of ' + num(ids.size) + ' entit' + (ids.size === 1 ? 'y' : 'ies') + ' in ' + where + ' \u00b7 ' + how;
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
    const order = ORDER.filter((t) => by.has(t)).concat([...by.keys()].filter((t) => !PLURAL.has(t)));
    list.textContent = '';
    for (const t of order) {
      const es = [...by.get(t)].sort((p, q) => q[1] - p[1] || CO.compare(S.ents[p[0]].name, S.ents[q[0]].name));
      const total = es.reduce((s, e) => s + e[1], 0);
      const cb = h('input', { type: 'checkbox', checked: !hidden.has(t), onchange: () => toggle(t, cb.checked) });
      const ul = h('ul', { hidden: !open.has(t) });
      for (const [k, n] of es) {
        const e = S.ents[k];
        const where = e.tier === 'geonames' ? ', ' + CREDIT : '';
        ul.append(
          h(
            'li',
            { class: e.unlisted ? 'unl' : null },
            h('button', { title: e.name + (e.subtype ? ' (' + e.subtype + ')' : '') + where + (e.unlisted ? ', not in any list' : '') + ': next mention', dir: 'auto', onclick: () => jumpTo(k) }, e.name),
            e.unlisted ? addLink(k) : null,
            h('span', { class: 'n' }, num(n))
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
          { class: 'ty' + (hidden.has(t) ? ' off' : ''), 'data-type': t },
          h(
            'div',
            { class: 'th' },
            h('label', {}, cb, h('span', { class: 'sw', 'aria-hidden': 'true' }), PLURAL.get(t) || t),
            h('span', { class: 'n', title: num(total) + ' mentions of ' + num(es.length) + ' entities' }, num(total) + ' \u00b7 ' + num(es.length)),
            more
          ),
          ul
        )
      );
    }
    if (M.some((m) => S.ents[m.k].tier === 'geonames')) {
      list.append(h('div', { class: 'cr' }, 'Villages: ', h('a', { href: 'https://www.geonames.org/', target: '_blank', rel: 'noopener noreferrer' }, 'GeoNames'), ' (CC BY 4.0)'));
    }
    showPos();
    drawMap();
  };
  // "Add to my entries" for a name no list holds: the tagger page, opened with its entry form filled
  // (name, type, the sentence around the first mention) through the URL's fragment (../../shared/unlisted.js).
  const addLink = (k) => {
    const m = M.find((x) => x.k === k);
    const e = S.ents[k];
    const draft = { name: e.name, type: e.type, cue: m.u && m.u.cue, description: sentenceAround(S.text, m.s, m.e) };
    return h('a', { class: 'add', href: entryUrl(ORIGIN + '/', draft, location.href), target: '_blank', rel: 'noopener noreferrer' }, 'Add to my entries');
  };
  const showPos = () => (pos.textContent = (cur < 0 ? '\u2013' : num(cur + 1)) + ' / ' + num(M.length));
  const toggle = (t, on) => {
    if (on) hidden.delete(t);
    else hidden.add(t);
    for (const k of [t, t + '-p', t + '-u']) {
      if (HL && hls[k]) {
        if (on) CSS.highlights.set(P + k, hls[k]);
        else CSS.highlights.delete(P + k);
      }
    }
    drawCss();
    render();
  };
  const go = (i) => {
    const m = M[i];
    if (!m) return;
    cur = i;
    showPos();
    if (RP) RP.show();
    else loadReview().catch(fail);
    if (mapS.map && !mapBox.hidden) mapS.map.highlight(S.ents[m.k].id);
    if (HL) {
      CSS.highlights.set(P + 'current', new Highlight(m.r));
      const r = S.rangeOf(m);
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
      const i = ((((cur < 0 && d < 0 ? 0 : cur) + d * n) % M.length) + M.length) % M.length;
      if (!hidden.has(typeOf(M[i]))) return go(i);
    }
  };
  const jumpTo = (k) => {
    for (let n = 1; n <= M.length; n++) {
      const i = (cur + n) % M.length;
      if (M[i].k === k) return go(i);
    }
  };
  const hover = setupHover(S);

  // ---- where the tagger runs ----
  S.listen(
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

  const begin = async (tries) => {
    let silent = false;
    unreachable = false;
    S.reached = false;
    for (const kind of tries) {
      // The tagger module cannot be fetched and no policy of the page is in the way: the tagger site
      // itself cannot be reached (a frame of it was silent or blocked), and a window of it would not
      // answer either.
      if (kind === 'window' && unreachable) break;
      try {
        S.eng = await (kind === 'page' ? inPage(S, silent) : remote(S, kind, lostFrame));
        break;
      } catch (e) {
        S.alive();
        S.early = null;
        if (/^(frames|pop-up windows|replies from)/.test(e.message)) blocked.add(e.message);
        if (e.message === SILENT) silent = true;
        // Removed with the panel while starting: the panel goes back (not forever), the next way is tried.
        if (/^the page removed/.test(e.message) && !host.isConnected && restarts++ < 2) D.documentElement.append(host);
        if (kind === 'page' && !S.reached) {
          // A policy violation is reported a moment after the failed import.
          await new Promise((r) => setTimeout(r, 50));
          S.alive();
          unreachable = ![...blocked].some((b) => /^(scripts|connections)/.test(b));
        }
      }
    }
    S.alive();
    msg.hidden = true;
    msg.textContent = '';
    if (!S.eng) return stuck();
    if (S.eng.kind === 'window') {
      msg.hidden = false;
      msg.append(h('p', {}, 'This page blocks ' + ([...blocked].join(', ') || 'the tagger') + '; the tagger runs in a separate window instead.'));
    }
    bar.hidden = false;
    setTable(S.eng.ents);
    srcNote.hidden = !S.sources.length;
    srcNote.textContent = S.eng.srcErr
      ? 'Your entries carried by this bookmarklet could not be loaded (' + S.eng.srcErr.split('\n').slice(0, 3).join(' ') + '): make it again on the tagger page.'
      : 'With your ' + S.sources.length + ' stored source' + (S.sources.length === 1 ? '' : 's') + ' (entries and rules), carried by this bookmarklet.';
    S.lay = S.eng.lay || null;
    // The reader's choice as the tagger origin remembers it, unless made in this run (a restart keeps it).
    if (!S.artChosen) S.artOn = !(S.eng.art && S.eng.art.on === false);
    showLay();
    showArt();
    drawCss();
    await run();
  };
  const stuck = () => {
    bar.hidden = true;
    gn.hidden = true;
    art.hidden = true;
    msg.hidden = false;
    msg.textContent = '';
    const why = blocked.size ? [...blocked].join(', ') : 'loading the tagger';
    const area = h('textarea', { readOnly: true, hidden: true, 'aria-label': 'The page text' });
    if (unreachable) {
      say('The tagger site cannot be reached.', 'unreachable');
      msg.append(
        h('p', {}, 'The tagger site cannot be reached (' + ORIGIN + '): it may be down, or this computer offline. Try again later, or copy the page text into the tagger page.'),
        h('button', { class: 'again', onclick: () => retag() }, 'Try again')
      );
    } else {
      say('The page blocks the tagger.', 'blocked');
      msg.append(
        h('p', {}, 'This page blocks ' + why + '. Open the tagger in a window to tag this page, or copy its text into the tagger page.'),
        h('button', { class: 'open', onclick: () => retag() }, 'Open tagger window')
      );
    }
    msg.append(
      h(
        'button',
        {
          class: 'copy',
          onclick: async () => {
            const t = (await walk(S)).t
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

  const fail = (e) => {
    if (!S.dead) say('Error: ' + (e && e.message), 'error');
  };
  const retag = () => {
    if (S.dead) return Promise.resolve();
    if (!busy) {
      const p = (S.eng ? run() : begin(unreachable ? ['frame', 'page', 'window'] : ['window'])).catch(fail).finally(() => {
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
    if (S.dead) return;
    const e = S.eng;
    S.eng = null;
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
        S.alive();
        reset();
        return begin(['frame', 'page', 'window']);
      })
      .catch(fail)
      .finally(() => {
        if (busy === p) busy = null;
      });
    busy = p;
  };
  // ---- the GeoNames village layer: a new entity table, so every mention is found again ----
  const showLay = () => {
    const lay = S.lay;
    gn.hidden = !lay;
    if (!lay) return;
    gnBox.checked = !!lay.on;
    gnBox.disabled = !lay.ok;
    gnLabel.className = lay.ok ? '' : 'off';
    gnWhy.hidden = !!lay.ok;
    gnN.textContent = lay.on ? num(+lay.n || 0) : '';
    gn.title = GN + (lay.ok && !lay.keep ? ' Here the choice lasts until the panel closes (the tagger site cannot store it).' : '');
  };
  const villages = (on) => {
    gnBox.disabled = true;
    const p = Promise.resolve(busy)
      .then(async () => {
        S.alive();
        say(on ? 'Loading the GeoNames villages\u2026' : 'Removing the GeoNames villages\u2026', 'tagging');
        const r = await S.eng.layer(on);
        S.alive();
        S.eng.v = r.v;
        setTable(r.ents);
        S.lay = r.lay;
        reset();
        drawCss();
        await run();
      })
      .catch(fail)
      .finally(() => {
        if (busy === p) busy = null;
        if (!S.dead) showLay();
      });
    busy = p;
    return p;
  };
  // ---- "article only" or the whole page: read again from scratch ----
  const showArt = () => {
    art.hidden = !S.eng;
    artBox.checked = S.artOn;
    artBox.disabled = !S.eng || state === 'tagging';
    artWhy.textContent = S.artWhy || (S.only ? 'Navigation, ads, sidebars and \u201crelated\u201d links are left out.' : S.artOn ? '' : 'Navigation, ads and sidebars are tagged too.');
    art.classList.toggle('warn', !!S.artWhy);
  };
  const article = (on) => {
    artBox.disabled = true;
    S.artOn = on;
    S.artChosen = true;
    const p = Promise.resolve(busy)
      .then(async () => {
        S.alive();
        S.eng.prefer(on).catch(() => {});
        reset();
        await run();
      })
      .catch(fail)
      .finally(() => {
        if (busy === p) busy = null;
        if (!S.dead) showArt();
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
    S.text = '';
    S.SN.length = S.SS.length = S.SL.length = M.length = S.chunks.length = 0;
    S.segAt = new WeakMap();
    S.seen = new WeakSet();
    cur = -1;
    curMarks = [];
    rvbox.hidden = true;
    hover.hide();
    if (sheet) sheet.hide();
    render();
  };
  const close = () => {
    if (S.dead) return;
    S.dead = true;
    state = 'closed';
    hover.cancel();
    for (const f of offs.reverse()) {
      try {
        f();
      } catch (e) {
        // keep removing the rest
      }
    }
    unhighlight();
    unmark();
    if (mapS.map) mapS.map.destroy();
    host.remove();
    if (S.eng) S.eng.close();
    if (W[KEY] === api) delete W[KEY];
  };
  const api = {
    version: VERSION,
    origin: ORIGIN,
    /**
     * The mentions as export records without their context, at once: their variants and candidates
     * are there once a card or an export asked for them (`export` always has them).
     */
    mentions: () => rows(S).map(({ context, ...m }) => m),
    text: () => S.text,
    /** The JSON, CSV or GeoJSON the panel's buttons download (a promise of the text); `{includeRejected}`. */
    export: (fmt, opts) => exportAs(S, fmt, opts),
    /** Makes mention `i` (in text order) the current one, its review shown in the panel. */
    go: (i) => go(i),
    /** The review mark of mention `i`, or null. */
    review: (i) => (M[i] ? markOf(M[i]) : null),
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
      return S.eng ? S.eng.kind : null;
    },
    get blocked() {
      return [...blocked];
    },
    villages: (on) => (S.eng && S.lay && S.lay.ok ? villages(!!on) : Promise.resolve()),
    /** Tags the article only (true) or the whole page (false), from scratch. */
    articleOnly: (on) => (S.eng ? article(!!on) : Promise.resolve()),
    /** `{on, found, why}`: the switch, whether the text read is the article's, why not; `doc`: title, URL, date. */
    get article() {
      return { on: S.artOn, found: !!S.only, why: S.artWhy || null, doc: S.doc };
    },
    /** Shows (true) or hides the map; resolves once it is drawn (or could not load). */
    showMap: (on) => showMap(on !== false),
    /** The map's handle (`project`, `highlight`…) once shown, else null. */
    get map() {
      return mapS.map;
    },
    /** Opens the incident sheet of the mentions found. */
    incidentSheet: () => openSheet(),
    get layer() {
      const lay = S.lay;
      return lay && { available: !!lay.ok, on: !!lay.on, villages: +lay.n || 0, kept: !!lay.keep };
    },
  };
  try {
    Object.defineProperty(W, KEY, { value: api, configurable: true, enumerable: false, writable: false });
  } catch (e) {
    // a page that took the symbol for itself: this run works without a handle
  }
  const first = begin(['frame', 'page', 'window'])
    .catch(fail)
    .finally(() => {
      if (busy === first) busy = null;
    });
  busy = first;
}
