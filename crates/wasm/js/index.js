// The npm package's entry for browsers and bundlers: the wasm-bindgen glue (sahel_tagger.js), with a
// `Tagger` that says what to do when it is used before the WebAssembly module is loaded (the glue
// alone fails with "Cannot read properties of undefined"). Same API and types as the glue
// (sahel_tagger.d.ts); copied into the package by crates/wasm/npm.mjs (`make wasm`).
import glueInit, { initSync as glueInitSync, Tagger as GlueTagger } from './sahel_tagger.js';

export * from './sahel_tagger.js';

let ready = false;

const NOT_READY =
  'sahel-tagger: the WebAssembly module is not loaded yet: call `await init()` (or `initSync(...)`) ' +
  'once before using Tagger';

function check() {
  if (!ready) throw new Error(NOT_READY);
}

/** Loads the WebAssembly module (once; later calls return at once). Same arguments as the glue's. */
export default async function init(input) {
  const exports = await glueInit(input);
  ready = true;
  return exports;
}

/** Loads the WebAssembly module synchronously from its bytes or a compiled module. */
export function initSync(input) {
  const exports = glueInitSync(input);
  ready = true;
  return exports;
}

/** The glue's `Tagger`, checking that the module is loaded first. */
export class Tagger extends GlueTagger {
  constructor() {
    check();
    super();
  }

  static fromSources(sources, includeDefault) {
    check();
    return GlueTagger.fromSources(sources, includeDefault);
  }

  static validate(name, text) {
    check();
    return GlueTagger.validate(name, text);
  }
}
