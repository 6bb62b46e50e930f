//! What the fuzz targets share: the taggers they tag with (built once per process) and the calls into
//! `sahel_tagger::invariants`, the checks the property tests (`tests/properties.rs`) run too. A broken
//! invariant panics, which libFuzzer reports as a crash with the input that caused it.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use sahel_tagger::gazetteer::{geonames, tsv};
use sahel_tagger::invariants::{self, Loader};
use sahel_tagger::{Gazetteer, GazetteerBuilder, Tagger, Tier};

/// The fuzz input as text: invalid UTF-8 becomes U+FFFD, as a reader decoding it would see it.
pub fn text(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Tags `text` and panics on any broken invariant.
pub fn check_tagging(tagger: &Tagger, text: &str) {
    if let Err(broken) = invariants::tagging(tagger, text) {
        panic!("tagging invariant broken: {broken}");
    }
}

/// Loads `text` with `loader`, then with format detection, and panics on any broken invariant.
pub fn check_loader(loader: Loader, text: &str) {
    for loader in [loader, Loader::Auto] {
        if let Err(broken) = invariants::loader(loader, text, Tier::User) {
            panic!("{loader:?} loader invariant broken: {broken}");
        }
    }
}

/// The embedded gazetteer's tagger.
pub fn default_tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(Tagger::default)
}

/// The embedded gazetteer with the GeoNames layer under it, generated once from the dumps in
/// `$SAHEL_GEONAMES_DIR` or `../shared/geonames` beside the repository, as the CLI's `--geonames auto`
/// does when no layer has been built. Without the dumps, the embedded gazetteer's tagger (said once on
/// standard error).
pub fn village_tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| {
        let dir = geonames_dir();
        match village_layer(&dir) {
            Some(layer) => {
                let mut builder = GazetteerBuilder::with_embedded();
                builder.add_tsv("geonames.tsv", &layer, Tier::Geonames);
                let tagger = Tagger::new(builder.build().expect("the generated GeoNames layer loads"));
                eprintln!(
                    "tag_villages: GeoNames layer from {} ({} entities)",
                    dir.display(),
                    tagger.gazetteer().entities().len()
                );
                tagger
            }
            None => {
                eprintln!(
                    "tag_villages: no GeoNames dumps at {} (set SAHEL_GEONAMES_DIR): fuzzing the default tagger instead",
                    dir.display()
                );
                Tagger::default()
            }
        }
    })
}

fn geonames_dir() -> PathBuf {
    std::env::var_os("SAHEL_GEONAMES_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/geonames"))
}

/// The GeoNames layer as `sahel-tagger gazetteer geonames` writes it: the dumps of Mali, Burkina Faso
/// and Niger, Debian's French and English word lists for the "possible" flags (when installed).
fn village_layer(dir: &Path) -> Option<String> {
    let mut dumps = vec![];
    for code in ["ML", "BF", "NE"] {
        let path = dir.join(format!("{code}.txt"));
        dumps.push((path.display().to_string(), std::fs::read_to_string(path).ok()?));
    }
    let mut options = geonames::Options::default();
    for list in ["/usr/share/dict/french", "/usr/share/dict/american-english"] {
        if let Ok(words) = std::fs::read_to_string(list) {
            options.add_word_list(&words);
        }
    }
    let (entities, _) = geonames::generate(&dumps, &Gazetteer::embedded(), &options);
    Some(tsv::format_layer("GeoNames (CC BY 4.0), generated for fuzzing", &entities))
}
