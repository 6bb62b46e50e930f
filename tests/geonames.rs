//! The GeoNames layer generated from the real GeoNames dumps, when they are there (`../shared/geonames`
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
        eprintln!("GeoNames dumps not found at {}: skipping the GeoNames layer tests", dir.display());
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
fn the_geonames_layer_covers_the_villages_of_the_three_countries() {
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
    if !std::path::Path::new("/usr/share/dict/french").is_file() {
        // "Table" is flagged as a French word from the word list; without it there is nothing to check.
        println!("SKIPPED: /usr/share/dict/french not found (apt-get install wfrench)");
        return;
    }
    let text = "Moussa Traoré a dit que la Table ronde de Paris était prête.";
    for m in tagger.tag(text) {
        let entity = tagger.entity(&m);
        if entity.tier == sahel_tagger::Tier::Geonames {
            assert!(m.possible, "{} ({}) should be possible", m.surface(text), entity.id);
        }
    }
}

/// One row of a GeoNames dump: coordinates and the country codes (main and `cc2`).
struct Row {
    lat: f64,
    lon: f64,
    countries: Vec<String>,
}

fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

#[test]
fn curated_places_agree_with_their_geonames_rows() {
    let Some(dir) = dumps_dir() else { return };
    // Every country dump in the folder (ML.txt, BF.txt, NE.txt, SN.txt, ...).
    let mut rows = std::collections::HashMap::new();
    let mut dumped = std::collections::HashSet::new();
    for file in std::fs::read_dir(&dir).unwrap() {
        let path = file.unwrap().path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else { continue };
        if path.extension().is_none_or(|e| e != "txt") || stem.len() != 2 {
            continue;
        }
        dumped.insert(stem.to_string());
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let f: Vec<&str> = line.split('\t').collect();
            let mut countries = vec![f[8].to_string()];
            countries.extend(f[9].split(',').filter(|c| !c.is_empty()).map(String::from));
            rows.insert(
                f[0].parse::<u64>().unwrap(),
                Row { lat: f[4].parse().unwrap(), lon: f[5].parse().unwrap(), countries },
            );
        }
    }
    let gazetteer = Gazetteer::embedded();
    let by_id: std::collections::HashMap<&str, &Entity> =
        gazetteer.entities().iter().map(|e| (e.id.as_str(), e)).collect();
    // An entity's countries: its own `country`, else its nearest ancestor's.
    fn countries_of<'a>(
        mut e: &'a Entity,
        by_id: &std::collections::HashMap<&str, &'a Entity>,
    ) -> Vec<String> {
        loop {
            if let Some(c) = &e.country {
                return c.split_whitespace().map(String::from).collect();
            }
            match e.parent.as_deref().and_then(|p| by_id.get(p)) {
                Some(parent) => e = parent,
                None => return Vec::new(),
            }
        }
    }
    let (mut checked, mut unchecked, mut problems) = (0, Vec::new(), Vec::new());
    for e in gazetteer.entities().iter().filter(|e| e.kind == sahel_tagger::EntityType::Place) {
        let Some(id) = e.geonames else { continue };
        let countries = countries_of(e, &by_id);
        let (Some(lat), Some(lon)) = (e.lat, e.lon) else {
            problems.push(format!("{}: GeoNames id {id} but no coordinates", e.id));
            continue;
        };
        match rows.get(&id) {
            Some(row) => {
                checked += 1;
                let d = km(lat, lon, row.lat, row.lon);
                if d > 25.0 {
                    problems.push(format!(
                        "{}: {d:.0} km from GeoNames row {id} ({}, {})",
                        e.id, row.lat, row.lon
                    ));
                }
                if !row.countries.iter().any(|c| countries.contains(c)) {
                    problems.push(format!(
                        "{}: country {countries:?} but GeoNames row {id} is in {:?}",
                        e.id, row.countries
                    ));
                }
            }
            // A country without a dump here: nothing to compare with.
            None if countries.is_empty() || countries.iter().any(|c| !dumped.contains(c)) => {
                unchecked.push(format!("{} ({})", e.id, countries.join(" ")))
            }
            None => problems.push(format!("{}: GeoNames id {id} is in no dump of {countries:?}", e.id)),
        }
    }
    eprintln!(
        "{checked} curated places checked against the GeoNames dumps; {} outside them: {}",
        unchecked.len(),
        unchecked.join(", ")
    );
    assert!(checked > 300, "only {checked} places checked");
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}
