// Mention records and their exports (JSON, CSV), one definition for the page and the bookmarklet, so
// that a mention exported from either has the same fields, offsets, context and quoting.
import { matchKind, AMBIGUOUS, POSSIBLE } from './types.js';
import { UNCONFIRMED } from './unlisted.js';

/**
 * The mentions of `source` that `keep(i)` accepts, as export records. `source` is `{text, n,
 * mention(i)}`, where `mention(i)` gives `{entity, start, end, flags, variant, candidates}` with UTF-16
 * `start`/`end` (JavaScript string indices), `entity` an entity object (`id`, `name`, `type`,
 * `subtype`; for a place `country`, `admin1`, `admin2`, `lat`, `lon`, see geoFields) and `candidates` the entities the spelling may refer to (the page's Result and the bookmarklet's mention list both
 * answer so). `start`/`end` count Unicode code points, like the CLI's output (Python's
 * `text[start:end]` is the surface); `utf16Start`/`utf16End` are JavaScript string indices
 * (`text.slice(utf16Start, utf16End)`). They differ only after characters outside the Basic
 * Multilingual Plane (emoji, some symbols). Mentions must come in text order. `doc` (`{title, url,
 * date}`, docmeta.js) gives every record `doc_title`, `doc_url` and `doc_date` (null when unknown).
 */
