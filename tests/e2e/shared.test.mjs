// The modules the page and the bookmarklet share (www/shared/), without a browser: the type colours
// agree with the page's style sheet, the export records count code points, CSV cells are quoted and
// defused, and the bookmarklet's bundle is not older than its sources (`make bookmarklet`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPES } from '../../www/shared/types.js';
import { records, toCsv, CSV_COLUMNS } from '../../www/shared/mentions.js';

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
