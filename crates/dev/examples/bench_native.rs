//! The native contenders of the cross-tool benchmark (`make bench`, see bench/README.md).
//!
//! `bench_native INPUTS OUT.json [RUNS]` reads the inputs `bench_inputs` wrote to INPUTS, writes the
//! derived inputs the other contenders need next to them, and measures, for each gazetteer scale:
//!
//! - our core (`Tagger`): gazetteer build (parse + validate + compile, as `Tagger.fromSources` does in
//!   WebAssembly) and `tag()` throughput on the 10 MB news text, as configured by default (tolerant
//!   matching and the grammar of force names on), without tolerant matching, and with exact matching
//!   only (neither), the three timed in turn within each run so that load changes hit them alike;
//! - the ceiling: a raw `aho-corasick` automaton over the same names folded, leftmost-longest, scanning
//!   the text already folded, with no word boundaries, case rules or offsets back to the original;
//! - folding alone (`fold_with_origins`), the first step of `tag()`.
//!
//! Then peak RSS (VmHWM) of a fresh process that builds the largest tagger (`--memory SCALE`, run as a
//! child of this one). Figures are medians of RUNS runs (default 5) after one warm-up run.
//!
//! Then the adversarial family: inputs built to hit the slow paths of the checks (issue 15), each
//! tagged by the default tagger, with MB/s beside the ordinary news text (see [`adversarial_inputs`]).
//! `bench_native INPUTS OUT.json [RUNS] --only adversarial` measures only that family and updates its
//! part of OUT.json.
//!
//! Scales: `default` (the embedded gazetteer), `5k` and `50k` (the embedded gazetteer plus 5,000 or
//! 50,000 synthetic place names from `crates/dev/src/corpus.rs`, a TSV layer in the GeoNames tier, as
//! `large_gazetteer` builds it), and `geonames` (the embedded gazetteer plus the GeoNames village
//! layer `www/data/geonames.tsv`, when `make geonames` has generated it).
//!
//! Derived inputs written to INPUTS: `tier-5k.tsv`, `tier-50k.tsv` (the layers), `patterns-SCALE.txt`
//! (every distinct folded variant of the scale's gazetteer, for the JavaScript peers) and
//! `variants-SCALE.txt` (the same variants as written, for a peer that folds them itself), `news.folded.txt`
//! and `news-50k.folded.txt` (the texts folded), `news-geonames.txt` (news text naming GeoNames
//! villages), and `hl-500.*`, `hl-5k.*` (the name lists of the page-highlighting benchmark: `.txt` one
//! name per line for mark.js, `.tsv` the same names as a user gazetteer for `Tagger.fromSources`).
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use aho_corasick::{AhoCorasick, MatchKind};
use sahel_tagger::fold::{fold, fold_with_origins, Folded};
use sahel_tagger::gazetteer::tsv;
use sahel_tagger::{Entity, EntityType, Gazetteer, GazetteerBuilder, Matching, Tagger, Tier, Variant};
use serde_json::{json, Value};

use sahel_tagger_dev::corpus;

