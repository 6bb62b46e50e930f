//! The command-line interface, one module per subcommand.

pub mod gazetteer;
pub mod tag;

use std::path::{Path, PathBuf};

use clap::Args;
use sahel_tagger::{Gazetteer, GazetteerBuilder, Tier};

/// Which gazetteer to use: the embedded one, the user's files over (or instead of) it, and an optional
/// generated layer.
#[derive(Args, Clone, Debug, Default)]
pub struct GazetteerArgs {
    /// A gazetteer file to add over the embedded one (TOML, spaCy patterns JSONL or generated TSV);
    /// repeatable. Its entries override embedded entities with the same id.
    #[arg(short = 'g', long = "gazetteer", value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Use only the files given with --gazetteer, not the embedded gazetteer.
    #[arg(long)]
    pub no_default: bool,
    /// The GeoNames village layer, below the curated tier: `auto` (the layer built by `make www` if it
    /// is there, else generated from the GeoNames dumps if they are found; else none), `off`, or a
    /// layer file (TSV from `gazetteer geonames`).
    #[arg(long, value_name = "auto|off|FILE", env = "SAHEL_TAGGER_EXTENDED", default_value = "auto")]
    pub extended: String,
}

/// Where `auto` looks for the built layer and for the dumps, relative to the source tree this binary was
/// built from (the binary is run from that checkout, by `make` or `target/release/sahel-tagger`).
const SOURCE_TREE: &str = env!("CARGO_MANIFEST_DIR");

impl GazetteerArgs {
    /// Loads and validates the gazetteer these arguments describe.
    pub fn load(&self) -> Result<Gazetteer, String> {
        let mut builder =
            if self.no_default { GazetteerBuilder::new() } else { GazetteerBuilder::with_embedded() };
        let mut names = vec![];
        for file in &self.files {
            let text = read_text(file)?;
            let name = file.display().to_string();
            builder.add_auto(&name, &text, Tier::User);
            names.push(name);
        }
        match self.extended.as_str() {
            "off" | "none" => {}
            "auto" => {
                if let Some((name, text)) = auto_extended_layer() {
                    builder.add_tsv(&name, &text, Tier::Extended);
                }
            }
            file => {
                let path = PathBuf::from(file);
                let text = read_text(&path)?;
                builder.add_tsv(file, &text, Tier::Extended);
            }
        }
        let gazetteer = builder.build().map_err(|e| e.to_string())?;
        // The warnings about the user's own files (a token pattern skipped, a one-letter variant, a
        // spelling shared with another entity), on standard error: the output is unchanged.
        for warning in gazetteer.diagnostics().iter().filter(|d| names.contains(&d.source)) {
            eprintln!("sahel-tagger: {warning}");
        }
        Ok(gazetteer)
    }
}

/// The village layer for `--extended auto`: the built file, or one generated now from the dumps.
fn auto_extended_layer() -> Option<(String, String)> {
    let built = Path::new(SOURCE_TREE).join("www/data/geonames.tsv");
    if let Ok(text) = std::fs::read_to_string(&built) {
        return Some((built.display().to_string(), text));
    }
    let dir = std::env::var_os("SAHEL_GEONAMES_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(SOURCE_TREE).join("../shared/geonames"));
    let layer =
        gazetteer::generate_layer(&dir, &gazetteer::DEFAULT_COUNTRIES, &gazetteer::default_word_lists())
            .ok()?;
    Some((format!("{} (generated)", dir.display()), layer))
}

/// Reads a UTF-8 text file, with an error message that names it.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}
