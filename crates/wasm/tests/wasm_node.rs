#![cfg(target_arch = "wasm32")]
//! The JavaScript API under Node.js: `wasm-pack test --node` runs the suite in `wasm_suite/`.
//!
//! Without `wasm_bindgen_test_configure!`, wasm-bindgen-test runs in Node; `wasm_browser.rs` runs the
//! same suite in a browser (a test binary runs in one environment only, and is skipped, with no
//! failure, by the other).

mod wasm_suite;
