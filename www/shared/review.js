// Review of mentions (issue 12, item 1), one module for the page and the bookmarklet's panel: a reader
// confirms a mention, rejects it (this mention only, or this name everywhere in this document), re-links
// it to another candidate or related place, or asks never to tag its spelling again (a user rule, kept
// with the user's entries as the TOML source `never.toml`: see gazetteer/README.md, "Rules"). Every
// action can be undone.
//
// - ReviewState: the review marks of one document, by key: `m:<start>:<end>` (UTF-16 offsets) for one
//   mention, `d:<folded spelling>` for a name everywhere in the document. A mention's own mark wins
//   over its name's.
// - Stores: where marks are kept, per document (a content hash or the URL: docKey), safe across tabs,
//   one record per mark, so that each action is one put or delete of its own records (no
//   read-modify-write: nothing another tab wrote is ever overwritten but the same mark's). The page's
//   is in IndexedDB (the page's www/app/review-store.js), the bookmarklet helper's in its localStorage
//   (storageReviewStore), else this tab's memory (MemoryReviewStore).
// - ReviewSession: a document's marks, the actions on them and the undo stack.
// - reviewControls(): the controls (buttons, a re-link list, the keys) for one mention, built with text
//   nodes only; reviewKey(): the keys on a focused mention.
// - reviewed(): export records with their review state (mentions.js records), rejected ones left out
//   unless asked for.
// - neverToml/parseNever: the rules source.
import { h } from './dom.js';
import { geoFields } from './mentions.js';

/** The review states a mention can have. */
export const CONFIRMED = 'confirmed';
export const REJECTED = 'rejected';
export const RELINKED = 'relinked';

/** The user's rules source, among their entries. */
export const NEVER_SOURCE = 'never.toml';

