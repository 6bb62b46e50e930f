// The paste page: wires the input, the tagger worker, the result view, the legend, the entity panel,
// the map of the places mentioned, the incident sheet, the exports and the user's entries together.
import { TaggerClient } from './tagger-client.js';
import { Result, POSSIBLE } from './model.js';
import { ResultView } from './render.js';
import { setupTooltip } from './tooltip.js';
import { buildLegend, EntityPanel } from './panel.js';
import { highlightedHtml, copyHtml } from './export.js';
import { records, toJson, toCsv, toGeoJson } from '../shared/mentions.js';
import { readText, readHtml, isHtmlFile, isGazetteerFile } from './files.js';
import { h, debounce, download, stamp, fmt, plural, nextFrame } from '../shared/dom.js';
import { EntriesUI } from './entries-ui.js';
import { installBookmarklet, MAX_HREF } from '../bookmarklet/install.js';
import { createMap } from '../shared/map.js';
import { openReviewStore } from './review-store.js';
import { ReviewSession, docKey, reviewControls, reviewKey, reviewed, adoptReviewStyles, addNever, removeNever, REJECTED, RELINKED } from '../shared/review.js';
import { entryDraft, draftFromHash } from '../shared/unlisted.js';

const $ = (id) => document.getElementById(id);
const input = $('input');
const resultEl = $('result');
const statusEl = $('status');

const client = new TaggerClient();
const view = new ResultView(resultEl, { onPart: showParts, decorate: (mark, i) => decorateMark(mark, i) });
const state = {
  // A text over LARGE_TEXT characters: kept here, shown read-only (#input-large), not in the textarea.
  large: null,
  entities: [],
  byId: new Map(),
  stats: null,
  result: null,
  ready: false,
  hidden: new Set(),
  hidePossible: false,
  cursor: null,
  lastInputType: null,
  // The opened .html file (`{raw, name}`), while its text is the one shown: read again by the switch.
  html: null,
};

// ---------------------------------------------------------------- status

function setStatus(text, kind = '') {
  statusEl.textContent = text;
  statusEl.dataset.kind = kind;
}

function setState(name) {
  resultEl.dataset.state = name;
}

function placeholder(text) {
  return h('p', { class: 'placeholder' }, text);
}

// ---------------------------------------------------------------- legend, panel, tooltip

const legend = buildLegend($('legend-types'), (type, shown) => {
  if (shown) state.hidden.delete(type);
  else state.hidden.add(type);
  resultEl.classList.toggle(`hide-${type}`, !shown);
  panel.setHidden(state.hidden);
  updateExportNote();
  updateMap();
});

$('show-possible').addEventListener('change', (event) => {
  state.hidePossible = !event.target.checked;
  resultEl.classList.toggle('hide-possible', state.hidePossible);
  updateExportNote();
  updateMap();
});

const panel = new EntityPanel($('entity-list'), $('entity-filter'), $('entities-summary'), (id, index) => goTo(index, 1), (index) => {
  const list = view.result?.byEntity().get(index);
  if (list?.length) addUnlisted(view.result, list[0]);
});
panel.update(null);

const tooltip = setupTooltip(resultEl, $('tip'), (mark) => {
  const result = view.result;
  const i = Number(mark.dataset.i);
  if (!result || !(i < result.n)) return null;
  return { result, i, byId: state.byId, mention: reviewedMention(result, i), review: () => reviewCard(result, i) };
});

/** Moves to the next (`step` 1) or previous (-1) mention of entity `index`, from `fromMention` if given. */
async function goTo(index, step, fromMention = null, { focus = true } = {}) {
  const result = view.result;
  if (!result) return;
  const list = result.byEntity().get(index);
  if (!list?.length) return;
  let k;
  if (fromMention !== null) {
    const at = list.indexOf(fromMention);
    k = (at + step + list.length) % list.length;
  } else if (state.cursor && state.cursor.result === result && state.cursor.index === index) {
    k = (state.cursor.k + step + list.length) % list.length;
  } else {
    k = step > 0 ? 0 : list.length - 1;
  }
  state.cursor = { result, index, k };
  await showMention(result, list[k], { focus });
}

/** Draws (its part first, in a long text), marks as current, scrolls to and focuses mention `i`. */
async function showMention(result, i, { focus = true } = {}) {
  const index = result.entityIndex(i);
  const list = result.byEntity().get(index);
  const k = list.indexOf(i);
  state.cursor = { result, index, k };
  const part = view.part;
  const mark = await view.reveal(i);
  if (view.result !== result) return null;
  if (!mark) {
    setStatus('Still drawing the text: try again in a moment.');
    return null;
  }
  view.setCurrent(i);
  mark.scrollIntoView({ block: 'center', inline: 'nearest' });
  if (view.part !== part) {
    // A part just drawn: the chunks above the mark get their real height once laid out.
    await nextFrame();
    if (view.result !== result) return null;
    mark.scrollIntoView({ block: 'center', inline: 'nearest' });
  }
  if (focus) mark.focus({ preventScroll: true });
  panel.select(result.entities[index].id, k, list.length);
  mapHighlight(result.entities[index].id);
  return mark;
}

resultEl.addEventListener('keydown', (event) => {
  const mark = event.target.closest?.('mark');
  if (!mark || event.ctrlKey || event.metaKey || event.altKey) return;
  const key = event.key.toLowerCase();
  if (key === 'a' && mark.classList.contains('unlisted')) {
    event.preventDefault();
    addUnlisted(view.result, Number(mark.dataset.i));
    return;
  }
  if ((key !== 'n' && key !== 'p') || event.shiftKey) return;
  event.preventDefault();
  const i = Number(mark.dataset.i);
  goTo(view.result.entityIndex(i), key === 'n' ? 1 : -1, i);
});

