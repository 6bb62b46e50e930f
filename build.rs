//! Compiles every `gazetteer/*.toml` file into the precompiled binary the library embeds (see
//! `src/gazetteer/embedded.rs` and `src/gazetteer/precompiled.rs`): parsed, Arabic spellings expanded
//! and every spelling folded here, once, rather than each time a tagger starts.
//!
//! The build script cannot depend on the crate it builds, so it compiles the few source files that do
//! this work into itself with `#[path]` (the TOML loader, the entity model, folding, the Arabic
//! spelling rules and the binary format): one copy of each, so the embedded binary is what the
//! library would have built from the same files (a test in `src/gazetteer/embedded.rs` checks it).

#![allow(dead_code, unused_imports)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

#[path = "src/arabic.rs"]
mod arabic;
#[path = "src/arabic_spelling.rs"]
mod arabic_spelling;
#[path = "src/fold.rs"]
mod fold;

/// The parts of `src/gazetteer/` the build needs, at the paths the library gives them.
mod gazetteer {
    #[path = "../src/gazetteer/diagnostic.rs"]
    mod diagnostic;
    #[path = "../src/gazetteer/model.rs"]
    mod model;
    #[path = "../src/gazetteer/precompiled.rs"]
    pub mod precompiled;
    #[path = "../src/gazetteer/toml.rs"]
    pub mod toml;
    #[path = "../src/gazetteer/validate.rs"]
    mod validate;
    pub(crate) use diagnostic::{Diagnostic, Origin, Severity};
    pub use model::{CaseMode, Entity, EntityType, NeverRule, Tier, Variant};
}

use gazetteer::precompiled::{encode, Precompiled};
use gazetteer::{Diagnostic, Severity, Tier};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer");
    println!("cargo:rerun-if-changed={}", dir.display());
    for file in ["fold.rs", "arabic.rs", "arabic_spelling.rs"] {
        println!("cargo:rerun-if-changed=src/{file}");
    }
    for file in ["diagnostic.rs", "model.rs", "precompiled.rs", "toml.rs", "validate.rs"] {
        println!("cargo:rerun-if-changed=src/gazetteer/{file}");
    }
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("gazetteer/ folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    // A content hash makes the version change whenever the data does.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut out = Precompiled::default();
    let mut parsed = vec![];
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = fs::read_to_string(path).expect("readable gazetteer file");
        for b in text.bytes() {
            hash = (hash ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
        let (entities, rules, mut diagnostics) = gazetteer::toml::parse_file(&name, &text, Tier::Curated);
        // "Never" rules are the reader's (the page's never.toml, a file given with -g), not the
        // default gazetteer's: the precompiled format holds entities only.
        for (_, origin) in rules {
            diagnostics.push(Diagnostic {
                severity: Severity::Error,
                source: origin.source.to_string(),
                line: origin.line,
                message: "[[never]] rules do not belong in the embedded gazetteer".into(),
            });
        }
        parsed.extend(entities);
        out.diagnostics.extend(diagnostics);
        out.sources.push(name);
    }
    // The same id twice: the error the library's builder reports (one tier here, so no overriding).
    let mut first: HashMap<String, usize> = HashMap::new();
    for (i, (entity, origin)) in parsed.iter().enumerate() {
        if let Some(&at) = first.get(&entity.id) {
            let before = &parsed[at].1;
            let location = match before.line {
                Some(line) => format!("{}:{line}", before.source),
                None => before.source.to_string(),
            };
            out.diagnostics.push(Diagnostic {
                severity: Severity::Error,
                source: origin.source.to_string(),
                line: origin.line,
                message: format!("duplicate id \"{}\" (first defined at {location})", entity.id),
            });
        } else {
            first.insert(entity.id.clone(), i);
        }
    }
    out.diagnostics.sort_by_key(|d| d.severity);
    if out.diagnostics.iter().any(|d| d.severity == Severity::Error) {
        // Written with the errors only: the library reports them when asked for the gazetteer.
        for d in &out.diagnostics {
            println!("cargo:warning=embedded gazetteer: {d}");
        }
    } else {
        let (mut entities, origins): (Vec<_>, Vec<_>) = parsed.into_iter().unzip();
        arabic_spelling::expand(&mut entities);
        out.entities = entities
            .into_iter()
            .zip(origins)
            .map(|(entity, mut origin)| {
                origin.folded =
                    entity.variants.iter().map(|v| fold::fold(&v.text).into_boxed_str()).collect();
                // Derived spellings have no line of their own.
                origin.variant_lines.resize(entity.variants.len(), None);
                (entity, origin)
            })
            .collect();
    }
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join("embedded_gazetteer.bin"), encode(&out)).unwrap();
    let mut code = String::from(
        "/// The embedded gazetteer files.\npub(crate) static EMBEDDED_FILES: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy();
        writeln!(code, "    ({name:?}, include_str!({:?})),", path.display().to_string()).unwrap();
    }
    code.push_str("];\n");
    writeln!(
        code,
        "/// Version of the embedded gazetteer: crate version and a hash of the files.\npub const EMBEDDED_VERSION: &str = \"{}+{:08x}\";",
        env!("CARGO_PKG_VERSION"),
        hash as u32
    )
    .unwrap();
    fs::write(Path::new(&out_dir).join("embedded_gazetteer.rs"), code).unwrap();
    fs::write(Path::new(&out_dir).join("territories.rs"), territories()).unwrap();
}

