// The incident sheet (issue 12, item 4): the draft of ./incident.js as a table where every cell can be
// edited, rows added and deleted, actors rolled up to their parent group, and the result copied or
// downloaded as CSV with the edits. One builder for the page and the bookmarklet's panel; text nodes
// and form fields only (no markup is ever parsed), styles from ./incident-sheet-css.js.
import { h, download, stamp, plural, fmt } from './dom.js';
import { draftIncidents, incidentsCsv, INCIDENT_COLUMNS, COLUMN_LABELS } from './incident.js';
import { adoptIncidentSheetStyles } from './incident-sheet-css.js';

export { adoptIncidentSheetStyles };

/** The columns the user edits (all but `offsets`, which links a row to the text and is kept as drafted). */
export const EDITABLE_COLUMNS = INCIDENT_COLUMNS.filter((c) => c !== 'offsets');

/**
 * Builds the sheet. Options:
 * - `text`, `mentions`, `entities`, `doc`: as draftIncidents() takes them;
 * - `rollUp` (default false): the switch's first state;
 * - `root`: the document or shadow root the sheet goes into: its styles are adopted there, and the
 *   download link is clicked there (default `document`);
 * - `onShow(row)`: when given, each drafted row has a "Show" button that calls it (the caller selects
 *   the row's text, `row.utf16Start`/`utf16End`, or its mentions, `row.spans`);
 * - `scheme`: 'auto' (default: the system's), 'light' or 'dark';
 * - `filename`: the downloaded file's name (default `incidents-<stamp>.csv`);
 * - `title`: the heading (default "Incident sheet").
 *
 * Returns `{element, rows(), csv({bom}), setRollUp(on), update({text, mentions, entities, doc})}`:
 * `rows()` the rows as exported (edits applied, deleted rows left out, added rows in), `update` a new
 * article (edits are dropped: they belonged to the old one).
 *
 * Keyboard: every control is a native field or button in reading order; in a one-line cell, Enter
 * moves to the same column of the next row (Shift+Enter: the previous one), like a spreadsheet.
 */
