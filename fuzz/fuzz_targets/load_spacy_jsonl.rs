//! The loader of spaCy EntityRuler pattern lines (JSONL), then the same text with format detection: any input
//! gives a gazetteer or located errors, never a panic, and a gazetteer that loads tags within the
//! invariants and writes a layer that reads back (`sahel_tagger::invariants::loader`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sahel_tagger::invariants::Loader;

fuzz_target!(|data: &[u8]| {
    sahel_tagger_fuzz::check_loader(Loader::SpacyJsonl, &sahel_tagger_fuzz::text(data));
});
