//! Arabic spelling classes: the other ways Arabic outlets write a Sahel name.
//!
//! Place and personal names of the Sahel reach Arabic through French or local languages, and outlets
//! do not agree on how to write them. A gazetteer that lists one Arabic spelling per name misses the
//! others, so the variants below are *generated* from the Arabic variants the gazetteer lists, each
//! with the rule that made it (shown by `sahel-tagger gazetteer export`). These classes are generated:
//!
//! * **G** — Arabic has no letter for the sound g. Sahelian and Mauritanian outlets write `ق` or `ك`,
//!   Egyptian ones `ج`, most others `غ`, Maghrebi ones `ڭ` (which folding, like Persian `گ`, already
//!   writes `ك`). All the G letters of a name are rewritten together to each other letter of the
//!   class (`قاو` → `غاو`, `جاو`, `كاو`), because one outlet uses one convention. Only in a word whose
//!   Latin spelling in the same entity has at least as many g's (not counting `gh`) as the Arabic
//!   word has G letters: a real ghain (`غالي`, Ghaly), jim (`جيبو`, Djibo) or kaf (`كيدال`, Kidal)
//!   stays as it is.
//! * **vowel** — a long-vowel letter inside a word (`ي` for e/i, `و` for o/ou, `ا` for a) that
//!   another outlet leaves out: one letter dropped, never the first or last letter of the name, only
//!   in words of six letters or more (article excluded), leaving five or more: four-letter results
//!   are too often ordinary words (`تردي`, `نامي`, `انفس`).
//! * **double** — a letter written twice in a row (a French double consonant) written once.
//! * **glued** — the first word of a compound name, `عبد` or `أبو`, written glued to the next one
//!   (`عبدالمالك دروكدال`, `أبوالوليد الصحراوي`, `أبوزيد`), as many outlets write them.
//! * **final a** — a final a written with ta marbuta (`ة`, folded `ه`) instead of alif: `بوكوما` →
//!   `بوكومة` (Boukouma), `دوينتزا` → `دوينتزة`, as Mauritanian and Maghrebi outlets often write it.
//!   Only names of one word (a place's, mostly), of five letters or more, and never after `ي`: `يا` →
//!   `ية` would make the feminine adjective of a country (`نيجيريا` → `نيجيرية`, Nigerian); in a
//!   person's longer name the last word, read alone as a surname, would too often be a word with the
//!   pronoun "his" (`ديارا` → `دياره`, "his homes").
//! * **initial ou** — the alif before a first `و` (French "ou", or a w) left out: `أواتاغونا` →
//!   `واتاغونا` (Ouatagouna), in words of five letters or more (not Olivia's `أوليفيا`); or written
//!   where the gazetteer lists the word without it: `واهيغويا` → `أواهيغويا` (Ouahigouya), only where
//!   the Latin word starts with ou.
//! * **final e** — a final `ي` for a French final é written `يه`: `سيسي` → `سيسيه` (Cissé), `واغي` →
//!   `واغيه` (Wagué), as many outlets write it; only in a word whose Latin spelling in the same entity
//!   (as many words) ends with an e.
//! * **initial dj** — a first `ج` for a French initial dj written `دج`: `جيباسو` → `دجيباسو`
//!   (Djibasso); only in a word whose Latin spelling in the same entity starts with dj.
//! * **kunya** — a name that opens with `أبو` (father of) in the cases Arabic declines it into:
//!   `أبي` after a preposition or a noun (`مقتل أبي حذيفة`), `أبا` as an object (`استهدفت أبا
//!   حذيفة`).
//! * **rahman** — `الرحمن` (al-Rahman, in `عبد الرحمن`) written with the alif of its long a, `الرحمان`,
//!   as Maghrebi and Sahelian outlets write it, and the other way.
//!
//! One rule per generated spelling: two guesses at once drift too far from what anyone writes. The
//! test `tests/arabic_spelling.rs` checks every generated one-word spelling against Debian's Arabic
//! dictionary; the few ordinary words a rule produces are listed in [`NOT_NAMES`] and never generated.
//!
//! Not generated, because folding already makes them equal: `ة`/`ه`, hamza seats (`أ إ آ`), `ى`/`ي`,
//! tashkeel and tatweel (see [`crate::fold`]).
//!
//! Only places and people get generated spellings: their Arabic names are transliterations, where
//! these classes hold. Group and force names are Arabic words (`جماعة`, `الجيش`), whose letters are
//! not transliterations and must not be changed. A generated spelling that another entity lists as
//! one of its own is dropped: a guess must not create an ambiguity. Generated tiers (GeoNames) are
//! left alone: their Arabic names are few and the cost would be paid by every start.

