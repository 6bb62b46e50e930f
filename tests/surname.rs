//! A person named in full, then by the surname alone (`src/surname.rs`), on running text, and the
//! surnames that are ordinary words.

use std::collections::HashSet;

use sahel_tagger::fold::fold;
use sahel_tagger::surname::{MIN_LETTERS, NOT_SURNAMES};
use sahel_tagger::{EntityType, Reason, Tagger};

/// `(surface, id, by surname)` of every mention of `text`.
fn tagged(tagger: &Tagger, text: &str) -> Vec<(String, String, bool)> {
    tagger
        .tag(text)
        .iter()
        .map(|m| {
            let surname = matches!(m.reason, Some(Reason::Surname { .. }));
            (m.surface(text).to_string(), tagger.entity(m).id.clone(), surname)
        })
        .collect()
}

fn by_surname(tagger: &Tagger, text: &str) -> Vec<String> {
    tagged(tagger, text)
        .into_iter()
        .filter(|(_, _, s)| *s)
        .map(|(surface, id, _)| format!("{surface}={id}"))
        .collect()
}

#[test]
fn the_surname_alone_is_the_person_named_in_full() {
    let tagger = Tagger::default();
    let text = "Captain Ibrahim Traore took power in Ouagadougou. Traore said the army would fight; \
                a statement signed by TRAORE followed.";
    assert_eq!(by_surname(&tagger, text), ["Traore=ibrahim_traore", "TRAORE=ibrahim_traore"]);
    // Before the full name too, and after a rank or a title.
    let text =
        "Traoré a parlé. Le capitaine Ibrahim Traoré, président de la transition. Le président Traoré.";
    assert_eq!(by_surname(&tagger, text), ["Traoré=ibrahim_traore", "Traoré=ibrahim_traore"]);
    // Arabic, with a conjunction glued to it.
    let text = "قال الرئيس المالي إبراهيم بوبكر كيتا إن الوضع صعب. وأضاف كيتا أن الجيش سيرد. وكيتا قال";
    assert_eq!(by_surname(&tagger, text), ["كيتا=ibrahim_boubacar_keita", "كيتا=ibrahim_boubacar_keita"]);
    // Both scripts in one text: a person named in full in each (the Arabic words are read for
    // surnames only when some surname is in Arabic script), then each surname alone.
    let text = "Ibrahim Traoré a parlé. قال الرئيس المالي إبراهيم بوبكر كيتا إن الوضع صعب. وأضاف كيتا أن Traoré سيزور باماكو.";
    assert_eq!(by_surname(&tagger, text), ["كيتا=ibrahim_boubacar_keita", "Traoré=ibrahim_traore"]);
    let text = "Ibrahim Traoré a parlé. وأضاف كيتا أن Traoré سيزور باماكو.";
    assert_eq!(by_surname(&tagger, text), ["Traoré=ibrahim_traore"]);
    // A listed surname ("Bahanga") after the particle of the full name: the mention takes it in.
    let text = "The rebel chief Ibrahim Ag Bahanga attacked. Officials blame Ag Bahanga for it.";
    assert_eq!(by_surname(&tagger, text), ["Ag Bahanga=ibrahim_ag_bahanga"]);
}

#[test]
fn a_surname_in_another_name_or_lower_case_is_not_the_person() {
    let tagger = Tagger::default();
    for text in [
        // Someone else with the surname, named in full.
        "Ibrahim Traoré a reçu Moussa Traoré et Aminata Traoré.",
        // Not named in full in the document.
        "Traoré a parlé hier à Ouagadougou.",
        // A lower-case word.
        "Ibrahim Traoré est arrivé; le mot traoré en minuscules.",
        // Another given name before it, in Arabic.
        "قال إبراهيم بوبكر كيتا إن موسى كيتا غادر.",
    ] {
        assert!(by_surname(&tagger, text).is_empty(), "{text}: {:?}", tagged(&tagger, text));
    }
}