const GEONAMES: &str = "www/data/geonames.tsv";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--memory") {
        return memory_child(Path::new(&args[1]), &args[2]);
    }
    let usage = "usage: bench_native INPUTS OUT.json [RUNS] [--only adversarial]";
    let only = args.iter().position(|a| a == "--only").map(|i| args.get(i + 1).expect(usage).clone());
    let args: Vec<&String> = match args.iter().position(|a| a == "--only") {
        Some(i) => args[..i].iter().chain(&args[i + 2..]).collect(),
        None => args.iter().collect(),
    };
    let inputs = PathBuf::from(args.first().expect(usage));
    let out = PathBuf::from(args.get(1).expect(usage));
    let runs: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(5);

    let news = read(&inputs, "news.txt");
    match only.as_deref() {
        None => {}
        Some("adversarial") => {
            let mut report: Value = fs::read_to_string(&out)
                .ok()
                .and_then(|text| serde_json::from_str(&text).ok())
                .unwrap_or_else(|| json!({ "runs": runs, "warmup": 1, "scales": {} }));
            report["adversarial"] = adversarial(&news, runs);
            fs::write(&out, serde_json::to_string_pretty(&report).unwrap() + "\n").unwrap();
            eprintln!("native: wrote the adversarial family to {}", out.display());
            return;
        }
        Some(other) => panic!("unknown part {other:?}: {usage}"),
    }
    let news_50k = read(&inputs, "news-50k.txt");
    let names_50k: Vec<String> = read(&inputs, "names-50k.txt").lines().map(str::to_string).collect();
    let geonames = fs::read_to_string(GEONAMES).ok();

    // ---- derived inputs ----
    for (scale, count) in [("5k", 5_000), ("50k", 50_000)] {
        fs::write(inputs.join(format!("tier-{scale}.tsv")), synthetic_layer(&names_50k[..count])).unwrap();
    }
    fs::write(inputs.join("news.folded.txt"), fold(&news)).unwrap();
    fs::write(inputs.join("news-50k.folded.txt"), fold(&news_50k)).unwrap();
    let default = Gazetteer::embedded();
    write_highlight_names(&inputs, &default, &names_50k);

    struct Scale {
        name: &'static str,
        layer: Option<(String, String)>,
        text: String,
        text_file: &'static str,
    }
    let mut scales = vec![
        Scale { name: "default", layer: None, text: news.clone(), text_file: "news.txt" },
        Scale {
            name: "5k",
            layer: Some(layer(&inputs, "tier-5k.tsv")),
            text: news_50k.clone(),
            text_file: "news-50k.txt",
        },
        Scale {
            name: "50k",
            layer: Some(layer(&inputs, "tier-50k.tsv")),
            text: news_50k.clone(),
            text_file: "news-50k.txt",
        },
    ];
    if let Some(geonames) = &geonames {
        let gazetteer = build(Some(&("geonames.tsv".to_string(), geonames.clone())));
        let extra: Vec<String> = gazetteer
            .entities()
            .iter()
            .filter(|e| e.tier == Tier::Geonames)
            .flat_map(|e| e.variants.iter().map(|v| v.text.clone()))
            .collect();
        let text = corpus::news_text(news.len(), &gazetteer, &extra, 3);
        fs::write(inputs.join("news-geonames.txt"), &text).unwrap();
        fs::write(inputs.join("news-geonames.folded.txt"), fold(&text)).unwrap();
        scales.push(Scale {
            name: "geonames",
            layer: Some(("geonames.tsv".to_string(), geonames.clone())),
            text,
            text_file: "news-geonames.txt",
        });
    }

    // ---- measurements ----
    let mut results = serde_json::Map::new();
    for scale in &scales {
        eprintln!("native: {} ...", scale.name);
        let layer = scale.layer.as_ref();
        let gazetteer = build(layer);
        let build_ms = median_ms(runs, || {
            let tagger = Tagger::new(build(layer));
            std::hint::black_box(tagger.pattern_count());
        });
        let compile_ms = median_ms(runs, || {
            std::hint::black_box(Tagger::new(gazetteer.clone()).pattern_count());
        });
        let tagger = Tagger::new(gazetteer.clone());
        let no_tolerant =
            Tagger::with_matching(gazetteer.clone(), Matching { tolerant: false, grammar: true });
        let exact = Tagger::with_matching(gazetteer.clone(), Matching::EXACT);
        let (mut mentions, mut no_tolerant_mentions, mut exact_mentions) = (0, 0, 0);
        let [tag_ms, no_tolerant_ms, exact_ms] = interleaved_median_ms(
            runs,
            [
                &mut || mentions = std::hint::black_box(tagger.tag(&scale.text)).len(),
                &mut || no_tolerant_mentions = std::hint::black_box(no_tolerant.tag(&scale.text)).len(),
                &mut || exact_mentions = std::hint::black_box(exact.tag(&scale.text)).len(),
            ],
        );

        let mut folded = Folded::default();
        let fold_ms = median_ms(runs, || fold_with_origins(&scale.text, &mut folded));

        let mut seen = HashSet::new();
        let patterns: Vec<String> = gazetteer
            .entities()
            .iter()
            .flat_map(|e| e.variants.iter().map(|v| fold(&v.text)))
            .filter(|p| !p.is_empty() && seen.insert(p.clone()))
            .collect();
        fs::write(inputs.join(format!("patterns-{}.txt", scale.name)), patterns.join("\n") + "\n").unwrap();
        let mut seen = HashSet::new();
        let variants: Vec<&str> = gazetteer
            .entities()
            .iter()
            .flat_map(|e| e.variants.iter().map(|v| v.text.as_str()))
            .filter(|v| seen.insert(*v))
            .collect();
        fs::write(inputs.join(format!("variants-{}.txt", scale.name)), variants.join("\n") + "\n").unwrap();
        let folded_text = fold(&scale.text);
        let raw_build =
            || AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&patterns).unwrap();
        let raw_build_ms = median_ms(runs, || {
            std::hint::black_box(raw_build());
        });
        let raw = raw_build();
        let mut raw_matches = 0;
        let raw_ms = median_ms(runs, || raw_matches = raw.find_iter(folded_text.as_str()).count());

        let mb = scale.text.len() as f64 / 1e6;
        results.insert(
            scale.name.to_string(),
            json!({
                "text": scale.text_file,
                "text_bytes": scale.text.len(),
                "folded_bytes": folded_text.len(),
                "entities": gazetteer.entities().len(),
                "variants": gazetteer.entities().iter().map(|e| e.variants.len()).sum::<usize>(),
                "patterns": tagger.pattern_count(),
                "ours": {
                    "build_ms": build_ms,
                    "compile_ms": compile_ms,
                    "tag_ms": tag_ms,
                    "mb_s": mb / (tag_ms / 1e3),
                    "mentions": mentions,
                    "automaton_bytes": tagger.automaton_memory(),
                },
                "ours_without_tolerant": {
                    "tag_ms": no_tolerant_ms,
                    "mb_s": mb / (no_tolerant_ms / 1e3),
                    "mentions": no_tolerant_mentions,
                },
                "ours_exact_only": {
                    "tag_ms": exact_ms,
                    "mb_s": mb / (exact_ms / 1e3),
                    "mentions": exact_mentions,
                },
                "fold": { "ms": fold_ms, "mb_s": mb / (fold_ms / 1e3) },
                "raw_aho_corasick": {
                    "kind": format!("{:?}", raw.kind()),
                    "patterns": patterns.len(),
                    "build_ms": raw_build_ms,
                    "scan_ms": raw_ms,
                    "mb_s": mb / (raw_ms / 1e3),
                    "matches": raw_matches,
                    "automaton_bytes": raw.memory_usage(),
                },
            }),
        );
    }

    // ---- memory: a fresh process per measurement, so earlier work does not raise the peak ----
    let largest = if geonames.is_some() { vec!["50k", "geonames"] } else { vec!["50k"] };
    let mut memory = serde_json::Map::new();
    for scale in largest {
        let output = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--memory", inputs.to_str().unwrap(), scale])
            .output()
            .expect("memory child");
        let value: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(
            |e| json!({ "error": format!("{e}: {}", String::from_utf8_lossy(&output.stderr)) }),
        );
        memory.insert(scale.to_string(), value);
    }

    let report = json!({
        "runs": runs,
        "warmup": 1,
        "names": "synthetic (benches/corpus synthetic_names, seed 7) over the embedded gazetteer",
        "geonames": geonames.is_some(),
        "scales": results,
        "memory": memory,
        "adversarial": adversarial(&news, runs),
    });
    fs::write(&out, serde_json::to_string_pretty(&report).unwrap() + "\n").unwrap();
    eprintln!("native: wrote {}", out.display());
}