use rustc_hash::{FxHashMap, FxHashSet};

use serde::{Deserialize, Serialize};

use crate::fold::fold;
use crate::gazetteer::{Entity, EntityType, Tier, Variant};

/// "الرحمن" (al-Rahman) as the Quran writes it, folded, and "الرحمان" as many outlets write it; "عبد"
/// glued before either.
const RAHMAN: &str = "\u{0627}\u{0644}\u{0631}\u{062D}\u{0645}\u{0646}";
const RAHMAAN: &str = "\u{0627}\u{0644}\u{0631}\u{062D}\u{0645}\u{0627}\u{0646}";
const ABD: &str = "\u{0639}\u{0628}\u{062F}";
/// "أبو" (father of), folded: the first word of a kunya, which Arabic declines ("أبي", "أبا").
const KUNYA: &str = "\u{0627}\u{0628}\u{0648}";

/// How a generated variant was made: the variant it comes from and the rule applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Derivation {
    /// The listed variant it was generated from.
    pub from: String,
    /// The rule: `G ق→ج` (every G letter rewritten), `vowel -ي` (one letter dropped), `double -ل`.
    pub rule: String,
}

/// The letters that write the sound g, after folding (`ڭ`, `گ` fold to `ك`).
const G_LETTERS: [char; 4] = ['\u{0642}', '\u{062C}', '\u{063A}', '\u{0643}']; // ق ج غ ك

/// Alif, yeh, heh (what ta marbuta folds to) and waw.
const ALIF: char = '\u{0627}';
const YEH: char = '\u{064A}';
const HEH: char = '\u{0647}';
const WAW: char = '\u{0648}';
/// Jeem and dal, which write a French dj together.
const JEEM: char = '\u{062C}';
const DAL: char = '\u{062F}';

/// Long-vowel letters an outlet may leave out inside a word.
const VOWEL_LETTERS: [char; 3] = ['\u{064A}', '\u{0648}', '\u{0627}']; // ي و ا

/// Words of a compound name that outlets often write glued to the next word (folded): "عبد" (servant
/// of), "أبو" (father of).
const GLUED_FIRST: &[&str] = &["\u{0639}\u{0628}\u{062F}", "\u{0627}\u{0628}\u{0648}"]; // عبد ابو

/// The article, folded.
const ARTICLE: &str = "\u{0627}\u{0644}";

