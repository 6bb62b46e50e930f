//! Tagging any text with the embedded gazetteer keeps every tagging invariant (`sahel_tagger::invariants`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    sahel_tagger_fuzz::check_tagging(sahel_tagger_fuzz::default_tagger(), &sahel_tagger_fuzz::text(data));
});
