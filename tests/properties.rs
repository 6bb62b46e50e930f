//! Properties that hold for any text: mentions are sorted, disjoint, on character and word boundaries,
//! each one folds to the variant it matched, and offsets convert consistently; and for any gazetteer
//! file: every loader answers with a gazetteer or with located errors, never a panic. The checks
//! themselves are in `sahel_tagger::invariants`, shared with the fuzz targets (`fuzz/`). And tagging a
//! long text in windows finds exactly what tagging it at once finds.

use std::sync::OnceLock;

use proptest::prelude::*;
use sahel_tagger::invariants::{self, Loader};
use sahel_tagger::{EntityType, GazetteerBuilder, Options, Tagger, Tier};

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(Tagger::default)
}

fn variant_texts() -> &'static Vec<String> {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        tagger()
            .gazetteer()
            .entities()
            .iter()
            .flat_map(|e| e.variants.iter().map(|v| v.text.clone()))
            .collect()
    })
}

/// Pieces that texts are made of: real variants in mangled case, words that contain names, punctuation,
/// odd whitespace, marks, Arabic letters and clitics, emoji.
fn piece() -> impl Strategy<Value = String> {
    let variant = (0..variant_texts().len(), 0..3u8).prop_map(|(i, case)| {
        let v = &variant_texts()[i];
        match case {
            0 => v.clone(),
            1 => v.to_uppercase(),
            _ => v.to_lowercase(),
        }
    });
    prop_oneof![
        4 => variant,
        2 => "[a-zA-Zéèàçœ]{1,8}",
        2 => prop::sample::select(vec![
            " ", "  ", "\n", "\n\n", "\u{00A0}", "\u{202F}", "-", "–", "’", "'", ",", ".", "(", ")", "«", "»",
            "\u{0301}", "\u{00AD}", "\u{200B}", "😀", "ـ", "َ", "ّ", "و", "ب", "ال", "لل", "1", "24", "ٱ", "ﷲ",
            "malien", "Nigeria", "ien", "s", "x",
        ]).prop_map(str::to_string),
        1 => "\\PC{1,4}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

/// Pieces of gazetteer files: the tokens of each format, real names, markup, and odd characters.
fn gazetteer_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            // TOML
            "[[entity]]\n", "[entity]\n", "[[ entity ]]\n", "id = ", "name = ", "type = ", "subtype = ",
            "variants = [", "acronyms = [", "]", "\"", "'", "\"\"\"", ", ", "{ text = ", "case = ", "possible = true",
            " }", "\"place\"", "\"armed_group\"", "\"exact\"", "\"capitalized\"", "lat = ", "lon = ",
            "geonames = ", "parent = ", "description = ", "1e400", "-91", "nan", "# comment", "\\u00e9", "\\",
            // spaCy JSONL
            "{\"label\": ", "\"GPE\"", "\"ORG\"", "\"pattern\": ", "\"id\": ", "[{\"LOWER\": \"x\"}]", "null", "}",
            "3", ": ", ",",
            // TSV layer
            "#sahel-tagger-tsv 1\t", "\t", "|", "^", "=", "?", "\\", "gn:1", "village", "ML",
        ]).prop_map(str::to_string),
        3 => prop::sample::select(vec![
            "\n", "\r\n", "\n\n", " ", "x", "gao", "Gao", "Kidal", "JNIM", "EI", "تمبكتو", "بتمبكتو", "\u{0301}",
            "\u{202E}", "\u{200B}", "\u{FEFF}", "\u{0}", "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "😀",
        ]).prop_map(str::to_string),
        1 => "\\PC{1,6}",
    ]
}

fn gazetteer_text() -> impl Strategy<Value = String> {
    prop::collection::vec(gazetteer_piece(), 0..60).prop_map(|pieces| pieces.concat())
}

/// `text` as a TOML basic string.
fn toml_basic_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c < ' ' || c == '\u{7f}' => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A well-formed record of each format with one field replaced by arbitrary text, so that the fuzzed
/// values get past the parsers into validation, merging and tagging.
fn record(field: String) -> [(Loader, String); 3] {
    let toml_string = toml_basic_string(&field);
    let toml = format!(
        "[[entity]]\nid = \"p\"\nname = \"Gao\"\ntype = \"place\"\nvariants = [{toml_string}, {{ text = {toml_string}, case = \"exact\" }}]\ndescription = {toml_string}\n"
    );
    let json = serde_json::to_string(&field).unwrap();
    let jsonl = format!("{{\"label\": \"GPE\", \"pattern\": {json}, \"id\": \"p\"}}\n{{\"label\": \"ORG\", \"pattern\": {json}}}\n");
    let tsv = format!("#sahel-tagger-tsv 1\ttest\ngn:1\t{field}\tplace\t\tML\t\t14.1\t-4.1\t1\t{field}\t^{field}|?{field}|Gao\n");
    [(Loader::Toml, toml), (Loader::SpacyJsonl, jsonl), (Loader::Tsv, tsv)]
}

/// Window sizes for the windowed taggers (the default tagger folds texts under 1 MiB at once).
const WINDOWS: [usize; 6] = [1, 5, 60, 300, 1_000, 4_000];