/// Ordinary words (and other countries' names) that the rules produce from a name, folded: never
/// generated. Found by the dictionary test of `tests/arabic_spelling.rs`.
const NOT_NAMES: &[&str] = &[
    "انكار",   // "denial" (from إينكار, Inékar)
    "جاوه",    // Java (from غاوه, Gao)
    "كينيا",   // Kenya (from غينيا, Guinea)
    "قوس",     // "bow, arc" (from غوس, Gossi)
    "جوس",     // (from غوس)
    "كوس",     // (from غوس)
    "قوسي",    // "arched" (from غوسي)
    "كوسي",    // (from غوسي)
    "تسليت",   // "I was entertained" (from تساليت, Tessalit)
    "مسينا",   // Messina (from ماسينا, Macina)
    "قويتا",   // قويتا, a verb form (from غويتا, Goïta)
    "كويتا",   // (from غويتا)
    "يرغو",    // "it foams" (from ييرغو, Yirgou)
    "توكان",   // (from توغان, Tougan)
    "توكو",    // (from توغو, Togo)
    "كوكي",    // (from غوغي, Gogui)
    "اناتا",   // a dictionary word (from إيناتا, Inata)
    "براني",   // "outer" (from باراني, Barani)
    "جاوا",    // Java (from غاوا, Gaoua)
    "تومينان", // a dictionary word (from تومينيان, Tominian)
    "قوري",    // "teapot" (from غوري, Gouré)
    "موردا",   // "a resource" (from مورديا, Mourdiah)
    "سامرا",   // Samarra (from ساميرا, Samira)
    "تملات",    // a dictionary word (from تاملات, Tamalat)
    "اشنان",   // "potash" (from إشنانن, Inchinanane)
    "جواري",   // "maids" (from غواري, Gouari)
    "قواري",   // (from غواري)
    "جوري",    // "damask rose" (from غوري)
    "كوري",    // "Korean" (from غوري)
    "جايا",    // a dictionary word (from غايا, Gaya)
    "نيجريا",  // "Nigerien", accusative نيجريًا once its tanwin is folded away (from نيجيريا)
    "بقين",    // "they remained" (from بكين, Beijing)
    "بغين",    // a dictionary word (from بكين)
    "امريكه",  // a dictionary word (from أمريكا, America)
    "هولنده",  // a dictionary word (from هولندا, the Netherlands)
    "اباله",   // a dictionary word (from أبالا, Abala)
    // "و" (and) glued to an ordinary word, found by the same test: a first "و" is read as the
    // conjunction.
    "وبري",  // "and land" (from أوبري, Oubri)
    "ودالان", // "and signs" (from أودالان, Oudalan)
    "وارغي", // (from وارغاي, Ouargaye)
];

/// At most this many spellings are generated from one variant (the G forms and their one-letter
/// changes): a bound on the automaton's growth for long names.
const MAX_PER_VARIANT: usize = 40;

/// Adds the generated Arabic spellings to the places and people of the user and curated tiers.
pub fn expand(entities: &mut [Entity]) {
    let mut folded: Vec<Vec<Box<str>>> = entities
        .iter()
        .map(|e| e.variants.iter().map(|v| fold(&v.text).into_boxed_str()).collect())
        .collect();
    expand_folded(entities, &mut folded);
}

/// [`expand`], given the folded form of every variant (`folded[i][j]` for `entities[i].variants[j]`),
/// which it extends with the spellings it adds.
pub(crate) fn expand_folded(entities: &mut [Entity], folded: &mut [Vec<Box<str>>]) {
    // Who lists each folded spelling: generated spellings never take another entity's.
    // Two owners at most are kept, which is all "another entity's" needs to know.
    let listed = folded.iter().map(Vec::len).sum();
    let mut owners: FxHashMap<&str, [usize; 2]> =
        FxHashMap::with_capacity_and_hasher(listed, Default::default());
    for (i, variants) in folded.iter().enumerate() {
        for v in variants {
            let two = owners.entry(v).or_insert([i, i]);
            if two[0] != i {
                two[1] = i;
            }
        }
    }
    let mut additions = vec![];
    for (i, entity) in entities.iter().enumerate() {
        if entity.tier == Tier::Geonames || !matches!(entity.kind, EntityType::Place | EntityType::Person) {
            continue;
        }
        if !entity.variants.iter().any(|v| is_arabic_name(&v.text)) {
            continue;
        }
        let latin: Vec<Vec<String>> = entity
            .variants
            .iter()
            .zip(&folded[i])
            .filter(|(v, _)| !has_arabic(&v.text))
            .map(|(_, f)| f.split(' ').map(str::to_string).collect())
            .collect();
        let mut seen: FxHashSet<String> = folded[i].iter().map(|f| f.to_string()).collect();
        let mut added = vec![];
        for (v, f) in entity.variants.iter().zip(&folded[i]).filter(|(v, _)| is_arabic_name(&v.text)) {
            for (spelling, rule) in spellings(f, &latin) {
                let taken = owners.get(spelling.as_str()).is_some_and(|o| o[0] != i || o[1] != i);
                if taken || !seen.insert(spelling.clone()) {
                    continue;
                }
                added.push(Variant {
                    text: spelling,
                    case: v.case,
                    possible: v.possible,
                    derived: Some(Box::new(Derivation { from: v.text.clone(), rule })),
                });
            }
        }
        if !added.is_empty() {
            additions.push((i, added));
        }
    }
    for (i, added) in additions {
        folded[i].extend(added.iter().map(|v| fold(&v.text).into_boxed_str()));
        entities[i].variants.extend(added);
    }
}

