//! The precompiled-layer decoder (`sahel-tagger gazetteer compile`, the page's `geonames.bin.gz`): any
//! bytes give a gazetteer or an error of the source, never a panic, and a gazetteer that loads tags
//! within the invariants and writes a layer that reads back (`sahel_tagger::invariants::precompiled_loader`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sahel_tagger::Tier;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = sahel_tagger::invariants::precompiled_loader(data, Tier::User) {
        panic!("precompiled loader invariant broken: {broken}");
    }
});
