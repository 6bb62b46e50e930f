//! The JavaScript API, tested the way a page uses it: every call goes through the wasm-bindgen glue
//! (`new Tagger()`, `tagger.tag(text)`, `Tagger.fromSources(...)` invoked as JS functions on JS
//! values), and every result is read back as the plain JS value it is.
//!
//! Included by `wasm_node.rs` (Node.js) and `wasm_browser.rs` (headless Chromium), so both runs of
//! `wasm-pack test` execute the same tests.

use std::cell::OnceCell;

use js_sys::{Array, Function, JsString, Object, Reflect, Uint32Array};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

// ---------------------------------------------------------------------------------------------------
// Calling the API as JavaScript does.

/// A `Mention` as documented in the TypeScript types; unknown fields fail the test.
#[derive(Debug, Deserialize)]
#[allow(dead_code)] // Every field is declared so that `deny_unknown_fields` checks the shape.
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Mention {
    start: u32,
    end: u32,
    surface: String,
    id: String,
    name: String,
    #[serde(rename = "type")]
    kind: String,
    subtype: Option<String>,
    #[serde(rename = "match")]
    match_kind: String,
    variant: String,
    candidates: Vec<String>,
    ambiguous: bool,
    possible: bool,
    case_sensitive: bool,
    tier: String,
    check: Option<serde_json::Value>,
    designator: Option<bool>,
    candidate_facts: Option<Vec<serde_json::Value>>,
    country: Option<String>,
    admin1: Option<String>,
    admin2: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    reason: Option<serde_json::Value>,
    related: Option<Vec<serde_json::Value>>,
}

