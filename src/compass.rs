//! Regions named by a point of the compass alone: "dans l'Est", "le Nord", "the East", "the eastern
//! region" in an article about Burkina Faso.
//!
//! Burkina Faso's press names two of the country's (former) regions without their designator: "dans
//! l'Est, les autorités appellent à la prudence", "L'Est et le Nord sont les régions les plus
//! touchées", "the East and the Center-North". The guidelines annotate these as the regions, while
//! "le Nord du Mali", "l'Afrique de l'Est" or "the north of the country" are directions. The words are
//! far too common to be variants, so this pass adds them where three things agree:
//!
//! * the **form**: the compass word capitalized right after its article ("l'Est", "le Nord", "au
//!   Nord", "the East"), or in English the adjective with "region" after "the" ("the eastern region");
//! * **nothing after it makes it a direction**: no complement ("l'Est du pays", "the North of Mali";
//!   but "le Nord du Burkina", the complement naming the region's own country, is the region), no
//!   hyphenated compound ("Nord-Ouest"), and no capitalized name before "de l'" / "du" ("Afrique de
//!   l'Est", "Corée du Nord");
//! * **the document's country**: the gazetteer has a region of that bare name ("Région de l'Est" is
//!   `est`), and the document's places lie in that region's country more than in any other.
//!
//! The mention is linked to the region with [`Reason::Country`]; its variant is the region's canonical
//! name, as for a unit a designator names.

use rustc_hash::FxHashMap;

use crate::designator::{Designators, APOSTROPHES};
use crate::fold::is_word_char;
use crate::gazetteer::Gazetteer;
use crate::rank::Reason;
use crate::tagger::Mention;

/// The compass words, as written, with the bare name of the unit they name (folded) and the articles
/// that may come right before them (folded: lower case, apostrophes as written in the text dropped).
const WORDS: &[(&str, &str, &[&str])] = &[
    ("Est", "est", &["l"]),
    ("Nord", "nord", &["le", "du", "au"]),
    ("East", "east", &["the"]),
    ("North", "north", &["the"]),
];

/// English adjectives before "region", with the bare name of the unit.
const ADJECTIVES: &[(&str, &str)] = &[("eastern region", "east"), ("northern region", "north")];

/// Words after the compass word that make it a direction: a complement, or the region's own name.
const COMPLEMENTS: &[&str] = &["du", "de", "des", "d", "of", "region", "regions"];

/// Adds the regions named by a compass word that the document's country has (see the module docs).
/// `votes` counts the document's places by country code.
pub(crate) fn add(
    gazetteer: &Gazetteer,
    designators: &Designators,
    text: &str,
    votes: &FxHashMap<&str, usize>,
    mentions: &mut Vec<Mention>,
) {
    let Some(country) = leading(votes) else { return };
    // "le Nord du Burkina": a complement naming the country itself still names its region.
    let names_the_country = |at: usize| {
        mentions.iter().any(|m| {
            let e = gazetteer.entity(m.entity);
            m.start == at && e.subtype.as_deref() == Some("country") && e.country.as_deref() == Some(country)
        })
    };
    let mut found = vec![];
    for &(word, bare, articles) in WORDS {
        for (start, _) in text.match_indices(word) {
            let end = start + word.len();
            if !whole_word(text, start, end) {
                continue;
            }
            match direction(text, end) {
                Some(Direction::Complement(at)) if names_the_country(at) => {}
                Some(_) => continue,
                None => {}
            }
            let Some(article_start) = article_before(text, start, articles) else { continue };
            if names_before(text, article_start, start) || heading_before(text, article_start) {
                continue;
            }
            found.push((start, end, bare));
        }
    }
    for &(phrase, bare) in ADJECTIVES {
        for (start, _) in text.match_indices(phrase) {
            let end = start + phrase.len();
            if whole_word(text, start, end)
                && direction(text, end).is_none()
                && article_before(text, start, &["the"]).is_some()
            {
                found.push((start, end, bare));
            }
        }
    }
    let before = mentions.len();
    for (start, end, bare) in found {
        if mentions[..before].iter().any(|m| m.start < end && start < m.end) {
            continue;
        }
        let Some(region) = designators.region_named(gazetteer, bare, country) else { continue };
        mentions.push(Mention::by_context(start, end, region, 0, Reason::Country));
    }
    if mentions.len() > before {
        mentions.sort_by_key(|m| (m.start, m.end));
    }
}

/// The country most of the document's places lie in, when one leads all others.
fn leading<'g>(votes: &FxHashMap<&'g str, usize>) -> Option<&'g str> {
    let (&country, &most) = votes.iter().max_by_key(|&(code, n)| (*n, std::cmp::Reverse(*code)))?;
    (votes.values().filter(|&&n| n == most).count() == 1).then_some(country)
}

fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back().is_none_or(|c| !is_word_char(c));
    let after = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
    before && after
}

/// What follows a compass word and makes it a direction or part of a longer name.
enum Direction {
    /// A hyphen ("Nord-Ouest") or a capitalized word ("Nord Mali").
    Compound,
    /// A complement ("l'Est du pays", "the North of Mali"), whose object starts at the offset.
    Complement(usize),
}