/// The default tagger, cloned with each of [`WINDOWS`].
fn windowed_tagger(i: usize) -> &'static Tagger {
    static TAGGERS: OnceLock<Vec<Tagger>> = OnceLock::new();
    &TAGGERS.get_or_init(|| WINDOWS.iter().map(|&w| tagger().clone().with_window(w)).collect())[i]
}

/// A small gazetteer whose short patterns let windows be cut often in small texts: multi-word names,
/// exact-case and capitalized variants (the all-caps rule), an Arabic name (proclitics) and a
/// generated-tier name (the proper-name rule).
const SMALL_GAZETTEER: &str = r#"
[[entity]]
id = "burkina_faso"
name = "Burkina Faso"
type = "place"
variants = ["Burkina", "Faso"]

[[entity]]
id = "gao"
name = "Gao"
type = "place"
variants = ["غاو"]

[[entity]]
id = "ei"
name = "État islamique"
type = "armed_group"
acronyms = ["EI", "IS"]

[[entity]]
id = "say"
name = "Say"
type = "place"
variants = [{ text = "Say", case = "capitalized", possible = true }, "Niafunké"]
"#;

const SMALL_LAYER: &str =
    "#sahel-tagger-tsv 1\ttest\ngn:1\tKokorou\tplace\tvillage\tNE\t\t\t\t1\t\t^Kokorou|^Diarra\n";

fn small_taggers() -> &'static (Tagger, Vec<Tagger>) {
    static TAGGERS: OnceLock<(Tagger, Vec<Tagger>)> = OnceLock::new();
    TAGGERS.get_or_init(|| {
        let mut builder = GazetteerBuilder::new();
        builder.add_toml("small.toml", SMALL_GAZETTEER, Tier::Curated);
        builder.add_tsv("small.tsv", SMALL_LAYER, Tier::Geonames);
        let tagger = Tagger::new(builder.build().expect("the small gazetteer loads"));
        let windowed = WINDOWS.iter().map(|&w| tagger.clone().with_window(w)).collect();
        (tagger, windowed)
    })
}

/// Runs that folding collapses into one space, of any length: spaces, no-break spaces, one line break
/// among spaces (a run with two is a paragraph break), hyphens.
fn space_run() -> impl Strategy<Value = String> {
    let unit = prop::sample::select(vec![" ", "\u{A0}", "\r\n", " -", "\t\u{202F}"]);
    (unit, 1..3_000usize).prop_map(|(unit, n)| match unit {
        "\r\n" => format!("{}\r\n{}", " ".repeat(n / 2), " ".repeat(n / 2)),
        unit => unit.repeat(n),
    })
}

/// Runs that folding drops, of any length: combining marks, invisible characters, tatweel, apostrophes.
fn dropped_run() -> impl Strategy<Value = String> {
    let unit =
        prop::sample::select(vec!["\u{301}", "\u{64E}", "\u{AD}", "\u{200B}", "ـ", "’", "\u{300}\u{200D}"]);
    (unit, 1..3_000usize).prop_map(|(unit, n)| unit.repeat(n))
}

/// Runs of either kind, and paragraph breaks, between pieces.
fn long_run() -> impl Strategy<Value = String> {
    prop_oneof![space_run(), dropped_run(), (2..2_000usize).prop_map(|n| "\n".repeat(n))]
}

/// A name made long in the original but not once folded: its spaces replaced by a long run of
/// spaces, or a long run of dropped characters put after its first letter.
fn stretched(names: Vec<&'static str>) -> impl Strategy<Value = String> {
    (prop::sample::select(names), space_run(), dropped_run(), any::<bool>()).prop_map(
        |(name, spaces, dropped, marks)| match name.split_once(' ') {
            Some((first, rest)) if !marks => format!("{first}{spaces}{rest}"),
            _ => {
                let first = name.chars().next().map_or(0, char::len_utf8);
                format!("{}{dropped}{}", &name[..first], &name[first..])
            }
        },
    )
}

fn small_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "Burkina", "Faso", "BURKINA", "Gao", "غاو", "وغاو", "EI", "IS", "is", "Say", "say", "SAY", "Niafunke\u{301}",
            "Kokorou", "Oumar", "Diarra", "NIAFUNKÉ", "L'", "ARMÉE", "selon", "x",
        ]).prop_map(str::to_string),
        3 => prop::sample::select(vec![" ", " ", ", ", ". ", "\n", "\n\n", "-", "«", "é", "ﷺ", "😀"]).prop_map(str::to_string),
        1 => long_run(),
        2 => stretched(vec!["Burkina Faso", "Gao", "غاو", "EI", "Say", "Niafunké", "Kokorou", "Oumar Diarra"]),
    ]
}

fn long_text(piece: impl Strategy<Value = String>, max_pieces: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(piece, 0..max_pieces).prop_map(|pieces| pieces.concat())
}

