// Cold start-up of the release package in a fresh Node.js process (bench/node.mjs runs it several
// times): read the module, compile + instantiate it, build the default gazetteer. Prints one JSON line.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/common.mjs';

const pkg = path.join(ROOT, 'www', 'pkg');
const glue = await import(pathToFileURL(path.join(pkg, 'sahel_tagger.js')).href);
const bytes = fs.readFileSync(path.join(pkg, 'sahel_tagger_bg.wasm'));
let t = performance.now();
await glue.default({ module_or_path: bytes });
const instantiate = performance.now() - t;
t = performance.now();
const tagger = new glue.Tagger();
const build = performance.now() - t;
tagger.free();
process.stdout.write(JSON.stringify({ instantiate_ms: instantiate, build_ms: build }) + '\n');
