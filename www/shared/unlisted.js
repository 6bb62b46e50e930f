// Names no list holds ("unlisted", proposed by their context: "le village de Kakassobon") and doubtful
// names shown without evidence ("unconfirmed"): how the page and the bookmarklet describe them, and the
// one way both hand an unlisted name to the page's entry form. No DOM here.
//
// The hand-over is a URL of the tagger page with the fields in its fragment:
// `<origin>/#add?name=…&type=place&description=…&cue=…&source=…` (URLSearchParams). Why the fragment: it is
// never sent to a server (the sentence quoted stays in the reader's browser), it needs no storage
// shared between the visited site and the tagger's (which browsers partition), and opening a link of
// the tagger's origin is allowed by the strictest page policy, where posting a message to a window
// often is not. The page reads it on load (and on `hashchange`), fills the form, and removes it from
// the address bar so that a reload does not fill it again.

/** Bits of a packed mention's flags (see `PackedMentions` in the wasm types). */
export const DOUBTFUL = 64;
export const UNLISTED = 128;
export const UNCONFIRMED = 256;

/** "not in any list — proposed by its context “le village de”". */
export function unlistedLine(facts) {
  const cue = facts?.cue ? ` “${facts.cue.replace(/\s+/g, ' ').trim()}”` : '';
  return `not in any list — proposed by its context${cue}`;
}

/** The sentence around [start, end) of `text`, on one line, at most `max` characters. */
export function sentenceAround(text, start, end, max = 300) {
  const stops = /[.!?\u061f\n]/;
  let from = start;
  while (from > 0 && start - from < max && !(stops.test(text[from - 1]) && /\s/.test(text[from] || ''))) from--;
  let to = end;
  while (to < text.length && to - end < max && !stops.test(text[to])) to++;
  if (to < text.length && text[to] !== '\n') to++;
  return text.slice(from, to).replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Subtypes a cue's words give ("le village de" → village). */
const SUBTYPES = [
  [/\bvillages?\b|\u0642\u0631\u064a\u0629|\u0642\u0631\u0649/i, 'village'],
  [/\blocalit[\u00e9e]/i, 'locality'],
  [/\bcommunes?\b/i, 'commune'],
  [/\b(?:towns?|villes?)\b|\u0628\u0644\u062f\u0629|\u0645\u062f\u064a\u0646\u0629/i, 'town'],
];

/** The subtype a cue's words give ("le village de" → village), or ''. */
export function subtypeOf(cue) {
  return SUBTYPES.find(([re]) => re.test(cue || ''))?.[1] || '';
}

/**
 * What the entry form is filled with for an unlisted name: `{name, type, subtype, description}`:
 * the name as written, the type its cue gives, a subtype when the cue names one, the sentence.
 */
export function entryDraft(text, start, end, type, cue = '') {
  return { name: text.slice(start, end).replace(/\s+/g, ' ').trim(), type, subtype: subtypeOf(cue), description: sentenceAround(text, start, end) };
}

/**
 * The tagger page's URL (`base`, e.g. `https://host/`) that opens the form with `draft` (`{name, type,
 * description, subtype?, cue?}`: the page finds the subtype from the cue when none is given, so that
 * the bookmarklet's bundle carries no cue words).
 */
export function entryUrl(base, draft, source = '') {
  const p = new URLSearchParams({ name: draft.name, type: draft.type, description: draft.description });
  if (draft.subtype) p.set('subtype', draft.subtype);
  if (draft.cue) p.set('cue', draft.cue);
  if (source) p.set('source', source);
  return `${base}#add?${p}`;
}

/** The draft in a page URL's fragment (`location.hash`), or null. */
export function draftFromHash(hash) {
  if (!hash || !hash.startsWith('#add?')) return null;
  const p = new URLSearchParams(hash.slice(5));
  const name = (p.get('name') || '').trim();
  if (!name) return null;
  const description = (p.get('description') || '').slice(0, 400);
  const subtype = (p.get('subtype') || subtypeOf(p.get('cue'))).slice(0, 80);
  return { name: name.slice(0, 200), type: p.get('type') || 'place', subtype, description, source: p.get('source') || '' };
}