/** Folding close to the tagger's (src/fold.rs) for spellings typed or read in a text: case, marks, quotes, dashes, spaces. */
export function foldSpelling(s) {
  return String(s)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019\u2018\u02bc\u02bb\u2032`\u00b4]/g, '')
    .replace(/[\s\-\u2010-\u2015]+/g, ' ')
    .trim();
}

export const mentionKey = (start, end) => `m:${start}:${end}`;
export const nameKey = (surface) => `d:${foldSpelling(surface)}`;

/** The review marks of one document. */
export class ReviewState {
  constructor(records = []) {
    this.marks = new Map();
    for (const r of records) if (r && typeof r.key === 'string') this.marks.set(r.key, r);
  }

  /** The mark of the mention at [start, end) spelled `surface`: its own (if the text there is still that spelling), else its name's. */
  of(start, end, surface) {
    const own = this.marks.get(mentionKey(start, end));
    if (own && own.surface === surface) return own;
    return this.marks.get(nameKey(surface)) || null;
  }

  get size() {
    return this.marks.size;
  }
}

// ---------------------------------------------------------------- stores

// A store is `{persistent, load(doc) → [record], write(doc, [[key, record|null]]), onChange(fn(doc))}`.
// The page keeps marks in IndexedDB (the page's www/app/review-store.js); the bookmarklet's helper frame in its
// origin's localStorage (storageReviewStore); both keep one record per mark, so that an action never
// rewrites what another tab wrote.

/** Marks in this tab's memory only (`persistent` false; `reason` says why). */
export class MemoryReviewStore {
  constructor(reason) {
    this.persistent = false;
    this.reason = reason;
    this.docs = new Map();
  }

  async load(doc) {
    return [...(this.docs.get(doc) || new Map()).values()];
  }

  async write(doc, changes) {
    if (!this.docs.has(doc)) this.docs.set(doc, new Map());
    const marks = this.docs.get(doc);
    for (const [key, rec] of changes) {
      if (rec) marks.set(key, { ...rec, key });
      else marks.delete(key);
    }
  }

  onChange() {}
}

/**
 * Marks in a Web Storage area (the helper frame's localStorage), one item per mark under
 * `sahel-tagger.review|<doc>|<key>`: each action sets or removes its own items, and another tab's
 * change arrives as a `storage` event.
 */
export function storageReviewStore(storage) {
  const PREFIX = 'sahel-tagger.review|';
  const listeners = [];
  try {
    window.addEventListener('storage', (e) => {
      if (e.key === null || e.key.startsWith(PREFIX)) listeners.forEach((fn) => fn(e.key ? e.key.slice(PREFIX.length).split('|')[0] : null));
    });
  } catch {
    // no window (a worker): no notification
  }
  // The document key is encoded: a URL holds '|'.
  const at = (doc, key = '') => `${PREFIX}${encodeURIComponent(doc)}|${key}`;
  return {
    persistent: true,
    async load(doc) {
      const out = [];
      const start = at(doc);
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        if (!k || !k.startsWith(start)) continue;
        try {
          out.push({ ...JSON.parse(storage.getItem(k)), key: k.slice(start.length) });
        } catch {
          // an item no version of this code wrote: left alone
        }
      }
      return out;
    },
    async write(doc, changes) {
      for (const [key, rec] of changes) {
        if (rec) storage.setItem(at(doc, key), JSON.stringify({ ...rec, key }));
        else storage.removeItem(at(doc, key));
      }
    },
    onChange(fn) {
      listeners.push(fn);
    },
  };
}

/** The key a document's marks are kept under: `sha256:<hex>` of its text (or `url:<url>` given one). */
export async function docKey(text, url = null) {
  if (url) return `url:${url}`;
  try {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return `sha256:${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}`;
  } catch {
    // No Web Crypto (an insecure context): FNV-1a over the UTF-16 units, with the length.
    let x = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) x = Math.imul(x ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return `fnv:${text.length}:${x.toString(16)}`;
  }
}

// ---------------------------------------------------------------- the session

/**
 * The marks of the document shown, the actions and their undo. `onChange()` is called after every
 * change (an action, an undo, another tab's change to this document).
 */
export class ReviewSession {
  constructor(store, { onChange = () => {} } = {}) {
    this.store = store;
    this.onChange = onChange;
    this.doc = null;
    this.state = new ReviewState();
    this.undos = [];
    this.last = '';
    // Counts the changes made in this tab (see reload).
    this.changes = 0;
    store.onChange((doc) => {
      if (doc === this.doc) this.reload();
    });
  }

  /** Shows document `doc`: its stored marks. */
  async open(doc) {
    if (doc === this.doc) return;
    this.doc = doc;
    this.state = new ReviewState();
    await this.reload();
  }

  /**
   * Reads the document's marks again. An action made while the read was under way is not in what it
   * read (its write started after the read), so the read is made again until none came in between:
   * a stale read never takes back a mark the card already shows.
   */
  async reload() {
    const doc = this.doc;
    let list = [];
    for (;;) {
      const seen = this.changes;
      try {
        list = await this.store.load(doc);
      } catch {
        list = [];
      }
      if (doc !== this.doc) return;
      if (seen === this.changes) break;
    }
    this.state = new ReviewState(list);
    this.onChange();
  }

  /** The mark of a mention (see ReviewState.of). */
  of(start, end, surface) {
    return this.state.of(start, end, surface);
  }

  /** Applies `changes` ([key, record|null]) and stores them; `label` says what was done, for the undo. */
  async change(label, changes, { undoable = true, doc = this.doc, before = null } = {}) {
    if (!doc) return;
    const shown = doc === this.doc;
    this.changes++;
    const prior = before || changes.map(([key]) => [key, (shown && this.state.marks.get(key)) || null]);
    if (shown) {
      for (const [key, rec] of changes) {
        if (rec) this.state.marks.set(key, { ...rec, key });
        else this.state.marks.delete(key);
      }
    }
    // The undo writes the marks back in the document they were made in, whichever is shown then.
    if (undoable) this.undos.push({ label, run: () => this.change(`Undid: ${label}`, prior, { undoable: false, doc }), doc });
    this.last = label;
    this.onChange();
    await this.store.write(doc, changes);
  }

  /** Shows no document (while a new text's key is computed): no marks, no action. */
  close() {
    this.doc = null;
    this.state = new ReviewState();
  }

  /** Adds an undo step for an action kept elsewhere (a "never" rule in the user's entries). */
  pushUndo(label, run) {
    this.undos.push({ label, run, doc: this.doc });
    this.last = label;
    this.onChange();
  }

  get canUndo() {
    return this.undos.length > 0;
  }

  /** Undoes the last action; resolves to what was undone ('' when nothing). */
  async undo() {
    const step = this.undos.pop();
    if (!step) return '';
    await step.run();
    this.last = `Undid: ${step.label}`;
    this.onChange();
    return step.label;
  }

  /** Mention `m` ({start, end, surface, entity: {id, name}}) confirmed, or its confirmation removed when it has one. */
  confirm(m) {
    const key = mentionKey(m.start, m.end);
    const own = this.state.marks.get(key);
    if (own && own.review === CONFIRMED) return this.change(`unconfirmed \u201c${m.surface}\u201d`, [[key, null]]);
    return this.change(`confirmed \u201c${m.surface}\u201d`, [[key, { review: CONFIRMED, scope: 'mention', surface: m.surface, from: m.entity.id, at: new Date().toISOString() }]]);
  }

  /** Mention `m` rejected: `scope` 'mention' (this one) or 'document' (this name everywhere in this document). */
  reject(m, scope = 'mention') {
    const rec = { review: REJECTED, scope, surface: m.surface, from: m.entity.id, at: new Date().toISOString() };
    if (scope === 'document') {
      // The name's mark; a mention's own mark of this spelling would win over it, so they go.
      const changes = [[nameKey(m.surface), rec]];
      for (const [key, r] of this.state.marks) if (key.startsWith('m:') && foldSpelling(r.surface) === foldSpelling(m.surface)) changes.push([key, null]);
      return this.change(`rejected \u201c${m.surface}\u201d everywhere in this text`, changes);
    }
    return this.change(`rejected \u201c${m.surface}\u201d`, [[mentionKey(m.start, m.end), rec]]);
  }

  /** Mention `m` re-linked to entity `to` ({id, name}); to its own entity: the re-link removed. */
  relink(m, to) {
    const key = mentionKey(m.start, m.end);
    if (!to || to.id === m.entity.id) return this.change(`\u201c${m.surface}\u201d linked back to ${m.entity.name}`, [[key, null]]);
    return this.change(`re-linked \u201c${m.surface}\u201d to ${to.name}`, [[key, { review: RELINKED, scope: 'mention', surface: m.surface, from: m.entity.id, entity: to.id, at: new Date().toISOString() }]]);
  }

  /** Clears the marks of mention `m` (its own and its name's). */
  clear(m) {
    const keys = [mentionKey(m.start, m.end), nameKey(m.surface)].filter((k) => this.state.marks.has(k));
    if (!keys.length) return Promise.resolve();
    return this.change(`cleared the review of \u201c${m.surface}\u201d`, keys.map((k) => [k, null]));
  }
}

// ---------------------------------------------------------------- rules ("never tag this spelling")

/** A TOML basic string (JSON's escapes are TOML's). */
const tomlString = (s) => JSON.stringify(String(s)).replace(/[\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The rules `[{text, entity?}]` of a rules source this module wrote (its `[[never]]` tables). */
export function parseNever(text) {
  const rules = [];
  let rule = null;
  for (const line of String(text || '').split('\n')) {
    const t = line.trim();
    if (t === '[[never]]') rules.push((rule = {}));
    else if (t.startsWith('[')) rule = null;
    else if (rule) {
      const kv = /^(text|entity)\s*=\s*("(?:[^"\\]|\\.)*")\s*(?:#.*)?$/.exec(t);
      if (kv) {
        try {
          rule[kv[1]] = JSON.parse(kv[2]);
        } catch {
          // not a string this module wrote: left out, the tagger reads the file itself
        }
      }
    }
  }
  return rules.filter((r) => typeof r.text === 'string');
}

/** The rules source for `rules` ([{text, entity?}]): a TOML file the CLI reads with `-g`. */
export function neverToml(rules) {
  const head = '# Spellings never to tag (sahel-tagger rules; gazetteer/README.md, "Rules").\n# Made by "Never tag this spelling" in the review; use with: sahel-tagger tag -g never.toml\n';
  return head + rules.map((r) => `\n[[never]]\ntext = ${tomlString(r.text)}\n${r.entity ? `entity = ${tomlString(r.entity)}\n` : ''}`).join('');
}

const sameRule = (a, b) => foldSpelling(a.text) === foldSpelling(b.text) && (a.entity || null) === (b.entity || null);

/** `text` (a rules source, or '') with `rule` added (once). */
export function addNever(text, rule) {
  const rules = parseNever(text);
  if (!rules.some((r) => sameRule(r, rule))) rules.push(rule);
  return neverToml(rules);
}

/** `text` without `rule`. */
export function removeNever(text, rule) {
  return neverToml(parseNever(text).filter((r) => !sameRule(r, rule)));
}

// ---------------------------------------------------------------- controls and keys

/** The keys on a focused mention, as the controls list them. */
export const REVIEW_KEYS = 'c confirm \u00b7 x reject \u00b7 Shift+X reject everywhere here \u00b7 Shift+N never tag this spelling \u00b7 l re-link \u00b7 u or Ctrl+Z undo';

/** A candidate's facts in a few words: "Karma (village, Tillabéri, NE)". */
export function describeAlternative(c) {
  const facts = [c.subtype, c.parentName, c.country].filter(Boolean).join(', ');
  return facts ? `${c.name} (${facts})` : c.name;
}

/**
 * The review controls of mention `m` (`{start, end, surface, entity}`, `entity` the tagger's link):
 * `mark` its review mark (or null), `alternatives` the other entities it may be linked to
 * ([{id, name, subtype, parentName, country}]: candidates of an ambiguous spelling, then related
 * places), `act(name, arg)` runs an action: 'confirm', 'reject' (arg: 'mention' | 'document'),
 * 'never', 'relink' (arg: the entity id, '' for the tagger's link), 'undo'. `undo` is the label of
 * the last action ('' when there is none to undo).
 */
export function reviewControls(m, mark, alternatives, act, { undo = '', keys = true } = {}) {
  const state = mark ? mark.review : '';
  const btn = (label, title, name, arg, pressed) =>
    h('button', { type: 'button', class: `rv-${name}${arg ? `-${arg}` : ''}`, title, 'aria-pressed': pressed === undefined ? null : String(pressed), onclick: () => act(name, arg) }, label);
  const row = [
    btn('\u2713 Confirm', 'Confirm this mention (c)', 'confirm', undefined, state === CONFIRMED),
    btn('\u2717 Reject', 'Reject this mention only (x)', 'reject', 'mention', state === REJECTED && mark.scope === 'mention'),
    btn('\u2717 Everywhere here', 'Reject this name everywhere in this text (Shift+X)', 'reject', 'document', state === REJECTED && mark.scope === 'document'),
    btn('\u2298 Never', `Never tag \u201c${m.surface}\u201d again: a rule kept with your entries (Shift+N)`, 'never'),
  ];
  const parts = [h('div', { class: 'rv-row' }, row)];
  if (alternatives.length) {
    const select = h(
      'select',
      { class: 'rv-relink', 'aria-label': 'Re-link to', title: 'Re-link this mention to another entity (l: the next one)', onchange: (e) => act('relink', e.target.value) },
      h('option', { value: '' }, `Linked to ${m.entity.name}`),
      alternatives.map((c) => h('option', { value: c.id, selected: state === RELINKED && mark.entity === c.id }, `Re-link to ${describeAlternative(c)}`)),
    );
    parts.push(h('label', { class: 'rv-row' }, select));
  }
  const said = state === REJECTED ? (mark.scope === 'document' ? 'Rejected everywhere in this text' : 'Rejected') : state === CONFIRMED ? 'Confirmed' : state === RELINKED ? 'Re-linked' : '';
  parts.push(
    h(
      'div',
      { class: 'rv-row rv-status', role: 'status' },
      said ? h('strong', { class: 'rv-state' }, said) : null,
      undo ? h('span', { class: 'rv-last' }, `${said ? ' \u00b7 ' : ''}Last action: ${undo} `) : null,
      undo ? btn('Undo', 'Undo the last review action (u, Ctrl+Z)', 'undo') : null,
    ),
  );
  if (keys) parts.push(h('div', { class: 'rv-keys' }, REVIEW_KEYS));
  return h('div', { class: 'rv', role: 'group', 'aria-label': 'Review this mention', 'data-review': state || null }, parts);
}

/**
 * The review action a key stands for, on a focused mention: `[name, arg]` or null. `l` re-links to
 * the alternative after the current one (after the last: back to the tagger's link).
 */
export function reviewKey(event, mark, alternatives) {
  if (event.altKey || event.metaKey) return null;
  if (event.ctrlKey) return !event.shiftKey && event.key.toLowerCase() === 'z' ? ['undo'] : null;
  switch (event.key) {
    case 'c':
      return ['confirm'];
    case 'x':
      return ['reject', 'mention'];
    case 'X':
      return ['reject', 'document'];
    case 'N':
      return ['never'];
    case 'u':
      return ['undo'];
    case 'l': {
      if (!alternatives.length) return null;
      const at = mark && mark.review === RELINKED ? alternatives.findIndex((c) => c.id === mark.entity) : -1;
      return ['relink', at + 1 < alternatives.length ? alternatives[at + 1].id : ''];
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------- exports

/**
 * Export records (mentions.js `records`) with their review: `review` ('confirmed', 'rejected',
 * 'relinked' or null); a re-linked mention carries the entity it was re-linked to (`id`, `name`,
 * `type`, `subtype`) and the tagger's link in `relinked_from`. Rejected mentions are left out unless
 * `includeRejected`. `markOf(record)` gives a record's mark; `byId` the entities.
 */
export function reviewed(records, markOf, byId, { includeRejected = false } = {}) {
  const out = [];
  for (const r of records) {
    const mark = markOf(r);
    const review = mark ? mark.review : null;
    if (review === REJECTED && !includeRejected) continue;
    const row = { ...r, review, relinked_from: null };
    if (review === RELINKED) {
      const e = byId.get(mark.entity);
      // The entity's own place fields too (a re-linked place is exported, and mapped, where it is).
      if (e) Object.assign(row, { id: e.id, name: e.name, type: e.type, subtype: e.subtype ?? null, ...('country' in r ? geoFields(e) : {}), relinked_from: r.id });
    }
    out.push(row);
  }
  return out;
}

// ---------------------------------------------------------------- styles

/** The controls' and reviewed mentions' styles, for the page (adopted) and the bookmarklet's shadow root. */
export const REVIEW_CSS = `
.tip:has(.rv) { pointer-events: auto; }
.rv { margin-top: .45rem; padding-top: .4rem; border-top: 1px solid color-mix(in srgb, currentColor 25%, transparent); font-size: .85rem; }
.rv-row { display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; margin: .15rem 0; }
.rv button, .rv select { font: inherit; font-size: .82rem; padding: .15rem .45rem; border-radius: 4px; border: 1px solid color-mix(in srgb, currentColor 45%, transparent); background: transparent; color: inherit; cursor: pointer; max-width: 100%; }
.rv button:hover, .rv select:hover { background: color-mix(in srgb, currentColor 10%, transparent); }
.rv button:focus-visible, .rv select:focus-visible { outline: 2px solid currentColor; outline-offset: 1px; }
.rv button[aria-pressed="true"] { background: color-mix(in srgb, currentColor 18%, transparent); font-weight: 600; }
.rv .rv-state { font-weight: 600; }
.rv .rv-last { opacity: .85; }
.rv-keys { opacity: .75; font-size: .75rem; margin-top: .2rem; }
mark[data-review="rejected"] { text-decoration: line-through; text-decoration-thickness: 2px; opacity: .55; }
mark[data-review="confirmed"] { box-shadow: inset 0 -3px 0 0 currentColor; }
mark[data-review="relinked"] { text-decoration: underline dotted; text-decoration-thickness: 2px; }
.hide-rejected mark[data-review="rejected"] { background: none; border: 0; opacity: 1; text-decoration: none; }
.hide-rejected mark[data-review="rejected"]::before, .hide-rejected mark[data-review="rejected"]::after { content: none; }
`;

/** Adopts REVIEW_CSS into `root` (a document or a shadow root) once: a constructed sheet, no inline style (the page's CSP). */
export function adoptReviewStyles(root) {
  const key = Symbol.for('sahel-tagger.review-css');
  if (root[key]) return;
  root[key] = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(REVIEW_CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
