//! Writes the benchmark inputs to files, so tools in other languages tag the very same bytes:
//! `bench_inputs OUT_DIR [MB]` writes `news.txt` (default gazetteer names), `news-50k.txt` and
//! `names-50k.txt` (one synthetic name per line), `names-5k.txt`, and `default-names.txt` (every
//! variant of the embedded gazetteer, one per line).
use std::fs;
use std::path::PathBuf;

use sahel_tagger::Gazetteer;

use sahel_tagger_dev::corpus;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().expect("usage: bench_inputs OUT_DIR [MB]"));
    let mb: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    fs::create_dir_all(&out).expect("output folder");
    let default = Gazetteer::embedded();
    let names = corpus::synthetic_names(50_000, 7);
    let large = corpus::large_gazetteer(&names);
    fs::write(out.join("news.txt"), corpus::news_text(mb << 20, &default, &[], 1)).unwrap();
    fs::write(out.join("news-50k.txt"), corpus::news_text(mb << 20, &large, &names, 2)).unwrap();
    fs::write(out.join("names-50k.txt"), names.join("\n") + "\n").unwrap();
    fs::write(out.join("names-5k.txt"), names[..5000].join("\n") + "\n").unwrap();
    let variants: Vec<String> =
        default.entities().iter().flat_map(|e| e.variants.iter().map(|v| v.text.clone())).collect();
    fs::write(out.join("default-names.txt"), variants.join("\n") + "\n").unwrap();
    println!("wrote {} MB texts and name lists to {}", mb, out.display());
}
