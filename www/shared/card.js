// The mention card: surface → canonical name, type (with its letter), the variant matched (or, for a
// tolerant match, the one it is close to; for a descriptive force name, the grammar's phrase),
// description, lineage, where it sits (parent chain), coordinates, ambiguity, and the GeoNames credit
// where its data is shown. One card for the page's tooltip and the bookmarklet's, so that a mention
// reads the same in both. Built with text nodes only (gazetteer data is never markup).
import { h } from './dom.js';
import { POSSIBLE, AMBIGUOUS, TOLERANT, GRAMMAR, typeLabel, TYPE_BY_ID } from './types.js';
import { UNCONFIRMED, unlistedLine } from './unlisted.js';

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return null;
  }
})();

function countryNames(codes) {
  return codes
    .split(/\s+/)
    .filter(Boolean)
    .map((code) => {
      try {
        return regionNames?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    })
    .join(', ');
}

function coordinates(lat, lon) {
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lon >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(4)}° ${ns}, ${Math.abs(lon).toFixed(4)}° ${ew}`;
}

/** Names of the containing entities, nearest first (at most five, cycles ignored). */
export function parentChain(entity, byId) {
  const chain = [];
  const seen = new Set([entity.id]);
  let parent = entity.parent && byId.get(entity.parent);
  while (parent && !seen.has(parent.id) && chain.length < 5) {
    chain.push(parent);
    seen.add(parent.id);
    parent = parent.parent && byId.get(parent.parent);
  }
  return chain;
}

/** What the card calls the variant: why the mention was found. */
function matchLabel(flags) {
  if (flags & TOLERANT) return 'Close to ';
  if (flags & GRAMMAR) return 'Descriptive name, as in ';
  return 'Matched variant ';
}

/**
 * The card's content (a list of elements) for mention `m` of `text`: `m` is `{entity, start, end,
 * flags, variant, candidates}` with UTF-16 offsets (the page's `Result.mention(i)`, the bookmarklet's
 * mention with its details; with `related`, `reason`, `check` and, for a name no list holds, `unlisted`
 * when known), `byId` maps entity ids to entities (for the parent chain). `keys` is a line saying
 * the keys that work on a focused mark (the page's tooltip gives it); `addHint` says how to add an unlisted name to the entries;
 * `describeCheck(check)` (./checks.js `checkLine`: the page's, kept out of the bookmarklet's bundle)
 * words a doubtful name's check.
 */
export function mentionCard(m, text, byId, { keys = '', review = null, addHint = '', describeCheck = null } = {}) {
  if (m.entity.unlisted) return unlistedCard(m, text, { keys, addHint });
  const { entity, flags, variant } = m;
  const surface = text.slice(m.start, m.end);
  const type = TYPE_BY_ID.get(entity.type);
  const same = surface === entity.name;

  const head = h(
    'div',
    { class: 'tip-head' },
    same ? null : [h('span', { class: 'tip-surface' }, surface), h('span', { class: 'tip-arrow', 'aria-label': 'refers to' }, ' → ')],
    h('strong', { class: 'tip-name' }, entity.name),
  );
  const kind = [typeLabel(entity.type), entity.subtype, entity.country ? countryNames(entity.country) : null]
    .filter(Boolean)
    .join(' · ');
  const rows = [
    head,
    h('div', { class: 'tip-type', 'data-type': entity.type }, h('span', { class: 'glyph', 'aria-hidden': 'true' }, type?.glyph ?? '?'), kind),
    h('div', { class: 'tip-row' }, h('span', { class: 'tip-key' }, matchLabel(flags)), h('q', {}, variant)),
  ];
  if (entity.description) rows.push(h('p', { class: 'tip-desc' }, entity.description));
  if (entity.lineage) rows.push(h('p', { class: 'tip-lineage' }, h('span', { class: 'tip-key' }, 'Lineage '), entity.lineage));
  const chain = parentChain(entity, byId);
  if (chain.length) {
    rows.push(
      h('div', { class: 'tip-row' }, h('span', { class: 'tip-key' }, entity.type === 'place' ? 'In ' : 'Part of '), chain.map((p) => p.name).join(' › ')),
    );
  }
  if (typeof entity.lat === 'number' && typeof entity.lon === 'number') {
    rows.push(h('div', { class: 'tip-row' }, h('span', { class: 'tip-key' }, 'Coordinates '), coordinates(entity.lat, entity.lon)));
  }
  rows.push(...whichEntity(m, byId));
  // A doubtful name's check says more than the "possible" flag: what kept it, or that nothing did.
  if (flags & POSSIBLE && !(m.check && describeCheck)) {
    rows.push(
      h('div', { class: 'tip-warn' }, h('strong', {}, 'Possible match: '), `“${variant}” is also an ordinary word or a common name here; check the context.`),
    );
  }
  if (m.check && describeCheck) rows.push(h('div', { class: flags & UNCONFIRMED ? 'tip-warn tip-unconfirmed' : 'tip-row tip-check' }, describeCheck(m.check)));
  if (entity.tier === 'user') rows.push(h('div', { class: 'tip-row tip-user' }, 'From your entries'));
  const ids = [];
  if (entity.geonames) ids.push(`GeoNames ${entity.geonames}`);
  if (entity.wikidata) ids.push(`Wikidata ${entity.wikidata}`);
  if (ids.length) rows.push(h('div', { class: 'tip-row tip-ids' }, ids.join(' · ')));
  if (entity.geonames || entity.tier === 'geonames') {
    rows.push(h('div', { class: 'tip-credit' }, 'Data: GeoNames (CC BY 4.0)'));
  }
  if (keys) rows.push(h('div', { class: 'tip-keys' }, keys));
  if (review) rows.push(review);
  return rows;
}

/**
 * The card of a name no list holds: the name, the type its cue gives, what proposed it ("not in any
 * list — proposed by its context “le village de”") and how to add it to the reader's entries
 * (`addHint`: the page's and the bookmarklet's ways differ).
 */
function unlistedCard(m, text, { keys, addHint }) {
  const { entity } = m;
  const type = TYPE_BY_ID.get(entity.type);
  const rows = [
    h('div', { class: 'tip-head' }, h('strong', { class: 'tip-name' }, text.slice(m.start, m.end))),
    h('div', { class: 'tip-type', 'data-type': entity.type }, h('span', { class: 'glyph', 'aria-hidden': 'true' }, type?.glyph ?? '?'), `${typeLabel(entity.type)} (proposed)`),
    h('div', { class: 'tip-row tip-unlisted' }, h('strong', {}, 'Unlisted: '), unlistedLine(m.unlisted), '.'),
  ];
  if (addHint) rows.push(h('div', { class: 'tip-row tip-add' }, addHint));
  if (keys) rows.push(h('div', { class: 'tip-keys' }, keys));
  return rows;
}

/** A country code list in words ("Burkina Faso"). */
function countries(codes) {
  return codes ? countryNames(codes) : '';
}

/**
 * One line per place that tells it from the others: "Karma — village, Yatenga, Burkina Faso". When two
 * lines would still read the same, their ids are added: never two identical lines.
 */
export function distinctLines(facts, byId) {
  const lines = facts.map((c) => {
    const parentName = c.parentName ?? (c.parent ? byId?.get(c.parent)?.name : undefined);
    const country = countries(c.country);
    // "Gourma (Mali) — area, Mali", not "area, Mali, Mali": a parent that is the country says it.
    const what = [c.subtype, parentName, country !== parentName ? country : null].filter(Boolean).join(', ');
    return `${c.name}${what ? ` — ${what}` : ''}`;
  });
  const seen = new Map();
  for (const l of lines) seen.set(l, (seen.get(l) || 0) + 1);
  return lines.map((l, k) => (seen.get(l) > 1 ? `${l} (${facts[k].id})` : l));
}

/**
 * Which entity the name means (issue 11): for an ambiguous name, the candidates with what tells them
 * apart, the chosen one first; the places that share the name (`related`: "also: Cercle de Kidal,
 * Région de Kidal"); and why context chose this one (`reason`: "linked by: admin parent: Province du
 * Yatenga, same sentence"). `m.candidates` and `m.related` are entity objects (or the wasm
 * `CandidateFacts`); `byId` names their parents.
 */
export function whichEntity(m, byId) {
  const rows = [];
  const { entity, flags, variant } = m;
  if (m.reason) rows.push(h('div', { class: 'tip-row tip-reason' }, h('span', { class: 'tip-key' }, 'Linked by: '), m.reason.text));
  if (flags & AMBIGUOUS) {
    const candidates = m.candidates?.length ? m.candidates : [entity];
    const lines = distinctLines(candidates, byId);
    rows.push(
      h(
        'div',
        { class: 'tip-warn tip-candidates' },
        h('strong', {}, 'Ambiguous: '),
        `“${variant}” may mean:`,
        h(
          'ul',
          { class: 'tip-cands' },
          lines.map((line, k) => h('li', { class: candidates[k].id === entity.id ? 'chosen' : '' }, line, candidates[k].id === entity.id ? ' (linked)' : '')),
        ),
      ),
    );
  }
  if (m.related?.length) {
    rows.push(h('div', { class: 'tip-row tip-related' }, h('span', { class: 'tip-key' }, 'Also: '), distinctLines(m.related, byId).join('; ')));
  }
  return rows;
}

/**
 * Puts the shown card `tip` (position: fixed) under the box `rect` (a mark's or a range's client
 * rectangle), or above it when there is no room below, inside the window.
 */
export function placeCard(tip, rect) {
  tip.style.left = '0px';
  tip.style.top = '0px';
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  const margin = 8;
  let left = Math.min(Math.max(margin, rect.left), window.innerWidth - width - margin);
  let top = rect.bottom + 6;
  if (top + height > window.innerHeight - margin && rect.top - height - 6 > margin) top = rect.top - height - 6;
  left = Math.max(margin, left);
  tip.style.left = `${Math.round(left)}px`;
  tip.style.top = `${Math.round(top)}px`;
}
