//! The default gazetteer, embedded at build time.
//!
//! `build.rs` compiles every `gazetteer/*.toml` file into one precompiled binary (see
//! [`precompiled`](super::precompiled)): parsed, its Arabic spellings expanded and every spelling
//! folded, so that starting a tagger parses no TOML and folds nothing. The TOML files stay the source
//! of truth and are embedded too ([`embedded_sources`]) for whoever wants them as text; a program that
//! never asks for them does not carry them (the WebAssembly module does not). Adding a file to the
//! folder is enough to ship it, and the library needs no file system at run time.

use super::precompiled::{decode, Precompiled};
use super::{Diagnostic, LoadError, Severity};

include!(concat!(env!("OUT_DIR"), "/embedded_gazetteer.rs"));

/// The precompiled embedded gazetteer, written by `build.rs`.
static EMBEDDED_BINARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded_gazetteer.bin"));

/// The embedded files, as `(file name, contents)`, in name order.
pub fn embedded_sources() -> &'static [(&'static str, &'static str)] {
    EMBEDDED_FILES
}

/// The embedded gazetteer as precompiled by `build.rs`, or the errors its files had.
pub(crate) fn embedded_precompiled() -> Result<Precompiled, LoadError> {
    let precompiled = decode(EMBEDDED_BINARY, false).map_err(|message| LoadError {
        diagnostics: vec![Diagnostic {
            severity: Severity::Error,
            source: "embedded".into(),
            line: None,
            message,
        }],
    })?;
    if precompiled.diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Err(LoadError { diagnostics: precompiled.diagnostics });
    }
    Ok(precompiled)
}

/// Size in bytes of the precompiled embedded gazetteer (for the benchmarks).
#[doc(hidden)]
pub fn embedded_precompiled_size() -> usize {
    EMBEDDED_BINARY.len()
}

#[cfg(test)]
mod tests {
    use super::super::{Gazetteer, GazetteerBuilder, Tier};

    /// The gazetteer built from the TOML files, as the library builds any source (parse, merge,
    /// validate, derive Arabic spellings, fold).
    fn from_toml() -> Gazetteer {
        let mut builder = GazetteerBuilder::new();
        for (name, text) in super::embedded_sources() {
            builder.add_toml(name, text, Tier::Curated);
        }
        builder.build().unwrap_or_else(|e| panic!("{e}"))
    }

    /// The embedded binary is decoded without checking its folded forms (start-up time): they are
    /// checked here, as a loaded layer's are.
    #[test]
    fn the_embedded_folded_forms_are_the_foldings_of_their_spellings() {
        super::decode(super::EMBEDDED_BINARY, true).unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn the_precompiled_gazetteer_equals_the_one_built_from_the_toml_files() {
        let toml = from_toml();
        let precompiled = Gazetteer::try_embedded().unwrap();
        assert_eq!(precompiled.sources(), toml.sources());
        assert_eq!(precompiled.entities().len(), toml.entities().len());
        for (i, (p, t)) in precompiled.entities().iter().zip(toml.entities()).enumerate() {
            // Every field: id, name, type, facts, tier, and each variant's text, case, `possible` and
            // derivation.
            assert_eq!(p, t, "entity {i}");
            assert_eq!(
                precompiled.folded_variants(i),
                toml.folded_variants(i),
                "folded variants of {}",
                t.id
            );
            for (v, f) in t.variants.iter().zip(toml.folded_variants(i)) {
                assert_eq!(**f, crate::fold::fold(&v.text));
            }
        }
        // The builder seeded with the precompiled entities (the path of every user source and of the
        // GeoNames layer) builds the same gazetteer again, warnings and their lines included.
        let seeded = GazetteerBuilder::with_embedded().build().unwrap();
        assert_eq!(seeded.entities(), toml.entities());
        assert_eq!(seeded.diagnostics(), toml.diagnostics());
        assert!(toml.diagnostics().iter().any(|d| d.line.is_some()), "warnings carry lines");
    }
}
