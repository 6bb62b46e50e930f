//! Place designators: "province de Kossi", "region of Tahoua", "Tillia County", "منطقة والام" are one
//! mention of the administrative unit, designator inside (tests/eval/README.md, "Spans"); "la ville de
//! Tahoua" stays the town, and a designator never invents a unit the gazetteer lacks.

use std::sync::OnceLock;

use sahel_tagger::{Entity, EntityType, Gazetteer, GazetteerBuilder, Matching, Tagger};

/// The embedded gazetteer without tolerant matching, which would otherwise take some of these phrases
/// first as one-slip spellings of a listed designator form ("province de Soum" for "province du
/// Soum": same span and unit, but not the designator grammar under test).
fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| {
        Tagger::with_matching(Gazetteer::embedded(), Matching { tolerant: false, grammar: true })
    })
}

/// Every mention of `text` as (surface, entity id, from a designator).
fn tag_with(tagger: &Tagger, text: &str) -> Vec<(String, String, bool)> {
    tagger
        .tag(text)
        .iter()
        .map(|m| (m.surface(text).to_string(), tagger.entity(m).id.clone(), m.designator))
        .collect()
}

fn tag(text: &str) -> Vec<(String, String, bool)> {
    tag_with(tagger(), text)
}

/// The one mention whose surface contains `name`.
fn mention(text: &str, name: &str) -> (String, String, bool) {
    let found: Vec<_> = tag(text).into_iter().filter(|(s, _, _)| s.contains(name)).collect();
    assert_eq!(found.len(), 1, "{name} in {text:?}: {found:?}");
    found.into_iter().next().unwrap()
}

fn designated(surface: &str, id: &str) -> (String, String, bool) {
    (surface.to_string(), id.to_string(), true)
}

fn plain(surface: &str, id: &str) -> (String, String, bool) {
    (surface.to_string(), id.to_string(), false)
}

#[test]
fn french_designators_before_the_name() {
    let text = "Bourasso, localité de la province de Kossi, et deux villages de la province de Soum.";
    assert_eq!(mention(text, "Kossi"), designated("province de Kossi", "kossi"));
    assert_eq!(mention(text, "Soum"), designated("province de Soum", "soum_province"));
    // The town's spelling "Douenza" is not one of the cercle's: the id pairs them (douentza_cercle).
    assert_eq!(
        mention("Boulkessi, dans le cercle de Douenza, a été attaqué.", "Douenza"),
        designated("cercle de Douenza", "douentza_cercle")
    );
    // The gazetteer lists "Province de l'Oudalan", not the elided form.
    assert_eq!(
        mention("dans la province d’Oudalan hier", "Oudalan"),
        designated("province d’Oudalan", "oudalan")
    );
}

#[test]
fn english_designators_before_and_after_the_name() {
    let text =
        "across the department of Tillia, which lies in the region of Tahoua. The men were trapped in \
                Tillia County.";
    assert_eq!(
        tag(text),
        vec![
            designated("department of Tillia", "tillia_department"),
            designated("region of Tahoua", "tahoua_region"),
            designated("Tillia County", "tillia_department"),
        ]
    );
}

#[test]
fn arabic_designators_with_proclitics_and_article() {
    assert_eq!(
        mention("على بعد ستة كيلومترات من مقاطعة سيغو", "سيغو"),
        designated("مقاطعة سيغو", "segou_region")
    );
    // The glued ب stays outside, as it does for a name.
    assert_eq!(
        mention("هجوم في تيلوا بمنطقة والام غربي البلاد", "والام"),
        designated("منطقة والام", "ouallam_department")
    );
    assert_eq!(
        mention("قرية كورمي التابعة لدائرة تيرا", "تيرا"),
        designated("دائرة تيرا", "tera_department")
    );
    assert_eq!(
        mention("قرية كاونجو الواقعة في مقاطعة كولبيلوجو", "كولبيلوجو"),
        designated("مقاطعة كولبيلوجو", "koulpelogo")
    );
    // The name's article is inside.
    assert_eq!(
        mention("وقادة الرأي في إقليم الأزواد المجتمع الدولي", "أزواد"),
        designated("إقليم الأزواد", "azawad")
    );
}

