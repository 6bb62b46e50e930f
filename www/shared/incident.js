// The incident sheet's draft (issue 12, item 4): from a tagged article, one ACLED-style row per group of
// sentences that names an actor and a place. Pure functions, no DOM: the page, its worker, the
// bookmarklet and Node tests can all call them. The table that edits and exports the rows is
// ./incident-sheet.js.
//
// Offsets: inside this module, texts are indexed in UTF-16 units (JavaScript string indices). Rows carry
// both: `start`/`end` in code points (like the CLI and the mention exports of ./mentions.js) and
// `utf16Start`/`utf16End`.
import { csvCell } from './mentions.js';

// ---------------------------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------------------------

/**
 * Words that end with a period without ending a sentence (compared in lower case, without the period):
 * titles and ranks (French, English), and the abbreviations of months and of "number", "about" that
 * come before a figure. "etc." is not here: it mostly does end its sentence.
 */
const ABBREVIATIONS = new Set(
  (
    'm mm mme mmes mlle mlles me mgr dr drs pr prof st ste sts mr mrs ms messrs rev sen rep gov ' +
    'gen gén gal lt col cdt cmdt capt cpt cne sgt adj adjt maj brig cpl pte sr jr hon amb ' +
    'no nº nos vol art al fig p pp cf env approx ca vs av bd ' +
    'jan janv feb fév fev févr fevr mar apr avr aug sep sept oct nov dec déc juil ' +
    'د أ'
  ).split(/\s+/),
);

// Escapes, not the characters: esbuild keeps regular expression literals as written, and the
// bookmarklet's bundle must be printable ASCII.
const TERMINATOR = /[.!?\u061f\u2026\u06d4]/; // . ! ? ؟ … ۔
const CLOSING = /["'\u00bb\u201d\u2019)\]}\u203a]/; // " ' » ” ’ ) ] } ›
const LINE_BREAK = /[\n\r\u2028\u2029\u0085]/;

/**
 * The word just before `text[at]` (a period): letters, plus inner dots and hyphens ("U.S", "J.-M").
 */
function wordBefore(text, at) {
  let i = at;
  while (i > 0 && /[\p{L}\p{M}.\-]/u.test(text[i - 1])) i--;
  // A leading dot or hyphen belongs to what came before.
  while (i < at && /[.\-]/.test(text[i])) i++;
  return text.slice(i, at);
}

/** Whether the period at `text[at]` closes an abbreviation, an initial or a dotted acronym. */
function isAbbreviation(text, at) {
  const word = wordBefore(text, at);
  if (!word) return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // An initial: one capital letter ("A. Koufa", "J. Smith").
  if (/^\p{Lu}$/u.test(word)) return true;
  // Dotted initials and acronyms: "U.S", "J.-M", "a.m".
  if (/^(?:\p{L}{1,2}[.\-]+)+\p{L}{1,2}$/u.test(word)) return true;
  return false;
}

/**
 * The text's sentences, in order: `{start, end, paragraph}` with UTF-16 offsets of the sentence
 * without its surrounding white space (`text.slice(start, end)`), and the paragraph index (paragraphs
 * are separated by a blank line).
 *
 * A sentence ends at a line break, or after `.` `!` `?` `؟` `…` `۔` (repeated: "?!", "...") and any
 * closing quotes or brackets, when white space or the end of the text follows. A period does not end
 * a sentence after an abbreviation ("M.", "Gen.", "St.", "Mme", "janv."), an initial ("A. Koufa"),
 * dotted initials ("U.S."), or before a lower-case word; a period between digits ("2.5") or inside a
 * word ("example.com") is never followed by white space, so it never ends one either.
 */
export function segmentSentences(text) {
  const out = [];
  let paragraph = 0;
  let from = 0;
  const push = (to) => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b, paragraph });
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (LINE_BREAK.test(c)) {
      push(i);
      // The run of line breaks and white space after it: two line breaks or more make a paragraph break.
      let j = i;
      let breaks = 0;
      while (j < text.length && /\s/.test(text[j])) {
        if (text[j] === '\r' && text[j + 1] === '\n') j++;
        if (LINE_BREAK.test(text[j])) breaks++;
        j++;
      }
      if (breaks >= 2 && out.length && out[out.length - 1].paragraph === paragraph) paragraph++;
      from = i = j;
      continue;
    }
    if (TERMINATOR.test(c)) {
      let j = i;
      while (j < text.length && (TERMINATOR.test(text[j]) || CLOSING.test(text[j]))) j++;
      // A French closing guillemet after a space: « Nous avons riposté. »
      const guillemet = /^[ \u00a0\u202f]*\u00bb/.exec(text.slice(j, j + 4));
      if (guillemet) j += guillemet[0].length;
      const atEnd = j >= text.length;
      const spaceAfter = !atEnd && /\s/.test(text[j]);
      if (atEnd || spaceAfter) {
        let ends = true;
        if (c === '.' && j === i + 1 && isAbbreviation(text, i)) ends = false;
        if (ends && spaceAfter) {
          // The next word starts in lower case: the sentence goes on ("env. 30 km", "… et puis").
          let k = j;
          while (k < text.length && /[ \t\u00a0\u202f]/.test(text[k])) k++;
          if (k < text.length && /\p{Ll}/u.test(text[k])) ends = false;
        }
        if (ends) {
          push(j);
          from = j;
        }
      }
      i = j;
      continue;
    }
    i++;
  }
  push(text.length);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const DIGIT = '[0-9\u0660-\u0669\u06f0-\u06f9]';