/// Size of each adversarial input: about the 2.4 MB line of issue 15.
const ADVERSARIAL_BYTES: usize = 2_400_000;

/// The adversarial inputs: `(key, what it is, text)`. Each is built to make one check or one step do as
/// much work as it can per byte; they are one line each (the all-caps rule looks along lines), about
/// [`ADVERSARIAL_BYTES`] long except the repeated names, and longer than a folding window (1 MiB).
fn adversarial_inputs(news: &str, gazetteer: &Gazetteer) -> Vec<(&'static str, &'static str, String)> {
    let fill = |unit: &str| unit.repeat(ADVERSARIAL_BYTES.div_ceil(unit.len()).max(1));
    let one_line = |text: &str| text.replace(['\n', '\r'], " ");
    let mut caps: String = one_line(news).to_uppercase();
    caps.truncate((0..=ADVERSARIAL_BYTES.min(caps.len())).rev().find(|&i| caps.is_char_boundary(i)).unwrap());
    let names = ["Burkina Faso", "JNIM", "Jama'at Nusrat al-Islam wal-Muslimin", "تمبكتو", "EI"];
    let repeated: String = names.iter().map(|n| format!("{n} ").repeat(10_000)).collect();
    let glued: String =
        gazetteer.entities().iter().flat_map(|e| e.variants.iter().map(|v| v.text.as_str())).collect();
    let marked: String = names
        .iter()
        .map(|n| {
            let mark = if n.chars().any(|c| c > '\u{600}') { "\u{64E}" } else { "\u{301}" };
            n.chars().map(|c| format!("{c}{}", mark.repeat(200))).collect::<String>() + " "
        })
        .collect();
    vec![
        (
            "acronym-line",
            "one line of \"selon l'EI, \" repeats (the 2.4 MB line of issue 15)",
            fill("selon l'EI, "),
        ),
        ("all-caps", "the news text in capitals, on one line", caps),
        ("repeated-names", "five names 10,000 times each, on one line", repeated),
        (
            "glued-variants",
            "every variant of the gazetteer back to back, no separator, repeated",
            fill(&glued),
        ),
        ("mark-runs", "the five names with 200 combining marks after every letter, repeated", fill(&marked)),
        (
            "stretched-names",
            "\"Burkina\" + 3,000 spaces + \"Faso\", repeated (window edges)",
            fill(&format!("Burkina{}Faso. ", " ".repeat(3_000))),
        ),
    ]
}

