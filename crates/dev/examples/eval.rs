//! The development evaluation's full report (the same scorer as `tests/eval.rs`, without thresholds),
//! for trying a gazetteer change or new annotations before committing them:
//!
//! ```text
//! cargo run --release --example eval -- [--gazetteer FILE]... [--set unit|articles | --texts FILE]
//!                                        [--only PREFIX] [--show] [--no-unlisted] [--unlisted-report]
//! ```
//!
//! - `--set NAME`: one of the two sets (`unit`: texts written for the set, `articles`: real articles);
//!   without `--set` or `--texts`, both are reported one after the other;
//!
//! - `--gazetteer FILE`: add a gazetteer file (TOML or spaCy JSON Lines) on top of the embedded one,
//!   as the CLI's `--gazetteer` does, or a generated `.tsv` layer below it, as `--geonames FILE` does
//!   (repeatable);
//! - `--texts FILE`: another annotated file;
//! - `--only PREFIX`: only the texts whose id starts with PREFIX (`ar`, `fr-03`, ...);
//! - `--show`: also print every text with its gold and predicted mentions side by side;
//! - `--no-unlisted`: score the gazetteer's mentions alone (the CLI's `--no-unlisted`), not the
//!   default output with the names no list holds;
//! - `--unlisted-report`: also score the unlisted names alone against the gold mentions the gazetteer
//!   lacks (`missing:` ids), on a line of their own, with the wrong and missed ones.

use sahel_tagger_dev::scorer;

use std::process::ExitCode;

use sahel_tagger::{GazetteerBuilder, Tagger, Tier};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("eval: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut gazetteers = vec![];
    let mut texts_path = None;
    let mut sets = vec![];
    let mut only = String::new();
    let mut show = false;
    let mut unlisted_report = false;
    let mut options = sahel_tagger::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--gazetteer" => gazetteers.push(value()?),
            "--texts" => texts_path = Some(value()?),
            "--set" => sets.push(value()?),
            "--only" => only = value()?,
            "--show" => show = true,
            "--unlisted-report" => unlisted_report = true,
            "--no-unlisted" => options.unlisted = false,
            "-h" | "--help" => {
                println!(
                    "usage: eval [--gazetteer FILE]... [--set unit|articles | --texts FILE] [--only PREFIX] [--show] [--no-unlisted] [--unlisted-report]"
                );
                return Ok(());
            }
            other => return Err(format!("unknown argument {other:?} (try --help)")),
        }
    }

    let tagger = if gazetteers.is_empty() {
        Tagger::default()
    } else {
        let mut builder = GazetteerBuilder::with_embedded();
        for path in &gazetteers {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            // A generated layer (the GeoNames villages) goes below the curated tier, as the CLI's
            // `--geonames FILE` puts it; anything else is the user's own entries.
            let tier = if path.ends_with(".tsv") { Tier::Geonames } else { Tier::User };
            builder.add_auto(path, &text, tier);
        }
        Tagger::new(builder.build().map_err(|e| e.to_string())?)
    };
    let mut runs: Vec<(String, Vec<scorer::Doc>)> = vec![];
    if let Some(path) = texts_path {
        let jsonl = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        let docs = scorer::load(&jsonl).map_err(|errors| format!("{path}:\n{}", errors.join("\n")))?;
        runs.push((path, docs));
    } else {
        if sets.is_empty() {
            sets = scorer::SETS.iter().map(|(name, _)| name.to_string()).collect();
        }
        for set in sets {
            let title =
                scorer::SETS.iter().find(|(n, _)| *n == set).map_or(set.clone(), |(_, t)| t.to_string());
            let docs =
                scorer::load_set(&set).map_err(|errors| format!("set {set}:\n{}", errors.join("\n")))?;
            runs.push((title, docs));
        }
    }
    for (title, mut docs) in runs {
        docs.retain(|d| d.id.starts_with(&only));
        let id_errors = scorer::check_ids(&docs, tagger.gazetteer());
        if !id_errors.is_empty() {
            return Err(format!("{title}: gold ids do not match the gazetteer:\n{}", id_errors.join("\n")));
        }
        if show {
            for doc in &docs {
                println!("{}", scorer::show(&tagger, doc));
            }
        }
        let mut evaluation = scorer::evaluate_with(&tagger, &docs, &title, &options);
        if unlisted_report {
            evaluation.unlisted = Some(scorer::score_unlisted(&tagger, &docs));
        }
        println!("{}", evaluation.report());
        let (ambiguous, wrong) = ambiguous_accuracy(&tagger, &docs);
        let right = ambiguous - wrong.len();
        let accuracy = if ambiguous == 0 { 0.0 } else { right as f64 / ambiguous as f64 };
        println!("ambiguous mentions: {ambiguous}, linked right: {right} ({accuracy:.3})");
        for line in wrong {
            println!("  {line}");
        }
    }
    Ok(())
}

/// Gold mentions whose exact span the tagger found with more than one candidate (the scorer counts
/// them correct when the gold entity is any candidate): how many, and those whose first candidate is
/// not the gold entity.
fn ambiguous_accuracy(tagger: &Tagger, docs: &[scorer::Doc]) -> (usize, Vec<String>) {
    let (mut ambiguous, mut wrong) = (0, vec![]);
    for doc in docs {
        let mentions = tagger.tag(&doc.text);
        for gold in &doc.gold {
            let Some(m) = mentions.iter().find(|m| m.start == gold.start && m.end == gold.end) else {
                continue;
            };
            if !m.is_ambiguous() {
                continue;
            }
            ambiguous += 1;
            if tagger.entity(m).id != gold.entity_id() {
                let ids: Vec<&str> =
                    m.candidates.iter().map(|&c| tagger.gazetteer().entity(c).id.as_str()).collect();
                let reason = m.reason.map_or("matcher's order", |r| r.as_str());
                wrong.push(format!(
                    "{} {:?}: gold {}, candidates {} ({reason})",
                    doc.id,
                    gold.surface,
                    gold.id,
                    ids.join(", ")
                ));
            }
        }
    }
    (ambiguous, wrong)
}
