#![cfg(not(target_arch = "wasm32"))]
//! The extended tier generated from the real GeoNames dumps, when they are there (`../shared/geonames`
//! or $SAHEL_GEONAMES_DIR); skipped with a message otherwise, since the dumps are not part of the
//! project.

use std::path::PathBuf;
use std::sync::OnceLock;

use sahel_tagger::gazetteer::geonames::{generate, Options};
use sahel_tagger::{CaseMode, Entity, Gazetteer, GazetteerBuilder, Tagger};

fn dumps_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SAHEL_GEONAMES_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/geonames"));
    if dir.join("ML.txt").is_file() {
        Some(dir)
    } else {
        eprintln!("GeoNames dumps not found at {}: skipping the extended-tier tests", dir.display());
        None
    }
}

fn generated() -> Option<&'static (Vec<Entity>, Tagger)> {
    static GENERATED: OnceLock<Option<(Vec<Entity>, Tagger)>> = OnceLock::new();
    GENERATED
        .get_or_init(|| {
            let dir = dumps_dir()?;
            let dumps: Vec<(String, String)> = ["ML", "BF", "NE"]
                .iter()
                .map(|c| (c.to_string(), std::fs::read_to_string(dir.join(format!("{c}.txt"))).unwrap()))
                .collect();
            let mut options = Options::default();
            for list in ["/usr/share/dict/french", "/usr/share/dict/american-english"] {
                match std::fs::read_to_string(list) {
                    Ok(text) => options.add_word_list(&text),
                    Err(_) => eprintln!("word list {list} missing: common words are not flagged in this run"),
                }
            }
            let (entities, _) = generate(&dumps, &Gazetteer::embedded(), &options);
            let mut builder = GazetteerBuilder::with_embedded();
            for e in entities.clone() {
                builder.add_entity(e);
            }
            Some((
                entities,
                Tagger::new(builder.build().expect("the generated tier loads over the curated one")),
            ))
        })
        .as_ref()
}

#[test]
fn the_extended_tier_covers_the_villages_of_the_three_countries() {
    let Some((entities, _)) = generated() else { return };
    assert!(entities.len() > 35_000, "{} places", entities.len());
    let variants: usize = entities.iter().map(|e| e.variants.len()).sum();
    assert!(variants > 45_000, "{variants} spellings");
    // Every generated spelling must be capitalized in text.
    assert!(entities.iter().flat_map(|e| &e.variants).all(|v| v.case == CaseMode::Capitalized));
    // The curated tier wins: no generated place repeats a curated GeoNames id.
    let curated = Gazetteer::embedded();
    let curated_ids: std::collections::HashSet<u64> =
        curated.entities().iter().filter_map(|e| e.geonames).collect();
    assert!(entities.iter().all(|e| !curated_ids.contains(&e.geonames.unwrap())));
}

#[test]
fn villages_are_found_capitalized_and_curated_names_stay_primary() {
    let Some((entities, tagger)) = generated() else { return };
    // Pick generated villages with a certain (not possible), single-word name.
    let villages: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.subtype.as_deref() == Some("village"))
        .filter(|e| {
            e.variants
                .first()
                .is_some_and(|v| !v.possible && !v.text.contains([' ', '-', '\'']) && v.text.len() > 5)
        })
        .step_by(997)
        .take(20)
        .collect();
    assert!(villages.len() >= 10);
    for village in villages {
        let name = &village.variants[0].text;
        let text = format!("Des hommes armés ont attaqué {name} dimanche; à Gao, le calme.");
        let mentions = tagger.tag(&text);
        let found: Vec<&str> = mentions.iter().map(|m| tagger.entity(m).id.as_str()).collect();
        assert!(
            mentions.iter().any(|m| m.surface(&text) == name
                && m.candidates.iter().any(|&c| tagger.gazetteer().entity(c).id == village.id)),
            "{name} not found in {found:?}"
        );
        assert!(found.contains(&"gao"), "the curated Gao should stay primary: {found:?}");
        let lower = format!("le mot {} en minuscules", name.to_lowercase());
        assert!(tagger.tag(&lower).is_empty(), "{lower:?} should not match");
    }
}

#[test]
fn common_words_and_personal_names_are_only_possible() {
    let Some((_, tagger)) = generated() else { return };
    let text = "Moussa Traoré a dit que la Table ronde de Paris était prête.";
    for m in tagger.tag(text) {
        let entity = tagger.entity(&m);
        if entity.tier == sahel_tagger::Tier::Extended {
            assert!(m.possible, "{} ({}) should be possible", m.surface(text), entity.id);
        }
    }
}