/// The grammar's table of territories (`gazetteer/grammar/territories.toml`) as Rust statics, the
/// `Territory` rows of `src/grammar.rs`: read here so that a tagger's start-up parses no TOML (in a
/// cold browser page, compiling the TOML parser's code cost more than the grammar's expansion). A
/// missing, misspelt or mistyped field stops the build with the file, the row and the field.
fn territories() -> String {
    const FILE: &str = "gazetteer/grammar/territories.toml";
    const STRINGS: [&str; 2] = ["id", "force"];
    const LISTS: [&str; 6] = ["fr", "fr_adjectives", "en", "en_adjectives", "ar", "ar_nisba"];
    println!("cargo:rerun-if-changed={FILE}");
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE)).expect(FILE);
    let table: ::toml::Table = text.parse().unwrap_or_else(|e| panic!("{FILE}: {e}"));
    if let Some(key) = table.keys().find(|k| *k != "territory") {
        panic!("{FILE}: unknown table `{key}` (only [[territory]] rows)");
    }
    let rows = table
        .get("territory")
        .and_then(|t| t.as_array())
        .unwrap_or_else(|| panic!("{FILE}: no [[territory]] rows"));
    let mut code = String::from("&[\n");
    for (i, row) in rows.iter().enumerate() {
        let row = row.as_table().unwrap_or_else(|| panic!("{FILE}: territory {} is not a table", i + 1));
        let what = |key: &str| {
            format!(
                "{FILE}: territory {} ({:?}): `{key}`",
                i + 1,
                row.get("id").and_then(|v| v.as_str()).unwrap_or("?")
            )
        };
        if let Some(key) = row.keys().find(|k| !STRINGS.contains(&k.as_str()) && !LISTS.contains(&k.as_str()))
        {
            panic!("{} is not a field of a territory", what(key));
        }
        code.push_str("    Territory {");
        for key in STRINGS {
            let value = row
                .get(key)
                .and_then(|v| v.as_str())
                .unwrap_or_else(|| panic!("{} must be a string", what(key)));
            write!(code, " {key}: {value:?},").unwrap();
        }
        for key in LISTS {
            let values = row
                .get(key)
                .and_then(|v| v.as_array())
                .unwrap_or_else(|| panic!("{} must be a list", what(key)));
            write!(code, " {key}: &[").unwrap();
            for value in values {
                let value = value.as_str().unwrap_or_else(|| panic!("{} must hold strings", what(key)));
                write!(code, "{value:?}, ").unwrap();
            }
            code.push_str("],");
        }
        code.push_str(" },\n");
    }
    code.push_str("]\n");
    code
}
