//! Admin1 and admin2 names of places ([`sahel_tagger::admin`]): curated places and GeoNames-layer
//! villages, in the views every binding serialises; the curated places' chains checked against the
//! GeoNames dumps when they are there (`../shared/geonames` or $SAHEL_GEONAMES_DIR).

use std::collections::HashMap;
use std::path::PathBuf;

use sahel_tagger::admin::{admin1_unit, admin_of};
use sahel_tagger::gazetteer::geonames::{admin_short_name, admin_units, generate, Options};
use sahel_tagger::{EntityType, Gazetteer, GazetteerBuilder, MentionView, Offsets, Tagger, Tier};

fn views(tagger: &Tagger, text: &str) -> Vec<MentionView> {
    tagger.views(text, &tagger.tag_with(text, &sahel_tagger::Options::default()), Offsets::CodePoints)
}

fn admin(view: &MentionView) -> (Option<&str>, Option<&str>) {
    (view.admin1.as_deref(), view.admin2.as_deref())
}

#[test]
fn a_curated_village_has_its_region_and_province_by_their_geonames_names() {
    let tagger = Tagger::default();
    let text = "Des civils ont été tués à Karma, près de Ouahigouya, puis à Douentza et à Tombouctou.";
    let found = views(&tagger, text);
    let by_id =
        |id: &str| found.iter().find(|v| v.id.as_deref() == Some(id)).unwrap_or_else(|| panic!("{id}"));
    let karma = by_id("karma");
    assert_eq!(admin(karma), (Some("Nord"), Some("Yatenga")), "GeoNames: Province du Yatenga, region Nord");
    assert_eq!(karma.country.as_deref(), Some("BF"));
    assert_eq!((karma.lat, karma.lon), (Some(13.70816), Some(-2.35369)));
    assert_eq!(admin(by_id("ouahigouya")), (Some("Nord"), Some("Yatenga")));
    assert_eq!(admin(by_id("douentza")), (Some("Mopti"), Some("Douentza")));
    assert_eq!(admin(by_id("timbuktu")), (Some("Tombouctou"), Some("Tombouctou")));
    // Without details, only the contract fields.
    let tagged = tagger.tag_with(text, &sahel_tagger::Options::default());
    let short = tagger.views_with(text, &tagged, Offsets::CodePoints, false);
    assert!(short.iter().all(|v| v.admin1.is_none() && v.admin2.is_none()));
}

#[test]
fn units_themselves_and_places_above_them() {
    let tagger = Tagger::default();
    let text = "Dans la province du Yatenga, la région de Mopti, le cercle de Douentza et au Mali.";
    let found = views(&tagger, text);
    let got: Vec<(&str, Option<&str>, Option<&str>)> =
        found.iter().map(|v| (v.id.as_deref().unwrap(), v.admin1.as_deref(), v.admin2.as_deref())).collect();
    assert!(got.contains(&("yatenga", Some("Nord"), Some("Yatenga"))), "{got:?}");
    assert!(got.contains(&("mopti_region", Some("Mopti"), None)), "{got:?}");
    assert!(got.contains(&("douentza_cercle", Some("Mopti"), Some("Douentza"))), "{got:?}");
    assert!(got.contains(&("mali", None, None)), "a country has no admin units: {got:?}");
}

#[test]
fn short_names_drop_the_unit_word() {
    for (name, short) in [
        ("Province du Yatenga", "Yatenga"),
        ("Province de la Kossi", "Kossi"),
        ("Province des Balé", "Balé"),
        ("Kadiogo Province", "Kadiogo"),
        ("Mopti Region", "Mopti"),
        ("Cercle d’ Abeïbara", "Abeïbara"),
        ("Cercle de Yélimané", "Yélimané"),
        ("Département d' Agadez", "Agadez"),
        ("Département d’Aguié", "Aguié"),
        ("Guidan Roumdji Department", "Guidan Roumdji"),
        ("Wilaya du Trarza", "Trarza"),
        ("Nord", "Nord"),
        ("Region", "Region"),
    ] {
        assert_eq!(admin_short_name(name), short, "{name}");
    }
}

fn row(id: u64, name: &str, code: &str, admin1: &str, admin2: &str, lat: f64, lon: f64) -> String {
    let class = if code.starts_with("ADM") { "A" } else { "P" };
    format!("{id}\t{name}\t{name}\t\t{lat}\t{lon}\t{class}\t{code}\tML\t\t{admin1}\t{admin2}\t\t\t0\t\t280\tAfrica/Bamako\t2023-01-01")
}