/// Measures `tag()` of the default tagger on each adversarial input and on the news text.
fn adversarial(news: &str, runs: usize) -> Value {
    let tagger = Tagger::default();
    let mut family = serde_json::Map::new();
    let mut measure = |key: &str, what: &str, text: &str| {
        eprintln!("native: adversarial {key} ...");
        let mut mentions = 0;
        let tag_ms = median_ms(runs, || mentions = std::hint::black_box(tagger.tag(text)).len());
        let mb = text.len() as f64 / 1e6;
        family.insert(
            key.to_string(),
            json!({ "what": what, "bytes": text.len(), "tag_ms": tag_ms, "mb_s": mb / (tag_ms / 1e3), "mentions": mentions }),
        );
    };
    measure("news", "the ordinary news text (news.txt), for comparison", news);
    for (key, what, text) in adversarial_inputs(news, tagger.gazetteer()) {
        measure(key, what, &text);
    }
    Value::Object(family)
}

/// Peak RSS in a fresh process: before building, after building SCALE's tagger, after tagging the text.
fn memory_child(inputs: &Path, scale: &str) {
    let (layer, text_file) = match scale {
        "geonames" => {
            (("geonames.tsv".to_string(), fs::read_to_string(GEONAMES).unwrap()), "news-geonames.txt")
        }
        _ => (layer(inputs, &format!("tier-{scale}.tsv")), "news-50k.txt"),
    };
    let text = read(inputs, text_file);
    let before = vm_hwm_kb();
    let tagger = Tagger::new(build(Some(&layer)));
    let built = vm_hwm_kb();
    let mentions = tagger.tag(&text).len();
    let tagged = vm_hwm_kb();
    let value = json!({
        "scale": scale,
        "vm_hwm_kb_inputs_loaded": before,
        "vm_hwm_kb_after_build": built,
        "vm_hwm_kb_after_tag": tagged,
        "automaton_bytes": tagger.automaton_memory(),
        "mentions": mentions,
    });
    println!("{value}");
}