export function records(source, keep = () => true, doc = null) {
  // The document's title, URL and publication date (docmeta.js), on every record: rows exported from
  // several articles can be put in one table.
  const d = { doc_title: doc?.title || null, doc_url: doc?.url || null, doc_date: doc?.date || null };
  const out = [];
  const { text } = source;
  // Code point offsets in one forward pass (mentions are sorted).
  let u16 = 0;
  let cp = 0;
  const advance = (to) => {
    for (; u16 < to; u16++, cp++) {
      const c = text.charCodeAt(u16);
      if (c >= 0xd800 && c <= 0xdbff && u16 + 1 < text.length) {
        const d = text.charCodeAt(u16 + 1);
        if (d >= 0xdc00 && d <= 0xdfff) u16++;
      }
    }
    return cp;
  };
  for (let i = 0; i < source.n; i++) {
    if (!keep(i)) continue;
    const m = source.mention(i);
    const e = m.entity;
    const start = advance(m.start);
    const end = advance(m.end);
    out.push({
      // A name no list holds has no id (as the CLI's `"id": null`); its name is its surface.
      id: e.unlisted ? null : e.id,
      name: e.name,
      type: e.type,
      subtype: e.subtype ?? null,
      surface: text.slice(m.start, m.end),
      start,
      end,
      utf16Start: m.start,
      utf16End: m.end,
      context: contextSnippet(text, m.start, m.end),
      variant: m.variant ?? null,
      match: matchKind(m.flags),
      possible: Boolean(m.flags & POSSIBLE),
      ambiguous: Boolean(m.flags & AMBIGUOUS),
      candidates: (m.candidates ?? []).map((c) => c.id),
      ...contextFields(m),
      ...geoFields(e),
      ...d,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Geo-coded exports: a place's country, admin units and coordinates; the GeoJSON of the places
// ---------------------------------------------------------------------------------------------

/**
 * A place's `country` (ISO code(s)), `admin1`/`admin2` (the names of GeoNames' first- and
 * second-level units above it, which the engine gives every place entity, see src/admin.rs) and
 * `lat`/`lon`; null for what is unknown and for entities that are not places.
 */
export function geoFields(entity) {
  const place = entity?.type === 'place';
  const get = (k) => (place && entity[k] != null && entity[k] !== '' ? entity[k] : null);
  const num = (k) => (place && Number.isFinite(entity[k]) ? entity[k] : null);
  return { country: get('country'), admin1: get('admin1'), admin2: get('admin2'), lat: num('lat'), lon: num('lon') };
}

/** Credit for the admin names and coordinates of the places (GeoNames' licence asks for it). */
export const GEONAMES_CREDIT = 'Admin units (admin1, admin2) and village coordinates: GeoNames (geonames.org), CC BY 4.0';

/**
 * The places of export records (`records()`) as a GeoJSON FeatureCollection (RFC 7946): one Feature
 * per place entity with coordinates, in order of first mention, its geometry a Point `[lon, lat]`,
 * its properties `id`, `name`, `subtype`, `country`, `admin1`, `admin2`, `count` (its mentions) and
 * `mentions` (`start`/`end` in code points, `surface`, `context`, in text order). Places without
 * coordinates have no feature. `doc` (`{title, url, date}`; by default the records' `doc_*`) and the
 * GeoNames credit are foreign members of the collection.
 */
export function toGeoJson(rows, doc = null) {
  const first = rows[0];
  doc ??= first ? { title: first.doc_title, url: first.doc_url, date: first.doc_date } : null;
  const byId = new Map();
  for (const r of rows) {
    if (r.type !== 'place' || !Number.isFinite(r.lat) || !Number.isFinite(r.lon)) continue;
    let f = byId.get(r.id);
    if (!f) {
      f = {
        type: 'Feature',
        id: r.id,
        geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
        properties: { id: r.id, name: r.name, subtype: r.subtype ?? null, country: r.country, admin1: r.admin1, admin2: r.admin2, count: 0, mentions: [] },
      };
      byId.set(r.id, f);
    }
    f.properties.count++;
    f.properties.mentions.push({ start: r.start, end: r.end, surface: r.surface, context: r.context });
  }
  const collection = { type: 'FeatureCollection', features: [...byId.values()] };
  collection.document = { title: doc?.title || null, url: doc?.url || null, date: doc?.date || null };
  collection.attribution = GEONAMES_CREDIT;
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/**
 * What the context said of mention `m` (issue 11): `unlisted` (a name no list holds, with the `cue`
 * that proposed it), `unconfirmed` (a doubtful name shown without evidence), and why context linked
 * it (`reason_kind`, `reason`: "admin parent: Province du Yatenga, same sentence"), null when nothing did.
 */
function contextFields(m) {
  return {
    unlisted: Boolean(m.entity.unlisted),
    unconfirmed: Boolean(m.flags & UNCONFIRMED),
    cue: m.unlisted?.cue ?? null,
    reason_kind: m.reason?.kind ?? null,
    reason: m.reason?.text ?? null,
  };
}

/** A short, single-line snippet around [start, end), with ellipses where it is cut. */
export function contextSnippet(text, start, end, width = 40) {
  let from = Math.max(0, start - width);
  let to = Math.min(text.length, end + width);
  // Do not cut a surrogate pair in half.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  const before = text.slice(from, start).replace(/\s+/g, ' ');
  const after = text.slice(end, to).replace(/\s+/g, ' ');
  const surface = text.slice(start, end).replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${before.trimStart()}${surface}${after.trimEnd()}${to < text.length ? '…' : ''}`;
}

function isLowSurrogate(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function toJson(value) {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * The review's columns (./review.js `reviewed`): `review` (confirmed, rejected, relinked or empty) and,
 * for a re-linked mention, `relinked_from`, the entity the tagger linked it to (`id` is then the one
 * the reader chose).
 */
export const REVIEW_COLUMNS = ['review', 'relinked_from'];

/** The CSV columns of a mention, in order: the page and the bookmarklet write exactly these. */
export const CSV_COLUMNS = ['id', 'name', 'type', 'subtype', 'surface', 'start', 'end', 'context', 'variant', 'match', 'possible', 'ambiguous', 'candidates', 'utf16Start', 'utf16End', 'unlisted', 'unconfirmed', 'cue', 'reason_kind', 'reason', 'country', 'admin1', 'admin2', 'lat', 'lon', ...REVIEW_COLUMNS, 'doc_title', 'doc_url', 'doc_date'];

/**
 * A cell a spreadsheet would run as a formula (CSV injection): one starting with = + - @, a tab or a
 * carriage return, also behind invisible characters (a byte-order mark, zero-width or other spaces).
 * Leading apostrophes are looked through, so that the guard can be undone exactly (see defuseFormula).
 */
const FORMULA = /^'*(?:[\t\r]|[\s\u0085\u200b-\u200d\u2060\ufeff]*[=+\-@])/;

/**
 * The text of a spreadsheet cell, defused: an apostrophe before anything FORMULA matches, which
 * spreadsheets show as text (and hide). Every export of text cells goes through this one function:
 * the CSV of mentions (page and bookmarklet) and the TSV of the user's entries (whose reader,
 * src/gazetteer/tsv.rs, removes that one apostrophe again, so a downloaded TSV imports back unchanged).
 */
export function defuseFormula(s) {
  return FORMULA.test(s) ? `'${s}` : s;
}

/** One CSV cell: numbers as they are; text quoted when needed and defused if it could be a formula. */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = defuseFormula(Array.isArray(value) ? value.join(' ') : String(value));
  if (/[",\r\n]/.test(s) || s !== s.trim()) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** CSV with a header row, CRLF line ends and a byte-order mark (spreadsheets then read UTF-8). */
export function toCsv(rows) {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/**
 * The bookmarklet's JSON export of `rows` (`records()`) read from a page: what the bookmarklet says of
 * the page (`page`: `{url, title, read, tagger}`), the document's title, URL and date (`doc`), one
 * entry per entity named (a name no list holds: one per type and name, marked unlisted), the rows.
 */
export function pageJson(rows, doc, page) {
  const counts = new Map();
  for (const x of rows) {
    const key = x.id ?? `unlisted:${x.type}:${x.name}`;
    const c = counts.get(key);
    if (c) c.mentions++;
    else counts.set(key, { id: x.id, name: x.name, type: x.type, subtype: x.subtype, mentions: 1, ...(x.unlisted ? { unlisted: true } : {}) });
  }
  const { url, title, read, tagger } = page;
  return toJson({ url, title, document: doc, read, exported: new Date().toISOString(), tagger, entities: [...counts.values()], mentions: rows });
}

/**
 * The text of an export of `rows` (`records()`): `'csv'` (toCsv), `'geojson'` (toGeoJson, with
 * `doc`) or `'json'` (pageJson, with `doc` and `page`). The bookmarklet has these made by its engine,
 * on the tagger origin (remote.js, or the tagger origin's modules imported into the page), so that
 * its bundle need not carry them.
 */
export function exportText(fmt, rows, doc = null, page = null) {
  if (fmt === 'csv') return toCsv(rows);
  if (fmt === 'geojson') return toGeoJson(rows, doc);
  if (fmt === 'json' && page) return pageJson(rows, doc, page);
  throw new Error(`unknown export format ${fmt}`);
}
