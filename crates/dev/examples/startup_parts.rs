//! Times the parts of start-up natively: loading the embedded (precompiled) gazetteer, the same from
//! its TOML files (what start-up did before it was precompiled), the aho-corasick crate's contiguous
//! NFA over its folded spellings alone (what the tagger built before its own trie, which needs no
//! failure transitions: that NFA was half of start-up), and compiling the whole tagger. Medians of 5.
//!
//! `cargo run --release -p sahel-tagger-dev --example startup_parts [LAYER.tsv LAYER.bin]`: also the
//! GeoNames layer over the embedded gazetteer, from its text and precompiled (`make geonames` writes
//! www/data/geonames.tsv; `gzip -dc www/data/geonames.bin.gz` gives the binary).
use std::time::Instant;

use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::MatchKind;
use sahel_tagger::gazetteer::{embedded_precompiled_size, embedded_sources};
use sahel_tagger::{Gazetteer, GazetteerBuilder, Tagger, Tier};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Median of 5 runs of `f`, in ms.
fn time<T>(mut f: impl FnMut() -> T) -> f64 {
    median(
        (0..5)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    )
}

fn main() {
    let load = time(Gazetteer::embedded);
    let from_toml = time(|| {
        let mut builder = GazetteerBuilder::new();
        for (name, text) in embedded_sources() {
            builder.add_toml(name, text, Tier::Curated);
        }
        builder.build().unwrap()
    });
    let g = Gazetteer::embedded();
    let mut folded: Vec<String> = g
        .entities()
        .iter()
        .flat_map(|e| e.variants.iter().map(|v| sahel_tagger::fold::fold(&v.text)))
        .collect();
    folded.sort();
    folded.dedup();
    let nfa = time(|| NFA::builder().match_kind(MatchKind::Standard).build(&folded).unwrap());
    let tagger = time(|| Tagger::new(g.clone()));
    let toml_bytes: usize = embedded_sources().iter().map(|(_, t)| t.len()).sum();
    println!("embedded gazetteer, precompiled ({} bytes): {load:.1} ms", embedded_precompiled_size());
    println!("embedded gazetteer from its TOML files ({toml_bytes} bytes), validated: {from_toml:.1} ms");
    println!(
        "aho-corasick NFA of its {} spellings alone (not built by the tagger): {nfa:.1} ms",
        folded.len()
    );
    println!("tagger compiled from the loaded gazetteer: {tagger:.1} ms");
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [tsv, bin] = &args[..] {
        let text = std::fs::read_to_string(tsv).expect("layer TSV");
        let bytes = std::fs::read(bin).expect("layer binary");
        let over = |add: &dyn Fn(&mut GazetteerBuilder)| {
            time(|| {
                let mut builder = GazetteerBuilder::with_embedded();
                add(&mut builder);
                Tagger::new(builder.build().unwrap())
            })
        };
        let base = over(&|_| {});
        let from_text = over(&|b| {
            b.add_tsv("geonames.tsv", &text, Tier::Geonames);
        });
        let from_binary = over(&|b| {
            b.add_precompiled("geonames.bin", &bytes, Tier::Geonames);
        });
        println!(
            "tagger with the GeoNames layer: from its TSV ({} bytes) {from_text:.1} ms, precompiled ({} bytes) \
             {from_binary:.1} ms; without it {base:.1} ms",
            text.len(),
            bytes.len()
        );
    }
}
