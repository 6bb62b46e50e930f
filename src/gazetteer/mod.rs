//! The gazetteer: the entities the tagger knows, each with every spelling a reader meets.
//!
//! A [`Gazetteer`] is built by a [`GazetteerBuilder`] from one or more sources, each in one of three
//! formats: the project's TOML files ([`toml`](self::toml), human-edited, embedded by default),
//! spaCy EntityRuler pattern lines ([`spacy`]), and the compact tab-separated layers that are generated
//! from GeoNames ([`tsv`]). Every source is given a [`Tier`]: a user's own entries override the curated
//! ones, which override generated ones. Building validates everything at once and reports problems as
//! [`Diagnostic`]s with file and line, so a user fixing a file sees all of its errors in one go.

mod builder;
mod diagnostic;
mod embedded;
pub mod geonames;
mod model;
pub mod precompiled;
pub mod spacy;
mod store;
pub mod toml;
pub mod tsv;
mod validate;

pub use builder::{Format, GazetteerBuilder};
pub(crate) use diagnostic::Origin;
pub use diagnostic::{Diagnostic, LoadError, Severity};
pub use embedded::{embedded_precompiled_size, embedded_sources, EMBEDDED_VERSION};
pub use model::{CaseMode, Entity, EntityIndex, EntityType, NeverRule, Tier, Variant};
pub use store::{Gazetteer, Stats, TypeStats};
pub(crate) use validate::variant_key;

#[cfg(test)]
mod tests {
    use super::*;

    fn build(text: &str) -> Result<Gazetteer, LoadError> {
        let mut b = GazetteerBuilder::new();
        b.add_toml("test.toml", text, Tier::Curated);
        b.build()
    }

    #[test]
    fn the_embedded_gazetteer_passes_full_validation() {
        let gazetteer = GazetteerBuilder::with_embedded().build().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(gazetteer.entities().len(), Gazetteer::embedded().entities().len());
    }

    #[test]
    fn duplicate_ids_and_variants_are_errors_with_lines() {
        let err = build(
            "[[entity]]\nid = \"gao\"\nname = \"Gao\"\ntype = \"place\"\nvariants = [\"GAO\"]\n\n[[entity]]\nid = \"gao\"\nname = \"Gao town\"\ntype = \"place\"\n",
        )
        .unwrap_err();
        let messages: Vec<String> = err.errors().map(|d| d.to_string()).collect();
        assert!(
            messages.iter().any(|m| m.starts_with("test.toml:5: error:") && m.contains("listed twice")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.starts_with("test.toml:7: error: duplicate id \"gao\"")),
            "{messages:?}"
        );
    }

    #[test]
    fn variants_without_a_letter_or_digit_are_errors_and_one_letter_variants_warnings() {
        let toml = "[[entity]]\nid = \"x\"\nname = \"X town\"\ntype = \"place\"\nvariants = [\n  \".\",\n  \"«\",\n  \"\\u0000\",\n  \" - \",\n  \"a\",\n  { text = \"B.\", case = \"capitalized\" },\n  { text = \"C\", case = \"exact\" },\n  \"5\",\n]\nacronyms = [\"Y\"]\n";
        let messages: Vec<String> =
            build(toml).unwrap_err().diagnostics.iter().map(|d| d.to_string()).collect();
        let expected = [
            "test.toml:6: error: entity \"x\": variant \".\" has no letter or digit",
            "test.toml:7: error: entity \"x\": variant \"«\" has no letter or digit",
            "test.toml:8: error: entity \"x\": variant \"\\0\" has no letter or digit",
            "test.toml:9: error: entity \"x\": variant \" - \" is empty once folded",
            "test.toml:10: warning: entity \"x\": one-letter variant \"a\"",
            "test.toml:11: warning: entity \"x\": one-letter variant \"B.\"",
            "test.toml:13: warning: entity \"x\": one-letter variant \"5\"",
        ];
        for e in expected {
            assert!(messages.iter().any(|m| m.starts_with(e)), "missing {e:?} in {messages:#?}");
        }
        assert_eq!(messages.len(), expected.len(), "{messages:#?}");
        // The same from the other loaders.
        let mut b = GazetteerBuilder::new();
        b.add_spacy_jsonl("p.jsonl", "{\"label\": \"GPE\", \"pattern\": \"Gao\"}\n{\"label\": \"GPE\", \"pattern\": \"«»\", \"id\": \"q\"}\n{\"label\": \"GPE\", \"pattern\": \"a\", \"id\": \"q\"}\n", Tier::User);
        b.add_tsv(
            "l.tsv",
            "#sahel-tagger-tsv 1\ttest\ngn:1\tKo\tplace\t\t\t\t\t\t\t\tKo|...|^b\n",
            Tier::Geonames,
        );
        let messages: Vec<String> =
            b.build().unwrap_err().diagnostics.iter().map(|d| d.to_string()).collect();
        for e in [
            "p.jsonl:2: error: entity \"q\": variant \"«»\" has no letter or digit",
            "p.jsonl:3: warning: entity \"q\": one-letter variant \"a\"",
            "l.tsv:2: error: entity \"gn:1\": variant \"...\" has no letter or digit",
            "l.tsv:2: warning: entity \"gn:1\": one-letter variant \"b\"",
        ] {
            assert!(messages.iter().any(|m| m.starts_with(e)), "missing {e:?} in {messages:#?}");
        }
    }

    #[test]
    fn user_tier_overrides_curated() {
        let mut b = GazetteerBuilder::new();
        b.add_toml("a.toml", "[[entity]]\nid = \"gao\"\nname = \"Gao\"\ntype = \"place\"\n", Tier::Curated);
        b.add_toml(
            "b.toml",
            "[[entity]]\nid = \"gao\"\nname = \"Gao (user)\"\ntype = \"place\"\n",
            Tier::User,
        );
        let g = b.build().unwrap();
        assert_eq!(g.entities().len(), 1);
        assert_eq!(g.get("gao").unwrap().name, "Gao (user)");
    }

    #[test]
    fn shared_variants_are_warnings() {
        let g = build(
            "[[entity]]\nid = \"niger\"\nname = \"Niger\"\ntype = \"place\"\n\n[[entity]]\nid = \"niger_river\"\nname = \"Niger River\"\ntype = \"place\"\nvariants = [\"Niger\"]\n",
        )
        .unwrap();
        assert_eq!(g.stats().ambiguous_variants, 1);
        assert!(g.diagnostics()[0].to_string().starts_with("test.toml:10: warning:"));
    }
}
