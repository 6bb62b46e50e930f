//! `sahel-tagger gazetteer ...`: validate, count and export gazetteers.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use sahel_tagger::{GazetteerBuilder, Severity, Tier};

use super::{read_text, GazetteerArgs};

/// Gazetteer subcommands.
#[derive(Subcommand)]
pub enum GazetteerCommand {
    /// Validate gazetteer files (none given: the embedded gazetteer). Exits non-zero on any error.
    ///
    /// Files are checked over the embedded gazetteer, as the tagger would load them, so that parents
    /// resolve and spellings shared with embedded entities are reported; --alone checks them by themselves.
    Check {
        /// Files to check (TOML, spaCy patterns JSONL, or generated TSV).
        files: Vec<PathBuf>,
        /// Check the files by themselves, without the embedded gazetteer.
        #[arg(long)]
        alone: bool,
        /// Do not print warnings.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Print entity and variant counts per type (as JSON with --json).
    Stats {
        #[command(flatten)]
        gazetteer: GazetteerArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write every entity as JSON (an array) or as a generated layer (TSV).
    Export {
        #[command(flatten)]
        gazetteer: GazetteerArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
    },
}

/// Formats of `gazetteer export`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    /// A JSON array of entities.
    Json,
    /// The generated-layer TSV format.
    Tsv,
}

/// Runs a gazetteer subcommand.
pub fn run(command: GazetteerCommand) -> Result<ExitCode, String> {
    match command {
        GazetteerCommand::Check { files, alone, quiet } => check(&files, alone, quiet),
        GazetteerCommand::Stats { gazetteer, json } => {
            let stats = gazetteer.load()?.stats();
            if json {
                println!("{}", serde_json::to_string_pretty(&stats).expect("serializable"));
            } else {
                println!(
                    "gazetteer {}: {} entities, {} variants ({} shared by several entities)",
                    stats.version, stats.entities, stats.variants, stats.ambiguous_variants
                );
                println!("{:<14} {:>8} {:>9} {:>12}", "type", "entities", "variants", "with Arabic");
                for (kind, t) in &stats.by_type {
                    println!("{:<14} {:>8} {:>9} {:>12}", kind, t.entities, t.variants, t.with_arabic);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        GazetteerCommand::Export { gazetteer, format } => {
            let gazetteer = gazetteer.load()?;
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let result = match format {
                ExportFormat::Json => serde_json::to_writer_pretty(&mut out, gazetteer.entities())
                    .map_err(|e| e.to_string())
                    .and_then(|_| writeln!(out).map_err(|e| e.to_string())),
                ExportFormat::Tsv => {
                    let mut text = format!(
                        "{} 1\texported from sahel-tagger\n",
                        sahel_tagger::gazetteer::tsv::HEADER_PREFIX
                    );
                    for entity in gazetteer.entities() {
                        text.push_str(&sahel_tagger::gazetteer::tsv::format_entity(entity));
                        text.push('\n');
                    }
                    out.write_all(text.as_bytes()).map_err(|e| e.to_string())
                }
            };
            result.and_then(|_| out.flush().map_err(|e| e.to_string()))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn check(files: &[PathBuf], alone: bool, quiet: bool) -> Result<ExitCode, String> {
    let mut builder =
        if files.is_empty() || !alone { GazetteerBuilder::with_embedded() } else { GazetteerBuilder::new() };
    for file in files {
        let text = read_text(file)?;
        let tier = if alone { Tier::Curated } else { Tier::User };
        builder.add_auto(&file.display().to_string(), &text, tier);
    }
    let (diagnostics, summary) = match builder.build() {
        Ok(gazetteer) => {
            let stats = gazetteer.stats();
            (
                gazetteer.diagnostics().to_vec(),
                format!("{} entities, {} variants", stats.entities, stats.variants),
            )
        }
        Err(e) => (e.diagnostics, "not usable".to_string()),
    };
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = diagnostics.len() - errors;
    for d in &diagnostics {
        if d.severity == Severity::Error || !quiet {
            println!("{d}");
        }
    }
    println!("{summary}: {errors} error(s), {warnings} warning(s)");
    Ok(if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