#[test]
fn a_layer_village_hangs_under_its_cercle_and_gets_the_same_names_as_curated_places() {
    // A small dump with the real rows of the Mopti region and the Bankass cercle (both curated), of
    // the Ségou region (curated) and its Barouéli cercle (not curated), and villages under each.
    let dump = [
        row(2453347, "Mopti Region", "ADM1", "04", "", 14.5, -4.2),
        row(7701493, "Bankass Cercle", "ADM2", "04", "7701493", 14.1, -3.5),
        row(2451477, "Ségou Region", "ADM1", "05", "", 13.6, -5.9),
        row(7701201, "Baroueli", "ADM2", "05", "7701201", 13.07, -6.57),
        row(91, "Bladiwoulou", "PPL", "04", "7701493", 13.43134, -3.27575),
        row(92, "Sokoutiéré", "PPL", "05", "7701201", 13.0, -6.5),
        row(93, "Kanikoumbo", "PPL", "04", "", 14.7, -3.7),
    ]
    .join("\n");
    let (entities, _) = generate(&[("ML.txt".into(), dump)], &Gazetteer::embedded(), &Options::default());
    let parent = |id: &str| entities.iter().find(|e| e.id == id).unwrap().parent.clone();
    assert_eq!(parent("gn:91").as_deref(), Some("bankass_cercle"), "the curated cercle, by its GeoNames id");
    assert_eq!(parent("gn:92").as_deref(), Some("gn:7701201"), "a cercle from the layer");
    assert_eq!(parent("gn:7701201").as_deref(), Some("segou_region"));
    assert_eq!(parent("gn:93").as_deref(), Some("mopti_region"), "no ADM2 code: under its region");
    let mut builder = GazetteerBuilder::with_embedded();
    for e in entities {
        builder.add_entity(e);
    }
    let tagger = Tagger::new(builder.build().unwrap());
    let text = "Des hommes armés ont attaqué Bladiwoulou, Sokoutiéré et Kanikoumbo, puis Bankass.";
    let found = views(&tagger, text);
    type Row<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let got: Vec<Row<'_>> = found
        .iter()
        .map(|v| (v.surface.as_str(), v.country.as_deref(), v.admin1.as_deref(), v.admin2.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Bladiwoulou", Some("ML"), Some("Mopti"), Some("Bankass")),
            ("Sokoutiéré", Some("ML"), Some("Ségou"), Some("Barouéli")),
            ("Kanikoumbo", Some("ML"), Some("Mopti"), None),
            ("Bankass", Some("ML"), Some("Mopti"), Some("Bankass")),
        ]
    );
    assert_eq!(found[0].lat, Some(13.43134));
}

fn dumps() -> Option<Vec<(String, String)>> {
    let dir = std::env::var_os("SAHEL_GEONAMES_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/geonames"));
    if !dir.join("ML.txt").is_file() {
        eprintln!(
            "GeoNames dumps not found at {}: skipping the checks of admin units against the dumps",
            dir.display()
        );
        return None;
    }
    Some(
        ["ML", "BF", "NE", "MR", "SN", "GN", "CI"]
            .iter()
            .filter_map(|c| {
                let path = dir.join(format!("{c}.txt"));
                std::fs::read_to_string(&path).ok().map(|text| (path.display().to_string(), text))
            })
            .collect(),
    )
}

#[test]
fn the_embedded_table_is_the_dumps_adm_rows() {
    let Some(dumps) = dumps() else { return };
    let embedded = include_str!("../src/admin_units.tsv");
    assert!(
        admin_units(&dumps, &Gazetteer::embedded()) == embedded,
        "src/admin_units.tsv differs from the dumps: run `sahel-tagger gazetteer admin-units --out src/admin_units.tsv`"
    );
}