/// The spellings generated from one folded Arabic variant, with their rules, the variant itself
/// excluded. `latin` holds the entity's Latin variants, folded and split into words.
pub fn spellings(folded: &str, latin: &[Vec<String>]) -> Vec<(String, String)> {
    let words: Vec<Vec<char>> = folded.split(' ').map(|w| w.chars().collect()).collect();
    let swappable = g_words(&words, latin);
    let mut forms: Vec<(Vec<Vec<char>>, String)> = vec![(words.clone(), String::new())];
    if swappable.iter().any(|&s| s != Swap::No) {
        for target in G_LETTERS {
            let mut changed = false;
            let mut from = None;
            let form: Vec<Vec<char>> = words
                .iter()
                .zip(&swappable)
                .map(|(w, &swap)| {
                    w.iter()
                        .map(|&c| {
                            if swap.applies(c) && c != target {
                                changed = true;
                                from.get_or_insert(c);
                                target
                            } else {
                                c
                            }
                        })
                        .collect()
                })
                .collect();
            if changed {
                let from = from.map(String::from).unwrap_or_default();
                forms.push((form, format!("G {from}\u{2192}{target}")));
            }
        }
    }
    let mut out: Vec<(String, String)> = vec![];
    for (form, rule) in forms.iter().skip(1) {
        out.push((join_words(form), rule.clone()));
    }
    // "عبد المالك" → "عبدالمالك", "أبو الوليد" → "أبوالوليد", "أبو زيد" → "أبوزيد".
    for wi in 0..words.len().saturating_sub(1) {
        let word: String = words[wi].iter().collect();
        if GLUED_FIRST.contains(&word.as_str()) {
            let mut copy = words.clone();
            let next = copy.remove(wi + 1);
            copy[wi].extend(next);
            out.push((join_words(&copy), format!("glued {word}")));
        }
    }
    // "أبو حذيفة" → "أبي حذيفة", "أبا حذيفة": the kunya declined (folded, the hamza seat is an alif).
    if words.len() >= 2 && words[0].iter().copied().eq(KUNYA.chars()) {
        for case in [YEH, ALIF] {
            let mut copy = words.clone();
            copy[0][2] = case;
            out.push((join_words(&copy), format!("kunya \u{0648}\u{2192}{case}")));
        }
    }
    // "عبد الرحمن" → "عبد الرحمان": Maghrebi and Sahelian outlets write the alif of the name's long
    // a, which the Quranic spelling leaves out; and the other way.
    for (wi, word) in words.iter().enumerate() {
        let w: String = word.iter().collect();
        let other = match w.strip_suffix(RAHMAN) {
            Some(head) if head.is_empty() || head == ABD => Some(format!("{head}{RAHMAAN}")),
            _ => {
                w.strip_suffix(RAHMAAN).filter(|h| h.is_empty() || *h == ABD).map(|h| format!("{h}{RAHMAN}"))
            }
        };
        if let Some(other) = other {
            let mut copy = words.clone();
            copy[wi] = other.chars().collect();
            out.push((join_words(&copy), "rahman \u{0627}".to_string()));
        }
    }
    // "بوكوما" → "بوكومة" (folded "بوكومه").
    if let [last] = words.as_slice() {
        let article = last.len() > 2 && last[..2].iter().copied().eq(ARTICLE.chars());
        let name_len = last.len() - if article { 2 } else { 0 };
        if name_len >= 5 && last.ends_with(&[ALIF]) && last[last.len() - 2] != YEH {
            let mut word = last.clone();
            word.pop();
            word.push(HEH);
            out.push((word.into_iter().collect(), "final a \u{0627}\u{2192}\u{0629}".to_string()));
        }
    }
    // "سيسي" → "سيسيه" (Cissé), "جيباسو" → "دجيباسو" (Djibasso): the French letters of the same word.
    let same_word = |wi: usize| same_latin_word(latin, words.len(), wi);
    for (wi, word) in words.iter().enumerate() {
        let article = word.len() > 2 && word[..2].iter().copied().eq(ARTICLE.chars());
        if word.len() >= 3
            && word.ends_with(&[YEH])
            && same_word(wi).any(|l| l.len() >= 3 && l.ends_with('e'))
        {
            let mut copy = words.clone();
            copy[wi].push(HEH);
            out.push((join_words(&copy), "final e +\u{0647}".to_string()));
        }
        if !article && word.first() == Some(&JEEM) && same_word(wi).any(|l| l.starts_with("dj")) {
            let mut copy = words.clone();
            copy[wi].insert(0, DAL);
            out.push((join_words(&copy), "initial dj +\u{062F}".to_string()));
        }
    }
    // "أواتاغونا" → "واتاغونا" (folded, the hamza seat is an alif), and the other way where the
    // gazetteer lists the short form: "واهيغويا" → "اواهيغويا" (Ouahigouya).
    for (wi, word) in words.iter().enumerate() {
        let ou = || same_word(wi).any(|l| l.starts_with("ou") || l.starts_with('w'));
        if word.len() >= 5 && word[0] == ALIF && word[1] == WAW && ou() {
            let mut copy = words.clone();
            copy[wi].remove(0);
            out.push((join_words(&copy), "initial ou -\u{0627}".to_string()));
        } else if word.len() >= 4 && word[0] == WAW && same_word(wi).any(|l| l.starts_with("ou")) {
            let mut copy = words.clone();
            copy[wi].insert(0, ALIF);
            out.push((join_words(&copy), "initial ou +\u{0627}".to_string()));
        }
    }
    for (wi, word) in words.iter().enumerate() {
        for (edited, rule) in one_letter_edits(word) {
            let mut copy = words.clone();
            copy[wi] = edited;
            out.push((join_words(&copy), rule));
        }
    }
    let mut seen = FxHashSet::default();
    out.retain(|(s, _)| s != folded && !NOT_NAMES.contains(&s.as_str()) && seen.insert(s.clone()));
    out.truncate(MAX_PER_VARIANT);
    out
}