resultEl.addEventListener('click', (event) => {
  const mark = event.target.closest?.('mark');
  if (!mark || !view.result) return;
  const i = Number(mark.dataset.i);
  if (mark.classList.contains('unlisted')) {
    addUnlisted(view.result, i);
    return;
  }
  const index = view.result.entityIndex(i);
  const list = view.result.byEntity().get(index);
  const k = list.indexOf(i);
  state.cursor = { result: view.result, index, k };
  view.setCurrent(i);
  panel.select(mark.dataset.entity, k, list.length);
  mapHighlight(mark.dataset.entity);
});

// ---------------------------------------------------------------- unlisted and unconfirmed names

// Two switches beside the legend, remembered in this browser: names no list holds (on by default: the
// page is read by a person, who sees each one styled apart and can add it to the entries in one click,
// while the CLI, whose output feeds other programs, proposes them only when asked), and doubtful names
// without evidence (off by default: they are most of the false alarms; on, they are drawn faded with
// their check in the card).
const SWITCHES = { unlisted: ['show-unlisted', 'sahel-tagger.unlisted', true], possible: ['show-unconfirmed', 'sahel-tagger.unconfirmed', false] };
function readSwitch(key, fallback) {
  try {
    const value = localStorage.getItem(key);
    return value === null ? fallback : value === 'on';
  } catch {
    return fallback;
  }
}
for (const [option, [id, key, fallback]] of Object.entries(SWITCHES)) {
  const box = $(id);
  box.checked = readSwitch(key, fallback);
  client.options[option] = box.checked;
  box.addEventListener('change', () => {
    try {
      if (box.checked === fallback) localStorage.removeItem(key);
      else localStorage.setItem(key, box.checked ? 'on' : 'off');
    } catch {
      // Not remembered: still applied for this visit.
    }
    client.options[option] = box.checked;
    tagNow();
  });
}

/** Opens the entry form filled for unlisted mention `i` (its name, the type its cue gives, its sentence). */
function addUnlisted(result, i) {
  if (!result || !result.entity(i)?.unlisted) return;
  const facts = result.unlistedFacts(i);
  entries.prefill(entryDraft(result.text, result.start(i), result.end(i), result.entity(i).type, facts?.cue));
}

/** A draft handed over in the address (the bookmarklet's "Add to my entries"): the form, filled. */
function draftFromAddress() {
  const draft = draftFromHash(location.hash);
  if (!draft) return;
  history.replaceState(null, '', location.pathname + location.search);
  entries.prefill(draft);
}
window.addEventListener('hashchange', draftFromAddress);

// ---------------------------------------------------------------- the map of the places mentioned

// A tab beside the list of entities (shared/map.js): a dot per place with coordinates, sized by its
// mentions shown (the type toggles and "possible" filter it). A dot's click or Enter goes through its
// mentions like the list does; a mention hovered or focused in the text (or a place in the list) rings
// its dot; a dot hovered outlines its mentions in the text.
const mapState = { map: null, index: new Map(), shown: null, hovered: null };

function setView(name) {
  const onMap = name === 'map';
  for (const [tab, panelEl] of [[$('tab-list'), $('list-view')], [$('tab-map'), $('map-view')]]) {
    const on = (tab.id === 'tab-map') === onMap;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    panelEl.hidden = !on;
  }
  document.querySelector('.workspace').classList.toggle('map-on', onMap);
  if (onMap && !mapState.map) {
    mapState.map = createMap($('map'), {
      label: 'Map of the places mentioned in the text',
      onSelect: (id) => {
        const index = mapState.index.get(id);
        if (index !== undefined) goTo(index, 1);
      },
      onHover: (id) => outlineMentions(id),
    });
    // For the tests (and the console): the map's handle, on its container.
    $('map').sahelMap = mapState.map;
  }
  if (onMap) updateMap();
}
$('tab-list').addEventListener('click', () => setView('list'));
$('tab-map').addEventListener('click', () => setView('map'));
document.querySelector('.view-tabs').addEventListener('keydown', (event) => {
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
  event.preventDefault();
  const toMap = event.key === 'End' || (event.key !== 'Home' && $('tab-map').getAttribute('aria-selected') !== 'true');
  setView(toMap ? 'map' : 'list');
  $(toMap ? 'tab-map' : 'tab-list').focus();
});

/** The places of `result` for the map: count = the mentions shown (possible ones left out when hidden). */
function mapPlaces(result) {
  const places = [];
  const index = new Map();
  mapState.review = null;
  if (result && reviewCount()) return reviewedPlaces(result);
  if (result) {
    for (const [k, list] of result.byEntity()) {
      const e = result.entities[k];
      const located = Number.isFinite(e.lat) && Number.isFinite(e.lon);
      if ((e.type !== 'place' && !located) || e.unlisted) continue;
      const count = state.hidePossible ? result.certainCount(k) : list.length;
      if (!count) continue;
      index.set(e.id, k);
      places.push({ id: e.id, name: e.name, type: e.type, lat: e.lat, lon: e.lon, count, country: e.country, admin1: e.admin1 });
    }
  }
  return { places, index };
}

function updateMap() {
  const map = mapState.map;
  if (!map) return;
  const { places, index } = mapPlaces(state.result);
  mapState.index = index;
  map.update(places, { hiddenTypes: state.hidden, reviewState: mapState.review, showRejected: $('include-rejected').checked });
  mapHighlight(mapState.shown);
}

