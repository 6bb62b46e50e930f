// What the page's switches cost: `tagPacked(text, options)` of the release package (www/pkg, as the
// page's worker calls it) with no option, with `unlisted` (the page's default: names no list holds)
// and with `unlisted` and `possible` ("Show unconfirmed names"), on the sample article repeated to
// about 5 MB. Prints the median of three runs after a warm-up, and what each option added; no
// assertion (figures, not a test). `node bench/tag-options.mjs [megabytes]`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { default: init, Tagger } = await import(path.join(ROOT, 'www/pkg/sahel_tagger.js'));
await init({ module_or_path: fs.readFileSync(path.join(ROOT, 'www/pkg/sahel_tagger_bg.wasm')) });
const tagger = new Tagger();
const sample = fs.readFileSync(path.join(ROOT, 'www/sample/sahel-semaine.txt'), 'utf8');
// A paragraph with names no list holds, so that the unlisted pass has something to propose.
const extra = '\n\nDes hommes armés ont attaqué les villages de Kakassobon, Hamou et Bolgadjé, près de la localité de Doumam. Le porte-parole Jean Paul Badoun a confirmé.\n\n';
const megabytes = Number(process.argv[2] || 5);
const unit = sample + extra;
const text = unit.repeat(Math.ceil((megabytes * 1e6) / unit.length));

const rows = [];
for (const [label, options] of [['no option', undefined], ['unlisted', { unlisted: true }], ['unlisted + possible', { unlisted: true, possible: true }]]) {
  let packed = tagger.tagPacked(text, options);
  const ms = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    packed = tagger.tagPacked(text, options);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  rows.push({ label, median: ms[1], mentions: packed.data.length / 5, unlisted: packed.unlisted.length });
}
console.log(`tagPacked on ${(text.length / 1e6).toFixed(1)} M characters (median of 3):`);
for (const r of rows) {
  const more = r === rows[0] ? '' : ` (+${(((r.median - rows[0].median) / rows[0].median) * 100).toFixed(0)} %)`;
  console.log(`  ${r.label.padEnd(20)} ${r.median.toFixed(0).padStart(6)} ms${more}  ${r.mentions} mentions, ${r.unlisted} unlisted`);
}
tagger.free();