/// Which G letters of an Arabic word may be rewritten.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Swap {
    /// None: the word has no G letter for a g of the name.
    No,
    /// All of them.
    All,
    /// All but its kafs, which write a k of the name (`غاسكيندي`, Gaskindé: `جاسكيندي`).
    ButKaf,
}

impl Swap {
    fn applies(self, c: char) -> bool {
        G_LETTERS.contains(&c) && (self == Swap::All || self == Swap::ButKaf && c != KAF)
    }
}

/// Kaf, the G letter that also writes a k.
const KAF: char = '\u{0643}';

/// For each Arabic word, which of its G letters may be rewritten: all of them when a Latin variant with
/// as many words has, in the same word, at least as many g's (not `gh`) as the Arabic word has G
/// letters; all but the kafs when that word also has a k and as many g's as the other G letters.
fn g_words(words: &[Vec<char>], latin: &[Vec<String>]) -> Vec<Swap> {
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let letters = w.iter().filter(|c| G_LETTERS.contains(c)).count();
            let not_kaf = w.iter().filter(|&&c| G_LETTERS.contains(&c) && c != KAF).count();
            let same = || same_latin_word(latin, words.len(), i);
            if letters > 0 && same().any(|l| g_sounds(l) >= letters) {
                Swap::All
            } else if not_kaf > 0 && same().any(|l| g_sounds(l) >= not_kaf && l.contains('k')) {
                Swap::ButKaf
            } else {
                Swap::No
            }
        })
        .collect()
}

/// Word `i` of each Latin variant of `words` words: the word an Arabic word of that place spells.
fn same_latin_word(latin: &[Vec<String>], words: usize, i: usize) -> impl Iterator<Item = &str> {
    latin.iter().filter(move |l| l.len() == words).map(move |l| l[i].as_str())
}

/// The g's of a folded Latin word that are not the digraph `gh`.
fn g_sounds(word: &str) -> usize {
    let b = word.as_bytes();
    (0..b.len()).filter(|&i| b[i] == b'g' && b.get(i + 1) != Some(&b'h')).count()
}