/// What after `end` makes the word a direction or part of a longer name, if anything.
fn direction(text: &str, end: usize) -> Option<Direction> {
    let rest = &text[end..];
    if rest.starts_with(['-', '\u{2010}', '\u{2011}']) {
        return Some(Direction::Compound);
    }
    let rest = rest.strip_prefix([' ', '\u{00A0}'])?;
    let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    let next = &rest[..len];
    if COMPLEMENTS.iter().any(|w| next.eq_ignore_ascii_case(w)) {
        let after = &rest[len..];
        let object = after.len() - after.trim_start_matches([' ', '\u{00A0}', '\'', '’']).len();
        return Some(Direction::Complement(text.len() - after.len() + object));
    }
    next.starts_with(char::is_uppercase).then_some(Direction::Compound)
}

/// The start of one of `articles` right before `start` ("l'" glued by an apostrophe, the others one
/// space away), in any case.
fn article_before(text: &str, start: usize, articles: &[&str]) -> Option<usize> {
    let head = &text[..start];
    let (head, glued) = match head.strip_suffix(APOSTROPHES) {
        Some(h) => (h, true),
        None => (head.strip_suffix([' ', '\u{00A0}'])?, false),
    };
    let word_start =
        head.char_indices().rev().take_while(|(_, c)| is_word_char(*c)).last().map(|(i, _)| i)?;
    let word = &head[word_start..];
    // "l'" is glued; the others stand apart.
    let fits = articles.iter().any(|a| word.eq_ignore_ascii_case(a) && (glued == (*a == "l")));
    fits.then_some(word_start)
}

/// Whether a word of heading comes right before the article: "à 10 km de Sebba vers l'Est", "moving
/// towards the North" point the way, they name no region.
fn heading_before(text: &str, article_start: usize) -> bool {
    matches!(crate::fold::word_before(text, article_start).as_deref(), Some("vers" | "towards" | "toward"))
}

/// Whether a capitalized name is joined to the article by a genitive: "Corée du Nord", "Afrique du
/// Nord" (the article "du"), "Afrique de l'Est" ("de" before the article). Any other word before
/// the article ("Dans le Nord") says nothing.
fn names_before(text: &str, article_start: usize, end: usize) -> bool {
    let article = &text[article_start..end];
    let head = text[..article_start].trim_end_matches([' ', '\u{00A0}']);
    let head = if article.to_lowercase().starts_with("du") {
        head
    } else {
        match head.strip_suffix("de") {
            Some(h) if h.ends_with([' ', '\u{00A0}']) => h.trim_end_matches([' ', '\u{00A0}']),
            _ => return false,
        }
    };
    let word: String = head.chars().rev().take_while(|&c| is_word_char(c)).collect();
    word.chars().last().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use crate::Tagger;

    fn ids(text: &str) -> Vec<(String, String)> {
        let tagger = Tagger::default();
        tagger
            .tag(text)
            .iter()
            .map(|m| (m.surface(text).to_string(), tagger.entity(m).id.to_string()))
            .collect()
    }

    fn has(text: &str, surface: &str, id: &str) -> bool {
        ids(text).iter().any(|(s, i)| s == surface && i == id)
    }

    #[test]
    fn a_compass_word_in_an_article_about_burkina_faso_is_the_region() {
        let text = "Burkina Faso : dans l’Est, les habitants fuient Fada N'Gourma et Kompienga. \
                    L'Est et le Nord sont les plus touchés, loin de Ouahigouya, dans le Nord du Burkina. \
                    Dans le Nord, les attaques se répètent.";
        assert!(has(text, "Est", "est_region_bf"), "{:?}", ids(text));
        assert_eq!(ids(text).iter().filter(|(_, i)| i == "est_region_bf").count(), 2);
        assert!(has(text, "Nord", "nord_region_bf"), "{:?}", ids(text));
        assert_eq!(ids(text).iter().filter(|(_, i)| i == "nord_region_bf").count(), 3);
        let en = "In Burkina Faso, the East was hit again near Fada N'Gourma; the governor of the \
                  eastern region spoke in Diapaga.";
        assert!(has(en, "East", "est_region_bf"), "{:?}", ids(en));
        assert!(has(en, "eastern region", "est_region_bf"), "{:?}", ids(en));
    }

    #[test]
    fn a_direction_or_another_country_is_no_region() {
        for text in [
            // A complement, a compound, a continent.
            "Burkina Faso : l'Est du pays et le Nord-Ouest, près de Fada N'Gourma et de Djibo.",
            "Burkina Faso : des renforts venus d'Afrique de l'Est et de Corée du Nord à Ouagadougou.",
            "In Burkina Faso, the North of the country and the east of Djibo.",
            // The document is about Mali.
            "Mali : dans le Nord, Gao, Kidal et Tombouctou restent sous pression, comme Ouagadougou.",
            // Lower case is a direction.
            "Burkina Faso : à l'est de Fada N'Gourma, au nord de Djibo.",
        ] {
            let found = ids(text);
            assert!(
                !found.iter().any(|(_, i)| i == "est_region_bf" || i == "nord_region_bf"),
                "{text}: {found:?}"
            );
        }
    }
}
