//! Counts automaton scan work for two match kinds on the benchmark corpus (for callgrind).
use aho_corasick::{AhoCorasick, Input, MatchKind, StartKind};
use sahel_tagger::fold::{fold, fold_with_origins, Folded};
use sahel_tagger::Gazetteer;

use sahel_tagger_dev::corpus;

#[inline(never)]
fn count_overlapping(ac: &AhoCorasick, hay: &str) -> usize {
    ac.find_overlapping_iter(hay).count()
}

#[inline(never)]
fn count_leftmost_longest(ac: &AhoCorasick, hay: &str) -> usize {
    ac.find_iter(Input::new(hay)).count()
}

fn main() {
    let g = Gazetteer::embedded();
    let text = corpus::news_text(4 << 20, &g, &[], 1);
    let mut folded = Folded::default();
    fold_with_origins(&text, &mut folded);
    let pats: Vec<String> =
        g.entities().iter().flat_map(|e| e.variants.iter().map(|v| fold(&v.text))).collect();
    let std = AhoCorasick::builder().match_kind(MatchKind::Standard).build(&pats).unwrap();
    let ll = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Both)
        .build(&pats)
        .unwrap();
    println!("{} {}", count_overlapping(&std, folded.as_str()), count_leftmost_longest(&ll, folded.as_str()));
}