/// One-letter edits of an Arabic word: a long-vowel letter dropped, a doubled letter written once.
fn one_letter_edits(word: &[char]) -> Vec<(Vec<char>, String)> {
    let article = word.len() > 2 && word[..2].iter().copied().eq(ARTICLE.chars());
    let name_start = if article { 2 } else { 0 };
    let name_len = word.len() - name_start;
    let mut out = vec![];
    for j in name_start + 1..word.len() {
        let c = word[j];
        if c == word[j - 1] && j > name_start {
            let mut w = word.to_vec();
            w.remove(j);
            out.push((w, format!("double -{c}")));
        } else if name_len >= 6 && j + 1 < word.len() && VOWEL_LETTERS.contains(&c) {
            let mut w = word.to_vec();
            w.remove(j);
            out.push((w, format!("vowel -{c}")));
        }
    }
    out
}

fn join_words(words: &[Vec<char>]) -> String {
    words.iter().map(|w| w.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

fn has_arabic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// An Arabic name: Arabic letters and no Latin ones.
fn is_arabic_name(text: &str) -> bool {
    has_arabic(text) && !text.chars().any(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn latin(names: &[&str]) -> Vec<Vec<String>> {
        names.iter().map(|n| fold(n).split(' ').map(str::to_string).collect()).collect()
    }

    fn generated(arabic: &str, names: &[&str]) -> Vec<String> {
        spellings(&fold(arabic), &latin(names)).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn g_letters_are_rewritten_together_where_the_latin_name_has_a_g() {
        let out = generated("قاو", &["Gao"]);
        for expected in ["غاو", "جاو", "كاو"] {
            assert!(out.contains(&expected.to_string()), "{expected} not in {out:?}");
        }
        let out = generated("واغادوغو", &["Ouagadougou"]);
        assert!(out.contains(&"واقادوقو".to_string()), "{out:?}");
        assert!(!out.contains(&"واقادوغو".to_string()), "mixed conventions: {out:?}");
        // A kaf that writes a k stays; the g's letter changes (Gaskindé).
        let out = generated("غاسكيندي", &["Gaskindé"]);
        assert!(out.contains(&"جاسكيندي".to_string()), "{out:?}");
        assert!(!out.iter().any(|s| s.starts_with("غاسج") || s.starts_with("غاسق")), "{out:?}");
        assert!(generated("كيدال", &["Kidal"]).iter().all(|s| s.starts_with('ك')), "no g in Kidal");
    }

    #[test]
    fn real_ghain_jim_and_kaf_stay() {
        // Ghaly: gh is a real ghain; Ag is a g.
        let out = generated("إياد أغ غالي", &["Iyad Ag Ghaly"]);
        assert!(out.contains(&"اياد اق غالي".to_string()), "{out:?}");
        assert!(!out.iter().any(|s| s.ends_with("قالي")), "{out:?}");
        // Djibo's jim is no g (its dj may be written دج, a class of its own).
        assert!(generated("جيبو", &["Djibo"]).iter().all(|s| s.starts_with('ج') || s.starts_with("دج")));
        assert!(generated("كيدال", &["Kidal"]).iter().all(|s| s.starts_with('ك')));
    }

    #[test]
    fn final_e_and_initial_dj() {
        // Cissé, Wagué: a final ي for é also written يه; not for a name whose Latin word ends otherwise.
        assert!(generated("سومايلا سيسي", &["Soumaïla Cissé"]).contains(&"سومايلا سيسيه".to_string()));
        assert!(generated("اسماعيل واغي", &["Ismaël Wagué"]).contains(&"اسماعيل واغيه".to_string()));
        assert!(!generated("مالي", &["Mali"]).iter().any(|s| s.ends_with("يه")));
        // Djibasso: the dj also written دج; not a jim for a French j or g.
        assert!(generated("جيباسو", &["Djibasso"]).contains(&"دجيباسو".to_string()));
        assert!(!generated("جني", &["Jenné"]).iter().any(|s| s.starts_with("دج")));
    }

    #[test]
    fn vowels_and_doubled_letters() {
        let out = generated("بوركينا فاسو", &["Burkina Faso"]); // 7 letters: vowels may go
        assert!(out.contains(&"بوركنا فاسو".to_string()), "{out:?}");
        assert!(out.contains(&"بركينا فاسو".to_string()), "{out:?}");
        // Short words keep their vowels; first and last letters are never dropped.
        assert!(!out.contains(&"بوركينا فسو".to_string()), "{out:?}");
        assert!(!out.contains(&"بوركين فاسو".to_string()), "{out:?}");
        let out = generated("تيسّاليت", &["Tessalit"]);
        assert!(!out.is_empty());
        assert!(generated("كيددال", &["Kidal"]).contains(&"كيدال".to_string()));
    }

    #[test]
    fn a_final_a_may_be_written_with_ta_marbuta() {
        assert!(generated("بوكوما", &["Boukouma"]).contains(&fold("بوكومة")));
        assert!(!generated("سيدان أغ هيتاما", &["Sedane Ag Hitama"]).contains(&fold("سيدان أغ هيتامة")));
        // A country's -iya is never made its feminine adjective; short words are left alone.
        assert!(!generated("نيجيريا", &["Nigeria"]).contains(&fold("نيجيرية")));
        assert!(!generated("كونا", &["Konna"]).contains(&fold("كونة")));
    }

    #[test]
    fn a_kunya_is_declined() {
        let out = generated("أبو حذيفة", &["Abou Houzeifa"]);
        assert!(out.contains(&fold("أبي حذيفة")) && out.contains(&fold("أبا حذيفة")), "{out:?}");
        // Only a first word "أبو", and not glued to the next ("أبوزيد" is its own spelling).
        assert!(!generated("محمد أبو زيد", &["Mohamed Abou Zeid"]).iter().any(|s| s.contains("ابي")));
        assert!(!generated("أبوزيد", &["Abou Zeid"]).iter().any(|s| s.starts_with("ابي")));
    }

    #[test]
    fn al_rahman_with_and_without_its_alif() {
        assert!(generated("عبد الرحمن تياني", &["Abdourahamane Tiani"]).contains(&fold("عبد الرحمان تياني")));
        assert!(generated("عبدالرحمان تياني", &["Abdourahamane Tiani"]).contains(&fold("عبدالرحمن تياني")));
        assert!(generated("أبو عبد الرحمن الصنهاجي", &["Abou Abderrahmane al-Sanhaji"])
            .contains(&fold("أبو عبد الرحمان الصنهاجي")));
    }

    #[test]
    fn an_initial_ou_may_lose_or_gain_its_alif() {
        assert!(generated("أواتاغونا", &["Ouatagouna"]).contains(&"واتاغونا".to_string()));
        assert!(!generated("أوسا", &["Ousa"]).contains(&"وسا".to_string()), "short words keep it");
        // Only for a French "ou" or a w: Olivia's alif writes an o.
        assert!(!generated("أوليفيا روامبا", &["Olivia Rouamba"]).contains(&fold("وليفيا روامبا")));
        // The other way, for a French "ou" only: Wagadu's w is no "ou".
        assert!(generated("واهيغويا", &["Ouahigouya"]).contains(&"اواهيغويا".to_string()));
        assert!(!generated("واغادو", &["Wagadou"]).contains(&"اواغادو".to_string()));
    }

    #[test]
    fn expand_adds_spellings_with_provenance_and_never_takes_another_entitys() {
        let mut gao = Entity::new("gao", "Gao", EntityType::Place);
        gao.variants.push(Variant::new("قاو"));
        let mut other = Entity::new("kao", "Kao", EntityType::Place);
        other.variants.push(Variant::new("كاو"));
        let mut group = Entity::new("g", "Groupe", EntityType::ArmedGroup);
        group.variants.push(Variant::new("جماعة"));
        let mut entities = vec![gao, other, group];
        expand(&mut entities);
        let gao: Vec<&Variant> = entities[0].variants.iter().filter(|v| v.derived.is_some()).collect();
        assert!(gao.iter().any(|v| v.text == "غاو"
            && v.derived.as_ref().is_some_and(|d| d.from == "قاو" && d.rule.starts_with("G "))));
        assert!(!gao.iter().any(|v| v.text == "كاو"), "كاو belongs to another entity");
        assert_eq!(entities[2].variants.len(), 2, "group names are not transliterations");
    }
}
