//! "Never tag this spelling" rules (`[[never]]` tables of a TOML source, `NeverRule`): the mentions
//! they cover are dropped, on the folded spelling, for every entity or one; bad rules are errors at
//! their line.

use sahel_tagger::{Entity, EntityType, GazetteerBuilder, Options, Tagger, Tier, Variant};

/// The embedded gazetteer with the user's `rules` (a TOML source) over it.
fn tagger_with(rules: &str) -> Tagger {
    let mut b = GazetteerBuilder::with_embedded();
    b.add_toml("rules.toml", rules, Tier::User);
    Tagger::new(b.build().unwrap_or_else(|e| panic!("{e}")))
}

fn surfaces(tagger: &Tagger, text: &str) -> Vec<String> {
    tagger.tag(text).iter().map(|m| format!("{}={}", m.surface(text), tagger.entity(m).id)).collect()
}

const TEXT: &str =
    "Le JNIM a attaqué Djibo. Les habitants de DJIBO et de Boulkessi ont fui vers Ouagadougou.";

#[test]
fn a_rule_drops_every_mention_folded_like_its_text_and_nothing_else() {
    let plain = Tagger::default();
    let before = surfaces(&plain, TEXT);
    assert!(
        before.contains(&"Djibo=djibo".to_string()) && before.contains(&"DJIBO=djibo".to_string()),
        "{before:?}"
    );
    // Case and accents fold: "djíbo" covers "Djibo" and "DJIBO".
    let tagger = tagger_with("[[never]]\ntext = \"djíbo\"\n");
    let after = surfaces(&tagger, TEXT);
    let expected: Vec<String> =
        before.iter().filter(|s| !s.starts_with("Djibo=") && !s.starts_with("DJIBO=")).cloned().collect();
    assert_eq!(after, expected);
    assert_eq!(tagger.gazetteer().never_rules().len(), 1);
    // Another spelling of the same entity is not covered: the rule is about a spelling.
    let tagger = tagger_with("[[never]]\ntext = \"Ouaga\"\n");
    assert_eq!(surfaces(&tagger, TEXT), before);
}