fn vm_hwm_kb() -> u64 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap_or_else(|e| {
        panic!("{}: {e} (run `cargo run --release --example bench_inputs`)", dir.join(name).display())
    })
}

fn layer(dir: &Path, name: &str) -> (String, String) {
    (name.to_string(), read(dir, name))
}

/// The gazetteer of a scale, the way `Tagger.fromSources(layer, includeDefault = true)` builds it.
fn build(layer: Option<&(String, String)>) -> Gazetteer {
    match layer {
        None => Gazetteer::embedded(),
        Some((name, text)) => {
            let mut builder = GazetteerBuilder::with_embedded();
            builder.add_tsv(name, text, Tier::Geonames);
            builder.build().expect("benchmark gazetteer loads")
        }
    }
}

/// The synthetic names as a generated layer: one place entity per name, as `large_gazetteer` does.
fn synthetic_layer(names: &[String]) -> String {
    let mut out = format!("{} 1\tsynthetic benchmark names (benches/corpus)\n", tsv::HEADER_PREFIX);
    for (i, name) in names.iter().enumerate() {
        out.push_str(&tsv::format_entity(&entity(format!("synthetic:{i}"), name)));
        out.push('\n');
    }
    out
}

fn entity(id: String, name: &str) -> Entity {
    let mut entity = Entity::new(id, name, EntityType::Place);
    entity.variants = vec![Variant::new(name)];
    entity
}

/// Name lists for the highlighting benchmark: 500 names (every 7th distinct variant of the embedded
/// gazetteer, distinct once folded) and 5,000 (every distinct variant of the embedded gazetteer, then
/// synthetic names up to 5,000), as plain lists and as user gazetteers (any case).
fn write_highlight_names(dir: &Path, default: &Gazetteer, synthetic: &[String]) {
    let mut seen = HashSet::new();
    let distinct: Vec<&str> = default
        .entities()
        .iter()
        .flat_map(|e| e.variants.iter().map(|v| v.text.as_str()))
        .filter(|v| seen.insert(fold(v)))
        .collect();
    let five_hundred: Vec<&str> = distinct.iter().step_by(7).take(500).copied().collect();
    let mut five_k = distinct.clone();
    five_k.extend(
        synthetic.iter().map(String::as_str).filter(|v| seen.insert(fold(v))).take(5_000 - distinct.len()),
    );
    for (label, names) in [("500", &five_hundred), ("5k", &five_k)] {
        fs::write(dir.join(format!("hl-{label}.txt")), names.join("\n") + "\n").unwrap();
        let mut layer = format!("{} 1\thighlighting benchmark names\n", tsv::HEADER_PREFIX);
        for (i, name) in names.iter().enumerate() {
            layer.push_str(&tsv::format_entity(&entity(format!("hl:{i}"), name)));
            layer.push('\n');
        }
        fs::write(dir.join(format!("hl-{label}.tsv")), layer).unwrap();
    }
}

/// Median wall times in milliseconds of `runs` calls of each function, after one warm-up call of each;
/// each run calls them all in turn.
fn interleaved_median_ms<const N: usize>(runs: usize, mut fs: [&mut dyn FnMut(); N]) -> [f64; N] {
    fs.iter_mut().for_each(|f| f());
    let mut times: [Vec<f64>; N] = std::array::from_fn(|_| vec![]);
    for _ in 0..runs.max(1) {
        for (f, times) in fs.iter_mut().zip(&mut times) {
            let t = Instant::now();
            f();
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    times.map(median)
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(|a, b| a.total_cmp(b));
    let n = times.len();
    if n % 2 == 1 {
        times[n / 2]
    } else {
        (times[n / 2 - 1] + times[n / 2]) / 2.0
    }
}

/// Median wall time in milliseconds of `runs` calls, after one warm-up call.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let [ms] = interleaved_median_ms(runs, [&mut f]);
    ms
}
