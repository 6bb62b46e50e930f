// The incident sheet's draft (www/shared/incident.js), without a browser: sentences (French, English,
// Arabic punctuation; abbreviations, initials, decimals), sentence groups, dates stated in the text
// and resolved against the article's, actor roll-up along parent units, admin regions from a place's
// parents, and the formula-safe CSV. Entities come from the gazetteer's TOML files (a tiny reader
// below); the sample article (fixtures/incident-article.txt) is tagged by the real wasm package
// (www/pkg, `make wasm`), so that its rows are what the page will draft.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  segmentSentences,
  findDates,
  resolveDate,
  parseDay,
  rollUpActor,
  leaderOf,
  placeColumns,
  adminName,
  groupSentences,
  draftIncidents,
  incidentsCsv,
  entityLookup,
  INCIDENT_COLUMNS,
} from '../../www/shared/incident.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = path.join(ROOT, 'tests', 'e2e', 'fixtures');

// ---- the gazetteer's entities, read from its TOML files ----

/** The `[[entity]]` tables of a gazetteer file: their one-line string and number fields (arrays skipped). */
function readEntities(file) {
  const out = [];
  let cur = null;
  let inArray = 0;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const t = line.trim();
    if (inArray) {
      inArray += (t.match(/\[/g) ?? []).length - (t.match(/\]/g) ?? []).length;
      continue;
    }
    if (t === '[[entity]]') {
      cur = {};
      out.push(cur);
      continue;
    }
    const m = /^(\w+)\s*=\s*(.*)$/.exec(t);
    if (!cur || !m) continue;
    const [, key, raw] = m;
    if (raw.startsWith('[')) {
      inArray = (raw.match(/\[/g) ?? []).length - (raw.match(/\]/g) ?? []).length;
      continue;
    }
    if (raw.startsWith('"')) cur[key] = JSON.parse(raw.replace(/\s+#.*$/, ''));
    else if (/^-?\d/.test(raw)) cur[key] = Number(raw);
  }
  return out;
}
const GAZETTEER = fs
  .readdirSync(path.join(ROOT, 'gazetteer'))
  .filter((f) => f.endsWith('.toml'))
  .flatMap((f) => readEntities(path.join(ROOT, 'gazetteer', f)));
const lookup = entityLookup(GAZETTEER);
const E = (id) => {
  const e = lookup(id);
  assert.ok(e, `gazetteer entity ${id}`);
  return e;
};

// ---- sentences ----

const sentences = (text) => segmentSentences(text).map((s) => text.slice(s.start, s.end));

test('sentences: French, English and Arabic punctuation; abbreviations, initials and decimals do not end one', () => {
  assert.deepEqual(sentences('Selon M. Traoré, 2,5 tonnes ont été saisies. Mme Diallo confirme! Et après ? Oui.'), [
    'Selon M. Traoré, 2,5 tonnes ont été saisies.',
    'Mme Diallo confirme!',
    'Et après ?',
    'Oui.',
  ]);
  assert.deepEqual(sentences('Gen. Diarra met St. Louis officials on Jan. 4. The U.S. embassy said 2.5 tonnes were seized. A. Koufa spoke.'), [
    'Gen. Diarra met St. Louis officials on Jan. 4.',
    'The U.S. embassy said 2.5 tonnes were seized.',
    'A. Koufa spoke.',
  ]);
  assert.deepEqual(sentences('هل هاجموا ميناكا؟ نعم. قتل ثلاثة جنود!'), ['هل هاجموا ميناكا؟', 'نعم.', 'قتل ثلاثة جنود!']);
  // Closing quotes stay with their sentence; an ellipsis before a lower-case word does not end it.
  assert.deepEqual(sentences('« Nous avons riposté. » Puis… rien. Il a dit "non." Fin'), ['« Nous avons riposté. »', 'Puis… rien.', 'Il a dit "non."', 'Fin']);
  // Line breaks end sentences; a blank line starts a paragraph.
  const text = 'Titre sans point\nPremière phrase. Deuxième\r\n\r\n  Autre paragraphe.';
  assert.deepEqual(
    segmentSentences(text).map((s) => [text.slice(s.start, s.end), s.paragraph]),
    [
      ['Titre sans point', 0],
      ['Première phrase.', 0],
      ['Deuxième', 0],
      ['Autre paragraphe.', 1],
    ],
  );
  assert.deepEqual(sentences(''), []);
});

// ---- dates ----

/** The first date of `text` resolved against `ref` ('YYYY-MM-DD'). */
const dateIn = (text, ref) => {
  const [found] = findDates(text);
  return found ? resolveDate(found, parseDay(ref)) : null;
};

test('dates in French: full, day and month, weekday, "hier", resolved against the article date', () => {
  assert.equal(dateIn('Le 12 mars 2024, une attaque…', '2024-05-16'), '2024-03-12');
  assert.equal(dateIn('le 1er janvier 2023', null), '2023-01-01');
  assert.equal(dateIn('le mardi 14 mai, des hommes armés', '2024-05-16'), '2024-05-14');
  // No year: the article's year, or the one before when that would be after the article.
  assert.equal(dateIn('le 28 décembre', '2024-01-05'), '2023-12-28');
  assert.equal(dateIn('le 3 janvier', '2024-01-10'), '2024-01-03');
  // The weekday picks the year: 3 January was a Tuesday in 2023, a Wednesday in 2024.
  assert.equal(dateIn('mardi 3 janvier', '2024-01-10'), '2023-01-03');
  // A weekday alone: the latest one on or before the article (16 May 2024 was a Thursday).
  assert.equal(dateIn('Mercredi, l’armée a frappé', '2024-05-16'), '2024-05-15');
  assert.equal(dateIn('publié jeudi', '2024-05-16'), '2024-05-16');
  assert.equal(dateIn('jeudi dernier', '2024-05-16'), '2024-05-09');
  assert.equal(dateIn('Hier soir', '2024-05-16'), '2024-05-15');
  assert.equal(dateIn('avant-hier', '2024-03-01'), '2024-02-28');
  assert.equal(dateIn('le 14/05/2024', null), '2024-05-14');
  assert.equal(dateIn('le 31 février 2024', null), '');
  // Without the article's date only a full date is known.
  assert.equal(dateIn('mardi', null), '');
  assert.equal(dateIn('le 14 mai', null), '');
  assert.equal(findDates('un mardi-gras, 45 mai, la Mairie').length, 0);
});

test('dates in English: "on March 12", "Tuesday", "12th of March, 2024"; "may" the verb is no month', () => {
  assert.equal(dateIn('Militants attacked on March 12, killing six.', '2024-05-16'), '2024-03-12');
  assert.equal(dateIn('on Tuesday, March 12th, 2024', '2025-01-01'), '2024-03-12');
  assert.equal(dateIn('the 12th of March, 2024', null), '2024-03-12');
  assert.equal(dateIn('On Tuesday, JNIM fighters attacked', '2024-05-16'), '2024-05-14');
  assert.equal(dateIn('last Thursday', '2024-05-16'), '2024-05-09');
  assert.equal(dateIn('yesterday', '2024-05-16'), '2024-05-15');
  assert.equal(dateIn('2024-05-14', null), '2024-05-14');
  assert.deepEqual(findDates('Officials said 12 may have died; the march of 3 soldiers'), []);
});

test('dates in Arabic: month names of both calendars, Arabic-Indic digits, "يوم الثلاثاء", "أمس"', () => {
  assert.equal(dateIn('في 12 مارس 2024 هاجم مسلحون', null), '2024-03-12');
  assert.equal(dateIn('في ١٢ آذار ٢٠٢٤', null), '2024-03-12');
  assert.equal(dateIn('يوم الثلاثاء 14 مايو، هاجم', '2024-05-16'), '2024-05-14');
  assert.equal(dateIn('هاجم مسلحون يوم الثلاثاء موقعا', '2024-05-16'), '2024-05-14');
  assert.equal(dateIn('وقع الهجوم مساء الاثنين', '2024-05-16'), '2024-05-13');
  assert.equal(dateIn('أعلن الجيش أمس', '2024-05-16'), '2024-05-15');
  assert.equal(dateIn('15 تشرين الأول 2023', null), '2023-10-15');
  // الاثنين alone is "the two": no date.
  assert.deepEqual(findDates('قتل الاثنين في الهجوم'), []);
});

// ---- entities ----

test('roll-up: a unit climbs to its parent of the same type, a group or an army stays', () => {
  const up = (id) => rollUpActor(E(id), lookup).id;
  assert.equal(up('katiba_macina'), 'jnim');
  assert.equal(up('katiba_serma'), 'jnim');
  assert.equal(up('jnim'), 'jnim', 'JNIM is not rolled up to AQIM: the coalition is the actor');
  assert.equal(up('katiba_al_furqan'), 'aqmi', 'katiba → regional command → AQIM');
  assert.equal(up('armee_de_l_air_mali'), 'fama');
  assert.equal(up('bir_1'), 'fan_burkina');
  assert.equal(up('fama'), 'fama', 'parent Mali is a place, not a force');
  assert.equal(up('is_sahel'), 'is_sahel');
  // Cycles and missing parents end the climb.
  const loop = new Map([
    ['a', { id: 'a', type: 'armed_group', subtype: 'katiba', parent: 'b' }],
    ['b', { id: 'b', type: 'armed_group', subtype: 'katiba', parent: 'a' }],
  ]);
  assert.equal(rollUpActor(loop.get('a'), entityLookup(loop)).id, 'b');
  assert.equal(rollUpActor({ id: 'x', type: 'armed_group', subtype: 'katiba', parent: 'gone' }, lookup).id, 'x');
});

test('people: a leader stands for the group of their gazetteer parent; a head of state is no actor', () => {
  assert.equal(leaderOf(E('amadou_koufa'), lookup)?.id, 'katiba_macina');
  assert.equal(leaderOf(E('iyad_ag_ghali'), lookup)?.id, 'jnim');
  assert.equal(leaderOf(E('assimi_goita'), lookup), null);
  assert.equal(leaderOf(E('souleymane_dembele'), lookup), null);
});

test('places: admin1/admin2 from the parent chain by subtype (Mali, Burkina Faso, Niger), explicit fields first', () => {
  assert.deepEqual(placeColumns(E('djenne'), lookup), { location: 'Djenné', admin1: 'Mopti', admin2: 'Djenné', country: 'Mali', latitude: 13.90608, longitude: -4.55332 });
  const djibo = placeColumns(E('djibo'), lookup);
  assert.equal(djibo.admin2, 'Soum');
  assert.equal(djibo.country, 'Burkina Faso');
  // A region named alone is its own admin1.
  const region = placeColumns(E('mopti_region'), lookup);
  assert.deepEqual([region.location, region.admin1, region.admin2], ['Région de Mopti', 'Mopti', '']);
  // The geo-coded gazetteer may carry admin names: they come first.
  const coded = placeColumns({ ...E('djenne'), admin1: 'Mopti (GeoNames)', admin2: { name: 'Djenne' } }, lookup);
  assert.deepEqual([coded.admin1, coded.admin2], ['Mopti (GeoNames)', 'Djenne']);
  // A place known by its country code only.
  assert.equal(placeColumns({ id: 'x', name: 'X', type: 'place', subtype: 'village', country: 'NE' }, lookup).country, 'Niger');
  assert.deepEqual(
    ['Région de Mopti', 'Cercle de Djenné', 'Province du Soum', "Département d'Abala", 'Région de la Boucle du Mouhoun', 'Tillabéri Region'].map(adminName),
    ['Mopti', 'Djenné', 'Soum', 'Abala', 'Boucle du Mouhoun', 'Tillabéri'],
  );
});

// ---- groups ----

test('groups: an actor-only sentence and a place-only one join; a complete sentence starts a group; a paragraph ends it', () => {
  const s = (actors, places, paragraph = 0) => ({ actors, places, paragraph });
  assert.deepEqual(groupSentences([s(1, 0), s(0, 1)]), [[0, 1]]);
  assert.deepEqual(groupSentences([s(1, 1), s(1, 0), s(0, 0), s(0, 1)]), [[0, 1, 3]], 'sentences naming nothing are passed over');
  assert.deepEqual(groupSentences([s(1, 1), s(1, 1)]), [[0], [1]]);
  assert.deepEqual(groupSentences([s(1, 0), s(1, 1)]), [[0], [1]]);
  assert.deepEqual(groupSentences([s(1, 1), s(0, 1, 1)]), [[0], [1]]);
});

// ---- the sample article, tagged by the real tagger ----

const PKG = path.join(ROOT, 'www', 'pkg');
let tagger = null;
async function theTagger() {
  if (tagger) return tagger;
  if (!fs.existsSync(path.join(PKG, 'sahel_tagger_bg.wasm'))) assert.fail('www/pkg is missing: run `make wasm` (or `make www`)');
  const mod = await import(path.join(PKG, 'sahel_tagger.js'));
  mod.initSync({ module: fs.readFileSync(path.join(PKG, 'sahel_tagger_bg.wasm')) });
  tagger = new mod.Tagger();
  return tagger;
}
const ARTICLE = fs.readFileSync(path.join(FIXTURES, 'incident-article.txt'), 'utf8');
const DOC = { title: 'Centre du Mali : nouvelle attaque près de Djenné', url: 'https://news.example/mali/djenne', date: '2024-05-16' };
const pick = (rows) => rows.map((r) => [r.event_date, r.actor1, r.actor2, r.location, r.admin1, r.admin2, r.country, r.latitude, r.longitude]);

test('the sample article: one row per event, dates from the text, FAMa joining the attack it answered', async () => {
  const t = await theTagger();
  const rows = draftIncidents(ARTICLE, t.tag(ARTICLE), t.entities(), DOC);
  assert.deepEqual(pick(rows), [
    ['2024-05-14', 'Katiba Macina', 'FAMa', 'Djenné', 'Mopti', 'Djenné', 'Mali', 13.90608, -4.55332],
    ['2024-05-15', "Armée de l'air malienne", '', 'Konna', 'Mopti', 'Mopti', 'Mali', 14.94329, -3.89474],
    ['2024-05-16', 'JNIM', '', 'Djenné', 'Mopti', 'Djenné', 'Mali', 13.90608, -4.55332],
    ['2024-03-12', 'Islamic State Sahel Province', '', 'Ménaka', 'Ménaka', 'Ménaka', 'Mali', 15.9182, 2.4022],
  ]);
  assert.ok(rows.every((r) => r.source === DOC.url));
  assert.deepEqual(
    rows.map((r) => r.dateText),
    ['mardi 14 mai', 'Mercredi', 'jeudi', '12 mars 2024'],
  );
  // The headline names a place and no actor; Gen. Souleymane Dembélé (a spokesman) is no actor.
  assert.ok(!rows.some((r) => r.notes.startsWith('Centre du Mali')));
  assert.ok(rows[1].notes.endsWith('selon le Gen. Souleymane Dembélé.'), 'Gen. does not end the sentence');
  assert.ok(rows[0].notes.includes('Selon M. Traoré') && rows[0].notes.endsWith('Les FAMa ont riposté dans la soirée.'));
  assert.equal(rows[0].notes.includes('\n'), false);
  // Offsets link back to the text.
  for (const r of rows) {
    assert.equal(ARTICLE.slice(r.utf16Start, r.utf16End).replace(/\s+/g, ' '), r.notes);
    for (const s of r.spans) assert.ok(s.start >= r.start && s.end <= r.end);
  }
  assert.deepEqual(
    rows[0].spans.map((s) => [s.id, s.role, ARTICLE.slice(s.utf16Start, s.utf16End)]),
    [
      ['katiba_macina', 'actor', 'Katiba Macina'],
      ['djenne', 'place', 'Djenné'],
      ['fama', 'actor', 'FAMa'],
    ],
  );
  assert.equal(rows[0].offsets, rows[0].spans.map((s) => `${s.start}-${s.end}`).join(' '));
});

test('the sample article rolled up: Katiba Macina → JNIM, the Malian air force → FAMa', async () => {
  const t = await theTagger();
  const rows = draftIncidents(ARTICLE, t.tag(ARTICLE), t.entities(), DOC, { rollUp: true });
  assert.deepEqual(
    rows.map((r) => [r.actor1, r.actor2]),
    [
      ['JNIM', 'FAMa'],
      ['FAMa', ''],
      ['JNIM', ''],
      ['Islamic State Sahel Province', ''],
    ],
  );
  assert.deepEqual(rows[0].actorIds, ['jnim', 'fama']);
  assert.deepEqual(rows[0].actorsNamed, ['Katiba Macina', 'FAMa']);
});

test('inputs: export records (code points), the page\'s mentions, rejected mentions, entities missing, no article date', async () => {
  const t = await theTagger();
  // An emoji first: code point and UTF-16 offsets differ by one.
  const text = `\u{1F4CD} ${ARTICLE}`;
  const wasm = t.tag(text);
  const byId = new Map(t.entities().map((e) => [e.id, e]));
  const fromWasm = draftIncidents(text, wasm, byId, DOC);
  // The export records of www/shared/mentions.js (start/end in code points, utf16Start/utf16End).
  const records = wasm.map((m) => ({ id: m.id, name: m.name, type: m.type, start: m.start - 1, end: m.end - 1, utf16Start: m.start, utf16End: m.end }));
  assert.deepEqual(draftIncidents(text, records, byId, DOC), fromWasm);
  // The page's Result.mention(i) shape: {entity, start, end}.
  const page = wasm.map((m) => ({ entity: byId.get(m.id), start: m.start, end: m.end }));
  assert.deepEqual(draftIncidents(text, page, (id) => byId.get(id), DOC), fromWasm);
  assert.equal(fromWasm[0].start, fromWasm[0].utf16Start - 1);
  const [s] = fromWasm[0].spans;
  assert.equal(Array.from(text).slice(s.start, s.end).join(''), 'Katiba Macina');

  // Rejecting FAMa leaves the first row with one actor.
  const rejected = wasm.map((m) => (m.id === 'fama' ? { ...m, review: 'rejected' } : m));
  assert.equal(draftIncidents(text, rejected, byId, DOC)[0].actor2, '');
  // Entities unknown to the table: the mention's own fields; no parents, no coordinates.
  const bare = draftIncidents(text, wasm, [], DOC);
  assert.deepEqual(pick(bare)[0], ['2024-05-14', 'Katiba Macina', 'FAMa', 'Djenné', '', '', '', '', '']);
  // No article date: weekdays and dates without a year stay empty; the full date is kept.
  const undated = draftIncidents(text, wasm, byId, { title: 'Sans date' });
  assert.deepEqual(
    undated.map((r) => [r.event_date, r.dateFrom, r.source]),
    [
      ['', '', 'Sans date'],
      ['', '', 'Sans date'],
      ['', '', 'Sans date'],
      ['2024-03-12', 'text', 'Sans date'],
    ],
  );
  assert.deepEqual(draftIncidents('', [], [], {}), []);
});

test('English and Arabic articles tagged by the real tagger', async () => {
  const t = await theTagger();
  const en = 'On Tuesday, JNIM fighters attacked an army post near Djibo. Burkina Faso\'s army said it repelled them.\n\nGen. Diarra spoke yesterday.';
  const enRows = draftIncidents(en, t.tag(en), t.entities(), { url: 'https://news.example/en', date: '2024-05-16' });
  assert.deepEqual(pick(enRows).map((r) => r.slice(0, 4)), [['2024-05-14', 'JNIM', 'Forces armées nationales (Burkina Faso)', 'Djibo']]);
  const ar = 'يوم الثلاثاء 14 مايو، هاجم مسلحون من جماعة نصرة الإسلام والمسلمين موقعا للجيش المالي قرب مدينة ميناكا. هل قتل جنود؟ نعم.';
  const arRows = draftIncidents(ar, t.tag(ar), t.entities(), { url: 'https://news.example/ar', date: '2024-05-16' });
  assert.deepEqual(pick(arRows).map((r) => r.slice(0, 4)), [['2024-05-14', 'JNIM', 'FAMa', 'Ménaka']]);
  // The question and its answer name nothing: they are not part of the group's text.
  assert.ok(arRows[0].notes.endsWith('قرب مدينة ميناكا.'), arRows[0].notes);
});

// ---- CSV ----

test('CSV: header, one line per row, formula-safe cells (mentions.js csvCell), coordinates stay numbers', async () => {
  const t = await theTagger();
  const rows = draftIncidents(ARTICLE, t.tag(ARTICLE), t.entities(), DOC);
  const csv = incidentsCsv(rows);
  assert.ok(csv.startsWith(`\ufeff${INCIDENT_COLUMNS.join(',')}\r\n`));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines.length, rows.length + 2, 'header, rows, final line end');
  assert.equal(lines[1].split(',').slice(0, 9).join(','), '2024-05-14,Katiba Macina,FAMa,Djenné,Mopti,Djenné,Mali,13.90608,-4.55332');
  // Edited cells: a formula is defused, a typed negative coordinate stays a number, quotes are doubled.
  const edited = [{ ...rows[0], actor1: '=HYPERLINK("http://x")', longitude: ' -4.6 ', latitude: '13,9', notes: 'Il a dit "non", puis…' }];
  const line = incidentsCsv(edited, { bom: false }).split('\r\n')[1];
  assert.ok(line.startsWith(`2024-05-14,"'=HYPERLINK(""http://x"")",FAMa,Djenné,Mopti,Djenné,Mali,"13,9",-4.6,`), line);
  assert.ok(line.includes(',"Il a dit ""non"", puis…",'), line);
  assert.ok(!incidentsCsv(edited, { bom: false }).startsWith('\ufeff'));
  // A chosen subset of columns.
  assert.equal(incidentsCsv(rows.slice(0, 1), { columns: ['event_date', 'location'], bom: false }), 'event_date,location\r\n2024-05-14,Djenné\r\n');
});

