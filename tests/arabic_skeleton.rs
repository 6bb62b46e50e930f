//! Arabic skeleton matching (`src/arabic_skeleton.rs`) on running text, and against ordinary words.

use sahel_tagger::arabic_skeleton::skeleton;
use sahel_tagger::fold::fold;
use sahel_tagger::{MatchKind, Tagger};

/// Spellings no variant lists, found by their skeleton, linked to the right entity and reported as
/// tolerant matches of a listed variant.
#[test]
fn unlisted_arabic_spellings_are_found_by_skeleton() {
    let tagger = Tagger::default();
    for (text, surface, id) in [
        ("قتل جنود في هجوم على تمبوكتو أمس", "تمبوكتو", "timbuktu"),
        ("وقع الكمين قرب شيناغودر على الحدود", "شيناغودر", "chinegodar"),
        ("هاجم مسلحون قرية أوغوسوغو وسط مالي", "أوغوسوغو", "ogossagou"),
        ("وصلت القوات إلى غورما رواس ثم عادت", "غورما رواس", "gourma_rharous"),
        ("في وسانداري قتل عشرة", "سانداري", "sandare"),
    ] {
        let mentions = tagger.tag(text);
        let m = mentions
            .iter()
            .find(|m| m.surface(text) == surface)
            .unwrap_or_else(|| panic!("{surface} not found in {text}: {mentions:?}"));
        assert_eq!(tagger.entity(m).id, id, "{text}");
        assert_eq!(m.kind, MatchKind::Tolerant, "{text}");
    }
}

/// The relational adjective (`التمبكتي`) and words that merely share letters are not names.
#[test]
fn adjectives_and_other_words_are_not_matched() {
    let tagger = Tagger::default();
    // "they killed", "questions": once the skeletons of Koutiala and Tessalit (too short now).
    // The feminine adjective "الكولومبية" (Colombian) has the skeleton of Kaloumba ("كالومبه").
    for text in [
        "قال المسؤول التمبكتي إن",
        "التمبكتيون غاضبون",
        "قتلوا عشرة",
        "تساؤلات كثيرة",
        "الراهبة الكولومبية حرة",
    ] {
        let found: Vec<_> = tagger.tag(text).into_iter().filter(|m| m.kind == MatchKind::Tolerant).collect();
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

/// A word of another listed name keeps its own meaning: the surname of `بليز كومباوري` (Blaise
/// Compaoré) alone, or glued to the word before, has the skeleton of the village `كومبري` and is not it.
#[test]
fn a_word_of_another_listed_name_is_not_approximated() {
    let tagger = Tagger::default();
    for text in ["قال الرئيس السابق كومباوري إن", "Al-Qaedaبليز كومباوري ", "أنصار كومباوري في واغادوغو"]
    {
        let found: Vec<_> = tagger
            .tag(text)
            .into_iter()
            .filter(|m| m.kind == MatchKind::Tolerant)
            .map(|m| tagger.entity(&m).id.clone())
            .collect();
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

/// Words of the dictionary that are the names themselves (`أوغادوغو`, Ouagadougou).
const NAMES_IN_DICTIONARY: &[&str] = &["أوغادوغو", "وأوغادوغو"];

/// A skeleton match on an ordinary Arabic word would tag prose: every word of Debian's Arabic hunspell
/// dictionary (package hunspell-ar, installed by `.ci/setup`), alone and after the conjunction و, must
/// give no skeleton match. A clash is fixed by adding the skeleton to `NOT_NAMES` in the module.
#[test]
fn dictionary_words_are_not_matched_by_skeleton() {
    let path = "/usr/share/hunspell/ar.dic";
    let Ok(dic) = std::fs::read_to_string(path) else {
        println!("SKIPPED: {path} not found (apt-get install hunspell-ar)");
        return;
    };
    let words: Vec<&str> = dic
        .lines()
        .skip(1)
        .map(|l| l.split('/').next().unwrap_or("").trim())
        .filter(|w| w.chars().count() >= 3)
        .collect();
    let tagger = Tagger::default();
    let mut text = String::new();
    for w in &words {
        text.push_str(w);
        text.push_str(" .\nو");
        text.push_str(w);
        text.push_str(" .\n");
    }
    let mut clashes: Vec<String> = tagger
        .tag(&text)
        .into_iter()
        .filter(|m| m.kind == MatchKind::Tolerant && !m.surface(&text).is_ascii())
        .filter(|m| !NAMES_IN_DICTIONARY.contains(&m.surface(&text)))
        .map(|m| {
            let surface = m.surface(&text);
            let key: Vec<String> = fold(surface).split(' ').filter_map(skeleton).collect();
            format!("{:?}, // {surface} → {}", key.join(" "), tagger.entity(&m).id)
        })
        .collect();
    clashes.sort();
    clashes.dedup();
    println!("{} dictionary words checked", words.len());
    assert!(
        clashes.is_empty(),
        "{} dictionary words matched by skeleton:\n{}",
        clashes.len(),
        clashes.join("\n")
    );
}