#[test]
fn the_unit_the_designator_names_is_preferred() {
    // Soum is both a province and a region.
    assert_eq!(mention("dans la province de Soum", "Soum"), designated("province de Soum", "soum_province"));
    assert_eq!(mention("across the region of Soum", "Soum"), designated("region of Soum", "soum_region"));
    // Ségou is a region and a cercle: a loose "district" prefers the cercle, a loose مقاطعة (province or
    // department, neither of which exists) falls back on the largest unit.
    assert_eq!(mention("in the district of Segou", "Segou"), designated("district of Segou", "segou_cercle"));
    assert_eq!(mention("من مقاطعة سيغو", "سيغو"), designated("مقاطعة سيغو", "segou_region"));
    // Mali's prefects run cercles: "la préfecture de Douentza" is the cercle.
    assert_eq!(
        mention("la voiture de la préfecture de Douentza", "Douentza"),
        designated("préfecture de Douentza", "douentza_cercle")
    );
}

#[test]
fn town_words_are_not_designators() {
    assert_eq!(mention("dans la ville de Tahoua", "Tahoua"), plain("Tahoua", "tahoua"));
    assert_eq!(mention("in the town of Tahoua", "Tahoua"), plain("Tahoua", "tahoua"));
    assert_eq!(mention("le village de Tillia", "Tillia"), plain("Tillia", "tillia"));
    assert_eq!(mention("في مدينة تاهوا", "تاهوا"), plain("تاهوا", "tahoua"));
}

#[test]
fn no_unit_of_that_name_leaves_the_mention_as_it_was() {
    // The gazetteer has the town of Thiou and of Barsalogho, no department of either.
    assert_eq!(mention("also in Thiou district of Yatenga", "Thiou"), plain("Thiou", "thiou"));
    assert_eq!(mention("dans le département de Barsalogho", "Barsalogho"), plain("Barsalogho", "barsalogho"));
    // Kossi is a province, not a region: a strict designator of another level does not fit.
    assert_eq!(mention("dans la région de Kossi", "Kossi"), plain("Kossi", "kossi"));
    // A country is not re-linked, nor is a broad area.
    assert_eq!(mention("la région du Mali", "Mali"), plain("Mali", "mali"));
    assert_eq!(mention("across the Sahel region of Africa", "Sahel").1, "sahel");
}

#[test]
fn designators_away_from_the_name_or_inside_longer_names_do_nothing() {
    assert_eq!(mention("la région, selon les autorités, de Tahoua", "Tahoua"), plain("Tahoua", "tahoua"));
    assert_eq!(mention("la province\n\nde Kossi", "Kossi"), plain("Kossi", "kossi"));
    assert_eq!(mention("the region near Tahoua", "Tahoua"), plain("Tahoua", "tahoua"));
    let text = "les camions du Groupe d’action pour le Soum ont atteint Djibo";
    assert_eq!(tag(text)[0], plain("Soum", "soum_province"));
}

#[test]
fn mentions_stay_disjoint_when_a_designator_sits_between_two_names() {
    // "county" follows Tillia and precedes "of Tahoua": it is taken once, by the first mention, and no
    // two mentions overlap.
    let text = "Tillia county of Tahoua";
    let mentions = tagger().tag(text);
    for pair in mentions.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{mentions:?}");
    }
    assert_eq!(tag(text), vec![designated("Tillia county", "tillia_department"), plain("Tahoua", "tahoua")]);
}

#[test]
fn a_designated_mention_is_certain_and_lists_the_fitting_units() {
    // "Say" alone is possibly the verb; "département de Say" is the place.
    let text = "l'attaque dans le district de Say";
    let m = &tagger().tag(text)[0];
    assert_eq!(m.surface(text), "district de Say");
    assert!(!m.possible);
    assert_eq!(tagger().entity(m).id, "say_department");
    assert_eq!(m.candidates[0], m.entity);
}

#[test]
fn units_are_found_in_a_users_gazetteer_by_name() {
    // A unit named only by its spelling: no id convention, no variant with a designator.
    let mut builder = GazetteerBuilder::new();
    let mut town = Entity::new("mytown", "Kagoro", EntityType::Place);
    town.subtype = Some("town".into());
    let mut unit = Entity::new("unit_17", "Kagoro", EntityType::Place);
    unit.subtype = Some("commune".into());
    builder.add_entity(town).add_entity(unit);
    let gazetteer: Gazetteer = builder.build().unwrap();
    let tagger = Tagger::new(gazetteer);
    let text = "dans la commune de Kagoro et à Kagoro";
    assert_eq!(
        tag_with(&tagger, text),
        vec![designated("commune de Kagoro", "unit_17"), plain("Kagoro", "mytown")]
    );
}
