// The modules the page and the bookmarklet share (www/shared/), without a browser: the type colours
// agree with the page's style sheet, the export records count code points, CSV cells are quoted and
// defused, the bookmarklet's bundle is not older than its sources (`make bookmarklet`), and the review
// never loses a mark to a read that was under way when it was made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPES } from '../../www/shared/types.js';
import { records, toCsv, CSV_COLUMNS } from '../../www/shared/mentions.js';
import { distinctLines } from '../../www/shared/card.js';
import { entryDraft, entryUrl, draftFromHash, sentenceAround } from '../../www/shared/unlisted.js';
import { MemoryReviewStore, ReviewSession, CONFIRMED } from '../../www/shared/review.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WWW = path.join(ROOT, 'www');

test('type colours: www/shared/types.js and the light scheme of style.css agree', () => {
  const css = fs.readFileSync(path.join(WWW, 'style.css'), 'utf8');
  const root = css.slice(css.indexOf(':root {'), css.indexOf('@media (prefers-color-scheme: dark)'));
  for (const t of TYPES) {
    for (const [key, suffix] of [['colour', ''], ['tint', '-tint'], ['ink', '-ink'], ['line', '-line']]) {
      const m = new RegExp(`--${t.id}${suffix}: (#[0-9a-f]{6});`).exec(root);
      assert.equal(m?.[1], t[key], `--${t.id}${suffix}`);
    }
    assert.match(css, new RegExp(`\\[data-type="${t.id}"\\] \\{[^}]*--t-glyph: "${t.glyph}"`), `${t.id}'s letter`);
  }
});

test('records: code point and UTF-16 offsets, context, candidates; CSV: formula-safe, quoted', () => {
  const text = '\u{1F600} =JNIM, "Mopti"';
  const jnim = { id: 'jnim', name: '=JNIM', type: 'armed_group', subtype: 'coalition' };
  const mopti = { id: 'mopti', name: 'Mopti', type: 'place' };
  const mentions = [
    { entity: jnim, start: 3, end: 8, flags: 1 | 8, variant: 'JNIM', candidates: [jnim, mopti] },
    { entity: mopti, start: 11, end: 16, flags: 2, variant: 'Mopti', candidates: [] },
  ];
  const rows = records({ text, n: 2, mention: (i) => mentions[i] });
  assert.deepEqual(
    rows.map((r) => [r.start, r.end, r.utf16Start, r.utf16End, r.surface, r.match, r.ambiguous, r.possible, r.candidates]),
    [
      [2, 7, 3, 8, '=JNIM', 'tolerant', true, false, ['jnim', 'mopti']],
      [10, 15, 11, 16, 'Mopti', 'exact', false, true, []],
    ]
  );
  assert.equal(rows[1].subtype, null);
  const lines = toCsv(rows).split('\r\n');
  assert.equal(lines[0], `\ufeff${CSV_COLUMNS.join(',')}`);
  assert.ok(lines[1].startsWith("jnim,'=JNIM,armed_group,coalition,'=JNIM,2,7,"), lines[1]);
  assert.ok(lines[1].includes('"\u{1F600} =JNIM, ""Mopti"""'), 'context quoted, quotes doubled');
});

test('the bookmarklet bundle is built from the current sources (make bookmarklet)', () => {
  const bundle = path.join(WWW, 'bookmarklet', 'bundle.js');
  if (!fs.existsSync(bundle)) return assert.fail('www/bookmarklet/bundle.js is missing: run `make bookmarklet` (or `make www`)');
  const built = fs.statSync(bundle).mtimeMs;
  const sources = [path.join(ROOT, 'tools', 'bookmarklet.mjs')];
  for (const dir of [path.join(WWW, 'bookmarklet', 'src'), path.join(WWW, 'shared')]) {
    for (const f of fs.readdirSync(dir)) if (f.endsWith('.js')) sources.push(path.join(dir, f));
  }
  const stale = sources.filter((f) => fs.statSync(f).mtimeMs > built).map((f) => path.relative(ROOT, f));
  assert.deepEqual(stale, [], 'sources newer than the bundle: run `make bookmarklet`');
});

