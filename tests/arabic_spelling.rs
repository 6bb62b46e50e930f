//! The generated Arabic spellings of the embedded gazetteer (`src/arabic_spelling.rs`): each has its
//! provenance, none is an ordinary Arabic word, none is another entity's name, and they are found in
//! running text with proclitics like any listed spelling.

use std::collections::{HashMap, HashSet};

use sahel_tagger::fold::fold;
use sahel_tagger::{Gazetteer, Tagger};

fn generated(g: &Gazetteer) -> Vec<(&str, &str, &str, &str)> {
    g.entities()
        .iter()
        .flat_map(|e| {
            e.variants.iter().filter_map(move |v| {
                v.derived.as_ref().map(|d| (e.id.as_str(), v.text.as_str(), d.from.as_str(), d.rule.as_str()))
            })
        })
        .collect()
}

#[test]
fn generated_spellings_have_provenance_and_are_reported() {
    let g = Gazetteer::embedded();
    let all = generated(&g);
    let mut by_rule: HashMap<&str, usize> = HashMap::new();
    for (_, _, _, rule) in &all {
        *by_rule.entry(rule.split(' ').next().unwrap_or("")).or_default() += 1;
    }
    println!("{} generated Arabic spellings; by first rule: {by_rule:?}", all.len());
    assert!(all.len() > 200, "expected hundreds of generated spellings, got {}", all.len());
    for (id, text, from, rule) in &all {
        let entity = g.get(id).unwrap();
        assert!(
            entity.variants.iter().any(|v| v.text == *from && v.derived.is_none()),
            "{id}: {text} from {from}"
        );
        assert!(!rule.is_empty());
    }
    // Never another entity's listed spelling.
    let mut listed: HashMap<String, HashSet<&str>> = HashMap::new();
    for e in g.entities() {
        for v in e.variants.iter().filter(|v| v.derived.is_none()) {
            listed.entry(fold(&v.text)).or_default().insert(e.id.as_str());
        }
    }
    for (id, text, _, _) in &all {
        if let Some(owners) = listed.get(&fold(text)) {
            assert!(owners.contains(id), "{id}: generated {text} is listed by {owners:?}");
        }
    }
}

/// A generated one-word spelling that is an ordinary Arabic word, or "و" (and) glued to one, would tag
/// prose. Checked against Debian's Arabic hunspell dictionary (package hunspell-ar, installed by
/// `.ci/setup`).
#[test]
fn generated_spellings_are_not_arabic_words() {
    let path = "/usr/share/hunspell/ar.dic";
    let Ok(dic) = std::fs::read_to_string(path) else {
        println!("SKIPPED: {path} not found (apt-get install hunspell-ar)");
        return;
    };
    let words: HashSet<String> = dic
        .lines()
        .skip(1)
        .map(|l| fold(l.split('/').next().unwrap_or("")))
        .filter(|w| w.chars().count() >= 2)
        .collect();
    let g = Gazetteer::embedded();
    // A first "و" is also the conjunction glued to a word: "وبري" reads "and land".
    let is_word = |folded: &str| {
        words.contains(folded)
            || folded
                .strip_prefix('\u{0648}')
                .is_some_and(|rest| rest.chars().count() >= 3 && words.contains(rest))
    };
    let clashes: Vec<String> = generated(&g)
        .into_iter()
        .filter(|(_, text, _, _)| !text.contains(' ') && is_word(&fold(text)))
        .map(|(id, text, from, rule)| format!("{id}: {text} (from {from}, {rule})"))
        .collect();
    println!("{} dictionary words checked", words.len());
    assert!(clashes.is_empty(), "generated spellings that are Arabic words:\n{}", clashes.join("\n"));
}

#[test]
fn generated_spellings_are_found_in_running_text() {
    let tagger = Tagger::default();
    for (text, surface, id) in [
        ("هاجم مسلحون بلدة جاو في شمال مالي", "جاو", "gao"),
        ("وقع الهجوم قرب واقادوقو", "واقادوقو", "ouagadougou"),
        ("وصلت القوات إلى غاو أمس", "غاو", "gao"),
    ] {
        let found = tagger.tag(text).into_iter().find(|m| m.surface(text) == surface);
        let Some(m) = found else { panic!("{surface} not found in {text}") };
        assert_eq!(tagger.entity(&m).id, id, "{text}");
    }
}
