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
    /// A generated layer (TSV, e.g. the GeoNames villages from `gazetteer geonames`) to add below the
    /// curated tier. Defaults to $SAHEL_TAGGER_EXTENDED when that is set.
    #[arg(long, value_name = "FILE", env = "SAHEL_TAGGER_EXTENDED")]
    pub extended: Option<PathBuf>,
}

impl GazetteerArgs {
    /// Loads and validates the gazetteer these arguments describe.
    pub fn load(&self) -> Result<Gazetteer, String> {
        let mut builder =
            if self.no_default { GazetteerBuilder::new() } else { GazetteerBuilder::with_embedded() };
        for file in &self.files {
            let text = read_text(file)?;
            builder.add_auto(&file.display().to_string(), &text, Tier::User);
        }
        if let Some(file) = &self.extended {
            let text = read_text(file)?;
            builder.add_tsv(&file.display().to_string(), &text, Tier::Extended);
        }
        builder.build().map_err(|e| e.to_string())
    }
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
