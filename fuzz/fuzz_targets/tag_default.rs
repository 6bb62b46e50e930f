//! Tagging any text with the embedded gazetteer keeps every tagging invariant (`sahel_tagger::invariants`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    // Built before fuzzing starts, so that building never counts against the time limit of an input.
    init: {
        sahel_tagger_fuzz::default_tagger();
    },
    |data: &[u8]| {
        sahel_tagger_fuzz::check_tagging(sahel_tagger_fuzz::default_tagger(), &sahel_tagger_fuzz::text(data));
    }
);