#[test]
fn two_people_named_in_full_with_one_surname_leave_it_alone() {
    let tagger = Tagger::default();
    let both: Vec<_> = tagger
        .gazetteer()
        .entities()
        .iter()
        .filter(|e| e.kind == EntityType::Person && (e.id == "ibrahim_traore" || e.id == "moussa_traore"))
        .collect();
    if both.len() < 2 {
        // One Traoré listed: the case is made with the Keïtas if they are.
        println!("SKIPPED: the gazetteer has no two people named Traoré");
        return;
    }
    let text = "Ibrahim Traoré et Moussa Traoré. Traoré a dit.";
    assert!(by_surname(&tagger, text).is_empty(), "{:?}", tagged(&tagger, text));
}

/// Surnames that the word lists have as words but that are the names themselves, as a reader meets
/// them capitalised or in an Arabic news text (Macron, Goïta's Arabic spellings, Touré, Tebboune).
#[rustfmt::skip]
const NAMES_IN_WORD_LISTS: &[&str] = &[
    "bola", "boula", "dico", "hollande", "houka", "macron", "wane", "zeine",
    "تبون", "توري", "جويتا", "عطاف", "عكاشه", "غويتا", "قويتا", "كوفه", "كوني", "كويتا", "مودي", "نداو", "واين",
];

/// The last word of every listed person's name of two words or more that is also an ordinary word of
/// the French or English word list (lower-case entries) or of Debian's Arabic dictionary must be in
/// `NOT_SURNAMES` or, when it is the name itself, in `NAMES_IN_WORD_LISTS`: the surname-alone rule would otherwise tag that word wherever the person is named.
#[test]
fn surnames_that_are_ordinary_words_are_listed() {
    let mut words: HashSet<String> = HashSet::new();
    let mut missing = vec![];
    for path in ["/usr/share/dict/french", "/usr/share/dict/american-english"] {
        match std::fs::read_to_string(path) {
            Ok(text) => words
                .extend(text.lines().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).map(fold)),
            Err(_) => missing.push(path),
        }
    }
    match std::fs::read_to_string("/usr/share/hunspell/ar.dic") {
        Ok(text) => words.extend(text.lines().skip(1).map(|l| fold(l.split('/').next().unwrap_or("")))),
        Err(_) => missing.push("/usr/share/hunspell/ar.dic"),
    }
    if !missing.is_empty() {
        println!(
            "SKIPPED: word lists not found: {missing:?} (apt-get install wfrench wamerican hunspell-ar)"
        );
        return;
    }
    let tagger = Tagger::default();
    let mut clashes: Vec<String> = vec![];
    for e in tagger.gazetteer().entities().iter().filter(|e| e.kind == EntityType::Person) {
        for v in &e.variants {
            let folded = fold(&v.text);
            let parts: Vec<&str> = folded.split(' ').collect();
            let last = parts[parts.len() - 1];
            if parts.len() >= 2
                && last.chars().count() >= MIN_LETTERS
                && words.contains(last)
                && !NOT_SURNAMES.contains(&last)
                && !NAMES_IN_WORD_LISTS.contains(&last)
                && !clashes.iter().any(|c| c == last)
            {
                clashes.push(last.to_string());
            }
        }
    }
    clashes.sort();
    assert!(clashes.is_empty(), "surnames that are ordinary words, to add to NOT_SURNAMES: {clashes:?}");
}

#[test]
fn a_tuareg_name_shortened_to_its_given_name() {
    let tagger = Tagger::default();
    // "Alghabass Ag Intallah", then "Alghabass", and after "Quant à" (no initial there).
    assert_eq!(
        by_surname(&tagger, "Son fils est mort, dit Alghabass Ag Intalla. Alghabass dirige le HCUA. Quant à Alghabass, il se tait."),
        ["Alghabass=alghabass_ag_intalla", "Alghabass=alghabass_ag_intalla"]
    );
    // A common given name is not shortened to: "Mohamed" is anybody.
    assert!(by_surname(&tagger, "Mohamed Ag Intalla est venu. Mohamed a parlé.").is_empty());
    // The surname after "Quant à" is the person's too.
    assert_eq!(
        by_surname(&tagger, "Le capitaine Ibrahim Traoré est venu. Quant à Traoré, il est parti."),
        ["Traoré=ibrahim_traore"]
    );
}