// ---- the bookmarklet's bundle ----

test('the sheet bundles as the bookmarklet is built: printable ASCII, no template literals (tools/bookmarklet.mjs)', async () => {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: "export * from './incident.js'; export * from './incident-sheet.js';", resolveDir: path.join(ROOT, 'www', 'shared'), loader: 'js' },
    bundle: true,
    format: 'iife',
    globalName: 'sheetBundle',
    minify: true,
    charset: 'ascii',
    legalComments: 'none',
    supported: { 'template-literal': false },
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text.trim();
  assert.doesNotMatch(code, /[^\x20-\x7e]/, 'non-ASCII in the bundle: write \\u escapes in regular expression literals');
  // The bundled functions draft the same rows.
  const bundled = new Function(`${code}; return sheetBundle;`)();
  const text = 'Le mardi 14 mai, la Katiba Macina a attaqué Djenné. « Riposte. » ؟';
  const mentions = [
    { id: 'katiba_macina', start: text.indexOf('Katiba'), end: text.indexOf('Katiba') + 13 },
    { id: 'djenne', start: text.indexOf('Djenné'), end: text.indexOf('Djenné') + 6 },
  ];
  assert.deepEqual(bundled.draftIncidents(text, mentions, GAZETTEER, DOC, { rollUp: true }), draftIncidents(text, mentions, GAZETTEER, DOC, { rollUp: true }));
  assert.equal(bundled.draftIncidents(text, mentions, GAZETTEER, DOC, { rollUp: true })[0].actor1, 'JNIM');
});
