// A doubtful name's check in words, for the page's card (the bookmarklet has no checks, and its
// bundle has no room for these sentences: it must fit in a `javascript:` URL). No DOM here.

/** What the core's check words mean (src/context.rs: `Doubt`, `Evidence`, `Against`). */
const DOUBTS = {
  'capitalized word': 'also a word written with a capital',
  'personal name': 'also a personal name',
  'single name': 'a single name (a surname or a given name)',
  short: 'very short',
  'common word': 'also an ordinary word',
  generated: 'a GeoNames village (many are ordinary words)',
};
const REASONS = {
  cue: 'a word before it says what it is',
  capital: 'a capital where capitals mean names',
  quoted: 'quoted',
  listed: 'in a list with other names',
  nearby: 'a place of the same region nearby',
  repeated: 'the same name with evidence elsewhere in the text',
  'named in full': 'named in full elsewhere in the text',
  'no evidence': 'nothing in the text says it is a name here (no designator before it, no capital where capitals mean names, no place of its region nearby)',
  'different accent': 'its accents differ from the name’s',
  'head of another kind': 'a word next to it says it is something else',
  'other name': 'followed by a name the entity does not have',
};

/**
 * A doubtful name's check in words: `{doubt, verdict, reason, cue, words}` (the wasm `Check`) →
 * "Unconfirmed: also an ordinary word; nothing confirms it here — …".
 */
export function checkLine(check) {
  if (!check) return '';
  const doubt = DOUBTS[check.doubt] || check.doubt;
  const reason = REASONS[check.reason] || check.reason;
  const words = check.words ? ` (“${check.words}”)` : '';
  if (check.verdict === 'kept') return `Doubtful (${doubt}); kept: ${reason}${words}.`;
  return `Unconfirmed (${doubt}): ${reason}${words}.`;
}