/** Western digits for Arabic-Indic and Persian ones. */
function digits(s) {
  return s.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
}

/** Month names and abbreviations → month number (1-12), per language. Keys in lower case. */
const MONTHS_FR = {
  janvier: 1, janv: 1, 'janv.': 1, février: 2, fevrier: 2, févr: 2, 'févr.': 2, fevr: 2, 'fevr.': 2, mars: 3, avril: 4, avr: 4, 'avr.': 4,
  mai: 5, juin: 6, juillet: 7, juil: 7, 'juil.': 7, août: 8, aout: 8, septembre: 9, sept: 9, 'sept.': 9, octobre: 10, oct: 10, 'oct.': 10,
  novembre: 11, nov: 11, 'nov.': 11, décembre: 12, decembre: 12, déc: 12, 'déc.': 12, 'dec.': 12,
};
const MONTHS_EN = {
  January: 1, 'Jan.': 1, February: 2, 'Feb.': 2, March: 3, 'Mar.': 3, April: 4, 'Apr.': 4, May: 5, June: 6, July: 7, August: 8,
  'Aug.': 8, September: 9, 'Sept.': 9, 'Sep.': 9, October: 10, 'Oct.': 10, November: 11, 'Nov.': 11, December: 12, 'Dec.': 12,
};
/** Arabic month names: the Maghreb and Egyptian (transliterated) forms and the Levantine (Syriac) ones. */
const MONTHS_AR = {
  يناير: 1, جانفي: 1, 'كانون الثاني': 1, فبراير: 2, فيفري: 2, شباط: 2, مارس: 3, آذار: 3, أبريل: 4, ابريل: 4, أفريل: 4, افريل: 4, نيسان: 4,
  مايو: 5, ماي: 5, أيار: 5, ايار: 5, يونيو: 6, يونيه: 6, جوان: 6, حزيران: 6, يوليو: 7, يوليوز: 7, جويلية: 7, تموز: 7,
  أغسطس: 8, اغسطس: 8, غشت: 8, أوت: 8, اوت: 8, آب: 8, سبتمبر: 9, شتنبر: 9, أيلول: 9, ايلول: 9, أكتوبر: 10, اكتوبر: 10,
  'تشرين الأول': 10, نوفمبر: 11, نونبر: 11, 'تشرين الثاني': 11, ديسمبر: 12, دجنبر: 12, 'كانون الأول': 12,
};
/** Weekdays → 0 (Sunday) … 6 (Saturday). */
const WEEKDAYS_FR = { dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6 };
const WEEKDAYS_EN = { Sunday: 0, Monday: 1, Tuesday: 2, Wednesday: 3, Thursday: 4, Friday: 5, Saturday: 6 };
const WEEKDAYS_AR = { الأحد: 0, الاحد: 0, الاثنين: 1, الإثنين: 1, الثلاثاء: 2, الأربعاء: 3, الاربعاء: 3, الخميس: 4, الجمعة: 5, السبت: 6 };