test('the card never shows two identical candidate lines; the parent is named, the country once', () => {
  const byId = new Map([['yatenga', { id: 'yatenga', name: 'Yatenga' }]]);
  const lines = distinctLines(
    [
      { id: 'karma', name: 'Karma', subtype: 'village', country: 'BF', parent: 'yatenga' },
      { id: 'gn:1', name: 'Karma', subtype: 'village', country: 'ML' },
      { id: 'gn:2', name: 'Karma', subtype: 'village', country: 'ML' },
      { id: 'gourma', name: 'Gourma (Mali)', subtype: 'area', country: 'ML', parentName: 'Mali' },
    ],
    byId,
  );
  assert.deepEqual(lines, [
    'Karma — village, Yatenga, Burkina Faso',
    'Karma — village, Mali (gn:1)',
    'Karma — village, Mali (gn:2)',
    'Gourma (Mali) — area, Mali',
  ]);
});

test('an unlisted name\'s draft: name, type, subtype from the cue, its sentence; through a URL fragment and back', () => {
  const text = 'Titre\n\nLe 3 mai, des hommes armés ont attaqué la localité de Doumam. Les habitants ont fui.';
  const start = text.indexOf('Doumam');
  const draft = entryDraft(text, start, start + 6, 'place', 'la localité de');
  assert.deepEqual(draft, { name: 'Doumam', type: 'place', subtype: 'locality', description: 'Le 3 mai, des hommes armés ont attaqué la localité de Doumam.' });
  assert.equal(sentenceAround('قرية كاونجو؟ نعم', 5, 11), 'قرية كاونجو؟');
  const url = entryUrl('https://tagger.example/', draft, 'https://news.example/a?b=1#c');
  assert.ok(url.startsWith('https://tagger.example/#add?name=Doumam&type=place'));
  assert.deepEqual(draftFromHash(new URL(url).hash), { ...draft, source: 'https://news.example/a?b=1#c' });
  // The bookmarklet sends the cue, not the subtype: the page finds it.
  const fromCue = entryUrl('https://tagger.example/', { name: 'Kakassobon', type: 'place', cue: 'les villages de', description: 'x' });
  assert.equal(draftFromHash(new URL(fromCue).hash).subtype, 'village');
  assert.equal(draftFromHash('#add?type=place'), null, 'no name, no draft');
  assert.equal(draftFromHash('#other'), null);
});

test('the review: a mark made while the document is being read again is kept (another tab\'s change arriving then)', async () => {
  // A store whose reads take what it holds when asked and answer when released, as an IndexedDB read
  // does behind a busy disk.
  const store = new MemoryReviewStore('test');
  let listener = null;
  const gates = [];
  const load = store.load.bind(store);
  store.load = (doc) => {
    const read = load(doc); // what the store holds now; handed over when released
    return new Promise((resolve) => gates.push(() => resolve(read)));
  };
  store.onChange = (fn) => (listener = fn);
  const session = new ReviewSession(store);
  const opened = session.open('doc');
  gates.shift()();
  await opened;
  // Another tab changed the document: this tab reads it again; while that read waits, a mention is confirmed here.
  listener('doc');
  await session.confirm({ start: 4, end: 8, surface: 'JNIM', entity: { id: 'jnim', name: 'JNIM' } });
  assert.equal(session.of(4, 8, 'JNIM')?.review, CONFIRMED, 'shown at once');
  // The read started before the confirmation ends now, without it; the session reads again.
  while (gates.length) {
    gates.shift()();
    await new Promise((r) => setTimeout(r, 0));
  }
  assert.equal(session.of(4, 8, 'JNIM')?.review, CONFIRMED, 'still shown after the read that missed it');
  assert.equal((await load('doc')).length, 1, 'and stored');
});
