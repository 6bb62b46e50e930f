#![cfg(target_arch = "wasm32")]
//! The JavaScript API in a browser: `wasm-pack test --headless --chrome` runs the suite in
//! `wasm_suite/` (the same tests `wasm_node.rs` runs under Node.js).

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod wasm_suite;
