//! Tags the benchmark corpus once (for profilers such as callgrind): `tag_file [MB] [large]`.
use sahel_tagger::{Gazetteer, Tagger};

use sahel_tagger_dev::corpus;

fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    let large = std::env::args().nth(2).is_some();
    let g = Gazetteer::embedded();
    let (tagger, text) = if large {
        let names = corpus::synthetic_names(50_000, 7);
        let big = corpus::large_gazetteer(&names);
        let text = corpus::news_text(mb << 20, &big, &names, 2);
        (Tagger::new(big), text)
    } else {
        let text = corpus::news_text(mb << 20, &g, &[], 1);
        (Tagger::new(g), text)
    };
    let n = tagger.tag(&text).len();
    println!("{n} mentions in {} bytes", text.len());
}
