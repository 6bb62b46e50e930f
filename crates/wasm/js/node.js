// The npm package's entry under Node.js (the "node" condition of its exports): as index.js, and
// `await init()` without arguments reads the module's bytes from the package's own directory (the
// browser glue would fetch() a file: URL, which Node cannot).
import { readFile } from 'node:fs/promises';
import browserInit from './index.js';

export * from './index.js';

export default async function init(input) {
  if (input === undefined) {
    input = { module_or_path: await readFile(new URL('./sahel_tagger_bg.wasm', import.meta.url)) };
  }
  return browserInit(input);
}
