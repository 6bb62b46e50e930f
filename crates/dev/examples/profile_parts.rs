//! Times the parts of tagging separately (fold, automaton scan, whole tag) on the benchmark corpus.
use std::time::Instant;

use aho_corasick::{AhoCorasick, MatchKind};
use sahel_tagger::fold::{fold, fold_with_origins, Folded};
use sahel_tagger::{Gazetteer, Tagger};

use sahel_tagger_dev::corpus;

fn main() {
    let g = Gazetteer::embedded();
    let text = corpus::news_text(10 << 20, &g, &[], 1);
    let mb = text.len() as f64 / 1e6;
    let mut folded = Folded::default();
    let t = Instant::now();
    fold_with_origins(&text, &mut folded);
    println!("fold: {:.0} MB/s", mb / t.elapsed().as_secs_f64());
    let pats: Vec<String> =
        g.entities().iter().flat_map(|e| e.variants.iter().map(|v| fold(&v.text))).collect();
    let names = corpus::synthetic_names(50_000, 7);
    let mut big = pats.clone();
    big.extend(names.iter().map(|n| fold(n)));
    for (label, pats) in [("default", &pats), ("50k", &big)] {
        for ak in [None, Some(aho_corasick::AhoCorasickKind::DFA)] {
            for kind in [MatchKind::Standard, MatchKind::LeftmostLongest] {
                let t = Instant::now();
                let ac = AhoCorasick::builder().match_kind(kind).kind(ak).build(pats).unwrap();
                print!(
                    "{label} build {:.0}ms mem {}KB ",
                    t.elapsed().as_secs_f64() * 1e3,
                    ac.memory_usage() / 1024
                );
                let t = Instant::now();
                let n = if kind == MatchKind::Standard {
                    ac.find_overlapping_iter(folded.as_str()).count()
                } else {
                    ac.find_iter(folded.as_str()).count()
                };
                println!(
                    "{kind:?} scan: {:.0} MB/s ({n} matches) kind={:?}",
                    mb / t.elapsed().as_secs_f64(),
                    ac.kind()
                );
            }
        }
    }
    let tagger = Tagger::new(g);
    let t = Instant::now();
    let n = tagger.tag(&text).len();
    println!("tag: {:.0} MB/s ({n} mentions)", mb / t.elapsed().as_secs_f64());
}
