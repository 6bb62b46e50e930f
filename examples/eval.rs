//! The development evaluation's full report (the same scorer as `tests/eval.rs`, without thresholds),
//! for trying a gazetteer change or new annotations before committing them:
//!
//! ```text
//! cargo run --release --example eval -- [--gazetteer FILE]... [--texts FILE] [--only PREFIX] [--show]
//! ```
//!
//! - `--gazetteer FILE`: add a gazetteer file (TOML, TSV or spaCy JSON Lines) on top of the embedded one,
//!   as the CLI's `--gazetteer` does (repeatable);
//! - `--texts FILE`: another annotated file (default `tests/eval/texts.jsonl`);
//! - `--only PREFIX`: only the texts whose id starts with PREFIX (`ar`, `fr-03`, ...);
//! - `--show`: also print every text with its gold and predicted mentions side by side.

#[path = "../tests/eval/scorer.rs"]
mod scorer;

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
    let mut texts_path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/eval/texts.jsonl").to_string();
    let mut only = String::new();
    let mut show = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--gazetteer" => gazetteers.push(value()?),
            "--texts" => texts_path = value()?,
            "--only" => only = value()?,
            "--show" => show = true,
            "-h" | "--help" => {
                println!("usage: eval [--gazetteer FILE]... [--texts FILE] [--only PREFIX] [--show]");
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
            builder.add_auto(path, &text, Tier::User);
        }
        Tagger::new(builder.build().map_err(|e| e.to_string())?)
    };
    let jsonl = std::fs::read_to_string(&texts_path).map_err(|e| format!("{texts_path}: {e}"))?;
    let mut docs = scorer::load(&jsonl).map_err(|errors| format!("{texts_path}:\n{}", errors.join("\n")))?;
    docs.retain(|d| d.id.starts_with(&only));
    let id_errors = scorer::check_ids(&docs, tagger.gazetteer());
    if !id_errors.is_empty() {
        return Err(format!("gold ids do not match the gazetteer:\n{}", id_errors.join("\n")));
    }

    if show {
        for doc in &docs {
            println!("{}", scorer::show(&tagger, doc));
        }
    }
    print!("{}", scorer::evaluate(&tagger, &docs).report());
    Ok(())
}