/** Rings the dot of entity `id` (null: the current mention's entity, if any). */
function mapHighlight(id) {
  mapState.shown = id;
  const map = mapState.map;
  if (!map) return;
  const cursor = state.cursor && state.cursor.result === view.result ? state.cursor : null;
  map.highlight(id ?? (cursor ? view.result.entities[cursor.index].id : null));
}

/** Outlines the drawn mentions of entity `id` (a dot hovered); null clears. */
function outlineMentions(id) {
  for (const m of resultEl.querySelectorAll('mark.map-hover')) m.classList.remove('map-hover');
  if (id == null) return;
  for (const m of resultEl.querySelectorAll(`mark[data-entity="${CSS.escape(id)}"]`)) m.classList.add('map-hover');
}

// A mention hovered or focused in the text (its card shows then too), or an entity in the list.
const hoverTarget = (event) => event.target.closest?.('mark[data-entity], button.entity[data-entity]');
for (const container of [resultEl, $('entity-list')]) {
  for (const type of ['mouseover', 'focusin']) {
    container.addEventListener(type, (event) => {
      const el = hoverTarget(event);
      if (el) mapHighlight(el.dataset.entity);
    });
  }
  container.addEventListener('mouseout', (event) => {
    const el = hoverTarget(event);
    if (el && !el.contains(event.relatedTarget) && document.activeElement !== el) mapHighlight(null);
  });
  container.addEventListener('focusout', (event) => {
    if (hoverTarget(event) && !hoverTarget({ target: event.relatedTarget ?? document.body })) mapHighlight(null);
  });
}

// ---------------------------------------------------------------- the incident sheet

// A draft ACLED-style table of the text (shared/incident-sheet.js, loaded on the first click) in a
// modal dialog: from the mentions highlighted and the Source fields. Its edits stay while the text,
// the filters and the Source fields do; "Show" on a row closes the dialog and goes to the row's text.
const sheetState = { sheet: null, key: null, result: null };
const incidentDialog = $('incident-dialog');

function sheetInput(result) {
  const shown = keep(result);
  const mentions = [];
  for (let i = 0; i < result.n; i++) {
    if (!shown(i)) continue;
    const mark = reviewMark(result, i);
    const id = mark?.review === RELINKED ? mark.entity : result.entity(i).id;
    mentions.push({ id, start: result.start(i), end: result.end(i), review: mark?.review ?? null });
  }
  return { text: result.text, mentions, entities: result.entities, doc: docFields() };
}

$('incident-open').addEventListener('click', async () => {
  const result = state.result;
  if (!result) return;
  let mod;
  try {
    mod = await import('../shared/incident-sheet.js');
  } catch (err) {
    setStatus(`The incident sheet could not be loaded: ${err.message || err}`, 'error');
    return;
  }
  if (state.result !== result) return;
  const input = sheetInput(result);
  const key = JSON.stringify([input.doc, [...state.hidden].sort(), state.hidePossible, reviewS.version]);
  if (!sheetState.sheet) {
    sheetState.sheet = mod.incidentSheet({
      ...input,
      root: document,
      filename: `sahel-tagger-incidents-${stamp()}.csv`,
      onShow: (row) => showRow(row),
    });
    $('incident-mount').append(sheetState.sheet.element);
  } else if (sheetState.result !== result || sheetState.key !== key) {
    sheetState.sheet.update(input);
  }
  sheetState.result = result;
  sheetState.key = key;
  $('incident-note').hidden = Boolean(input.doc.date);
  incidentDialog.showModal();
});
$('incident-close').addEventListener('click', () => incidentDialog.close());
incidentDialog.addEventListener('click', (event) => {
  if (event.target === incidentDialog) incidentDialog.close(); // a click on the backdrop
});

/** "Show" on a row: its mentions marked in the text, the first one current and in view. */
async function showRow(row) {
  const result = sheetState.result;
  incidentDialog.close();
  if (!result || result !== view.result) return;
  for (const m of resultEl.querySelectorAll('mark.in-row')) m.classList.remove('in-row');
  const spans = (row.spans || []).slice().sort((a, b) => a.utf16Start - b.utf16Start);
  const at = (pos) => {
    const i = result.mentionAfter(pos);
    return i < result.n && result.start(i) === pos ? i : -1;
  };
  const first = spans.length ? at(spans[0].utf16Start) : result.mentionAfter(row.utf16Start);
  if (first < 0 || first >= result.n) return;
  resultEl.dataset.shownRow = `${row.utf16Start}-${row.utf16End}`;
  await showMention(result, first);
  for (const s of spans) {
    const i = at(s.utf16Start);
    if (i >= 0) view.marks.get(i)?.classList.add('in-row');
  }
}

// ---------------------------------------------------------------- parts of a long text

/** The part navigation: shown for a text drawn in parts (render.js), with the part on screen. */
function showParts(p, parts) {
  const nav = $('parts');
  nav.hidden = parts.length <= 1;
  if (nav.hidden) return;
  const part = parts[p];
  $('part-number').max = String(parts.length);
  $('part-number').value = String(p + 1);
  $('part-count').textContent = fmt(parts.length);
  $('part-range').textContent = `characters ${fmt(part.start + 1)}–${fmt(part.end)} of ${fmt(parts[parts.length - 1].end)}`;
  $('part-first').disabled = $('part-prev').disabled = p === 0;
  $('part-next').disabled = $('part-last').disabled = p === parts.length - 1;
}
const goPart = (p) => {
  if (!view.result) return;
  view.showPart(Math.max(0, Math.min(view.parts.length - 1, p)));
};
$('part-first').addEventListener('click', () => goPart(0));
$('part-prev').addEventListener('click', () => goPart(view.part - 1));
$('part-next').addEventListener('click', () => goPart(view.part + 1));
$('part-last').addEventListener('click', () => goPart(view.parts.length - 1));
$('part-number').addEventListener('change', (event) => {
  const p = Number(event.target.value) - 1;
  if (Number.isInteger(p)) goPart(p);
});

