// The "Your entries" section: the add form, gazetteer file import, the stored list (download, remove,
// undo) and the TSV export. Every change is tried in the worker first, on the freshest stored list;
// only a build that succeeds is stored, so a bad file never costs what is already there. Changes are
// deltas committed only if no other tab changed the store meanwhile (else tried again on the new list),
// and a change made in another tab is picked up here (entries-store.js).
import { h, download, stamp, fmt, plural } from '../shared/dom.js';
import { TYPES, TYPE_BY_ID, typeLabel } from './model.js';
import { readText } from './files.js';
import { defuseTsv } from './export.js';
import { openEntriesStore } from './entries-store.js';
import { NEVER_SOURCE, parseNever } from '../shared/review.js';
import {
  forWorker,
  entityFromForm,
  entityToml,
  formSourceName,
  foldName,
} from './entries.js';

const $ = (id) => document.getElementById(id);

/** The lines of a worker error worth showing (one diagnostic each, with its file and line). */
function diagnosticLines(detail) {
  return String(detail || '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^gazetteer has \d+ errors?$/.test(l));
}

/** The list `sources` becomes with `changes` (the store's own rule: removals, then puts in place). */
function preview(sources, { put = [], remove = [] }) {
  const next = sources.filter((s) => !remove.includes(s.name));
  for (const source of put) {
    const at = next.findIndex((s) => s.name === source.name);
    if (at === -1) next.push(source);
    else next[at] = source;
  }
  return next;
}
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export class EntriesUI {
  constructor({ client, onRebuilt }) {
    this.client = client;
    this.onRebuilt = onRebuilt;
    this.store = null;
    this.rev = 0;
    this.sources = [];
    this.entities = [];
    this.byName = null;
    this.queue = Promise.resolve();
    this.undo = null;
    this.broken = null;

    this.form = $('entry-form');
    this.message = $('import-message');
    this.formMessage = $('entry-form-message');
    this.list = $('entries-list');
    /** What each entry element was drawn from (see renderList). */
    this.rendered = new WeakMap();

    const select = $('entry-type');
    for (const type of TYPES) select.append(h('option', { value: type.id }, type.label));

    $('entry-name').addEventListener('input', () => this.offerExtend());
    $('entry-extend-on').addEventListener('change', () => this.syncExtend());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submitForm();
    });
    $('import-file').addEventListener('change', (event) => {
      const files = Array.from(event.target.files);
      event.target.value = '';
      this.importFiles(files);
    });
    $('export-entries').addEventListener('click', () => this.exportAll());
    $('export-rules').addEventListener('click', () => {
      const rules = this.sources.find((s) => s.name === NEVER_SOURCE);
      if (rules) download(NEVER_SOURCE, rules.text, 'application/toml;charset=utf-8');
    });
    const removeAll = $('remove-all');
    removeAll.addEventListener('click', () => {
      if (removeAll.dataset.armed === 'true') {
        this.disarm();
        this.removeSources(this.sources.map((s) => s.name));
      } else {
        removeAll.dataset.armed = 'true';
        removeAll.textContent = `Click again to remove all ${plural(this.sources.length, 'source')}`;
        this.disarmTimer = setTimeout(() => this.disarm(), 5000);
      }
    });
    this.renderList();
  }

  disarm() {
    const removeAll = $('remove-all');
    clearTimeout(this.disarmTimer);
    removeAll.dataset.armed = 'false';
    removeAll.textContent = 'Remove all';
  }

  /** Runs `job` after every earlier change has finished. */
  exclusive(job) {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => {});
    return run;
  }

  /** Opens the store and builds the tagger with the stored sources (the embedded gazetteer alone if they fail). */
  async loadStored() {
    this.store = await openEntriesStore();
    let stored = { rev: 0, sources: [] };
    try {
      stored = await this.store.read();
    } catch (err) {
      this.showError('Your stored entries could not be read, so the page uses the built-in gazetteer only.', String(err.message || err));
    }
    this.rev = stored.rev;
    this.sources = stored.sources;
    const reply = await this.client.build(forWorker(this.sources));
    if (!reply.ok && reply.fallback) {
      this.broken = reply.error;
      this.showError(
        'Your stored entries could not be loaded, so the page uses the built-in gazetteer only. They are still stored: remove or replace the faulty file.',
        reply.error,
      );
    }
    this.showStorage();
    this.renderList();
    this.store.onChange(() => this.refresh());
    // A change another tab made while this one was in the background (a missed message): checked on return.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.refresh();
    });
    return reply;
  }

  /** Says, in the section, when entries cannot be kept by this browser. */
  showStorage() {
    const note = $('entries-storage');
    if (!note) return;
    note.hidden = this.store.persistent;
    note.textContent = this.store.persistent
      ? ''
      : 'This browser does not let the page store anything (its site storage is blocked, or the page is shown inside another site): entries you add here are used in this tab only and lost when it closes.';
  }

  get persistent() {
    return !this.store || this.store.persistent;
  }

  /** Takes up a change made in another tab: the new list, and the tagger rebuilt with it. */
  refresh() {
    if (!this.store) return Promise.resolve();
    return this.exclusive(() => this.catchUp());
  }

  /** refresh() within a job that already runs exclusively. */
  async catchUp() {
    let stored;
    try {
      stored = await this.store.read();
    } catch {
      return;
    }
    if (stored.rev === this.rev) return;
    const reply = await this.client.build(forWorker(stored.sources));
    this.rev = stored.rev;
    this.sources = stored.sources;
    if (reply.ok) {
      this.broken = null;
      this.onRebuilt(reply);
    } else {
      this.broken = reply.error;
      this.showError('Your entries were changed in another tab and no longer load together: remove or replace the faulty file.', reply.error);
    }
    this.renderList();
  }

  /** Rebuilds the tagger with the stored sources (after a change of the village layer switch). */
  rebuild() {
    return this.exclusive(async () => {
      const reply = await this.client.build(forWorker(this.sources));
      if (reply.ok) this.onRebuilt(reply);
      else this.showError('Could not rebuild the tagger.', reply.error);
      return reply;
    });
  }

  setEntities(entities) {
    this.entities = entities;
    this.byName = null;
    this.offerExtend();
  }

  /** Canonical names first, then the other spellings (typing "Dioura" finds Djoura); built on first use. */
  nameIndex() {
    if (!this.byName) {
      this.byName = new Map();
      for (const e of this.entities) {
        const key = foldName(e.name);
        if (!this.byName.has(key)) this.byName.set(key, e);
      }
      for (const e of this.entities) {
        for (const v of e.variants || []) {
          const key = foldName(v.text);
          if (!this.byName.has(key)) this.byName.set(key, e);
        }
      }
    }
    return this.byName;
  }

  // ------------------------------------------------------------ messages

  /**
   * The "Removed … Undo" of the last removal while it can still be undone: kept above any message
   * that follows (an entry added a moment later in this tab, another tab's change), so that the way
   * back is never lost from sight.
   */
  pendingUndo() {
    return this.undo && this.undoNote ? [this.undoNote] : [];
  }

  showError(title, detail) {
    const lines = diagnosticLines(detail);
    this.message.dataset.kind = 'error';
    this.message.replaceChildren(
      ...this.pendingUndo(),
      h('p', { class: 'message-title' }, title),
      lines.length ? h('ul', { class: 'diagnostics' }, lines.map((l) => h('li', {}, h('code', {}, l)))) : null,
    );
  }

  showInfo(title, extra = []) {
    this.message.dataset.kind = 'ok';
    this.message.replaceChildren(...this.pendingUndo(), h('p', { class: 'message-title' }, title), ...extra);
  }

  // ------------------------------------------------------------ adding

  /**
   * Applies `changes` ({put: [source], remove: [name]}) to the freshest stored list: tries the result
   * in the worker (checking `check` on its own first), then stores the change unless another tab
   * changed the store meanwhile (then everything is tried again on the new list). On success resolves
   * to the reply; on failure keeps everything as it was and resolves to the failed reply.
   * `changes` may be a function of the fresh list (for a change that depends on it).
   */
  async apply(changes, check) {
    for (let attempt = 0; attempt < 8; attempt++) {
      let fresh;
      try {
        fresh = await this.store.read();
      } catch (err) {
        return { ok: false, error: `This browser refused to read the stored entries (${err.name || err.message}).` };
      }
      const delta = typeof changes === 'function' ? changes(fresh.sources) : changes;
      if (!delta) return { ok: false, nothing: true };
      const next = preview(fresh.sources, delta);
      const reply = await this.client.build(forWorker(next), check ? { name: check.name, text: check.text } : undefined);
      if (!reply.ok) {
        // The tagger is unchanged; this tab's view may be older than the store: catch up.
        if (fresh.rev !== this.rev) await this.catchUp();
        return reply;
      }
      if (check) {
        for (const s of delta.put || []) if (s.name === check.name) s.entities = reply.summary;
      }
      let done;
      try {
        done = await this.store.commit(fresh.rev, delta);
      } catch (err) {
        // The browser refused to store them: go back to the stored tagger.
        const back = await this.client.build(forWorker(fresh.sources));
        // The page follows the worker's tagger, whichever it now is.
        this.onRebuilt(back.ok ? back : reply);
        return { ok: false, error: `This browser refused to store the entries (${err.name || err.message}); its storage may be full.` };
      }
      if (!done.ok) continue; // Another tab changed them first: try again on the new list.
      this.rev = done.rev;
      this.sources = done.sources;
      this.broken = null;
      this.onRebuilt(reply);
      this.renderList();
      return reply;
    }
    await this.catchUp();
    return { ok: false, error: 'Your entries kept changing in another tab: try again.' };
  }

  /**
   * Adds or replaces (same name) one source. Resolves to true on success. With `quiet`, shows nothing
   * and resolves to the outcome `{ok, title, error, extra}` instead (a multi-file import reports them all).
   */
  importSource(name, text, origin, { quiet = false } = {}) {
    return this.exclusive(async () => {
      const source = { name, text, origin, added: new Date().toISOString() };
      this.message.dataset.kind = 'busy';
      this.message.replaceChildren(h('p', { class: 'message-title' }, `Checking ${name}…`));
      let replaced = false;
      const reply = await this.apply((fresh) => {
        replaced = fresh.some((s) => s.name === name);
        return { put: [source] };
      }, source);
      let outcome;
      if (!reply.ok) {
        const kept = this.sources.length
          ? ` Your ${plural(this.sources.length, 'stored source')} ${this.sources.length === 1 ? 'is' : 'are'} kept as ${this.sources.length === 1 ? 'it was' : 'they were'}.`
          : '';
        outcome = { ok: false, title: `Could not add ${name}: nothing was changed.${kept}`, error: reply.error };
      } else {
        const names = reply.summary.map((e) => e.name);
        const shown = names.slice(0, 8).join(', ') + (names.length > 8 ? `, … (${fmt(names.length - 8)} more)` : '');
        const extra = [];
        if (reply.warnings?.length) {
          extra.push(
            h('p', {}, `${plural(reply.warnings.length, 'warning')}:`),
            h('ul', { class: 'diagnostics warnings' }, reply.warnings.slice(0, 20).map((d) => h('li', {}, h('code', {}, `${d.source}${d.line ? `:${d.line}` : ''}: warning: ${d.message}`)))),
          );
        }
        outcome = { ok: true, title: `${replaced ? 'Replaced' : 'Added'} ${name}: ${plural(names.length, 'entity', 'entities')} (${shown}).`, extra };
      }
      if (quiet) return outcome;
      if (outcome.ok) this.showInfo(outcome.title, outcome.extra);
      else this.showError(outcome.title, outcome.error);
      return outcome.ok;
    });
  }

  /**
   * Imports files one by one: a file that fails (too large, unreadable, invalid) changes nothing and
   * does not stop the others. With several files, the message lists every file's outcome, with the
   * errors' line numbers.
   */
  async importFiles(files) {
    const outcomes = [];
    for (const file of files) {
      let outcome;
      if (file.size > MAX_FILE_BYTES) {
        outcome = { ok: false, title: `Could not add ${file.name}: nothing was changed.`, error: `${file.name}: file is larger than ${MAX_FILE_BYTES / 1048576} MB` };
      } else {
        let text = null;
        try {
          text = await readText(file);
        } catch (err) {
          outcome = { ok: false, title: `Could not read ${file.name}: nothing was changed.`, error: String(err.message || err) };
        }
        if (text !== null) outcome = await this.importSource(file.name, text, 'file', { quiet: true });
      }
      outcomes.push({ name: file.name, ...outcome });
    }
    if (outcomes.length === 1) {
      const [one] = outcomes;
      if (one.ok) this.showInfo(one.title, one.extra);
      else this.showError(one.title, one.error);
    } else if (outcomes.length > 1) {
      this.showReport(outcomes);
    }
    return outcomes;
  }

  /** One message for a multi-file import: a line per file, the failed ones with their errors. */
  showReport(outcomes) {
    const failed = outcomes.filter((o) => !o.ok).length;
    const added = outcomes.length - failed;
    const title = failed
      ? `Imported ${fmt(added)} of ${plural(outcomes.length, 'file')}; ${plural(failed, 'file')} could not be added (nothing of ${failed === 1 ? 'it' : 'them'} was changed).`
      : `Imported ${plural(outcomes.length, 'file')}.`;
    this.message.dataset.kind = failed ? 'error' : 'ok';
    this.message.replaceChildren(
      h('p', { class: 'message-title' }, title),
      h(
        'ul',
        { class: 'file-report' },
        outcomes.map((o) =>
          h(
            'li',
            { 'data-file': o.name, 'data-ok': String(o.ok) },
            h('span', { class: o.ok ? 'file-ok' : 'file-failed' }, o.ok ? '✓ ' : '✗ '),
            o.title,
            o.ok ? o.extra : h('ul', { class: 'diagnostics' }, diagnosticLines(o.error).map((l) => h('li', {}, h('code', {}, l)))),
          ),
        ),
      ),
    );
  }

  /** The existing entity the form's name matches, if any. */
  matchFor(name) {
    const key = foldName(name);
    return key ? this.nameIndex().get(key) || null : null;
  }

  offerExtend() {
    const box = $('entry-extend');
    const match = this.matchFor($('entry-name').value);
    this.extendBase = match;
    if (!match) {
      box.hidden = true;
      this.syncExtend();
      return;
    }
    const where = match.tier === 'user' ? 'your entry' : 'the built-in entry';
    $('entry-extend-label').textContent = `Add these spellings to ${where} “${match.name}” (${typeLabel(match.type)}${match.subtype ? `, ${match.subtype}` : ''}) instead of creating a new entity`;
    box.hidden = false;
    this.syncExtend();
  }

  syncExtend() {
    const extending = this.extending();
    const select = $('entry-type');
    select.disabled = extending;
    if (extending) select.value = this.extendBase.type;
  }

  extending() {
    return Boolean(this.extendBase) && !$('entry-extend').hidden && $('entry-extend-on').checked;
  }

  async submitForm() {
    const data = new FormData(this.form);
    const form = {
      name: String(data.get('name') || ''),
      type: $('entry-type').value,
      subtype: String(data.get('subtype') || '').trim(),
      variants: String(data.get('variants') || ''),
      acronyms: String(data.get('acronyms') || ''),
      description: String(data.get('description') || '').replace(/\s+/g, ' ').trim(),
    };
    const base = this.extending() ? this.extendBase : null;
    let entity;
    try {
      entity = entityFromForm(form, { base, taken: new Set(this.entities.map((e) => e.id)) });
    } catch (err) {
      this.setFormMessage(err.message, 'error');
      return;
    }
    let name = formSourceName(entity);
    if (base && base.tier === 'user') {
      // A user entity can only be extended where it is defined: by replacing its own form entry.
      const owner = this.sources.find((s) => (s.entities || []).some((e) => e.id === base.id));
      if (owner && owner.origin !== 'form') {
        this.setFormMessage(`${base.name} comes from your file ${owner.name}: add the spellings there and import it again.`, 'error');
        return;
      }
      if (owner) name = owner.name;
    }
    const text = `# Added with the Sahel Tagger page on ${new Date().toISOString().slice(0, 10)}${base ? ` (a copy of "${base.id}" with more spellings)` : ''}.\n${entityToml(entity)}`;
    this.setFormMessage(`Adding ${entity.name}…`, 'busy');
    const ok = await this.importSource(name, text, 'form');
    if (ok) {
      this.setFormMessage(`${base ? 'Updated' : 'Added'} ${entity.name}.`, 'ok');
      this.form.reset();
      this.form.classList.remove('prefilled');
      this.offerExtend();
    } else {
      this.setFormMessage('Not added: see the message beside.', 'error');
    }
  }

  /**
   * Fills the form with `draft` (`{name, type, subtype?, description?}`: an unlisted name of the text,
   * or one the bookmarklet handed over) and brings it into view, the Add button focused: one more
   * click (or Enter) adds it, and the text is tagged again with it.
   */
  prefill(draft) {
    this.form.reset();
    $('entry-name').value = draft.name;
    if (TYPE_BY_ID.has(draft.type)) $('entry-type').value = draft.type;
    $('entry-subtype').value = draft.subtype || '';
    $('entry-description').value = draft.description || '';
    this.offerExtend();
    this.form.classList.add('prefilled');
    this.setFormMessage(`Filled from the text: check the fields, then Add.`, 'ok');
    this.form.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    this.form.querySelector('button[type="submit"]').focus({ preventScroll: true });
  }

  setFormMessage(text, kind) {
    this.formMessage.textContent = text;
    this.formMessage.dataset.kind = kind;
  }

  // ------------------------------------------------------------ removing, exporting

  removeSources(names) {
    return this.exclusive(async () => {
      let removed = [];
      const reply = await this.apply((fresh) => {
        removed = fresh.filter((s) => names.includes(s.name));
        return removed.length ? { remove: removed.map((s) => s.name) } : null;
      }, null);
      if (reply.nothing) {
        this.showInfo(`${names.length === 1 ? names[0] : plural(names.length, 'source')} had already been removed (in another tab).`);
        return false;
      }
      if (!reply.ok) {
        this.showError(`Could not remove ${removed.map((s) => s.name).join(', ')}: nothing was changed.`, reply.error);
        return false;
      }
      const undo = h('button', { type: 'button', class: 'undo' }, 'Undo');
      undo.addEventListener('click', () => this.restore());
      this.undo = null;
      this.showInfo(`Removed ${removed.length === 1 ? removed[0].name : plural(removed.length, 'source')}. `, [undo]);
      this.undo = removed;
      this.undoNote = h('div', { class: 'undo-note' }, ...this.message.childNodes);
      this.message.replaceChildren(this.undoNote);
      return true;
    });
  }

  /**
   * Changes the user's rules (the source never.toml, made by the review's "never tag this spelling"):
   * `edit(text)` gives the new text from the freshest stored one ('' when there is none); a text
   * without rules removes the source. Resolves to true once stored and the tagger rebuilt with it.
   */
  changeRules(edit) {
    return this.exclusive(async () => {
      const reply = await this.apply((fresh) => {
        const old = fresh.find((s) => s.name === NEVER_SOURCE);
        const text = edit(old ? old.text : '');
        if (!parseNever(text).length) return old ? { remove: [NEVER_SOURCE] } : null;
        return { put: [{ name: NEVER_SOURCE, text, origin: 'review', added: old?.added || new Date().toISOString(), entities: [] }] };
      }, null);
      if (reply.nothing) return true;
      if (!reply.ok) this.showError('Could not store the rule: nothing was changed.', reply.error);
      return Boolean(reply.ok);
    });
  }

  restore() {
    const back = this.undo;
    this.undo = null;
    if (!back) return;
    return this.exclusive(async () => {
      const reply = await this.apply({ put: back.map(({ seq, ...s }) => s) }, null);
      if (reply.ok) this.showInfo(`Restored ${back.length === 1 ? back[0].name : plural(back.length, 'source')}.`);
      else this.showError('Could not restore the removed entries.', reply.error);
    });
  }

  async exportAll() {
    const reply = await this.client.exportTsv(true);
    if (!reply.ok) {
      this.showError('Could not export your entries.', reply.error);
      return;
    }
    download(`sahel-tagger-my-entries-${stamp()}.tsv`, defuseTsv(reply.text), 'text/tab-separated-values;charset=utf-8');
  }

  // ------------------------------------------------------------ the list

  renderList() {
    const count = this.sources.length;
    $('entries-count').textContent = count ? fmt(count) : '';
    $('export-entries').disabled = !count || Boolean(this.broken);
    $('export-rules').disabled = !this.sources.some((s) => s.name === NEVER_SOURCE);
    $('remove-all').disabled = !count;
    if (!count) {
      this.list.replaceChildren(h('li', { class: 'placeholder' }, 'None yet. Entries you add or import are listed here.'));
      return;
    }
    // An entry whose source is unchanged keeps its element: a list redrawn because another tab
    // added something must not swallow a click the reader is making on a button of it.
    const before = new Map([...this.list.querySelectorAll(':scope > li.entry')].map((li) => [li.dataset.source, li]));
    const items = this.sources.map((source) => {
      const key = `${source.added || ''}\u0000${source.origin || ''}\u0000${source.text}`;
      const kept = before.get(source.name);
      if (kept && this.rendered.get(kept) === key) return kept;
      const li = this.entryItem(source);
      this.rendered.set(li, key);
      return li;
    });
    const current = [...this.list.children];
    if (current.length !== items.length || current.some((li, i) => li !== items[i])) this.list.replaceChildren(...items);
  }

  /** The list item of one stored source: what it holds, its size and date, its source, Download and Remove. */
  entryItem(source) {
    const entities = source.entities || [];
    const added = source.added ? new Date(source.added) : null;
    const meta = [
      source.origin === 'form' ? 'added with the form' : source.origin === 'review' ? `${plural(parseNever(source.text).length, 'rule')} “never tag this spelling”, made in the review` : 'imported file',
      `${fmt(Math.max(1, Math.round(new Blob([source.text]).size / 1024)))} KB`,
      added && !Number.isNaN(added.getTime()) ? added.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }) : null,
    ].filter(Boolean);
    const remove = h('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${source.name}` }, 'Remove');
    remove.addEventListener('click', () => this.removeSources([source.name]));
    const save = h('button', { type: 'button', 'aria-label': `Download ${source.name}` }, 'Download');
    save.addEventListener('click', () => download(source.name, source.text, 'text/plain;charset=utf-8'));
    const chips = entities.slice(0, 30).map((e) =>
      h(
        'li',
        { class: 'chip', 'data-type': e.type, 'data-entity': e.id },
        h('span', { class: 'glyph', 'aria-hidden': 'true' }, TYPE_BY_ID.get(e.type)?.glyph ?? '?'),
        e.name,
        e.overrides ? h('span', { class: 'overrides' }, ' (replaces built-in)') : null,
      ),
    );
    if (entities.length > 30) chips.push(h('li', { class: 'chip more' }, `… ${fmt(entities.length - 30)} more`));
    return h(
      'li',
      { class: 'entry', 'data-source': source.name },
      h('div', { class: 'entry-head' }, h('strong', { class: 'entry-name' }, source.name), h('span', { class: 'hint' }, ` ${plural(entities.length, 'entity', 'entities')} · ${meta.join(' · ')}`)),
      chips.length ? h('ul', { class: 'chips' }, chips) : null,
      h('details', {}, h('summary', {}, 'Show the source'), h('pre', { class: 'source' }, source.text)),
      h('div', { class: 'entry-actions' }, save, remove),
    );
  }
}
