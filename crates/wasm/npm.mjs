// Finishes the npm package that `wasm-pack build` wrote (run by `make wasm`): the package is named
// `sahel-tagger` (the crate is sahel-tagger-wasm, beside the core crate sahel-tagger), its entries are
// js/index.js (browsers, bundlers) and js/node.js (Node.js), which wrap the glue sahel_tagger.js, and
// it has no repository field (none is published yet).
//
//   node crates/wasm/npm.mjs www/pkg
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) throw new Error('usage: node crates/wasm/npm.mjs <package directory>');

for (const file of ['index.js', 'node.js']) fs.copyFileSync(path.join(here, 'js', file), path.join(out, file));

const manifestPath = path.join(out, 'package.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
manifest.name = 'sahel-tagger';
delete manifest.repository;
manifest.files = [...new Set([...(manifest.files || []), 'index.js', 'node.js'])];
manifest.main = 'index.js';
manifest.module = 'index.js';
manifest.types = 'sahel_tagger.d.ts';
manifest.exports = {
  '.': { types: './sahel_tagger.d.ts', node: './node.js', default: './index.js' },
  './sahel_tagger.js': './sahel_tagger.js',
  './sahel_tagger_bg.wasm': './sahel_tagger_bg.wasm',
  './package.json': './package.json',
};
fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