// ---------------------------------------------------------------- tagging

const DRAFT_KEY = 'sahel-tagger.draft';
/** Longer texts are not kept for the tab (storing them would block the page, and may not fit). */
const DRAFT_MAX = 1_000_000;
/** Longer texts are not put in the textarea: a browser lays out a textarea's whole text, which takes
 * about 0.4 ms per kB (a 50 MB text would freeze the tab for tens of seconds). */
const LARGE_TEXT = 150_000;

/** The text being tagged: the textarea's, or the long one shown read-only. */
function currentText() {
  return state.large ?? input.value;
}

const largeBox = $('input-large');

/** Puts `text` in the input: the textarea, or the read-only view of a long text. */
function setText(text) {
  if (text.length > LARGE_TEXT) {
    const focused = document.activeElement === input || document.activeElement === largeBox;
    state.large = text;
    input.value = '';
    input.hidden = true;
    largeBox.hidden = false;
    largeBox.dataset.length = String(text.length);
    $('input-large-title').textContent = `A long text: ${plural(text.length, 'character')}.`;
    $('input-large-preview').textContent = `${text.slice(0, 2000)}${text.length > 2000 ? '…' : ''}`;
    if (focused) largeBox.focus();
  } else {
    const hadFocus = document.activeElement === largeBox;
    state.large = null;
    largeBox.hidden = true;
    delete largeBox.dataset.length;
    $('input-large-preview').textContent = '';
    input.hidden = false;
    input.value = text;
    if (hadFocus) input.focus();
  }
  updateInputInfo();
  saveDraft();
}

function storeDraft() {
  try {
    const text = currentText();
    if (text && text.length <= DRAFT_MAX) sessionStorage.setItem(DRAFT_KEY, text);
    else sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Too large for the tab's storage: keep none rather than a stale one.
    try {
      sessionStorage.removeItem(DRAFT_KEY);
    } catch {
      // Storage unavailable.
    }
  }
}
const saveDraft = debounce(storeDraft, 800);
window.addEventListener('pagehide', () => {
  saveDraft.cancel();
  storeDraft();
});

function updateInputInfo() {
  const n = currentText().length;
  $('input-info').textContent = n ? `${plural(n, 'character')}${state.large ? ' (read-only)' : ''}` : '';
}

// Short texts tag in a few milliseconds: keep up with typing. Long ones wait for a pause.
let tagTimer = null;
const scheduleTag = (delay) => {
  clearTimeout(tagTimer);
  tagTimer = setTimeout(() => tagNow(), delay);
};
scheduleTag.cancel = () => clearTimeout(tagTimer);

input.addEventListener('input', (event) => {
  if (input.value.length > LARGE_TEXT) {
    // Too long for the textarea (a drop, or a paste the browser made itself): shown read-only.
    setText(input.value);
    tagNow();
    return;
  }
  updateInputInfo();
  saveDraft();
  const text = input.value;
  scheduleTag.cancel();
  if (event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop' || event.inputType === 'deleteByCut') {
    tagNow();
  } else if (text.length > 200_000) {
    scheduleTag(700);
    setStatus('Waiting for a pause in typing…');
  } else {
    scheduleTag(text.length > 20_000 ? 300 : 120);
  }
});

// Chromium's own paste of a few megabytes into a textarea blocks the page for seconds (it goes through
// the editing machinery, undo history included). Large pastes are inserted directly instead: the same
// result in milliseconds, at the cost of Ctrl+Z for that one paste. A paste that makes the text longer
// than LARGE_TEXT never touches the textarea; a paste into the read-only view replaces its text.
const LARGE_PASTE = 100_000;
function onPaste(event) {
  const text = event.clipboardData?.getData('text/plain');
  const intoLarge = event.currentTarget === largeBox;
  if (!text || (!intoLarge && text.length < LARGE_PASTE)) return;
  event.preventDefault();
  const clean = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (intoLarge) {
    setText(clean);
  } else {
    const from = input.selectionStart;
    const to = input.selectionEnd;
    const before = input.value.slice(0, from);
    const after = input.value.slice(to);
    // (No concatenation when the paste replaces everything: a 50 MB string is not copied again.)
    if (before.length + after.length + clean.length > LARGE_TEXT) setText(before || after ? before + clean + after : clean);
    else {
      input.setRangeText(clean, from, to, 'end');
      updateInputInfo();
      saveDraft();
    }
  }
  tagNow();
}
input.addEventListener('paste', onPaste);
largeBox.addEventListener('paste', onPaste);

function tagNow() {
  scheduleTag.cancel();
  if (!state.ready) return;
  const text = currentText();
  if (!text.trim()) {
    state.result = null;
    view.clear(placeholder('The text you paste appears here with each mention highlighted.'));
    setState('empty');
    panel.update(null);
    legend.setCounts(new Map());
    tooltip.hide();
    setExportsEnabled(false);
    updateMap();
    setStatus(readyLine());
    return;
  }
  setState('tagging');
  setStatus(text.length > 100_000 ? `Tagging ${plural(text.length, 'character')}…` : 'Tagging…');
  client.tagLatest(text, onTagged);
}