#[test]
fn curated_places_have_the_admin_units_their_geonames_rows_name() {
    let Some(dumps) = dumps() else { return };
    // GeoNames id → (country, ADM1 code, ADM2 code); ADM2 units by codes.
    let mut rows: HashMap<u64, (String, String, String)> = HashMap::new();
    let mut adm2: HashMap<(String, String, String), u64> = HashMap::new();
    for (_, text) in &dumps {
        for line in text.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            let Some(id) = f.first().and_then(|i| i.parse::<u64>().ok()) else { continue };
            if f.len() < 19 {
                continue;
            }
            let key = (f[8].to_string(), f[10].to_string(), f[11].to_string());
            if f[7] == "ADM2" && !f[11].is_empty() {
                adm2.insert(key.clone(), id);
            }
            rows.entry(id).or_insert(key);
        }
    }
    // Where the curated gazetteer knowingly differs from a place's GeoNames row, and why.
    let known: HashMap<&str, &str> = [
        ("arbinda", "in Karo-Peli, a province of 2025 (split from Soum) GeoNames does not have"),
        ("boukouma", "in Karo-Peli, a province of 2025 (split from Soum) GeoNames does not have"),
        ("ouindigui", "a commune of the Loroum province; its GeoNames row says Yatenga"),
        ("kantchari", "in Dyamongou, a province of 2025 (split from Tapoa) GeoNames does not have"),
        ("botou", "in Dyamongou, a province of 2025 (split from Tapoa) GeoNames does not have"),
        ("araouane", "in the Taoudénit region (GeoNames has the unit; the town's row still says Tombouctou)"),
        ("talataye", "in the Ménaka region (GeoNames has the unit; the row still says Gao)"),
        ("tamalat", "in the Ménaka region (GeoNames has the unit; the row still says Gao)"),
        ("anderamboukane", "in the Ménaka region (GeoNames has the unit; the row still says Gao)"),
        ("inekar", "in the Ménaka region (GeoNames has the unit; the row still says Gao)"),
        ("tidermene", "in the Ménaka region (GeoNames has the unit; the row still says Gao)"),
        ("anefis", "in the Kidal region; its GeoNames row says Gao"),
        ("kalaban_coro", "in the Kati cercle, Koulikoro region, next to Bamako; its row says Bamako"),
        (
            "bafoulabe",
            "under the Kita region of 2023, which GeoNames does not have; its cercle is not curated",
        ),
        (
            "sandare",
            "under the Nioro region of 2023, which GeoNames does not have; its cercle is not curated",
        ),
        (
            "kolondieba",
            "under the Bougouni region of 2023, which GeoNames does not have; its cercle is not curated",
        ),
        (
            "yanfolila",
            "under the Bougouni region of 2023, which GeoNames does not have; its cercle is not curated",
        ),
        ("azawad", "the territory the rebels claim, over several regions"),
    ]
    .into_iter()
    .collect();
    let gazetteer = Gazetteer::embedded();
    let (mut checked, mut wrong) = (0, vec![]);
    for (i, e) in gazetteer.entities().iter().enumerate() {
        if e.kind != EntityType::Place || e.tier != Tier::Curated {
            continue;
        }
        let Some((country, a1, a2)) = e.geonames.and_then(|g| rows.get(&g)) else { continue };
        // Areas and rivers span units; the curated places of other countries hang under their country.
        let spans = matches!(e.subtype.as_deref(), Some("country" | "area" | "river"));
        if spans || !["ML", "BF", "NE"].contains(&country.as_str()) || known.contains_key(e.id.as_str()) {
            continue;
        }
        // An ADM2 unit's ADM1 code as the table corrects it (see `admin_units`).
        let a1 = match e.geonames.and_then(sahel_tagger::admin::unit) {
            Some(unit) if unit.level == 2 => unit.admin1_code,
            _ => a1.as_str(),
        };
        let expected1 = admin1_unit(country, a1).map(|u| u.name);
        if expected1.is_none() {
            continue;
        }
        let expected2 = adm2
            .get(&(country.clone(), rows[&e.geonames.unwrap()].1.clone(), a2.clone()))
            .and_then(|&id| sahel_tagger::admin::unit(id))
            .map(|u| u.name);
        let got = admin_of(&gazetteer, sahel_tagger::EntityIndex(i as u32));
        let got1 = got.admin1.map(|u| u.name);
        let got2 = got.admin2.map(|u| u.name);
        checked += 1;
        // Where the dump names no ADM2 unit, the curated chain may know one.
        if got1 != expected1 || (expected2.is_some() && got2 != expected2) {
            wrong.push(format!(
                "{} ({}): dump {:?}/{:?}, chain {:?}/{:?}",
                e.id, e.name, expected1, expected2, got1, got2
            ));
        }
    }
    eprintln!("{checked} curated places checked against their GeoNames rows");
    assert!(checked > 200, "{checked}");
    assert!(wrong.is_empty(), "{} places disagree with GeoNames:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn layer_places_get_admin_units_from_the_dumps_codes() {
    let Some(dumps) = dumps() else { return };
    let three: Vec<(String, String)> = dumps
        .into_iter()
        .filter(|(name, _)| ["ML.txt", "BF.txt", "NE.txt"].iter().any(|c| name.ends_with(c)))
        .collect();
    let (entities, _) = generate(&three, &Gazetteer::embedded(), &Options::default());
    let mut builder = GazetteerBuilder::with_embedded();
    for e in entities {
        builder.add_entity(e);
    }
    let gazetteer = builder.build().expect("the layer loads: every parent names an entity");
    let mut counts: HashMap<&str, (usize, usize, usize)> = HashMap::new();
    for (i, e) in gazetteer.entities().iter().enumerate() {
        if e.tier != Tier::Geonames {
            continue;
        }
        let admin = admin_of(&gazetteer, sahel_tagger::EntityIndex(i as u32));
        let c = counts.entry(e.country.as_deref().unwrap_or("")).or_default();
        c.0 += 1;
        c.1 += usize::from(admin.admin1.is_some());
        c.2 += usize::from(admin.admin2.is_some());
        if let (Some(a1), Some(a2)) = (admin.admin1, admin.admin2) {
            assert_eq!(a1.country, a2.country);
        }
    }
    let mut countries: Vec<_> = counts.into_iter().collect();
    countries.sort();
    for (country, (all, admin1, admin2)) in &countries {
        eprintln!("{country}: {all} layer places, {admin1} with admin1, {admin2} with admin2 (only where the dump's row has an ADM2 code)");
        // Rows with ADM1 code 00 (unknown to GeoNames) have none: about 8% in Mali.
        assert!(*admin1 * 100 >= *all * 90, "{country}: {admin1} of {all} with admin1");
    }
}
