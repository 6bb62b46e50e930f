//! Tagging any text with the GeoNames layer under the embedded gazetteer (tens of thousands of
//! capitalized, possibly ambiguous village names) keeps every tagging invariant. Falls back to the
//! embedded gazetteer alone, with a message, where the GeoNames dumps are absent.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    // Built before fuzzing starts, so that building (the GeoNames layer takes seconds, more under
    // AddressSanitizer) never counts against the time limit of an input.
    init: {
        sahel_tagger_fuzz::village_tagger();
    },
    |data: &[u8]| {
        sahel_tagger_fuzz::check_tagging(sahel_tagger_fuzz::village_tagger(), &sahel_tagger_fuzz::text(data));
    }
);