async function onTagged(text, reply) {
  if (text !== currentText()) return; // Edited since: a newer request follows.
  // Tagged with another entity table than the page's (a change of entries in between): the page
  // tags again when it adopts the new one.
  if (reply.ok && reply.generation !== state.generation) return;
  if (!reply.ok) {
    setState('error');
    setStatus(`Tagging failed: ${reply.error}`, 'error');
    return;
  }
  const result = new Result(text, reply, state.entities);
  state.result = result;
  openReview(result);
  state.cursor = null;
  tooltip.hide();
  const byType = new Map();
  for (const [index, list] of result.byEntity()) {
    const type = result.entities[index].type;
    byType.set(type, (byType.get(type) || 0) + list.length);
  }
  legend.setCounts(byType);
  panel.update(result);
  mapState.shown = null;
  updateMap();
  setExportsEnabled(result.n > 0);
  updateExportNote();
  resultEl.dataset.mentions = String(result.n);
  resultEl.dataset.length = String(text.length);
  resultEl.dataset.tagMs = reply.totalMs.toFixed(1);
  if (result.n === 0) {
    view.clear();
  }
  setState('rendering');
  const t0 = performance.now();
  const big = text.length > 100_000;
  const done = await view.render(result, (pos, total) => {
    if (big) setStatus(`Showing ${plural(result.n, 'mention')}… ${Math.round((100 * pos) / total)}%`);
  });
  if (done && view.parts.length > 1) resultEl.dataset.parts = String(view.parts.length);
  else delete resultEl.dataset.parts;
  if (!done) return;
  const renderMs = performance.now() - t0;
  resultEl.dataset.renderMs = renderMs.toFixed(1);
  setState('done');
  const entities = result.byEntity().size;
  setStatus(
    result.n
      ? `${plural(result.n, 'mention')} of ${plural(entities, 'entity', 'entities')} · tagged in ${fmtMs(reply.totalMs)}, shown in ${fmtMs(renderMs)}`
      : 'No known entity in this text.',
  );
}

