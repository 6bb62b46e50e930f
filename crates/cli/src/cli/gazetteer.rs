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
    /// Generate the GeoNames layer (villages and administrative units) from GeoNames country dumps.
    ///
    /// Reads DIR/XX.txt for each country code, leaves out what the embedded gazetteer already has,
    /// applies the precision rules (capitalized-only spellings; common words, personal names, very
    /// short and widely shared names flagged "possible"), and writes a layer (TSV) that
    /// `tag --geonames` and the page load. GeoNames data is CC BY 4.0, © GeoNames.
    Geonames {
        /// Folder with the GeoNames dumps (ML.txt, BF.txt, NE.txt, ...).
        #[arg(long, env = "SAHEL_GEONAMES_DIR", default_value = "../shared/geonames")]
        dir: PathBuf,
        /// Country codes to read.
        #[arg(long, value_delimiter = ',', default_value = "ML,BF,NE")]
        countries: Vec<String>,
        /// Word lists of common words (one per line); missing files are skipped with a warning.
        #[arg(
            long,
            value_delimiter = ',',
            default_value = "/usr/share/dict/french,/usr/share/dict/american-english"
        )]
        words: Vec<PathBuf>,
        /// Output file.
        #[arg(long, short)]
        out: PathBuf,
    },
    /// Write the table of GeoNames first- and second-level administrative units (ADM1, ADM2) that the
    /// library embeds (src/admin_units.tsv) to give every place its admin1 and admin2 names.
    ///
    /// Reads DIR/XX.txt for each country code found; GeoNames data is CC BY 4.0, © GeoNames.
    AdminUnits {
        /// Folder with the GeoNames dumps (ML.txt, BF.txt, NE.txt, ...).
        #[arg(long, env = "SAHEL_GEONAMES_DIR", default_value = "../shared/geonames")]
        dir: PathBuf,
        /// Country codes to read (those without a dump are skipped).
        #[arg(long, value_delimiter = ',', default_value = "ML,BF,NE,MR,SN,GN,CI")]
        countries: Vec<String>,
        /// Output file.
        #[arg(long, short)]
        out: PathBuf,
    },
    /// Precompile a layer (a generated TSV such as the GeoNames layer, or any gazetteer source) into
    /// the binary format the page fetches: its entities with every field and each spelling already
    /// folded, loaded without parsing or folding (`make geonames` writes www/data/geonames.bin.gz).
    ///
    /// The file is checked over the embedded gazetteer, as the tagger loads it; only its own entities
    /// are written.
    Compile {
        /// The source to compile (TSV layer, TOML or spaCy patterns JSONL).
        file: PathBuf,
        /// The tier its entities load in.
        #[arg(long, default_value = "geonames")]
        tier: String,
        /// Output file.
        #[arg(long, short)]
        out: PathBuf,
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
        GazetteerCommand::Geonames { dir, countries, words, out } => geonames(&dir, &countries, &words, &out),
        GazetteerCommand::AdminUnits { dir, countries, out } => admin_units(&dir, &countries, &out),
        GazetteerCommand::Compile { file, tier, out } => compile(&file, &tier, &out),
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
                    let text = sahel_tagger::gazetteer::tsv::format_layer(
                        "exported from sahel-tagger",
                        gazetteer.entities(),
                    );
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
        let generated = file.extension().is_some_and(|x| x.eq_ignore_ascii_case("tsv"));
        let tier = if generated {
            Tier::Geonames
        } else if alone {
            Tier::Curated
        } else {
            Tier::User
        };
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

/// Country dumps read by default: the three countries the tagger is about.
pub const DEFAULT_COUNTRIES: [&str; 3] = ["ML", "BF", "NE"];

/// Debian's French and English word lists (packages wfrench, wamerican).
pub fn default_word_lists() -> Vec<PathBuf> {
    vec![PathBuf::from("/usr/share/dict/french"), PathBuf::from("/usr/share/dict/american-english")]
}

/// Generates the GeoNames layer as TSV text. Missing word lists only weaken the "possible" flags.
pub fn generate_layer(
    dir: &std::path::Path,
    countries: &[impl AsRef<str>],
    words: &[PathBuf],
) -> Result<String, String> {
    use sahel_tagger::gazetteer::{geonames, tsv};
    let codes: Vec<String> = countries.iter().map(|c| c.as_ref().trim().to_ascii_uppercase()).collect();
    if codes.is_empty() || !dir.join(format!("{}.txt", codes[0])).is_file() {
        return Err(format!("no GeoNames dumps at {} (set SAHEL_GEONAMES_DIR or --dir)", dir.display()));
    }
    let mut dumps = vec![];
    for code in &codes {
        let path = dir.join(format!("{code}.txt"));
        dumps.push((path.display().to_string(), read_text(&path)?));
    }
    let mut options = geonames::Options::default();
    for list in words {
        if let Ok(text) = std::fs::read_to_string(list) {
            options.add_word_list(&text);
        }
    }
    let (entities, report) = geonames::generate(&dumps, &sahel_tagger::Gazetteer::embedded(), &options);
    let description = format!(
        "GeoNames extract ({}), CC BY 4.0, (c) GeoNames (geonames.org); generated by sahel-tagger {}; {} places, {} spellings",
        codes.join(" "),
        env!("CARGO_PKG_VERSION"),
        report.places,
        report.variants,
    );
    Ok(tsv::format_layer(&description, &entities))
}

fn compile(file: &std::path::Path, tier: &str, out: &std::path::Path) -> Result<ExitCode, String> {
    let tier = Tier::parse(tier)
        .ok_or_else(|| format!("unknown tier \"{tier}\" (expected user, curated or geonames)"))?;
    let text = read_text(file)?;
    let name =
        file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().to_string());
    // A TSV layer's first line says where it comes from and its licence: kept as the binary's source.
    let label = match text.lines().next() {
        Some(first) if first.starts_with(sahel_tagger::gazetteer::tsv::HEADER_PREFIX) => {
            first.split_once('\t').map_or(name.clone(), |(_, about)| about.to_string())
        }
        _ => name.clone(),
    };
    let mut builder = GazetteerBuilder::with_embedded();
    builder.add_auto(&name, &text, tier);
    let (bytes, count) = builder.compile(tier, &label).map_err(|e| e.to_string())?;
    std::fs::write(out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!("{}: {count} entities, {} bytes", out.display(), bytes.len());
    Ok(ExitCode::SUCCESS)
}

fn geonames(
    dir: &std::path::Path,
    countries: &[String],
    words: &[PathBuf],
    out: &std::path::Path,
) -> Result<ExitCode, String> {
    for list in words {
        if !list.is_file() {
            eprintln!(
                "sahel-tagger: warning: word list {} not found; common words will not be flagged",
                list.display()
            );
        }
    }
    let text = generate_layer(dir, countries, words)?;
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(out, &text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    let summary = text.lines().next().unwrap_or_default().rsplit("; ").next().unwrap_or_default();
    eprintln!("{}: {summary} (GeoNames, CC BY 4.0)", out.display());
    Ok(ExitCode::SUCCESS)
}

fn admin_units(
    dir: &std::path::Path,
    countries: &[String],
    out: &std::path::Path,
) -> Result<ExitCode, String> {
    let mut dumps = vec![];
    for code in countries {
        let path = dir.join(format!("{}.txt", code.trim().to_ascii_uppercase()));
        if path.is_file() {
            dumps.push((path.display().to_string(), read_text(&path)?));
        }
    }
    if dumps.is_empty() {
        return Err(format!("no GeoNames dumps at {} (set SAHEL_GEONAMES_DIR or --dir)", dir.display()));
    }
    let text = sahel_tagger::gazetteer::geonames::admin_units(&dumps, &sahel_tagger::Gazetteer::embedded());
    std::fs::write(out, &text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!("{}: {} units (GeoNames, CC BY 4.0)", out.display(), text.lines().count() - 2);
    Ok(ExitCode::SUCCESS)
}