const alt = (keys) =>
  Object.keys(keys)
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.]/g, '\\.'))
    .join('|');
// Not inside a word (Unicode letters and digits) nor a compound ("mardi-gras").
const B = '(?<![\\p{L}\\p{N}-])';
const E = '(?![\\p{L}\\p{N}-])';
const YEAR = '((?:19|20)\\d\\d)';
const AR_YEAR = `(${DIGIT}{4})`;
// "Day" words before an Arabic weekday: day, evening, morning, night, dawn.
const AR_DAY = '(?:[وف]?(?:يوم|مساء|صباح|ليلة|فجر|ظهر)\\s+)';

/**
 * Date patterns, each with what its groups mean. `lang` only documents; `i` makes it case-insensitive
 * (French and Arabic names; English months and weekdays must be capitalized: "may" is a verb).
 */
const DATE_PATTERNS = [
  // 2024-05-14
  { re: `${B}(\\d{4})-(\\d{2})-(\\d{2})${E}`, parts: ['year', 'month', 'day'] },
  // 14/05/2024, 14.05.2024 (day first, as in French and Arabic).
  { re: `${B}(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})${E}`, parts: ['day', 'month', 'year'] },
  // [le] [mardi] 14 mai [2024], 1er janvier
  { re: `${B}(?:(${alt(WEEKDAYS_FR)})\\s+)?(1er|\\d{1,2})\\s+(${alt(MONTHS_FR)})(?:\\s+${YEAR})?${E}`, flags: 'i', parts: ['weekdayFr', 'day', 'monthFr', 'year'] },
  // [Tuesday,] March 12[th][, 2024]
  { re: `${B}(?:(${alt(WEEKDAYS_EN)}),?\\s+)?(${alt(MONTHS_EN)})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?${E}`, parts: ['weekdayEn', 'monthEn', 'day', 'year'] },
  // [Tuesday,] 12[th] [of] March [2024]
  { re: `${B}(?:(${alt(WEEKDAYS_EN)}),?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${alt(MONTHS_EN)})(?:,?\\s+${YEAR})?${E}`, parts: ['weekdayEn', 'day', 'monthEn', 'year'] },
  // [يوم] [الثلاثاء] 12 [من] [شهر] مارس [عام] 2024
  {
    re: `${B}(?:${AR_DAY}?(${alt(WEEKDAYS_AR)})\\s*[،,]?\\s*)?(${DIGIT}{1,2})\\s+(?:من\\s+)?(?:شهر\\s+)?(${alt(MONTHS_AR)})(?:\\s+(?:(?:عام|سنة)\\s+)?${AR_YEAR})?${E}`,
    parts: ['weekdayAr', 'day', 'monthAr', 'year'],
  },
  // A weekday alone: mardi [dernier], [last] Tuesday, يوم الثلاثاء.
  { re: `${B}(${alt(WEEKDAYS_FR)})(\\s+dernier)?${E}`, flags: 'i', parts: ['weekdayFr', 'last'] },
  { re: `${B}(last\\s+)?(${alt(WEEKDAYS_EN)})${E}`, parts: ['last', 'weekdayEn'] },
  // الاثنين is also "the two": only after a "day" word.
  { re: `${B}${AR_DAY}(${alt(WEEKDAYS_AR)})${E}`, parts: ['weekdayAr'] },
  { re: `${B}[وف]?(الأحد|الاحد|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت)${E}`, parts: ['weekdayAr'] },
  // Yesterday, the day before.
  { re: `${B}(avant-hier|hier)${E}`, flags: 'i', parts: ['relative'] },
  { re: `${B}(the day before yesterday|yesterday)${E}`, flags: 'i', parts: ['relative'] },
  { re: `${B}[وف]?(أول أمس|أمس الأول|امس|أمس)${E}`, parts: ['relative'] },
].map((p) => ({ ...p, regex: new RegExp(p.re, `gu${p.flags ?? ''}`) }));

const RELATIVE = { hier: -1, 'avant-hier': -2, yesterday: -1, 'the day before yesterday': -2, أمس: -1, امس: -1, 'أول أمس': -2, 'أمس الأول': -2 };
const lookupCi = (table, key) => table[key] ?? table[key.toLowerCase()] ?? table[Object.keys(table).find((k) => k.toLowerCase() === key.toLowerCase())];