function fmtMs(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.max(1, Math.round(ms))} ms`;
}

function readyLine() {
  if (!state.stats) return '';
  const villages = state.villages ? ` and ${fmt(state.villages)} GeoNames villages` : '';
  const kept = entries.persistent ? '' : ' Your entries cannot be kept: this browser blocks site storage here.';
  return `Ready: ${fmt(state.stats.entities - state.villages)} entities${villages}, ${fmt(state.stats.variants)} spellings. Paste a text or load the sample.${kept}`;
}

// ---------------------------------------------------------------- exports

function keep(result) {
  const hidden = state.hidden;
  const hidePossible = state.hidePossible;
  return (i) => !hidden.has(result.entity(i).type) && !(hidePossible && result.flags(i) & POSSIBLE);
}

function setExportsEnabled(on) {
  for (const id of ['export-json', 'export-csv', 'export-geojson', 'copy-html', 'incident-open']) $(id).disabled = !on;
}

function updateExportNote() {
  const result = state.result;
  const note = $('export-note');
  if (!result || !result.n) {
    note.textContent = '';
    return;
  }
  const n = result.shownCount(state.hidden, state.hidePossible);
  note.textContent = n === result.n ? `all ${plural(n, 'mention')}` : `the ${plural(n, 'mention')} highlighted (of ${fmt(result.n)})`;
}

/** The document's title, URL and date for the exports: the Source fields (filled from an opened .html file). */
function docFields() {
  const v = (id) => $(id).value.trim() || null;
  return { title: v('doc-title'), url: v('doc-url'), date: v('doc-date') };
}

function setDocFields(doc) {
  $('doc-title').value = doc?.title || '';
  $('doc-url').value = doc?.url || '';
  $('doc-date').value = doc?.date || '';
  // Shown when a file filled them: what the exports will say.
  if (doc?.title || doc?.url || doc?.date) $('doc-meta').open = true;
}

$('export-json').addEventListener('click', () => {
  const result = state.result;
  if (!result) return;
  download(`sahel-tagger-mentions-${stamp()}.json`, toJson(exportRecords(result)), 'application/json');
});

$('export-csv').addEventListener('click', () => {
  const result = state.result;
  if (!result) return;
  download(`sahel-tagger-mentions-${stamp()}.csv`, toCsv(exportRecords(result)), 'text/csv;charset=utf-8');
});

// The places mentioned, one GeoJSON feature each (www/shared/mentions.js toGeoJson).
$('export-geojson').addEventListener('click', () => {
  const result = state.result;
  if (!result) return;
  download(`sahel-tagger-places-${stamp()}.geojson`, toGeoJson(exportRecords(result), docFields()), 'application/geo+json');
});

$('copy-html').addEventListener('click', async () => {
  const result = state.result;
  if (!result) return;
  const { html, plain } = highlightedHtml(result, keep(result));
  try {
    const how = await copyHtml(html, plain);
    setStatus(how === 'html' ? 'Copied the highlighted text (HTML, with a plain-text version).' : 'Copied the text as plain text (this browser refused HTML).');
  } catch (err) {
    setStatus(`Could not copy: ${err.message || err}`, 'error');
  }
});

// ---------------------------------------------------------------- files, sample, clear

// An opened .html file: its article only (the default; Readability, as in the bookmarklet) or the
// whole page, a switch shown while the file is open and remembered in this browser.
const ARTICLE_KEY = 'sahel-tagger.article';
const wholePage = (() => {
  try {
    return localStorage.getItem(ARTICLE_KEY) === 'off';
  } catch {
    return false;
  }
})();
$('article-only').checked = !wholePage;

/** Shows the text of the opened HTML file `state.html`, its article's or its whole page's. */
async function showHtml() {
  const { raw, name } = state.html;
  const article = $('article-only').checked;
  const read = await readHtml(raw, { article });
  if (state.html?.raw !== raw) return; // another file was opened meanwhile
  setText(read.text);
  setDocFields(read.doc);
  $('html-mode').hidden = false;
  const note = $('article-note');
  note.textContent = read.article
    ? 'Navigation, ads, sidebars and “related” links are left out.'
    : article
      ? `${read.why.charAt(0).toUpperCase()}${read.why.slice(1)}: the whole page is tagged.`
      : 'The whole page is tagged: navigation, ads and sidebars too.';
  note.dataset.kind = article && !read.article ? 'warn' : '';
  tagNow();
  setStatus(`Opened ${name}: ${read.article ? 'the article’s text' : 'the visible text of the whole page'}.`);
}

function closeHtml() {
  state.html = null;
  $('html-mode').hidden = true;
  setDocFields(null);
}

$('article-only').addEventListener('change', async (event) => {
  try {
    if (event.target.checked) localStorage.removeItem(ARTICLE_KEY);
    else localStorage.setItem(ARTICLE_KEY, 'off');
  } catch {
    // Not remembered: still applied for this visit.
  }
  if (state.html) await showHtml();
});

async function openTextFile(file) {
  if (file.size > 50 * 1024 * 1024) {
    setStatus(`${file.name} is too large (${fmt(Math.round(file.size / 1048576))} MB); the limit is 50 MB.`, 'error');
    return;
  }
  try {
    const raw = await readText(file);
    if (isHtmlFile(file)) {
      state.html = { raw, name: file.name };
      await showHtml();
    } else {
      closeHtml();
      setText(raw);
      tagNow();
    }
  } catch (err) {
    setStatus(`Could not read ${file.name}: ${err.message || err}`, 'error');
  }
}

$('open-file').addEventListener('change', async (event) => {
  const [file] = event.target.files;
  event.target.value = '';
  if (file) await openTextFile(file);
});

$('sample').addEventListener('click', async () => {
  try {
    const response = await fetch(new URL('../sample/sahel-semaine.txt', import.meta.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    closeHtml();
    setText(await response.text());
    tagNow();
  } catch (err) {
    setStatus(`Could not load the sample: ${err.message || err}`, 'error');
  }
});

$('clear').addEventListener('click', () => {
  closeHtml();
  setText('');
  tagNow();
  input.focus();
});

function hasFiles(event) {
  return Array.from(event.dataTransfer?.types || []).includes('Files');
}

document.addEventListener('dragover', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  const inEntries = Boolean(event.target.closest?.('#entries'));
  document.body.classList.toggle('drop-entries', inEntries);
  document.body.classList.toggle('drop-text', !inEntries);
});
document.addEventListener('dragleave', (event) => {
  if (!event.relatedTarget) document.body.classList.remove('drop-entries', 'drop-text');
});
document.addEventListener('drop', async (event) => {
  document.body.classList.remove('drop-entries', 'drop-text');
  if (!hasFiles(event)) return;
  event.preventDefault();
  const files = Array.from(event.dataTransfer.files);
  const toEntries = Boolean(event.target.closest?.('#entries'));
  const gazetteers = files.filter((f) => toEntries || isGazetteerFile(f));
  const texts = files.filter((f) => !gazetteers.includes(f));
  if (gazetteers.length) entries.importFiles(gazetteers);
  if (texts.length) await openTextFile(texts[0]);
});

// ---------------------------------------------------------------- the user's entries

function adopt(reply) {
  state.entities = reply.entities;
  state.generation = reply.generation;
  state.byId = new Map(reply.entities.map((e) => [e.id, e]));
  state.stats = reply.stats;
  state.villages = reply.layer?.entities || 0;
  const villages = state.villages ? ` and ${fmt(state.villages)} villages from GeoNames` : '';
  $('version').textContent = `Gazetteer ${reply.stats.version}: ${fmt(reply.stats.entities - state.villages)} entities${villages}, ${fmt(reply.stats.variants)} spellings.`;
  // The village layer's switch, when `make www` could build the layer.
  const layer = reply.layer || {};
  $('villages').hidden = !layer.available;
  $('villages-label').textContent = state.villages ? `${fmt(state.villages)} GeoNames villages` : 'GeoNames villages';
  if (layer.error) setStatus(`The GeoNames village layer could not be loaded: ${layer.error}`, 'error');
  entries.setEntities(state.entities);
  offerBookmarklet();
}

// The GeoNames village layer: on unless switched off (remembered in this browser).
const VILLAGES_KEY = 'sahel-tagger.villages';
const villagesOff = (() => {
  try {
    return localStorage.getItem(VILLAGES_KEY) === 'off';
  } catch {
    return false;
  }
})();
client.extended = !villagesOff;
$('use-villages').checked = !villagesOff;
$('use-villages').addEventListener('change', async (event) => {
  const on = event.target.checked;
  try {
    if (on) localStorage.removeItem(VILLAGES_KEY);
    else localStorage.setItem(VILLAGES_KEY, 'off');
  } catch {
    // Not remembered: still applied for this visit.
  }
  client.extended = on;
  setStatus(on ? 'Adding the GeoNames villages…' : 'Removing the GeoNames villages…');
  await entries.rebuild();
});

const entries = new EntriesUI({
  client,
  onRebuilt(reply) {
    adopt(reply);
    tagNow();
  },
});

// ---------------------------------------------------------------- review

// Confirm, reject (this mention, or this name everywhere in the text), re-link, "never tag this
// spelling" (a rule in the user's entries, never.toml), each undoable (the card's Undo, the bar's,
// u or Ctrl+Z): ../shared/review.js. Marks are kept per text (its SHA-256) in IndexedDB, across tabs.
adoptReviewStyles(document);
const reviewS = { session: null, version: 0, result: null, alt: new Map() };
const reviewCount = () => reviewS.session?.state.size ?? 0;

/** The review mark of mention `i` of `result` (null: none, or another text is shown). */
function reviewMark(result, i) {
  const session = reviewS.session;
  if (!session || !session.doc || result !== reviewS.shown) return null;
  const start = result.start(i);
  const end = result.end(i);
  return session.of(start, end, result.text.slice(start, end));
}

function decorateMark(mark, i) {
  const r = view.result && reviewMark(view.result, i);
  if (r) mark.dataset.review = r.review;
  else delete mark.dataset.review;
}

/** Mention `i` as the card shows it: a re-linked one with its new entity. */
function reviewedMention(result, i) {
  const m = result.mention(i);
  const mark = reviewMark(result, i);
  if (mark?.review === RELINKED && state.byId.has(mark.entity)) return { ...m, entity: state.byId.get(mark.entity), relinkedFrom: m.entity };
  return m;
}

const facts = (e) => ({ id: e.id, name: e.name, subtype: e.subtype ?? null, country: e.country ?? null, parent: e.parent ?? null, parentName: (e.parent && state.byId.get(e.parent)?.name) || null });

/**
 * What mention `i` may be re-linked to: the other candidates of its spelling (at once, from the packed
 * result), then the same-name places the worker gives (asked once per mention; the card is drawn again
 * when they arrive).
 */
function alternativesOf(result, i) {
  if (reviewS.result !== result) {
    reviewS.result = result;
    reviewS.alt = new Map();
  }
  let alt = reviewS.alt.get(i);
  if (!alt) {
    const own = result.entity(i).id;
    alt = result.candidates(i).filter((e) => e.id !== own).map(facts);
    reviewS.alt.set(i, alt);
    if (result.text.length <= 2_000_000) {
      client.alternatives(result.text, result.start(i), result.end(i)).then((reply) => {
        if (!reply.ok || reviewS.result !== result) return;
        const seen = new Set([own, ...alt.map((c) => c.id)]);
        let added = false;
        for (const c of [...reply.candidates, ...reply.related]) {
          if (seen.has(c.id) || !state.byId.has(c.id)) continue;
          seen.add(c.id);
          alt.push(c);
          added = true;
        }
        if (added && tooltip.current && Number(tooltip.current.dataset.i) === i && view.result === result) tooltip.refresh();
      });
    }
  }
  return alt;
}

function reviewCard(result, i) {
  const start = result.start(i);
  const end = result.end(i);
  const m = { start, end, surface: result.text.slice(start, end), entity: result.entity(i) };
  return reviewControls(m, reviewMark(result, i), alternativesOf(result, i), (name, arg) => reviewAct(result, i, name, arg), {
    undo: reviewS.session?.canUndo ? reviewS.session.undos[reviewS.session.undos.length - 1].label : '',
  });
}

async function reviewAct(result, i, name, arg) {
  const session = reviewS.session;
  if (!session) return;
  if (name === 'undo') return reviewUndo();
  if (!session.doc || view.result !== result) return;
  const start = result.start(i);
  const end = result.end(i);
  const m = { start, end, surface: result.text.slice(start, end), entity: result.entity(i) };
  try {
    if (name === 'confirm') await session.confirm(m);
    else if (name === 'reject') await session.reject(m, arg);
    else if (name === 'relink') await session.relink(m, arg ? state.byId.get(arg) : null);
    else if (name === 'never') await neverTag(m);
  } catch (err) {
    setStatus(`The review could not be stored: ${err.message || err}`, 'error');
  }
}

/** "Never tag this spelling": a rule added to never.toml in the user's entries; the text is tagged again. */
async function neverTag(m) {
  const rule = { text: m.surface };
  const label = `never tag \u201c${m.surface}\u201d`;
  if (!(await entries.changeRules((text) => addNever(text, rule)))) return;
  reviewS.session.pushUndo(label, () => entries.changeRules((text) => removeNever(text, rule)));
}

async function reviewUndo() {
  const session = reviewS.session;
  if (!session?.canUndo) return;
  const focused = document.activeElement?.closest?.('mark')?.dataset.i ?? (tooltip.current ? tooltip.current.dataset.i : null);
  await session.undo();
  // The focus stays on the mention reviewed, whose card shows its state again.
  if (focused !== null && focused !== undefined) view.marks.get(Number(focused))?.focus({ preventScroll: true });
}

/** A new text is shown: its marks, once its key is known. */
function openReview(result) {
  const session = reviewS.session;
  if (!session) return;
  session.close();
  reviewS.shown = null;
  docKey(result.text).then(async (key) => {
    if (state.result !== result) return;
    reviewS.shown = result;
    await session.open(key);
    onReviewChange();
  });
}

function onReviewChange() {
  reviewS.version++;
  for (const [i, mark] of view.marks) decorateMark(mark, i);
  tooltip.refresh();
  const session = reviewS.session;
  $('review-bar').hidden = !session?.last;
  $('review-last').textContent = session?.last ? `Last review action: ${session.last}.` : '';
  $('review-undo').disabled = !session?.canUndo;
  updateMap();
}

$('review-undo').addEventListener('click', () => reviewUndo());
$('hide-rejected').addEventListener('change', (event) => resultEl.classList.toggle('hide-rejected', event.target.checked));
$('include-rejected').addEventListener('change', () => updateMap());

resultEl.addEventListener('keydown', (event) => {
  const mark = event.target.closest?.('mark');
  const result = view.result;
  if (!mark || !result) return;
  const i = Number(mark.dataset.i);
  const action = reviewKey(event, reviewMark(result, i), alternativesOf(result, i));
  if (!action) return;
  event.preventDefault();
  reviewAct(result, i, ...action);
});

// Ctrl+Z outside text fields undoes the last review action.
document.addEventListener('keydown', (event) => {
  if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return;
  if (event.target.closest?.('input, textarea, select, [contenteditable]') || !reviewS.session?.canUndo) return;
  if (event.target.closest?.('#result mark')) return; // the mark's own handler
  event.preventDefault();
  reviewUndo();
});

/** The export records of `result`: the mentions shown, with their review; rejected ones only if asked. */
function exportRecords(result) {
  const rows = records(result, keep(result), docFields());
  const session = reviewS.session;
  const markOf = (r) => (session && reviewS.shown === result ? session.of(r.utf16Start, r.utf16End, r.surface) : null);
  return reviewed(rows, markOf, state.byId, { includeRejected: $('include-rejected').checked });
}

/** The map's places with the review: rejected mentions left out of the counts, re-linked ones counted for their new entity. */
function reviewedPlaces(result) {
  const per = new Map();
  const index = new Map();
  const rejectedOnly = new Map();
  for (const [k, list] of result.byEntity()) {
    for (const i of list) {
      if (state.hidePossible && result.flags(i) & POSSIBLE) continue;
      const mark = reviewMark(result, i);
      const e = mark?.review === RELINKED ? state.byId.get(mark.entity) ?? result.entities[k] : result.entities[k];
      if (!per.has(e.id)) per.set(e.id, { e, count: 0, rejected: 0 });
      const p = per.get(e.id);
      if (mark?.review === REJECTED) p.rejected++;
      else p.count++;
      if (e === result.entities[k]) index.set(e.id, k);
    }
  }
  const places = [];
  for (const { e, count, rejected } of per.values()) {
    const located = Number.isFinite(e.lat) && Number.isFinite(e.lon);
    if (e.type !== 'place' && !located) continue;
    if (!count) rejectedOnly.set(e.id, REJECTED);
    places.push({ id: e.id, name: e.name, type: e.type, lat: e.lat, lon: e.lon, count: count || rejected, country: e.country, admin1: e.admin1 });
  }
  mapState.review = rejectedOnly;
  return { places, index };
}

// ---------------------------------------------------------------- the bookmarklet, with the user's entries

// The bookmarklet carries the user's entries and rules inside its code (../bookmarklet/install.js):
// on the visited page it runs in the tagger site's frame, whose storage browsers partition by the site
// visited, so it could not read them there. Offered again whenever they change.
function offerBookmarklet() {
  const sources = entries.sources.map(({ name, text }) => ({ name, text }));
  const href = installBookmarklet($('bookmarklet'), { sources });
  const note = $('bookmarklet-carries');
  const size = `${fmt(Math.ceil(href.length / 1024))} KB`;
  note.textContent = sources.length
    ? `It carries your ${plural(sources.length, 'stored source')} (entries and rules; ${size} in all): drag it again after changing them.${href.length > MAX_HREF ? ' Firefox keeps bookmarks up to 64 KB only: there, use it without your entries or keep them small.' : ''}`
    : '';
  note.dataset.size = String(href.length);
}

/**
 * The bookmarklet's "Never" opens this page at #never=<spelling>: the rule is offered here, where the
 * reader's entries are kept (first-party storage), and added on a click.
 */
function offerNeverFromHash() {
  const hash = /^#never=(.+)$/.exec(location.hash);
  if (!hash) return;
  let text;
  try {
    text = decodeURIComponent(hash[1]).trim();
  } catch {
    return;
  }
  history.replaceState(null, '', location.pathname + location.search);
  if (!text) return;
  const add = h('button', { type: 'button', id: 'never-add' }, `Never tag \u201c${text}\u201d`);
  add.addEventListener('click', async () => {
    add.disabled = true;
    if (await entries.changeRules((t) => addNever(t, { text }))) {
      reviewS.session?.pushUndo(`never tag \u201c${text}\u201d`, () => entries.changeRules((t) => removeNever(t, { text })));
      $('review-last').textContent = `Added the rule: never tag \u201c${text}\u201d. Drag the bookmarklet again (below) so that it carries it.`;
    } else add.disabled = false;
  });
  $('review-bar').hidden = false;
  $('review-last').replaceChildren(`The bookmarklet asks never to tag \u201c${text}\u201d again: `, add);
}

// ---------------------------------------------------------------- start

async function start() {
  setStatus('Loading the gazetteer…');
  const reply = await entries.loadStored();
  if (!reply.entities) {
    setState('error');
    setStatus(`The tagger could not start: ${reply.error}`, 'error');
    return;
  }
  reviewS.session = new ReviewSession(await openReviewStore(), { onChange: onReviewChange });
  adopt(reply);
  offerNeverFromHash();
  state.ready = true;
  document.documentElement.dataset.ready = 'true';
  let draft = null;
  try {
    draft = sessionStorage.getItem(DRAFT_KEY);
  } catch {
    draft = null;
  }
  if (draft && !currentText()) setText(draft);
  updateInputInfo();
  tagNow();
  draftFromAddress();
}

start();
