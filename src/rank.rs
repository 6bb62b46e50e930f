//! Which entity an ambiguous name means, from the countries the document is about.
//!
//! A spelling shared by several entities (Karma in Mali and in Burkina Faso; "l'État islamique" for
//! the central organisation and for its Sahel province) is linked by the matcher to the first entity
//! that lists it. A reader decides from the rest of the article: the places it names tell which
//! country it is about. This pass does the same: the unambiguous place mentions of the document vote
//! for their countries (`country` of their entities), and an ambiguous mention is linked to the
//! candidate whose countries got the most votes. Candidates without a country (a global organisation)
//! get none, so a regional branch wins in a regional article and the global entity stays first when
//! nothing in the text points anywhere. Ties keep the matcher's order; the other candidates stay
//! listed, best first.

use std::collections::HashMap;

use crate::fold::fold;
use crate::gazetteer::{EntityIndex, EntityType, Gazetteer};
use crate::tagger::Mention;

/// Re-links the ambiguous mentions of one document by the countries its other mentions name.
pub(crate) fn by_document_countries(gazetteer: &Gazetteer, text: &str, mentions: &mut [Mention]) {
    if !mentions.iter().any(Mention::is_ambiguous) {
        return;
    }
    let mut votes: HashMap<&str, usize> = HashMap::new();
    for m in mentions.iter().filter(|m| !m.is_ambiguous()) {
        let entity = gazetteer.entity(m.entity);
        if entity.kind == EntityType::Place {
            for code in countries(gazetteer, m.entity) {
                *votes.entry(code).or_default() += 1;
            }
        }
    }
    if votes.is_empty() {
        return;
    }
    let score = |e: EntityIndex| -> usize {
        countries(gazetteer, e).map(|c| votes.get(c).copied().unwrap_or(0)).sum()
    };
    // A grammar phrase's variant is the grammar's, not an entity's: left as the grammar linked it.
    for m in mentions.iter_mut().filter(|m| m.is_ambiguous() && m.kind != crate::MatchKind::Grammar) {
        let scores: Vec<usize> = m.candidates.iter().map(|&c| score(c)).collect();
        let best = (0..scores.len()).max_by_key(|&i| (scores[i], std::cmp::Reverse(i))).unwrap_or(0);
        if scores[best] <= scores[0] {
            continue;
        }
        // Stable sort: best first, then by score, ties in the matcher's order.
        let mut order: Vec<usize> = (0..m.candidates.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(scores[i]));
        m.candidates = order.iter().map(|&i| m.candidates[i]).collect();
        m.entity = m.candidates[0];
        m.variant = variant_index(gazetteer, m.entity, &text[m.start..m.end]);
    }
}

fn countries(gazetteer: &Gazetteer, e: EntityIndex) -> impl Iterator<Item = &str> {
    gazetteer.entity(e).country.as_deref().unwrap_or("").split_whitespace()
}

/// The variant of `entity` that the surface is a spelling of (its canonical name when the surface
/// only matched through a form the variant lists differently, e.g. after an elided Arabic article).
fn variant_index(gazetteer: &Gazetteer, entity: EntityIndex, surface: &str) -> u32 {
    let folded = fold(surface);
    let variants = &gazetteer.entity(entity).variants;
    let exact = variants.iter().position(|v| fold(&v.text) == folded);
    let elided = || {
        variants
            .iter()
            .position(|v| fold(&v.text).strip_prefix(crate::arabic::ARTICLE) == Some(folded.as_str()))
    };
    exact.or_else(elided).unwrap_or(0) as u32
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::{Entity, EntityType, GazetteerBuilder, Variant};
    use crate::Tagger;

    fn place(id: &str, name: &str, country: &str) -> Entity {
        let mut e = Entity::new(id, name, EntityType::Place);
        e.country = Some(country.into());
        e
    }

    fn tagger() -> Tagger {
        let mut b = GazetteerBuilder::new();
        b.add_entity(place("karma_ml", "Karma", "ML"));
        b.add_entity(place("karma_bf", "Karma", "BF"));
        b.add_entity(place("yatenga", "Yatenga", "BF"));
        b.add_entity(place("mopti", "Mopti", "ML"));
        let mut central = Entity::new("is", "Islamic State", EntityType::ArmedGroup);
        central.variants.push(Variant::new("État islamique"));
        b.add_entity(central);
        let mut sahel = Entity::new("is_sahel", "Islamic State Sahel Province", EntityType::ArmedGroup);
        sahel.variants.push(Variant::new("État islamique"));
        sahel.country = Some("ML NE BF".into());
        b.add_entity(sahel);
        Tagger::new(b.build().unwrap())
    }

    fn linked(tagger: &Tagger, text: &str, surface: &str) -> (String, Vec<String>) {
        let m = tagger.tag(text).into_iter().find(|m| m.surface(text) == surface).unwrap();
        let ids = m.candidates.iter().map(|&c| tagger.gazetteer().entity(c).id.clone()).collect();
        (tagger.entity(&m).id.clone(), ids)
    }

    #[test]
    fn the_documents_countries_choose_among_same_name_places() {
        let t = tagger();
        let (id, candidates) = linked(&t, "Attaque à Karma, dans la province du Yatenga.", "Karma");
        assert_eq!(id, "karma_bf");
        assert_eq!(candidates, ["karma_bf", "karma_ml"], "the other candidate stays, after");
        assert_eq!(linked(&t, "Karma, cercle proche de Mopti.", "Karma").0, "karma_ml");
        // Nothing points anywhere: the matcher's order.
        assert_eq!(linked(&t, "Karma.", "Karma").0, "karma_ml");
    }

    #[test]
    fn a_regional_branch_wins_in_a_regional_article() {
        let t = tagger();
        let text = "L'État islamique a attaqué près de Mopti.";
        assert_eq!(linked(&t, text, "État islamique").0, "is_sahel");
        let m = t.tag(text).into_iter().find(|m| m.surface(text) == "État islamique").unwrap();
        assert_eq!(t.variant(&m).text, "État islamique", "the variant follows the entity");
        assert_eq!(linked(&t, "L'État islamique a revendiqué.", "État islamique").0, "is");
    }
}