#[test]
fn a_rule_with_an_entity_drops_only_mentions_linked_to_it() {
    let village = |id: &str, country: &str| {
        let mut e = Entity::new(id, "Karma", EntityType::Place);
        e.variants = vec![Variant::new("Karma")];
        e.subtype = Some("village".into());
        e.country = Some(country.into());
        e.tier = Tier::Geonames;
        e
    };
    let build = |rules: &str| {
        let mut b = GazetteerBuilder::with_embedded();
        b.add_entity(village("gn:1", "ML"));
        b.add_entity(village("gn:2", "NE"));
        b.add_toml("rules.toml", rules, Tier::User);
        Tagger::new(b.build().unwrap_or_else(|e| panic!("{e}")))
    };
    let text = "Des hommes armés ont attaqué le village de Karma.";
    let tagger = build("");
    let m = &tagger.tag(text)[0];
    assert_eq!(m.surface(text), "Karma");
    let ids: Vec<String> = m.candidates.iter().map(|&c| tagger.gazetteer().entity(c).id.clone()).collect();
    assert!(ids.len() >= 3, "{ids:?}"); // the embedded Karma and the two villages
    let first = tagger.entity(m).id.clone();
    assert_eq!(ids[0], first);
    // Never this spelling as the entity it was linked to: another candidate takes it.
    let tagger = build(&format!("[[never]]\ntext = \"Karma\"\nentity = \"{first}\"\n"));
    let mentions = tagger.tag(text);
    assert_eq!(mentions.len(), 1, "{mentions:?}");
    let now = tagger.entity(&mentions[0]).id.clone();
    assert!(now != first && ids.contains(&now), "{now}");
    assert!(mentions[0].candidates.iter().all(|&c| tagger.gazetteer().entity(c).id != first));
    // Never as another one: the mention stays linked as before.
    let tagger = build(&format!("[[never]]\ntext = \"Karma\"\nentity = \"{}\"\n", ids[1]));
    let mentions = tagger.tag(text);
    assert_eq!(tagger.entity(&mentions[0]).id, first);
    // Every candidate: no mention.
    let rules: String =
        ids.iter().map(|id| format!("[[never]]\ntext = \"Karma\"\nentity = \"{id}\"\n\n")).collect();
    let tagger = build(&rules);
    let left = surfaces(&tagger, text);
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_rule_without_entity_drops_unlisted_names_so_spelled() {
    let text = "Des hommes armés ont attaqué les villages de Kouroubal, Tinzawatène et Dodoul.";
    let options = Options { possible: false, unlisted: true };
    let plain = Tagger::default();
    let found: Vec<&str> =
        plain.tag_with(text, &options).unlisted.iter().map(|u| &text[u.start..u.end]).collect();
    assert!(found.contains(&"Kouroubal"), "{found:?}");
    let tagger = tagger_with("[[never]]\ntext = \"KOUROUBAL\"\n");
    let found: Vec<&str> =
        tagger.tag_with(text, &options).unlisted.iter().map(|u| &text[u.start..u.end]).collect();
    assert!(!found.contains(&"Kouroubal"), "{found:?}");
}

#[test]
fn rules_and_entities_share_a_file() {
    let tagger = tagger_with(
        "[[entity]]\nid = \"kouroubal\"\nname = \"Kouroubal\"\ntype = \"place\"\n\n[[never]]\ntext = \"Djibo\"\n",
    );
    let text = "Entre Kouroubal et Djibo.";
    assert_eq!(surfaces(&tagger, text), ["Kouroubal=kouroubal"]);
}

fn messages(rules: &str) -> Vec<String> {
    let mut b = GazetteerBuilder::with_embedded();
    b.add_toml("rules.toml", rules, Tier::User);
    match b.build() {
        Ok(g) => g.diagnostics().iter().filter(|d| d.source == "rules.toml").map(|d| d.to_string()).collect(),
        Err(e) => e.diagnostics.iter().filter(|d| d.source == "rules.toml").map(|d| d.to_string()).collect(),
    }
}

#[test]
fn bad_rules_are_reported_at_their_line() {
    assert_eq!(
        messages("[[never]]\ntext = \"Djibo\"\n\n[[never]]\ntext = \" - \"\n"),
        ["rules.toml:5: error: never rule: text \" - \" has no letter or digit, so it would never match"]
    );
    assert_eq!(
        messages("[[never]]\ntext = \"Djibo\"\n\n[[never]]\nentity = \"djibo\"\n"),
        ["rules.toml:4: error: this never rule has no `text`, which is required"]
    );
    assert_eq!(
        messages("[[never]]\ntext = \"Djibo\"\nentiti = \"djibo\"\n"),
        ["rules.toml:3: error: unknown key `entiti` (expected `text` or `entity`)"]
    );
    assert_eq!(
        messages("[[never]]\ntext = 5\n"),
        ["rules.toml:2: error: `text` must be a string in quotes (found integer `5`)"]
    );
    assert_eq!(
        messages("[[never]]\ntext = \"Djibo\"\nentity = \"Djibo Town\"\n"),
        ["rules.toml:3: error: never rule for \"Djibo\": entity \"Djibo Town\" is not an entity id"]
    );
    assert_eq!(
        messages("never = \"Djibo\"\n"),
        ["rules.toml:1: error: `never` must be a list of tables, each written [[never]] (found string \"Djibo\")"]
    );
    // An entity no gazetteer loaded (a GeoNames village without the layer): kept, with a warning.
    assert_eq!(
        messages("[[never]]\ntext = \"Karma\"\nentity = \"gn:2455612\"\n"),
        ["rules.toml:1: warning: never rule for \"Karma\": entity \"gn:2455612\" is in none of the gazetteers loaded; the rule has no effect here"]
    );
}