export function incidentSheet(options = {}) {
  const root = options.root ?? document;
  adoptIncidentSheetStyles(root);
  const doc = root.ownerDocument ?? root;

  let input = { text: options.text ?? '', mentions: options.mentions ?? [], entities: options.entities ?? [], doc: options.doc ?? {} };
  let rollUp = Boolean(options.rollUp);
  let drafts = new Map();
  /** The rows in order: `{key, drafted, edits: {column: text}}`; a drafted row reads its draft by key. */
  let items = [];
  let added = 0;
  let undo = null;

  const redraft = () => {
    const rows = draftIncidents(input.text, input.mentions, input.entities, input.doc, { rollUp });
    drafts = new Map(rows.map((r) => [r.key, r]));
    return rows;
  };
  const reset = () => {
    items = redraft().map((r) => ({ key: r.key, drafted: true, edits: {} }));
    undo = null;
  };
  reset();

  const value = (item, column) => {
    if (Object.hasOwn(item.edits, column)) return item.edits[column];
    const v = item.drafted ? drafts.get(item.key)?.[column] : '';
    return v === undefined || v === null ? '' : String(v);
  };
  const rowOf = (item) => {
    const draft = item.drafted ? drafts.get(item.key) : null;
    const row = { ...(draft ?? {}), key: item.key, edited: Object.keys(item.edits) };
    for (const c of INCIDENT_COLUMNS) row[c] = c === 'offsets' ? (draft?.offsets ?? '') : value(item, c);
    // Untouched coordinates stay numbers.
    for (const c of ['latitude', 'longitude']) if (!Object.hasOwn(item.edits, c) && typeof draft?.[c] === 'number') row[c] = draft[c];
    return row;
  };

  // ---- the elements ----
  const id = `isheet-${Math.random().toString(36).slice(2, 9)}`;
  const summary = h('p', { class: 'is-summary', id: `${id}-summary` });
  const rollSwitch = h('input', { type: 'checkbox', role: 'switch', checked: rollUp, class: 'is-rollup' });
  rollSwitch.addEventListener('change', () => setRollUp(rollSwitch.checked));
  const status = h('p', { class: 'is-status', role: 'status', 'aria-live': 'polite' });
  const body = h('tbody');
  const headers = h(
    'tr',
    {},
    INCIDENT_COLUMNS.map((c) => h('th', { scope: 'col', 'data-col': c }, COLUMN_LABELS[c])),
    h('th', { scope: 'col' }, h('span', { class: 'is-sr' }, 'Row actions')),
  );
  const table = h('table', { 'aria-describedby': `${id}-summary` }, h('caption', { hidden: true }, 'Incidents'), h('thead', {}, headers), body);
  const scroll = h('div', { class: 'is-scroll', role: 'region', 'aria-label': 'Incident table', tabindex: '0' }, table);
  const element = h(
    'section',
    { class: 'isheet', 'aria-labelledby': `${id}-title`, 'data-scheme': options.scheme && options.scheme !== 'auto' ? options.scheme : null },
    h('h2', { id: `${id}-title` }, options.title ?? 'Incident sheet'),
    summary,
    h(
      'div',
      { class: 'is-bar' },
      h('label', { class: 'is-switch' }, rollSwitch, 'Roll up actors to parent group'),
      h('span', { class: 'is-grow' }),
      h('button', { type: 'button', class: 'is-add', onclick: () => addRow() }, 'Add row'),
      h('button', { type: 'button', class: 'is-copy', onclick: () => copy() }, 'Copy as CSV'),
      h('button', { type: 'button', class: 'is-primary is-download', onclick: () => save() }, 'Download CSV'),
    ),
    status,
    scroll,
  );

  function say(message, action = null) {
    status.replaceChildren(message);
    if (action) status.append(h('button', { type: 'button', class: 'is-undo', onclick: action.run }, action.label));
  }

  function render() {
    const rows = [];
    items.forEach((item, n) => rows.push(renderRow(item, n)));
    if (!items.length) {
      rows.push(h('tr', { class: 'is-empty' }, h('td', { colspan: String(INCIDENT_COLUMNS.length + 1) }, 'No sentence group names both an actor and a place. Add a row to code one by hand.')));
    }
    body.replaceChildren(...rows);
    const drafted = items.filter((i) => i.drafted).length;
    const byHand = items.length - drafted;
    summary.replaceChildren(
      `${plural(items.length, 'row')} (${fmt(drafted)} drafted from the text${byHand ? `, ${fmt(byHand)} added by hand` : ''}). ` +
        'Every cell can be edited; the CSV has your edits.',
    );
  }

  function renderRow(item, n) {
    const cells = INCIDENT_COLUMNS.map((column) => {
      const label = COLUMN_LABELS[column];
      const td = h('td', { 'data-col': column, class: Object.hasOwn(item.edits, column) ? 'is-edited' : null });
      td.append(h('span', { class: 'is-label', 'aria-hidden': 'true' }, label));
      if (column === 'offsets') {
        const draft = item.drafted ? drafts.get(item.key) : null;
        td.append(h('span', {}, draft?.offsets || '—'));
        return td;
      }
      const field =
        column === 'notes'
          ? h('textarea', { rows: '3', dir: 'auto', 'aria-label': `${label}, row ${n + 1}`, 'data-col': column })
          : h('input', {
              type: 'text',
              dir: 'auto',
              'aria-label': `${label}, row ${n + 1}`,
              'data-col': column,
              inputmode: column === 'latitude' || column === 'longitude' ? 'decimal' : null,
              placeholder: column === 'event_date' ? 'YYYY-MM-DD' : null,
              autocomplete: 'off',
              spellcheck: column === 'notes' ? null : 'false',
            });
      field.value = value(item, column);
      const draft = item.drafted ? drafts.get(item.key) : null;
      const k = column === 'actor1' ? 0 : column === 'actor2' ? 1 : -1;
      if (draft && k >= 0 && draft.actorsNamed?.[k] && draft.actorsNamed[k] !== draft[column]) field.title = `Rolled up from ${draft.actorsNamed[k]}`;
      field.addEventListener('input', () => {
        item.edits[column] = field.value;
        td.classList.add('is-edited');
      });
      if (field.tagName === 'INPUT') field.addEventListener('keydown', (ev) => moveOnEnter(ev, n, column));
      td.append(field);
      return td;
    });
    const draft = item.drafted ? drafts.get(item.key) : null;
    const show =
      draft && options.onShow
        ? h('button', { type: 'button', class: 'is-show', 'aria-label': `Show row ${n + 1} in the text`, title: `In the text: ${draft.offsets}`, onclick: () => options.onShow(rowOf(item)) }, 'Show')
        : null;
    const del = h('button', { type: 'button', class: 'is-delete', 'aria-label': `Delete row ${n + 1}`, title: 'Delete this row', onclick: () => deleteRow(item) }, 'Delete');
    return h('tr', { 'data-key': item.key, 'data-index': String(n) }, cells, h('td', { class: 'is-actions' }, show, del));
  }

  function moveOnEnter(ev, n, column) {
    if (ev.key !== 'Enter' || ev.altKey || ev.ctrlKey || ev.metaKey || ev.isComposing) return;
    const to = n + (ev.shiftKey ? -1 : 1);
    const target = body.querySelector(`tr[data-index="${to}"] :is(input, textarea)[data-col="${column}"]`);
    if (target) {
      ev.preventDefault();
      target.focus();
      target.select?.();
    }
  }

  function focusCell(index, column = 'event_date') {
    const target = body.querySelector(`tr[data-index="${index}"] :is(input, textarea)[data-col="${column}"]`);
    target?.focus();
  }

  function addRow() {
    added += 1;
    const item = { key: `added-${added}`, drafted: false, edits: {} };
    // A new row carries the article's source and date: the cells a coder would type the same.
    const source = String(input.doc?.url || input.doc?.title || '');
    if (source) item.edits.source = source;
    const date = /^\d{4}-\d{2}-\d{2}/.exec(String(input.doc?.date ?? ''))?.[0];
    if (date) item.edits.event_date = date;
    items.push(item);
    render();
    focusCell(items.length - 1);
    say(`Row ${items.length} added.`);
  }

  function deleteRow(item) {
    const index = items.indexOf(item);
    if (index < 0) return;
    items.splice(index, 1);
    undo = { item, index };
    render();
    const next = body.querySelector(`tr[data-index="${Math.min(index, items.length - 1)}"] .is-delete`);
    if (next) next.focus();
    else element.querySelector('.is-add').focus();
    say(`Row ${index + 1} deleted.`, {
      label: 'Undo',
      run: () => {
        if (!undo) return;
        items.splice(Math.min(undo.index, items.length), 0, undo.item);
        const at = undo.index;
        undo = null;
        render();
        focusCell(at);
        say(`Row ${at + 1} restored.`);
      },
    });
  }

  function setRollUp(on) {
    rollUp = Boolean(on);
    rollSwitch.checked = rollUp;
    redraft();
    render();
    say(rollUp ? 'Actors rolled up to their parent group (cells you edited are kept).' : 'Actors as named in the text (cells you edited are kept).');
  }

  const rows = () => items.map(rowOf);
  const csv = ({ bom = true } = {}) => incidentsCsv(rows(), { bom });

  async function copy() {
    const text = csv({ bom: false });
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      // No clipboard API here (a page without it, or permission refused): copy from a selected field.
      const area = h('textarea', { readonly: true, 'aria-hidden': 'true', class: 'is-clip' });
      area.value = text;
      area.style.position = 'fixed';
      area.style.opacity = '0';
      element.append(area);
      area.select();
      try {
        ok = doc.execCommand('copy');
      } catch {
        ok = false;
      }
      area.remove();
    }
    say(ok ? `Copied ${plural(items.length, 'row')} as CSV.` : 'Could not copy: use Download CSV.');
    return ok;
  }

  function save() {
    download(options.filename ?? `incidents-${stamp()}.csv`, csv(), 'text/csv;charset=utf-8', root === document ? document.body : root);
    say(`Downloaded ${plural(items.length, 'row')} as CSV.`);
  }

  function update(next = {}) {
    input = { ...input, ...next };
    reset();
    render();
    say('');
  }

  render();
  return { element, rows, csv, copy, setRollUp, update };
}
