//! The command-line interface, one module per subcommand.

pub mod gazetteer;
pub mod tag;

use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use clap::Args;
use sahel_tagger::gazetteer::precompiled;
use sahel_tagger::{Gazetteer, GazetteerBuilder, Tier};

/// Which gazetteer to use: the embedded one, the user's files over (or instead of) it, and the optional
/// GeoNames layer.
#[derive(Args, Clone, Debug, Default)]
pub struct GazetteerArgs {
    /// A gazetteer file to add over the embedded one (TOML, spaCy patterns JSONL, generated TSV, or a
    /// layer precompiled by `gazetteer compile`); repeatable. Its entries override embedded entities with the same id.
    #[arg(short = 'g', long = "gazetteer", value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Use only the files given with --gazetteer, not the embedded gazetteer.
    #[arg(long)]
    pub no_default: bool,
    /// The GeoNames layer (villages and administrative units), below the curated tier: `auto` (the
    /// layer built by `make www` if it is there, else generated from the GeoNames dumps if they are
    /// found; else none), `off`, or a layer file (TSV from `gazetteer geonames`, or precompiled by
    /// `gazetteer compile`). Default: `auto`.
    // `--extended` and $SAHEL_TAGGER_EXTENDED, its former names, are hidden aliases (see `load`).
    #[arg(long, alias = "extended", value_name = "auto|off|FILE", env = "SAHEL_TAGGER_GEONAMES")]
    pub geonames: Option<String>,
}

/// The environment variable `--geonames` had before it was named so; still honoured.
const OLD_GEONAMES_ENV: &str = "SAHEL_TAGGER_EXTENDED";

/// Where `auto` looks for the built layer and for the dumps, relative to the source tree this binary was
/// built from (the binary is run from that checkout, by `make` or `target/release/sahel-tagger`): the
/// repository root, two levels above this crate.
const SOURCE_TREE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

impl GazetteerArgs {
    /// Loads and validates the gazetteer these arguments describe.
    pub fn load(&self) -> Result<Gazetteer, String> {
        let mut builder =
            if self.no_default { GazetteerBuilder::new() } else { GazetteerBuilder::with_embedded() };
        let mut names = vec![];
        for file in &self.files {
            let name = add_file(&mut builder, file, Tier::User)?;
            names.push(name);
        }
        let geonames = self.geonames.clone().or_else(|| std::env::var(OLD_GEONAMES_ENV).ok());
        match geonames.as_deref().unwrap_or("auto") {
            "off" | "none" => {}
            "auto" => {
                if let Some((name, text)) = auto_geonames_layer() {
                    builder.add_tsv(&name, &text, Tier::Geonames);
                }
            }
            file => {
                add_file(&mut builder, Path::new(file), Tier::Geonames)?;
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

/// Adds one gazetteer file to `builder` in `tier`, and returns its name: a precompiled layer
/// (`gazetteer compile`, told by its magic) as it is, a text file by its format (a GeoNames layer as
/// TSV). A gzipped file is refused with a way out.
fn add_file(builder: &mut GazetteerBuilder, path: &Path, tier: Tier) -> Result<String, String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    if precompiled::is_precompiled(&bytes) {
        builder.add_precompiled(&name, &bytes, tier);
    } else if bytes.starts_with(&[0x1f, 0x8b]) {
        return Err(format!("{name} is gzip-compressed: decompress it first (gunzip -k {name})"));
    } else {
        let text = read_text(path)?;
        match tier {
            Tier::Geonames => builder.add_tsv(&name, &text, tier),
            _ => builder.add_auto(&name, &text, tier),
        };
    }
    Ok(name)
}

/// The GeoNames layer for `--geonames auto`: the built file, or one generated now from the dumps.
fn auto_geonames_layer() -> Option<(String, String)> {
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

/// Reads a UTF-8 text file, with an error message that names it. A UTF-8 byte order mark at the start
/// is not part of the text; UTF-16 and UTF-32 files are refused with an error naming the encoding.
pub fn read_text(path: &Path) -> Result<String, String> {
    let mut bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if let Some(encoding) = non_utf8_encoding(&bytes[..bytes.len().min(SNIFF as usize)]) {
        return Err(format!("{}: {}", path.display(), encoding_error(encoding)));
    }
    if bytes.starts_with(UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// Bytes read ahead of an input to tell its encoding.
const SNIFF: u64 = 64;

/// A reader of UTF-8 text: a UTF-8 BOM at the start is skipped; UTF-16 and UTF-32 (told by their BOM,
/// or by the zero bytes that ASCII text has in every other byte) are refused with an error that
/// names the encoding.
pub fn utf8_reader(mut reader: Box<dyn Read>) -> io::Result<BufReader<Box<dyn Read>>> {
    let mut head = Vec::with_capacity(SNIFF as usize);
    (&mut reader).take(SNIFF).read_to_end(&mut head)?;
    if let Some(encoding) = non_utf8_encoding(&head) {
        return Err(io::Error::new(io::ErrorKind::InvalidData, encoding_error(encoding)));
    }
    if head.starts_with(UTF8_BOM) {
        head.drain(..UTF8_BOM.len());
    }
    Ok(BufReader::with_capacity(1 << 16, Box::new(io::Cursor::new(head).chain(reader))))
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The encoding of text that starts with `head`, when it is UTF-16 or UTF-32 rather than UTF-8.
pub fn non_utf8_encoding(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(b"\xFF\xFE\0\0") {
        return Some("UTF-32 (little-endian, with a byte order mark)");
    }
    if head.starts_with(b"\0\0\xFE\xFF") {
        return Some("UTF-32 (big-endian, with a byte order mark)");
    }
    if head.starts_with(b"\xFF\xFE") {
        return Some("UTF-16 (little-endian, with a byte order mark)");
    }
    if head.starts_with(b"\xFE\xFF") {
        return Some("UTF-16 (big-endian, with a byte order mark)");
    }
    // Without a mark: ASCII characters (`{"id": ...`, most of any text) are one byte and a zero byte
    // in UTF-16, one byte and three zero bytes in UTF-32.
    let units = head.len() / 4 * 4;
    if units < 4 {
        return None;
    }
    let zeros_at = |phase: usize, step: usize| (phase..units).step_by(step).filter(|&i| head[i] == 0).count();
    let half = units / 4; // number of 4-byte groups
    if zeros_at(1, 4) == half && zeros_at(2, 4) == half && zeros_at(3, 4) == half {
        return Some("UTF-32 (little-endian)");
    }
    if zeros_at(0, 4) == half && zeros_at(1, 4) == half && zeros_at(2, 4) == half {
        return Some("UTF-32 (big-endian)");
    }
    let (even, odd) = (zeros_at(0, 2), zeros_at(1, 2));
    // Most characters ASCII, and no zero byte on the other side.
    if odd * 4 >= units && even == 0 {
        return Some("UTF-16 (little-endian)");
    }
    if even * 4 >= units && odd == 0 {
        return Some("UTF-16 (big-endian)");
    }
    None
}

/// The message for text in another encoding than UTF-8.
pub fn encoding_error(encoding: &str) -> String {
    let from = if encoding.starts_with("UTF-32") { "UTF-32" } else { "UTF-16" };
    format!("the input is {encoding} text, not UTF-8; convert it first (e.g. `iconv -f {from} -t UTF-8`)")
}