/// A variant of the embedded gazetteer, stretched (see [`stretched`]).
fn stretched_variant() -> impl Strategy<Value = String> {
    let names: Vec<&'static str> = variant_texts().iter().map(String::as_str).collect();
    stretched(names)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn windows_never_change_the_mentions_small_gazetteer(
        text in long_text(small_piece(), 120),
        window in 0..WINDOWS.len(),
    ) {
        let (whole, windowed) = small_taggers();
        prop_assert_eq!(windowed[window].tag(&text), whole.tag(&text), "window {}", WINDOWS[window]);
    }

    #[test]
    fn windows_never_change_the_mentions(
        text in long_text(prop_oneof![6 => piece(), 1 => long_run(), 1 => stretched_variant()], 150),
        window in 0..WINDOWS.len(),
    ) {
        prop_assert_eq!(windowed_tagger(window).tag(&text), tagger().tag(&text), "window {}", WINDOWS[window]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn mentions_are_sorted_disjoint_and_on_boundaries(text in text()) {
        let mentions = tagger().tag(&text);
        invariants::mentions(tagger(), &text, &mentions).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn folding_is_idempotent(text in text()) {
        invariants::folding(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn utf16_and_char_offsets_slice_the_surface(text in text()) {
        let mentions = tagger().tag(&text);
        invariants::offsets(&text, &mentions).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn a_variant_alone_is_found(i in 0..10_000usize) {
        let texts = variant_texts();
        let v = &texts[i % texts.len()];
        // Alone, a spelling has no context: doubtful ones (also a word, a common name) are asked for too.
        let options = Options { possible: true, ..Options::default() };
        let mentions = tagger().tag_with(v, &options).mentions;
        // Exact-case and capitalized variants are written in their own case here, so every variant
        // standing alone is one mention covering all of it.
        // (A person's rank or title is left out: "capitaine Traoré" → "Traoré".)
        prop_assert_eq!(mentions.len(), 1, "{:?} → {:?}", v, mentions);
        let surface = mentions[0].surface(v);
        let person = tagger().entity(&mentions[0]).kind == EntityType::Person;
        prop_assert!(surface == v || (person && v.ends_with(&format!(" {surface}"))), "{:?} → {:?}", v, surface);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn every_loader_answers_with_a_gazetteer_or_located_errors(text in gazetteer_text()) {
        for loader in Loader::ALL {
            invariants::loader(loader, &text, Tier::User).map_err(|e| TestCaseError::fail(format!("{loader:?}: {e}")))?;
        }
    }

    #[test]
    fn any_field_value_loads_or_is_reported(field in "\\PC{0,12}|[ \t|=^?\\\\\"'#\n\r\u{0}\u{0301}a-zA-Z]{0,8}") {
        for (loader, text) in record(field) {
            invariants::loader(loader, &text, Tier::User)
                .map_err(|e| TestCaseError::fail(format!("{loader:?}: {e}\n{text}")))?;
        }
    }
}

/// Found by the `tag_default` fuzz target: a tatweel and a kasra between the article and a name whose
/// variant lacks the article ("الـِتمبكتو"); the mention must start at the article's alif.
#[test]
fn an_article_stretched_by_a_tatweel_and_marked_keeps_the_invariants() {
    let text = "Tombou\u{301}ctou Ga\u{301}\u{301}o N\u{ad}iafunk\u{200b}é \u{202e}Kidal\u{202c} Az‑Zallaqa\r\n \u{feff}Mopti \u{fffd}الـ\u{650}تمبكتو\n";
    let mentions = tagger().tag(text);
    invariants::mentions(tagger(), text, &mentions).unwrap();
    assert!(mentions.iter().any(|m| m.surface(text).starts_with("الـ")), "{mentions:?}");
}

/// Found by the `tag_default` fuzz target: a misspelt name found by its Arabic skeleton after an
/// article stretched by tatweels ("الــتمبكتاو"); the mention starts at the article, and its surface
/// without the article has the variant's skeleton.
#[test]
fn a_skeleton_match_after_a_stretched_article_keeps_the_invariants() {
    for text in ["وب الــتمبكتاو\n", "وب التمبكتاو\n", "ضوا \u{fffd}G وب الـ\u{650}ـتمبكتاو"]
    {
        let mentions = tagger().tag(text);
        invariants::mentions(tagger(), text, &mentions).unwrap();
        assert!(mentions.iter().any(|m| m.surface(text).starts_with("ال")), "{text}: {mentions:?}");
    }
}

/// Found by the `tag_default` fuzz target: a unit's name one slip from its plural designator
/// ("cercles de NIAFUNKÉ", one letter from "Cercle de Niafunké") loses the plural head and keeps the
/// unit: the designator, not the spelling, is why it is linked there.
#[test]
fn a_plural_designator_left_out_of_a_tolerant_match_keeps_the_invariants() {
    let text = "Le Jnim a revendiqué. Dans les cercles de NIAFUNKÉ, les soldats ont riposté.";
    let mentions = tagger().tag(text);
    invariants::mentions(tagger(), text, &mentions).unwrap();
    let m = mentions.iter().find(|m| m.surface(text) == "NIAFUNKÉ").expect("the cercle");
    assert_eq!(tagger().entity(m).id, "niafunke_cercle");
}