/// An `Entity` as documented in the TypeScript types.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Every field is declared so that `deny_unknown_fields` checks the shape.
struct Entity {
    id: String,
    name: String,
    #[serde(rename = "type")]
    kind: String,
    subtype: Option<String>,
    variants: Vec<Variant>,
    description: Option<String>,
    lineage: Option<String>,
    parent: Option<String>,
    country: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    geonames: Option<u64>,
    wikidata: Option<String>,
    tier: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Variant {
    text: String,
    case: Option<String>,
    possible: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Stats {
    version: String,
    entities: usize,
    variants: usize,
    ambiguous_variants: usize,
    patterns: usize,
    by_type: std::collections::BTreeMap<String, TypeStats>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TypeStats {
    entities: usize,
    variants: usize,
    with_arabic: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Diagnostic {
    severity: String,
    source: String,
    line: Option<usize>,
    message: String,
}

thread_local! {
    /// One default tagger (a JS `Tagger` object) shared by the tests: building it is the slow part.
    static DEFAULT: OnceCell<JsValue> = const { OnceCell::new() };
}

/// The `Tagger` class, as a page imports it.
fn tagger_class() -> JsValue {
    get(&default_tagger(), "constructor")
}

/// A `Tagger` built by JavaScript's `new Tagger()`, shared by the tests.
fn default_tagger() -> JsValue {
    DEFAULT.with(|cell| {
        cell.get_or_init(|| {
            // The class is reachable from any instance; the first instance comes from Rust.
            let bootstrap = JsValue::from(sahel_tagger_wasm::Tagger::new().expect("default gazetteer"));
            let class: Function = get(&bootstrap, "constructor").unchecked_into();
            call(&bootstrap, "free", &[]).unwrap();
            Reflect::construct(&class, &Array::new()).expect("new Tagger()")
        })
        .clone()
    })
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap()
}

/// `target[method](...args)`; a thrown exception comes back as `Err`.
fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = get(target, method).dyn_into().expect("a method");
    function.apply(target, &args.iter().collect::<Array>())
}

fn from_js<T: DeserializeOwned>(value: JsValue) -> T {
    serde_wasm_bindgen::from_value(value).expect("the documented shape")
}

/// The gazetteer's mentions (`tag(text, {unlisted: false})`): the names no list holds, in by default,
/// are tested apart (`tag_proposes_unlisted_names_by_default`).
fn tag(tagger: &JsValue, text: &JsString) -> Vec<Mention> {
    from_js(call(tagger, "tag", &[text.into(), options(false, false)]).expect("tag"))
}

fn ids(mentions: &[Mention]) -> Vec<&str> {
    mentions.iter().map(|m| m.id.as_str()).collect()
}

/// `Tagger.fromSources(sources, includeDefault)` with `sources` given as `(name, text)` pairs.
fn from_sources(sources: &[(&str, &str)], include_default: bool) -> Result<JsValue, JsValue> {
    let array = Array::new();
    for (name, text) in sources {
        let source = Object::new();
        Reflect::set(&source, &"name".into(), &JsValue::from_str(name)).unwrap();
        Reflect::set(&source, &"text".into(), &JsValue::from_str(text)).unwrap();
        array.push(&source);
    }
    call(&tagger_class(), "fromSources", &[array.into(), include_default.into()])
}

/// The message of a thrown JS `Error` (and checks that it is one).
fn error_message(thrown: &JsValue) -> String {
    let error: &js_sys::Error = thrown.dyn_ref().expect("a JS Error");
    String::from(error.message())
}

/// Checks that each mention's UTF-16 offsets slice its surface out of the JS string.
fn assert_offsets_slice_surfaces(text: &JsString, mentions: &[Mention]) {
    for m in mentions {
        assert_eq!(String::from(text.slice(m.start, m.end)), m.surface, "{m:?}");
    }
}

// ---------------------------------------------------------------------------------------------------
// The default gazetteer.

#[wasm_bindgen_test]
fn default_tagger_describes_its_gazetteer() {
    let tagger = default_tagger();
    let stats: Stats = from_js(call(&tagger, "stats", &[]).unwrap());
    assert!(stats.entities > 300, "{stats:?}");
    assert!(stats.variants > 2 * stats.entities, "{stats:?}");
    assert!(stats.patterns > stats.entities, "{stats:?}");
    assert!(stats.ambiguous_variants < stats.variants / 10, "{stats:?}");
    assert!(stats.version.starts_with(env!("CARGO_PKG_VERSION")), "{stats:?}");
    for kind in ["armed_group", "force", "place", "person"] {
        assert!(stats.by_type[kind].entities > 0, "no {kind}: {stats:?}");
        assert!(stats.by_type[kind].variants >= stats.by_type[kind].entities, "{stats:?}");
    }
    assert!(stats.by_type["place"].with_arabic > 0, "{stats:?}");

    let entities: Vec<Entity> = from_js(call(&tagger, "entities", &[]).unwrap());
    assert_eq!(entities.len(), stats.entities);
    assert!(entities.iter().all(|e| e.tier == "curated" && !e.variants.is_empty()));

    let sources: Vec<String> = from_js(call(&tagger, "sources", &[]).unwrap());
    assert!(sources.iter().any(|s| s == "places_mali.toml"), "{sources:?}");
    let diagnostics: Vec<Diagnostic> = from_js(call(&tagger, "diagnostics", &[]).unwrap());
    assert!(diagnostics.iter().all(|d| d.severity == "warning"), "{diagnostics:?}");
}

#[wasm_bindgen_test]
fn entity_metadata_by_id() {
    let tagger = default_tagger();
    let timbuktu: Entity = from_js(call(&tagger, "entity", &["timbuktu".into()]).unwrap());
    assert_eq!(timbuktu.name, "Tombouctou");
    assert_eq!(timbuktu.kind, "place");
    assert_eq!(timbuktu.country.as_deref(), Some("ML"));
    let (lat, lon) = (timbuktu.lat.unwrap(), timbuktu.lon.unwrap());
    assert!((16.0..17.5).contains(&lat) && (-3.5..-2.5).contains(&lon), "{lat} {lon}");
    assert!(timbuktu.variants.iter().any(|v| v.text == "تمبكتو"), "{:?}", timbuktu.variants);

    let jnim: Entity = from_js(call(&tagger, "entity", &["jnim".into()]).unwrap());
    assert_eq!(jnim.kind, "armed_group");
    assert!(jnim.lineage.is_some_and(|l| l.contains("2017")));
    let gsim = jnim.variants.iter().find(|v| v.text == "GSIM").expect("the GSIM acronym");
    assert!(matches!(gsim.case.as_deref(), Some("exact" | "capitalized")), "{gsim:?}");
    assert!(jnim.variants.iter().all(|v| v.case.as_deref() != Some("insensitive")), "absent: any case");
    assert!(jnim.variants.iter().all(|v| v.possible != Some(false)), "absent rather than false");

    assert!(call(&tagger, "entity", &["no-such-entity".into()]).unwrap().is_undefined());
}

// ---------------------------------------------------------------------------------------------------
// Offsets, folding and flags through the boundary.

#[wasm_bindgen_test]
fn offsets_are_utf16_around_emoji_and_arabic() {
    // Astral characters (two UTF-16 units each, four UTF-8 bytes), a flag (two of them), Arabic
    // (two UTF-8 bytes per letter, one UTF-16 unit), accents, all before and between the names.
    let text = JsString::from(
        "🔥 Alerte 🇲🇱 : le JNIM 💥 revendique l'attaque de تمبكتو, puis 😀😀 celle de Niafunké ; 𝕏 relaie.",
    );
    let mentions = tag(&default_tagger(), &text);
    assert_eq!(ids(&mentions), ["jnim", "timbuktu", "niafunke"], "{mentions:?}");
    assert_offsets_slice_surfaces(&text, &mentions);
    for m in &mentions {
        // The JS index of the surface: the offsets count what JS counts.
        assert_eq!(text.index_of(&m.surface, 0), m.start as i32, "{m:?}");
        assert_eq!(m.end - m.start, m.surface.encode_utf16().count() as u32, "{m:?}");
    }
    assert_eq!(mentions[1].surface, "تمبكتو");
    assert_eq!(mentions[1].name, "Tombouctou");
    assert_eq!(mentions[2].surface, "Niafunké");

    // tagSpans: the same offsets as a Uint32Array, entity indexes into entities().
    let spans: Uint32Array = call(&default_tagger(), "tagSpans", &[text.into()]).unwrap().dyn_into().unwrap();
    let spans = spans.to_vec();
    let entities: Vec<Entity> = from_js(call(&default_tagger(), "entities", &[]).unwrap());
    assert_eq!(spans.len(), 4 * mentions.len());
    for (quad, m) in spans.chunks(4).zip(&mentions) {
        assert_eq!((quad[0], quad[1]), (m.start, m.end));
        assert_eq!(entities[quad[2] as usize].id, m.id);
    }
}

/// `entityTable()` is `entities()` without the spellings, entity for entity, field for field.
#[wasm_bindgen_test]
fn the_entity_table_is_the_entities_without_their_spellings() {
    let tagger = default_tagger();
    let mut entities: Vec<serde_json::Map<String, serde_json::Value>> =
        from_js(call(&tagger, "entities", &[]).unwrap());
    let table: Vec<serde_json::Map<String, serde_json::Value>> =
        from_js(call(&tagger, "entityTable", &[]).unwrap());
    assert!(entities.iter().all(|e| e["variants"].as_array().is_some_and(|v| !v.is_empty())));
    for e in &mut entities {
        e.remove("variants");
    }
    assert_eq!(table, entities);
    assert!(table.iter().any(|e| e.contains_key("admin1") && e.contains_key("lat")), "facts are kept");
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets_aligned() {
    // A JS string may hold an unpaired surrogate; the glue passes it to Rust as U+FFFD, which is one
    // UTF-16 unit too, so offsets after it still index the JS string.
    let lone = JsString::from_char_code1(0xD83D);
    let text = lone.concat(&" combats à Boulkessi, ".into()).concat(&lone).concat(&"puis Dioura".into());
    let text: JsString = text.unchecked_into();
    let mentions = tag(&default_tagger(), &text);
    assert_eq!(ids(&mentions), ["boulkessi", "djoura"], "{mentions:?}");
    assert_offsets_slice_surfaces(&text, &mentions);
}

#[wasm_bindgen_test]
fn accents_case_and_arabic_marks_fold_through_the_boundary() {
    let text = JsString::from(
        "NIAFOUNKE, niafunké et Niafunke ; DIOURA puis Djoura ; TIMBUKTU, tombouctou, تُمْبُكـتُو et بتمبكتو.",
    );
    let mentions = tag(&default_tagger(), &text);
    assert_eq!(
        ids(&mentions),
        [
            "niafunke", "niafunke", "niafunke", "djoura", "djoura", "timbuktu", "timbuktu", "timbuktu",
            "timbuktu"
        ],
        "{mentions:?}"
    );
    assert_offsets_slice_surfaces(&text, &mentions);
    // The surface is the text as written; the name is the canonical one; the variant is the spelling
    // of the gazetteer that matched.
    assert_eq!(mentions[0].surface, "NIAFOUNKE");
    assert_eq!(mentions[0].variant, "Niafounké");
    assert!(mentions.iter().take(3).all(|m| m.name == "Niafunké" && m.kind == "place"));
    assert_eq!(mentions[3].surface, "DIOURA");
    assert_eq!(mentions[3].name, "Djoura");
    assert_eq!(mentions[7].surface, "تُمْبُكـتُو", "tashkeel and tatweel fold away");
    assert_eq!(mentions[8].surface, "تمبكتو", "the glued preposition is left out");
    for m in &mentions {
        assert_eq!(m.subtype.as_deref(), if m.id == "djoura" { Some("village") } else { Some("town") });
        assert!(!m.case_sensitive && !m.possible, "{m:?}");
        // Same-name units (the Tombouctou region) may follow as candidates; the town comes first.
        assert_eq!(m.candidates.first(), Some(&m.id), "{m:?}");
        // The entity's facts come with the mention (the core's MentionView).
        assert!(m.lat.is_some() && m.lon.is_some() && m.country.as_deref() == Some("ML"), "{m:?}");
        assert_eq!(m.tier, "curated");
    }
}

#[wasm_bindgen_test]
fn case_sensitive_variants_are_flagged() {
    // In the default gazetteer, JNIM's French acronym GSIM is case-sensitive; its name is not.
    let text = JsString::from("Le GSIM, c'est-à-dire le Jnim ; mais « gsim » en minuscules n'est rien.");
    let mentions = tag(&default_tagger(), &text);
    assert_eq!(ids(&mentions), ["jnim", "jnim"], "{mentions:?}");
    assert_eq!(mentions[0].surface, "GSIM");
    assert!(mentions[0].case_sensitive, "{mentions:?}");
    assert_eq!(mentions[1].surface, "Jnim");
    assert!(!mentions[1].case_sensitive, "{mentions:?}");
    let spans: Uint32Array = call(&default_tagger(), "tagSpans", &[text.into()]).unwrap().dyn_into().unwrap();
    assert_eq!(spans.get_index(3) & 4, 4, "flag 4: case-sensitive");
    assert_eq!(spans.get_index(7) & 4, 0);

    // Each case mode, from a user's file.
    let toml = r#"
[[entity]]
id = "katiba_serma"
name = "Katiba Serma"
type = "armed_group"
variants = [{ text = "Serma", case = "capitalized", possible = true }]
acronyms = ["KS"]
"#;
    let tagger = from_sources(&[("acronyms.toml", toml)], false).unwrap();
    let text = JsString::from("KATIBA SERMA, KS, Ks, ks, SERMA, Serma, serma");
    let found: Vec<(String, bool, bool)> =
        tag(&tagger, &text).into_iter().map(|m| (m.surface, m.case_sensitive, m.possible)).collect();
    let expected =
        [("KATIBA SERMA", false, false), ("KS", true, false), ("SERMA", true, true), ("Serma", true, true)];
    assert_eq!(found, expected.map(|(s, c, p)| (s.to_string(), c, p)));
    let spans: Uint32Array = call(&tagger, "tagSpans", &[text.into()]).unwrap().dyn_into().unwrap();
    assert_eq!(spans.to_vec().chunks(4).map(|q| q[3]).collect::<Vec<_>>(), [0, 4, 6, 6], "flags");
}

#[wasm_bindgen_test]
fn tolerant_and_grammar_mentions_say_how_they_matched() {
    // A long name with one word missing, a descriptive force name, a plain variant.
    let text = JsString::from("Le Groupe de soutien à l'islam et musulmans, l'armée azawadienne et Kidal.");
    let mentions = tag(&default_tagger(), &text);
    let found: Vec<(&str, &str, &str, &str)> = mentions
        .iter()
        .map(|m| (m.surface.as_str(), m.id.as_str(), m.match_kind.as_str(), m.variant.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "Groupe de soutien à l'islam et musulmans",
                "jnim",
                "tolerant",
                "Groupe de soutien à l'islam et aux musulmans"
            ),
            ("armée azawadienne", "fla", "grammar", "armée azawadienne"),
            ("Kidal", "kidal", "exact", "Kidal"),
        ]
    );
    let spans: Uint32Array = call(&default_tagger(), "tagSpans", &[text.into()]).unwrap().dyn_into().unwrap();
    assert_eq!(spans.to_vec().chunks(4).map(|q| q[3] & 24).collect::<Vec<_>>(), [8, 16, 0], "flags 8, 16");
}

#[wasm_bindgen_test]
fn empty_and_nameless_texts() {
    let tagger = default_tagger();
    assert!(tag(&tagger, &JsString::from("")).is_empty());
    assert!(tag(&tagger, &JsString::from("Rien à signaler aujourd'hui. 🙂")).is_empty());
    let spans: Uint32Array = call(&tagger, "tagSpans", &["".into()]).unwrap().dyn_into().unwrap();
    assert_eq!(spans.length(), 0);
}

// ---------------------------------------------------------------------------------------------------
// A user's gazetteer.

const USER_TOML: &str = r#"# My own places.
[[entity]]
id = "nantaka"
name = "Nantaka"
type = "place"
subtype = "village"
variants = ["Nantaga"]
description = "Fishing village near Mopti."
lat = 14.53
lon = -4.18

[[entity]]
id = "boulkessi"
name = "Boulkessi camp"
type = "place"
subtype = "camp"
variants = ["Boulkessi"]
"#;

#[wasm_bindgen_test]
fn toml_source_merged_over_the_default() {
    let default_stats: Stats =
        from_sources(&[], true).and_then(|t| call(&t, "stats", &[])).map(from_js).unwrap();
    let tagger = from_sources(&[("mes-lieux.toml", USER_TOML)], true).expect("loads");
    let stats: Stats = from_js(call(&tagger, "stats", &[]).unwrap());
    assert_eq!(stats.entities, default_stats.entities + 1, "one new, one replaced");

    let text = JsString::from("Des pêcheurs de NANTAGA ont fui vers Boulkessi, puis vers Niafunké.");
    let mentions = tag(&tagger, &text);
    assert_eq!(ids(&mentions), ["nantaka", "boulkessi", "niafunke"], "{mentions:?}");
    assert_offsets_slice_surfaces(&text, &mentions);
    assert_eq!((mentions[0].name.as_str(), mentions[0].tier.as_str()), ("Nantaka", "user"));
    // The user's entry replaced the embedded one with the same id, variants included.
    assert_eq!((mentions[1].name.as_str(), mentions[1].tier.as_str()), ("Boulkessi camp", "user"));
    assert_eq!(mentions[1].subtype.as_deref(), Some("camp"));
    assert!(tag(&tagger, &JsString::from("Boulikessi")).is_empty(), "embedded variants are gone");
    assert_eq!(mentions[2].tier, "curated");

    let nantaka: Entity = from_js(call(&tagger, "entity", &["nantaka".into()]).unwrap());
    assert_eq!(nantaka.description.as_deref(), Some("Fishing village near Mopti."));
    assert_eq!((nantaka.lat, nantaka.lon), (Some(14.53), Some(-4.18)));
    assert_eq!(nantaka.tier, "user");

    // The default tagger is a different object and did not change.
    assert_eq!(ids(&tag(&default_tagger(), &"Nantaka".into())), Vec::<&str>::new());
}

#[wasm_bindgen_test]
fn spacy_patterns_replace_the_default() {
    let jsonl = r#"{"label": "GPE", "pattern": "Boulkessi", "id": "boulkessi"}
{"label": "GPE", "pattern": "Boulkessy", "id": "boulkessi"}
{"label": "ORG", "pattern": "JNIM", "id": "jnim"}

{"label": "PERSON", "pattern": "Amadou Koufa"}
"#;
    let tagger = from_sources(&[("patterns.jsonl", jsonl)], false).expect("loads");
    let stats: Stats = from_js(call(&tagger, "stats", &[]).unwrap());
    assert_eq!((stats.entities, stats.variants), (3, 4), "{stats:?}");

    let text = JsString::from("Le JNIM d'Amadou Koufa a frappé BOULKESSY, pas Niafunké ni Tombouctou.");
    let mentions = tag(&tagger, &text);
    assert_eq!(ids(&mentions)[..2], ["jnim", "user.person.amadou_koufa"], "{mentions:?}");
    assert_eq!(mentions.len(), 3, "no default entity: {mentions:?}");
    assert_eq!(mentions[0].kind, "organization", "ORG maps to organization");
    assert_eq!(mentions[1].kind, "person");
    assert_eq!((mentions[2].id.as_str(), mentions[2].name.as_str()), ("boulkessi", "Boulkessi"));
    assert_eq!(mentions[2].variant, "Boulkessy");
    assert_offsets_slice_surfaces(&text, &mentions);
}

#[wasm_bindgen_test]
fn a_source_without_a_known_extension_is_detected_by_content() {
    let jsonl = r#"{"label": "armed_group", "pattern": "Katiba Serma", "id": "katiba_serma"}"#;
    let tagger = from_sources(&[("import", jsonl)], true).expect("spaCy patterns by content");
    assert_eq!(ids(&tag(&tagger, &"la katiba Serma et le JNIM".into())), ["katiba_serma", "jnim"]);
}

#[wasm_bindgen_test]
fn exported_user_entries_load_back() {
    let tagger = from_sources(&[("mes-lieux.toml", USER_TOML)], true).unwrap();
    let tsv = call(&tagger, "exportTsv", &[true.into()]).unwrap().as_string().unwrap();
    assert_eq!(tsv.lines().count(), 3, "header and the two user entities:\n{tsv}");
    let reloaded = from_sources(&[("export.tsv", &tsv)], false).expect("the export loads");
    let mentions = tag(&reloaded, &"Nantaga, Boulkessi".into());
    assert_eq!(ids(&mentions), ["nantaka", "boulkessi"]);
    let everything = call(&tagger, "exportTsv", &[false.into()]).unwrap().as_string().unwrap();
    assert!(everything.lines().count() > 300);
}

/// `Tagger.fromSources` with a precompiled layer given as `{name, bytes, tier}` (what shared/layer.js
/// passes: data/geonames.bin.gz once decompressed): its entities load, every field kept; bytes that are
/// not a whole layer throw an error naming the source.
#[wasm_bindgen_test]
fn a_precompiled_layer_loads_from_bytes() {
    let mut village =
        sahel_tagger::Entity::new("gn:9900001", "Zorgalbougou", sahel_tagger::EntityType::Place);
    village.variants =
        vec![sahel_tagger::Variant::new("Zorgalbougou"), sahel_tagger::Variant::new("Zorgal Bougou")];
    village.parent = Some("mopti_region".into());
    village.lat = Some(14.1);
    village.geonames = Some(9900001);
    village.tier = sahel_tagger::Tier::Geonames;
    let bytes = sahel_tagger::gazetteer::precompiled::encode_layer("GeoNames (test)", &[village]);
    let load = |bytes: &[u8]| {
        let source = Object::new();
        Reflect::set(&source, &"name".into(), &"geonames.bin".into()).unwrap();
        Reflect::set(&source, &"bytes".into(), &js_sys::Uint8Array::from(bytes)).unwrap();
        Reflect::set(&source, &"tier".into(), &"geonames".into()).unwrap();
        call(&tagger_class(), "fromSources", &[Array::of1(&source).into(), true.into()])
    };
    let tagger = load(&bytes).expect("the layer loads");
    let entities: Vec<Entity> = from_js(call(&tagger, "entities", &[]).unwrap());
    let loaded = entities.iter().find(|e| e.id == "gn:9900001").expect("the village is there");
    assert_eq!((loaded.name.as_str(), loaded.variants.len()), ("Zorgalbougou", 2));
    assert!(entities.iter().any(|e| e.id == "mopti_region"), "over the default gazetteer");
    let thrown = load(&bytes[..bytes.len() - 3]).expect_err("a truncated layer");
    let message = error_message(&thrown);
    assert!(message.contains("geonames.bin: error: corrupt precompiled gazetteer"), "{message}");
}

// ---------------------------------------------------------------------------------------------------
// Errors.

#[wasm_bindgen_test]
fn a_bad_gazetteer_throws_an_error_naming_line_and_problem() {
    let tagger = default_tagger();
    let text = JsString::from("Attaque à Niafunké");
    let before = tag(&tagger, &text);

    let bad = "[[entity]]\nid = \"nantaka\"\nname = \"Nantaka\"\ntype = \"hamlet\"\n";
    let thrown = from_sources(&[("bad.toml", bad)], true).expect_err("an unknown type");
    let message = error_message(&thrown);
    assert!(message.contains("bad.toml:4: error:"), "{message}");
    assert!(message.contains("unknown type \"hamlet\""), "{message}");
    let diagnostics: Vec<Diagnostic> = from_js(get(&thrown, "diagnostics"));
    let first = &diagnostics[0];
    assert_eq!((first.severity.as_str(), first.source.as_str(), first.line), ("error", "bad.toml", Some(4)));
    assert!(first.message.contains("hamlet"));

    // TOML syntax: the line of the broken value.
    let thrown =
        from_sources(&[("syntax.toml", "[[entity]]\nid = \"x\"\nname = \"X\ntype = \"place\"\n")], true)
            .expect_err("an unterminated string");
    assert!(error_message(&thrown).contains("syntax.toml:3: error:"), "{}", error_message(&thrown));

    // spaCy token patterns are skipped, each with a warning naming its line; phrase patterns load.
    let jsonl = "{\"label\": \"GPE\", \"pattern\": \"Gao\"}\n{\"label\": \"GPE\", \"pattern\": [{\"LOWER\": \"gao\"}]}\n";
    let patterns = from_sources(&[("patterns.jsonl", jsonl)], false).expect("token patterns skipped");
    let warnings: Vec<Diagnostic> = from_js(call(&patterns, "diagnostics", &[]).unwrap());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!((warnings[0].severity.as_str(), warnings[0].line), ("warning", Some(2)));
    assert!(warnings[0].message.starts_with("token pattern skipped"), "{warnings:?}");
    assert_eq!(ids(&tag(&patterns, &JsString::from("à Gao"))), ["user.place.gao"]);

    // Nothing built half-way: the tagger made before still tags the same.
    let after = tag(&tagger, &text);
    assert_eq!(ids(&after), ids(&before));
    assert_eq!(ids(&after), ["niafunke"]);
}

#[wasm_bindgen_test]
fn malformed_arguments_throw_errors() {
    let class = tagger_class();
    let thrown = call(&class, "fromSources", &["not an array".into(), true.into()]).expect_err("a string");
    assert!(error_message(&thrown).contains("sources must be an array"), "{}", error_message(&thrown));

    let source = Object::new();
    Reflect::set(&source, &"name".into(), &"x.toml".into()).unwrap();
    Reflect::set(&source, &"text".into(), &"".into()).unwrap();
    Reflect::set(&source, &"tier".into(), &"gold".into()).unwrap();
    let thrown =
        call(&class, "fromSources", &[Array::of1(&source).into(), true.into()]).expect_err("bad tier");
    assert!(error_message(&thrown).contains("x.toml: unknown tier \"gold\""), "{}", error_message(&thrown));
}

#[wasm_bindgen_test]
fn validate_reports_without_building() {
    let class = tagger_class();
    let check = |name: &str, text: &str| -> Vec<Diagnostic> {
        from_js(call(&class, "validate", &[name.into(), text.into()]).unwrap())
    };
    assert!(check("mes-lieux.toml", USER_TOML).iter().all(|d| d.severity == "warning"));
    let twice =
        "[[entity]]\nid = \"nantaka\"\nname = \"Nantaka\"\ntype = \"place\"\nvariants = [\"NANTAKA\"]\n";
    let diagnostics = check("twice.toml", twice);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!((diagnostics[0].severity.as_str(), diagnostics[0].line), ("error", Some(5)));
    assert!(diagnostics[0].message.contains("listed twice"), "{diagnostics:?}");
    // A spelling shared with an embedded entity is a warning on the user's line.
    let shared = "[[entity]]\nid = \"other_djoura\"\nname = \"Dioura\"\ntype = \"place\"\n";
    let diagnostics = check("shared.toml", shared);
    assert!(diagnostics.iter().any(|d| d.severity == "warning" && d.message.contains("ambiguous")));
    assert!(diagnostics.iter().all(|d| d.source == "shared.toml"));
}

// ---------------------------------------------------------------------------------------------------
// Size.

/// A long text built on the JS side: `paragraph.repeat(n)`, with a few names per paragraph and
/// non-BMP, Arabic and accented characters throughout.
fn long_text(megabytes: usize) -> (JsString, u32) {
    let paragraph = "Le 12 mai, le JNIM a revendiqué une embuscade entre Boulkessi et Dioura 🚨 ; à Niafunké, \
                     les habitants parlent de تمبكتو et de Tombouctou sans distinction. Rien d'autre à noter. ";
    let unit = JsString::from(paragraph);
    let repeats = (megabytes << 20) / paragraph.len() + 1;
    (unit.repeat(repeats as i32), repeats as u32)
}

/// Ten megabytes under Node.js; two in the browser, where the call holds the page's one thread and
/// ChromeDriver gives the harness's poll of the page 30 s: on a busy CI machine a debug build tagging
/// 10 MB took longer, and the run ended there, the harness unheard (the bookmarklet's pages are about
/// 1 MB).
#[wasm_bindgen_test]
fn a_long_text() {
    let in_browser = Reflect::has(&js_sys::global(), &JsValue::from_str("document")).unwrap_or(false);
    tag_a_long_text(if in_browser { 2 } else { 10 });
}

/// Tags a text of `megabytes` MB (UTF-8) with both `tag` and `tagSpans`.
fn tag_a_long_text(megabytes: usize) {
    let tagger = default_tagger();
    let (text, repeats) = long_text(megabytes);
    let per_paragraph = ["jnim", "boulkessi", "djoura", "niafunke", "timbuktu", "timbuktu"];
    let mentions = tag(&tagger, &text);
    assert_eq!(mentions.len() as u32, repeats * per_paragraph.len() as u32);
    let paragraph_units = text.length() / repeats;
    for (i, m) in mentions.iter().enumerate().step_by(997).chain(mentions.iter().enumerate().next_back()) {
        assert_eq!(m.id, per_paragraph[i % per_paragraph.len()]);
        assert_eq!(String::from(text.slice(m.start, m.end)), m.surface, "{m:?}");
        assert_eq!(m.start / paragraph_units, (i / per_paragraph.len()) as u32);
    }
    let spans: Uint32Array = call(&tagger, "tagSpans", &[text.into()]).unwrap().dyn_into().unwrap();
    assert_eq!(spans.length(), 4 * mentions.len() as u32);
    let last = mentions.last().unwrap();
    assert_eq!(
        (spans.get_index(spans.length() - 4), spans.get_index(spans.length() - 3)),
        (last.start, last.end)
    );
}

// ---------------------------------------------------------------------------------------------------
// The packed form.

/// `tagPacked` holds what `tag` says, in typed arrays and indexes: entity indexes into `entities()`,
/// variant indexes into `variants`, and the candidates of ambiguous mentions.
#[wasm_bindgen_test]
fn packed_mentions_hold_what_tag_says() {
    let tagger = default_tagger();
    let text =
        JsString::from("😀 Le CNSP et le GSIM dans le Gourma ; NIAFOUNKE, l'armée azawadienne, Niafunké.");
    let mentions = tag(&tagger, &text);
    let entities: Vec<Entity> = from_js(call(&tagger, "entities", &[]).unwrap());
    let packed = call(&tagger, "tagPacked", &[text.into(), options(false, false)]).unwrap();
    let array = |key: &str| -> Vec<u32> { get(&packed, key).dyn_into::<Uint32Array>().unwrap().to_vec() };
    let (data, cand_mention, cand_offsets, cand_list) =
        (array("data"), array("candMention"), array("candOffsets"), array("candList"));
    let variants: Vec<String> = from_js(get(&packed, "variants"));
    assert_eq!(data.len(), 5 * mentions.len());
    assert!(mentions.iter().any(|m| m.ambiguous) && mentions.iter().any(|m| m.match_kind == "grammar"));
    assert_eq!(
        variants.len(),
        mentions.iter().map(|m| &m.variant).collect::<std::collections::HashSet<_>>().len()
    );
    let mut k = 0;
    for (i, (m, row)) in mentions.iter().zip(data.chunks(5)).enumerate() {
        assert_eq!((row[0], row[1]), (m.start, m.end));
        assert_eq!(entities[row[2] as usize].id, m.id);
        let flags = row[3];
        assert_eq!(flags & 1 != 0, m.ambiguous);
        assert_eq!(flags & 2 != 0, m.possible);
        assert_eq!(flags & 4 != 0, m.case_sensitive);
        assert_eq!(flags & 8 != 0, m.match_kind == "tolerant");
        assert_eq!(flags & 16 != 0, m.match_kind == "grammar");
        assert_eq!(variants[row[4] as usize], m.variant);
        if m.ambiguous {
            assert_eq!(cand_mention[k], i as u32);
            let ids: Vec<&str> = cand_list[cand_offsets[k] as usize..cand_offsets[k + 1] as usize]
                .iter()
                .map(|&e| entities[e as usize].id.as_str())
                .collect();
            assert_eq!(ids, m.candidates);
            k += 1;
        }
    }
    assert_eq!((cand_mention.len(), cand_offsets.len()), (k, k + 1));
}

// ---------------------------------------------------------------------------------------------------
// Options: doubtful names without evidence (`possible`) and names no list holds (`unlisted`).

/// A layer of the GeoNames tier with same-name villages (Karma in Mali and Niger, as GeoNames has
/// them) and a village "Son" (a French word: doubtful wherever it stands).
const LAYER: &str = "#sahel-tagger-tsv 1\ttest layer\n\
gn:2455612\tKarma\tplace\tvillage\tML\ttombouctou_region\t16.2\t-3.2\t2455612\tVillage\t^Karma\n\
gn:2442593\tKarma\tplace\tvillage\tNE\ttillaberi_region\t13.6\t1.9\t2442593\tVillage\t^Karma\n\
gn:9900101\tSon\tplace\tvillage\tML\tmopti_region\t14.3\t-4.2\t9900101\tVillage\t^Son\n";

/// The default gazetteer over `LAYER` (tier `geonames`), as the page builds it.
fn layered_tagger() -> JsValue {
    let source = Object::new();
    Reflect::set(&source, &"name".into(), &"layer.tsv".into()).unwrap();
    Reflect::set(&source, &"text".into(), &LAYER.into()).unwrap();
    Reflect::set(&source, &"tier".into(), &"geonames".into()).unwrap();
    call(&tagger_class(), "fromSources", &[Array::of1(&source).into(), true.into()]).expect("layer")
}

/// `{possible?, unlisted?}` as a JS object.
fn options(possible: bool, unlisted: bool) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"possible".into(), &possible.into()).unwrap();
    Reflect::set(&o, &"unlisted".into(), &unlisted.into()).unwrap();
    o.into()
}

fn tag_with(tagger: &JsValue, text: &str, options: JsValue) -> Vec<serde_json::Value> {
    from_js(call(tagger, "tag", &[text.into(), options]).expect("tag"))
}

#[wasm_bindgen_test]
fn tag_proposes_unlisted_names_by_default() {
    let tagger = default_tagger();
    let text = "Des hommes armés ont attaqué les villages de Kakassobon et Bolgadjé, près de Mopti.";
    let surfaces = |list: &[serde_json::Value]| -> Vec<String> {
        list.iter().map(|m| m["surface"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(surfaces(&tag_with(&tagger, text, options(false, false))), ["Mopti"]);
    let all = tag_with(&tagger, text, JsValue::UNDEFINED);
    assert_eq!(surfaces(&all), ["Kakassobon", "Bolgadjé", "Mopti"], "in text order");
    assert_eq!(tag_with(&tagger, text, JsValue::NULL), all);
    assert_eq!(tag_with(&tagger, text, options(false, true)), all);
    assert_eq!(tag_with(&tagger, text, Object::new().into()), all, "an absent option is its default");
    let k = &all[0];
    assert_eq!(k["id"], serde_json::Value::Null);
    assert_eq!((k["name"].as_str(), k["type"].as_str()), (Some("Kakassobon"), Some("place")));
    assert_eq!(k["unlisted"], true);
    assert_eq!((k["cue"].as_str(), k["cueKind"].as_str()), (Some("villages de"), Some("plural designator")));
    assert_eq!(all[1]["rule"].as_str(), Some("list"));
    let text16: Vec<u16> = text.encode_utf16().collect();
    let (start, end) = (all[1]["start"].as_u64().unwrap() as usize, all[1]["end"].as_u64().unwrap() as usize);
    assert_eq!(String::from_utf16(&text16[start..end]).unwrap(), "Bolgadjé");
    // A listed mention is unchanged, with no `unlisted` field.
    assert_eq!(all[2]["id"].as_str(), Some("mopti"));
    assert!(all[2].get("unlisted").is_none());
    // Every field is one the TypeScript types document (camelCase, candidates' `parentName` too).
    let documented = [
        "start",
        "end",
        "surface",
        "id",
        "name",
        "type",
        "unlisted",
        "unconfirmed",
        "cue",
        "cueKind",
        "rule",
        "match",
        "variant",
        "subtype",
        "candidates",
        "ambiguous",
        "possible",
        "caseSensitive",
        "check",
        "tier",
        "designator",
        "candidateFacts",
        "country",
        "admin1",
        "admin2",
        "lat",
        "lon",
        "reason",
        "related",
    ];
    for m in &all {
        for key in m.as_object().unwrap().keys() {
            assert!(documented.contains(&key.as_str()), "undocumented field {key} in {m}");
        }
    }
    let related = all[2]["related"].as_array().expect("Mopti's cercle and region");
    assert!(
        related.iter().all(|c| c.get("parent_name").is_none() && c["parentName"].is_string()),
        "{related:?}"
    );
    // Options that are not {possible?, unlisted?} are refused with a readable error.
    let bad = Object::new();
    Reflect::set(&bad, &"unlisetd".into(), &true.into()).unwrap();
    let thrown = call(&tagger, "tag", &[text.into(), bad.into()]).expect_err("a misspelt option");
    assert!(error_message(&thrown).contains("options must be {possible?: boolean, unlisted?: boolean}"));
}

#[wasm_bindgen_test]
fn tag_shows_doubtful_names_without_evidence_only_when_asked() {
    let tagger = layered_tagger();
    let text = "Son frère est parti vers Gao. Son champ est loin.";
    let found = tag_with(&tagger, text, JsValue::UNDEFINED);
    assert_eq!(found.iter().map(|m| m["surface"].as_str().unwrap()).collect::<Vec<_>>(), ["Gao"]);
    let all = tag_with(&tagger, text, options(true, false));
    let son: Vec<_> = all.iter().filter(|m| m["surface"] == "Son").collect();
    assert_eq!(son.len(), 2);
    for m in son {
        assert_eq!(m["unconfirmed"], true);
        assert_eq!(m["check"]["verdict"], "unconfirmed");
        assert_eq!(m["check"]["reason"], "no evidence");
    }
    call(&tagger, "free", &[]).unwrap();
}

/// `tagPacked` with options: unlisted names among the mentions (flag 128, their facts in `unlisted`,
/// their surface in `variants`), unconfirmed ones (flag 256) with their check in `checkOf`/`checks`,
/// the reason context linked a name (`reasonOf`/`reasons`) and related places (`rel*`), all as `tag`
/// says them.
#[wasm_bindgen_test]
fn packed_mentions_carry_unlisted_unconfirmed_reasons_and_related() {
    let tagger = layered_tagger();
    let text = "Des hommes armés ont attaqué Karma, dans la province du Yatenga, samedi. Les villages de \
                Kakassobon et Bolgadjé sont vides. Son frère est à Kidal.";
    let packed = call(&tagger, "tagPacked", &[text.into(), options(true, true)]).unwrap();
    let listed = tag_with(&tagger, text, options(true, true));
    let array = |key: &str| -> Vec<u32> { get(&packed, key).dyn_into::<Uint32Array>().unwrap().to_vec() };
    let data = array("data");
    let variants: Vec<String> = from_js(get(&packed, "variants"));
    let unlisted: Vec<serde_json::Value> = from_js(get(&packed, "unlisted"));
    let reasons: Vec<serde_json::Value> = from_js(get(&packed, "reasons"));
    let checks: Vec<serde_json::Value> = from_js(get(&packed, "checks"));
    let entities: Vec<Entity> = from_js(call(&tagger, "entities", &[]).unwrap());
    let (reason_of, check_of) = (array("reasonOf"), array("checkOf"));
    let (rel_mention, rel_offsets, rel_list) = (array("relMention"), array("relOffsets"), array("relList"));
    assert_eq!(data.len(), 5 * listed.len());
    let (mut seen_unlisted, mut seen_unconfirmed, mut seen_reason, mut seen_related) = (0, 0, 0, 0);
    for (i, (m, row)) in listed.iter().zip(data.chunks(5)).enumerate() {
        assert_eq!(
            (row[0] as u64, row[1] as u64),
            (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap())
        );
        let flags = row[3];
        assert_eq!(flags & 128 != 0, m["unlisted"] == true, "{m}");
        assert_eq!(flags & 256 != 0, m["unconfirmed"] == true, "{m}");
        if flags & 128 != 0 {
            let facts = &unlisted[row[2] as usize];
            assert_eq!(row[2], seen_unlisted, "one entry per unlisted name, in text order");
            assert_eq!(
                (&facts["type"], &facts["cue"], &facts["cueKind"], &facts["rule"]),
                (&m["type"], &m["cue"], &m["cueKind"], &m["rule"])
            );
            assert_eq!(variants[row[4] as usize], m["surface"].as_str().unwrap());
            seen_unlisted += 1;
            continue;
        }
        assert_eq!(entities[row[2] as usize].id, m["id"].as_str().unwrap());
        let find =
            |list: &[u32], stride: usize| list.chunks(stride).find(|c| c[0] == i as u32).map(|c| c.to_vec());
        match (find(&reason_of, 2), m.get("reason")) {
            (Some(pair), Some(reason)) => {
                assert_eq!(&reasons[pair[1] as usize], reason);
                seen_reason += 1;
            }
            (None, None) => {}
            other => panic!("reason of {m}: {other:?}"),
        }
        match (find(&check_of, 3), m.get("check")) {
            (Some(triple), Some(check)) => {
                let mut expected = check.clone();
                let at = expected.as_object_mut().unwrap().remove("at");
                assert_eq!(checks[triple[1] as usize], expected);
                assert_eq!(
                    at.map(|a| a.as_u64().unwrap() as u32),
                    (triple[2] != u32::MAX).then_some(triple[2])
                );
                assert_eq!(flags & 64, 64);
                if flags & 256 != 0 {
                    seen_unconfirmed += 1;
                }
            }
            (None, None) => assert_eq!(flags & 64, 0),
            other => panic!("check of {m}: {other:?}"),
        }
        let related: Vec<&str> = match rel_mention.iter().position(|&r| r == i as u32) {
            Some(k) => rel_list[rel_offsets[k] as usize..rel_offsets[k + 1] as usize]
                .iter()
                .map(|&e| entities[e as usize].id.as_str())
                .collect(),
            None => vec![],
        };
        let expected: Vec<&str> = m
            .get("related")
            .map(|r| r.as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect())
            .unwrap_or_default();
        assert_eq!(related, expected);
        seen_related += usize::from(!related.is_empty());
    }
    assert_eq!(seen_unlisted as usize, unlisted.len());
    assert_eq!((seen_unlisted, seen_unconfirmed, seen_reason, seen_related), (2, 1, 1, 1), "{listed:?}");
    // Without options, the default: the unlisted names, no unconfirmed name.
    let plain = call(&tagger, "tagPacked", &[text.into()]).unwrap();
    let flags: Vec<u32> =
        get(&plain, "data").dyn_into::<Uint32Array>().unwrap().to_vec().chunks(5).map(|r| r[3]).collect();
    assert!(flags.iter().all(|f| f & 256 == 0));
    assert_eq!(flags.iter().filter(|f| *f & 128 != 0).count(), 2);
    assert_eq!(from_js::<Vec<serde_json::Value>>(get(&plain, "unlisted")).len(), 2);
    // With {unlisted: false}: none of them.
    let listed_only = call(&tagger, "tagPacked", &[text.into(), options(false, false)]).unwrap();
    let flags: Vec<u32> = get(&listed_only, "data")
        .dyn_into::<Uint32Array>()
        .unwrap()
        .to_vec()
        .chunks(5)
        .map(|r| r[3])
        .collect();
    assert!(flags.iter().all(|f| f & (128 | 256) == 0));
    assert_eq!(from_js::<Vec<serde_json::Value>>(get(&listed_only, "unlisted")).len(), 0);
    call(&tagger, "free", &[]).unwrap();
}

/// The core's view with its keys as JavaScript writes them (`case_sensitive` → `caseSensitive`), and
/// every number a float (JavaScript has no integer 18 apart from 18.0).
fn as_javascript(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, v)| {
                    let mut words = key.split('_');
                    let mut camel = words.next().unwrap_or_default().to_string();
                    for w in words {
                        let mut letters = w.chars();
                        camel.extend(letters.next().map(|c| c.to_ascii_uppercase()));
                        camel.push_str(letters.as_str());
                    }
                    (camel, as_javascript(v))
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(as_javascript).collect()),
        Value::Number(n) => Value::from(n.as_f64().expect("a number")),
        other => other,
    }
}

/// `tag()` makes its objects in JavaScript from templates (one per kind of mention): each object is
/// still exactly the core's `MentionView` of that mention, field for field (offsets in UTF-16, after
/// an astral character), for repeated names sharing a template, ambiguous names, a doubtful name kept
/// by another mention (its check's `at`), unlisted names and Arabic; and each has its own
/// `candidates` array.
#[wasm_bindgen_test]
fn tag_objects_are_the_core_views() {
    use sahel_tagger::view::{Offsets, Viewer};
    let text = "😀 Le GSIM a frappé Gao. Gao reste sous pression ; le CNSP et le GSIM dans le Gourma. \
                Des hommes armés ont attaqué les villages de Kakassobon et Bolgadjé, près de Mopti.\n\n\
                وصلت الهجمات إلى بوركينا فاسو والنيجر وحدود بنين وتوغو. Gao, Niafunké et Gao.";
    let core = sahel_tagger::Tagger::default();
    let tagged = core.tag_with(text, &sahel_tagger::Options::default());
    let mut viewer = Viewer::new(&core, text, Offsets::Utf16, true);
    let mut unlisted_viewer = Viewer::new(&core, text, Offsets::Utf16, true);
    let mut expected: Vec<(usize, serde_json::Value)> = tagged
        .mentions
        .iter()
        .map(|m| (m.start, serde_json::to_value(viewer.mention(m)).unwrap()))
        .chain(
            tagged
                .unlisted
                .iter()
                .map(|u| (u.start, serde_json::to_value(unlisted_viewer.unlisted(u)).unwrap())),
        )
        .collect();
    expected.sort_by_key(|(start, _)| *start);
    let expected: Vec<serde_json::Value> = expected.into_iter().map(|(_, v)| as_javascript(v)).collect();

    let tagger = default_tagger();
    let objects: Array = call(&tagger, "tag", &[text.into()]).unwrap().dyn_into().unwrap();
    let found: Vec<serde_json::Value> = from_js(objects.clone().into());
    let found: Vec<serde_json::Value> = found.into_iter().map(as_javascript).collect();
    assert_eq!(found, expected);
    // What the text was chosen to hold.
    let count = |f: &dyn Fn(&serde_json::Value) -> bool| found.iter().filter(|m| f(m)).count();
    assert_eq!(count(&|m| m["surface"] == "Gao"), 4, "one template, four objects");
    assert!(count(&|m| m["ambiguous"] == true) >= 1, "{found:?}");
    assert!(count(&|m| m["check"]["at"].is_number()) >= 1, "a check referring to another mention: {found:?}");
    assert_eq!(count(&|m| m["unlisted"] == true), 2);
    assert_eq!(found[0]["start"], 6.0, "\"GSIM\" after 😀 (two UTF-16 units) and \" Le \": {}", found[0]);
    // Each object has its own candidates: changing one changes no other of its template.
    let gao: Vec<Object> =
        objects.iter().filter(|m| get(m, "surface") == "Gao").map(|m| m.unchecked_into()).collect();
    let first: Array = get(&gao[0], "candidates").dyn_into().unwrap();
    first.push(&"changed".into());
    assert_eq!(Array::from(&get(&gao[1], "candidates")).length() + 1, first.length());
}