/**
 * The date expressions of `text`, in text order, without overlaps (the longest at a position wins):
 * `{index, length, text, year?, month?, day?, weekday?, last?, relative?}` (UTF-16 offsets; `weekday`
 * 0 = Sunday; `relative` in days, -1 for "hier"). Nothing is resolved here: see resolveDate().
 */
export function findDates(text) {
  const found = [];
  for (const p of DATE_PATTERNS) {
    p.regex.lastIndex = 0;
    for (let m; (m = p.regex.exec(text)); ) {
      const d = { index: m.index, length: m[0].length, text: m[0] };
      p.parts.forEach((part, k) => {
        const v = m[k + 1];
        if (v === undefined) return;
        if (part === 'year') d.year = Number(digits(v));
        else if (part === 'month') d.month = Number(v);
        else if (part === 'day') d.day = v.toLowerCase() === '1er' ? 1 : Number(digits(v));
        else if (part === 'monthFr') d.month = lookupCi(MONTHS_FR, v);
        else if (part === 'monthEn') d.month = MONTHS_EN[v];
        else if (part === 'monthAr') d.month = MONTHS_AR[v.replace(/\s+/g, ' ')];
        else if (part === 'weekdayFr') d.weekday = lookupCi(WEEKDAYS_FR, v);
        else if (part === 'weekdayEn') d.weekday = WEEKDAYS_EN[v];
        else if (part === 'weekdayAr') d.weekday = WEEKDAYS_AR[v];
        else if (part === 'last') d.last = true;
        else if (part === 'relative') d.relative = RELATIVE[v.toLowerCase()] ?? RELATIVE[v];
      });
      // A day or month out of range is no date ("45 mai", "2024-13-01").
      if (d.month !== undefined && !(d.month >= 1 && d.month <= 12)) continue;
      if (d.day !== undefined && !(d.day >= 1 && d.day <= 31)) continue;
      found.push(d);
    }
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const out = [];
  let end = -1;
  for (const d of found) {
    if (d.index < end) continue;
    out.push(d);
    end = d.index + d.length;
  }
  return out;
}

/** `{y, m, d}` of an article date: 'YYYY-MM-DD…' (the calendar date as written, time zone ignored) or a Date. */
export function parseDay(value) {
  if (!value) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { y: value.getFullYear(), m: value.getMonth() + 1, d: value.getDate() };
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return validDay(day) ? day : null;
}

const utc = ({ y, m, d }) => Date.UTC(y, m - 1, d);
const fromUtc = (t) => {
  const x = new Date(t);
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
};
const DAY_MS = 86_400_000;
function validDay(day) {
  const back = fromUtc(utc(day));
  return back.y === day.y && back.m === day.m && back.d === day.d;
}
/** 'YYYY-MM-DD'. */
export function isoDay(day) {
  return `${String(day.y).padStart(4, '0')}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}
const weekdayOf = (day) => new Date(utc(day)).getUTCDay();

/**
 * The calendar day a found date means, as 'YYYY-MM-DD', or '' when it cannot be known. `reference` is
 * the article's date ({y, m, d}, see parseDay), or null.
 *
 * - A full date is itself (its weekday, if any, is not checked: the number wins).
 * - A day and month without a year: in the reference's year, or the year before when that would be
 *   after the reference (news reports what happened); when a weekday is given too ("mardi 14 mai"),
 *   the one of those two years where it falls on that weekday, if only one does.
 * - A weekday alone: the latest such day on or before the reference ("mardi" in Tuesday's paper is that
 *   Tuesday); with "dernier"/"last", strictly before it.
 * - "hier", "yesterday", "أمس": the reference minus one day (two for "avant-hier").
 * Without a reference, only full dates are known.
 */
export function resolveDate(found, reference) {
  if (found.year !== undefined && found.month !== undefined && found.day !== undefined) {
    const day = { y: found.year, m: found.month, d: found.day };
    return validDay(day) ? isoDay(day) : '';
  }
  if (!reference) return '';
  if (found.relative !== undefined) return isoDay(fromUtc(utc(reference) + found.relative * DAY_MS));
  if (found.month !== undefined && found.day !== undefined) {
    const candidates = [reference.y, reference.y - 1]
      .map((y) => ({ y, m: found.month, d: found.day }))
      .filter((day) => validDay(day) && utc(day) <= utc(reference));
    if (!candidates.length) return '';
    if (found.weekday !== undefined) {
      const matching = candidates.filter((day) => weekdayOf(day) === found.weekday);
      if (matching.length === 1) return isoDay(matching[0]);
    }
    return isoDay(candidates[0]);
  }
  if (found.weekday !== undefined) {
    let back = (weekdayOf(reference) - found.weekday + 7) % 7;
    if (back === 0 && found.last) back = 7;
    return isoDay(fromUtc(utc(reference) - back * DAY_MS));
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// Entities: actors, roll-up, places and their admin regions
// ---------------------------------------------------------------------------------------------

export const ACTOR_TYPES = new Set(['armed_group', 'force']);

/**
 * Subtypes of a unit that belongs to a larger actor: a katiba, a regional command, a faction, a
 * battalion, a regiment, an air force, special forces, a military region or operation, a task force.
 * Roll-up climbs from such a unit to its parent, and stops at an actor that is not one (a group, a
 * coalition, an army): Katiba Macina → JNIM (not on to AQIM and Al-Qaeda, whose affiliate JNIM is),
 * the Katiba al-Furqan → the Sahara emirate → AQIM, a BIR → the Burkinabè army.
 */
export const UNIT_SUBTYPE = /\b(?:katiba|katibat|command|faction|wing|cell|battalions?|brigade|regiment|company|platoon|units?|air force|special forces|military region|operation|task force|battle groups?|intervention unit)\b/i;

/** A lookup function by id for `entities`: an array, a Map, or a function. */
export function entityLookup(entities) {
  if (typeof entities === 'function') return entities;
  if (entities instanceof Map) return (id) => entities.get(id);
  const byId = new Map((entities ?? []).map((e) => [e.id, e]));
  return (id) => byId.get(id);
}

/**
 * The actor `entity` stands for when rolled up: its parent (of the same type) while it is a unit (see
 * UNIT_SUBTYPE), cycles and missing parents ignored. An actor that is no unit is itself.
 */
export function rollUpActor(entity, lookup) {
  let current = entity;
  const seen = new Set([entity.id]);
  while (current.parent && UNIT_SUBTYPE.test(current.subtype ?? '')) {
    const parent = lookup(current.parent);
    if (!parent || parent.type !== current.type || seen.has(parent.id)) break;
    seen.add(parent.id);
    current = parent;
  }
  return current;
}

/**
 * The group a person leads or belongs to, when the parent chain reaches an armed group or force within
 * three steps (Amadou Koufa → Katiba Macina), else null. A head of state or minister has no such
 * parent in the gazetteer: they are speakers, not actors, and make no row.
 */
export function leaderOf(person, lookup) {
  let current = person;
  const seen = new Set([person.id]);
  for (let k = 0; k < 3 && current.parent; k++) {
    const parent = lookup(current.parent);
    if (!parent || seen.has(parent.id)) return null;
    if (ACTOR_TYPES.has(parent.type)) return parent;
    seen.add(parent.id);
    current = parent;
  }
  return null;
}

/**
 * How specific a place is (lower is more specific): a neighbourhood, camp, village or town; then a
 * cercle, department or province (admin2); a region (admin1); a wider area or river; a country.
 */
export function placeRank(entity) {
  const s = (entity.subtype ?? '').toLowerCase();
  if (/\b(?:neighbourhood|neighborhood|camp|village|town|city|locality|site|commune|base)\b/.test(s)) return 0;
  if (/\b(?:cercle|department|province|district|prefecture)\b/.test(s)) return 2;
  if (/\bregion\b/.test(s)) return 3;
  if (/\bcountry\b/.test(s)) return 5;
  if (/\b(?:area|river|lake|mountains?|forest|massif|desert)\b/.test(s)) return 4;
  return 1;
}

const ADMIN1_SUBTYPE = /\bregion\b/i;
const ADMIN2_SUBTYPE = /\b(?:cercle|province|department|district|prefecture)\b/i;

/**
 * An admin region's name as a coding sheet writes it: the gazetteer's "Région de Mopti", "Cercle de
 * Djenné", "Province du Soum", "Département d'Abala" become "Mopti", "Djenné", "Soum", "Abala".
 */
export function adminName(name) {
  return String(name ?? '')
    .replace(/^(?:r\u00e9gion|region|cercle|province|d\u00e9partement|departement|district|pr\u00e9fecture)\s+(?:de\s+la\s+|de\s+l['\u2019]|du\s+|des\s+|de\s+|d['\u2019])?/i, '')
    .replace(/\s+(?:region|province|department|cercle|district)$/i, '')
    .trim();
}

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return null;
  }
})();

/** The name of an explicit admin field: a string, or an object with a `name`. */
const fieldName = (v) => (v == null ? '' : typeof v === 'object' ? String(v.name ?? '') : String(v));

/**
 * Where `place` is, as the sheet's columns: `{location, admin1, admin2, country, latitude, longitude}`.
 * `admin1`/`admin2` (and `country_name`) fields of the entity are used first when present (the
 * geo-coded gazetteer may carry them, as names or `{name}`); otherwise they come from the parent
 * chain, by subtype: a region is admin1; a cercle (Mali), a province (Burkina Faso), a department
 * (Niger) is admin2. The place itself counts (a region named alone is its own admin1). The country is
 * the country entity of the chain, else the name of its ISO code. Coordinates are the place's own
 * (empty when it has none: a region's centre is no incident's location).
 */
export function placeColumns(place, lookup) {
  const chain = [place];
  const seen = new Set([place.id]);
  for (let p = place.parent && lookup(place.parent); p && !seen.has(p.id) && chain.length < 8; p = p.parent && lookup(p.parent)) {
    chain.push(p);
    seen.add(p.id);
  }
  const places = chain.filter((e) => e.type === 'place');
  const bySubtype = (re) => places.find((e) => re.test(e.subtype ?? ''));
  const explicit = (key) => fieldName(place[key]);
  const a1 = bySubtype(ADMIN1_SUBTYPE);
  const a2 = bySubtype(ADMIN2_SUBTYPE);
  const countryEntity = places.find((e) => /\bcountry\b/i.test(e.subtype ?? ''));
  const code = String(place.country ?? '').split(/\s+/).find(Boolean);
  let country = explicit('country_name') || countryEntity?.name || '';
  if (!country && code) {
    try {
      country = regionNames?.of(code.toUpperCase()) ?? code;
    } catch {
      country = code;
    }
  }
  return {
    location: place.name ?? '',
    admin1: explicit('admin1') || (a1 ? adminName(a1.name) : ''),
    admin2: explicit('admin2') || (a2 ? adminName(a2.name) : ''),
    country,
    latitude: typeof place.lat === 'number' ? place.lat : '',
    longitude: typeof place.lon === 'number' ? place.lon : '',
  };
}

// ---------------------------------------------------------------------------------------------
// Sentence groups and rows
// ---------------------------------------------------------------------------------------------

/**
 * Groups sentences into events. `sentences` are segmentSentences()'s, each with `actors` and `places`
 * counts. Within one paragraph, in order:
 * 1. a sentence that names an actor and a place starts a new group;
 * 2. a sentence that names only actors, or only places, joins the open group when the sentence just
 *    before belongs to it (so an actor-only sentence followed by a place-only one make one group, and
 *    "Les FAMa ont riposté." after an attack joins the attack); otherwise it starts a group;
 * 3. a sentence that names neither is passed over: it neither closes the open group nor breaks the
 *    adjacency of rule 2 ("Selon M. Traoré, 4 gendarmes ont été tués." between the attack and "Les FAMa
 *    ont riposté." changes nothing); it is part of a group's text when later sentences join it;
 * 4. a paragraph break (blank line) closes the open group: a paragraph is where news keeps one event.
 * Returns groups as arrays of the indices of the sentences that name something; the caller keeps those
 * with an actor and a place.
 */
export function groupSentences(sentences) {
  const groups = [];
  let open = null;
  let paragraph = -1;
  sentences.forEach((s, k) => {
    if (s.paragraph !== paragraph) {
      open = null;
      paragraph = s.paragraph;
    }
    const hasActor = s.actors > 0;
    const hasPlace = s.places > 0;
    if (!hasActor && !hasPlace) return;
    if ((hasActor && hasPlace) || !open) {
      open = [k];
      groups.push(open);
      return;
    }
    open.push(k);
  });
  return groups;
}

/** The sheet's columns, in order: what incidentsCsv() writes. */
export const INCIDENT_COLUMNS = ['event_date', 'actor1', 'actor2', 'location', 'admin1', 'admin2', 'country', 'latitude', 'longitude', 'source', 'notes', 'offsets'];

/** Column headings for a table (the CSV header keeps the machine names above). */
export const COLUMN_LABELS = {
  event_date: 'Date',
  actor1: 'Actor 1',
  actor2: 'Actor 2',
  location: 'Location',
  admin1: 'Admin 1',
  admin2: 'Admin 2',
  country: 'Country',
  latitude: 'Latitude',
  longitude: 'Longitude',
  source: 'Source',
  notes: 'Notes',
  offsets: 'Offsets',
};

/** A mention in any of the shapes the page, the bookmarklet and the wasm API give (see draftIncidents). */
function normalizeMention(m) {
  const id = m.id ?? m.entity?.id;
  const start = m.utf16Start ?? m.start;
  const end = m.utf16End ?? m.end;
  const rejected = m.rejected === true || m.review === 'rejected' || m.state === 'rejected';
  return { id, start, end, rejected, fallback: m.entity ?? { id, name: m.name, type: m.type, subtype: m.subtype } };
}

/** UTF-16 index → code point index, for one text (identity when it has no surrogate pairs). */
function codePointIndexer(text) {
  if (!/[\ud800-\udbff][\udc00-\udfff]/.test(text)) return (i) => i;
  const prefix = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    prefix[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        prefix[i + 1] = cp;
        i++;
      }
    }
    cp++;
  }
  prefix[text.length] = cp;
  return (i) => prefix[i];
}

/**
 * The draft incident table of an article: one row per sentence group (see groupSentences) that names
 * at least one actor and one place.
 *
 * - `text`: the article's text.
 * - `mentions`: in text order or not, each `{id, start, end}` with UTF-16 offsets (the wasm API's
 *   `Mention`), or an export record of ./mentions.js (`utf16Start`/`utf16End` are used), or `{entity,
 *   start, end}` (the page's `Result.mention(i)`). Mentions marked `rejected: true` or `review:
 *   'rejected'` are left out.
 * - `entities`: the entities by id (array, Map or function), for types, parents and coordinates; a
 *   mention whose entity is not there is taken as its own record says (no parent, no coordinates).
 * - `doc`: `{title, url, date}`; `date` ('YYYY-MM-DD…' or a Date) resolves weekdays and dates without a
 *   year, and is the event date of rows whose text states none.
 * - `options.rollUp`: actors rolled up to their parent group (see rollUpActor).
 *
 * Actors are armed groups and forces, and people whose gazetteer parent is one (a group's leader
 * stands for the group: "les hommes d'Amadou Koufa" is Katiba Macina acting); other people
 * (presidents, ministers, spokesmen) are not. Each row: the columns of INCIDENT_COLUMNS (`latitude`,
 * `longitude` numbers or ''; `offsets` the code point spans of the mentions that made the row, "101-114
 * 165-171"), and for linking back: `key` (stable for one text), `start`/`end` and
 * `utf16Start`/`utf16End` of the group's text, `spans` (`{id, role: 'actor'|'leader'|'place', start,
 * end, utf16Start, utf16End}`), `actorIds` (after roll-up), `actorsNamed` (the actors before roll-up,
 * as the text names them; a leader's group for a leader), `placeId`, `dateText` (the expression the
 * date came from, '' for the article's date) and `dateFrom` ('text', 'article' or '').
 */
export function draftIncidents(text, mentions, entities, doc = {}, options = {}) {
  const lookup = entityLookup(entities);
  const rollUp = Boolean(options.rollUp);
  const cpAt = codePointIndexer(text);
  const reference = parseDay(doc?.date);
  const source = String(doc?.url || doc?.title || '');

  // Mentions with their role.
  const items = [];
  for (const raw of mentions ?? []) {
    const m = normalizeMention(raw);
    if (m.rejected || !m.id || !(m.end > m.start)) continue;
    const entity = lookup(m.id) ?? m.fallback;
    if (!entity?.type) continue;
    if (ACTOR_TYPES.has(entity.type)) items.push({ ...m, role: 'actor', entity, actor: entity });
    else if (entity.type === 'person') {
      const group = leaderOf(entity, lookup);
      if (group) items.push({ ...m, role: 'leader', entity, actor: group });
    } else if (entity.type === 'place') items.push({ ...m, role: 'place', entity });
  }
  items.sort((a, b) => a.start - b.start);

  // Sentences; one a mention runs across (a split inside a name) is joined with the next.
  const sentences = [];
  for (const s of segmentSentences(text)) {
    const last = sentences[sentences.length - 1];
    if (last && last.paragraph === s.paragraph && items.some((it) => it.start < last.end && it.end > s.start)) last.end = s.end;
    else sentences.push({ ...s });
  }
  let at = 0;
  for (const s of sentences) {
    s.items = [];
    while (at < items.length && items[at].start < s.start) at++;
    for (; at < items.length && items[at].start < s.end; at++) s.items.push(items[at]);
    s.actors = s.items.filter((it) => it.role !== 'place').length;
    s.places = s.items.length - s.actors;
  }

  const dates = findDates(text);
  const rows = [];
  for (const group of groupSentences(sentences)) {
    const parts = group.map((k) => sentences[k]);
    const groupItems = parts.flatMap((s) => s.items);
    const actorItems = groupItems.filter((it) => it.role !== 'place');
    const placeItems = groupItems.filter((it) => it.role === 'place');
    if (!actorItems.length || !placeItems.length) continue;

    const actors = [];
    const named = [];
    for (const it of actorItems) {
      const actor = rollUp ? rollUpActor(it.actor, lookup) : it.actor;
      if (!actors.some((a) => a.id === actor.id)) {
        actors.push(actor);
        named.push(it.actor);
      }
    }
    let place = placeItems[0].entity;
    for (const it of placeItems) if (placeRank(it.entity) < placeRank(place)) place = it.entity;

    const from = parts[0].start;
    const to = parts[parts.length - 1].end;
    const paragraphStart = sentences.find((s) => s.paragraph === parts[0].paragraph).start;
    let found = dates.find((d) => d.index >= from && d.index < to);
    if (!found) found = dates.filter((d) => d.index >= paragraphStart && d.index + d.length <= from).pop();
    let eventDate = found ? resolveDate(found, reference) : '';
    let dateFrom = eventDate ? 'text' : '';
    if (!eventDate && reference) {
      eventDate = isoDay(reference);
      dateFrom = 'article';
    }

    const spans = groupItems.map((it) => ({ id: it.id, role: it.role, start: cpAt(it.start), end: cpAt(it.end), utf16Start: it.start, utf16End: it.end }));
    rows.push({
      key: `g${from}`,
      event_date: eventDate,
      actor1: actors[0]?.name ?? '',
      actor2: actors[1]?.name ?? '',
      ...placeColumns(place, lookup),
      source,
      notes: text.slice(from, to).replace(/\s+/g, ' ').trim(),
      offsets: spans.map((s) => `${s.start}-${s.end}`).join(' '),
      start: cpAt(from),
      end: cpAt(to),
      utf16Start: from,
      utf16End: to,
      spans,
      actorIds: actors.map((a) => a.id),
      actorsNamed: named.map((a) => a.name),
      placeId: place.id,
      dateText: found && dateFrom === 'text' ? found.text : '',
      dateFrom,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * The rows as CSV for a coding spreadsheet: a header row (INCIDENT_COLUMNS, or `columns`), one line per
 * row, CRLF line ends. Cells go through ./mentions.js's csvCell (quoted when needed, formula-safe);
 * coordinates typed or edited as text ("-4.55") stay numbers, not defused text. `bom` (default true)
 * starts the text with a byte-order mark, so that a spreadsheet opening the file reads UTF-8; a copy
 * for the clipboard goes without it.
 */
export function incidentsCsv(rows, { columns = INCIDENT_COLUMNS, bom = true } = {}) {
  const cell = (column, value) => {
    if ((column === 'latitude' || column === 'longitude') && typeof value === 'string' && NUMBER.test(value.trim())) return csvCell(Number(value.trim()));
    return csvCell(value);
  };
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(c, row[c])).join(','));
  return `${bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}
