//! Surnames: a person the document names in full, then by the surname alone.
//!
//! Journalists name a person in full once ("le capitaine Ibrahim Traoré", "محمدو إيسوفو") and then by
//! the surname ("Traoré a déclaré", "TRAORE", "وقال إيسوفو"). The gazetteer cannot list the bare
//! surname as a spelling of the person: Traoré, Keïta and Diarra are shared by millions, and a village
//! may bear the name. What tells the reader is the document itself, so the rule is read from it: once
//! a person is mentioned with a name of two words or more, every other standalone occurrence of the
//! last word of that name is a mention of the same person — unless two people the document names in
//! full share that word (then nothing is linked), or the word is an ordinary word of the language
//! ([`NOT_SURNAMES`], kept up to date by `tests/surname.rs` against the French, English and Arabic
//! word lists).
//!
//! A Latin-script surname must be capitalised in the text ("Traore", "TRAORE"; never "traore"), and
//! have four letters or more; it must stand alone: not after another capitalised word other than a
//! title or rank ("Moussa Traoré" is someone else, "Capitaine Traoré" is him), nor next to a given name
//! the gazetteer's people have ("موسى كيتا", "Traoré Aminata"); an Arabic one four letters or more, after at most one proclitic letter
//! (`و ف ب ل`) glued to it. An occurrence that overlaps a mention the tagger kept is left alone,
//! unless that mention is a doubtful name (a village spelt like the surname): the surname, evidenced
//! by the full name, wins. Such a mention has [`Reason::Surname`] and the variant of the full name.
//!
//! A surname joined to the given name by a particle ([`PARTICLES`]: "Iyad Ag Ghaly", "Sultan Ould
//! Bady", "سلطان ولد البادي") is written with it when alone ("Ag Ghaly", "ولد البادي"): the particle
//! before the surname, as in the full name, belongs to the mention, and it is the word before the
//! particle that must not be another capitalised name ("Mohamed Ag Ghaly" is someone else). Such a
//! name is also shortened to the given name before the particle ("Alghabass Ag Intallah", then
//! "Alghabass"), unless that is a common given name ("Mohamed") or an ordinary word.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::arabic::is_arabic_letter;
use crate::cues::{single_word_cue, words_before, Cue, Word};
use crate::fold::{fold_word, fold_word_into, is_word_char};
use crate::rank::Reason;
use crate::{EntityIndex, EntityType, Gazetteer, MatchKind, Mention};

/// Fewest letters of a surname found alone.
pub const MIN_LETTERS: usize = 4;

/// Last words of listed names that are ordinary words, or given names, too (folded): never taken as a
/// surname alone (found by `tests/surname.rs` in the word lists).
#[rustfmt::skip]
pub const NOT_SURNAMES: &[&str] = &[
    "amadou", "amer", "bibi", "cherif", "drame", "hammam", "moussa", "sana", "sorgho", "targui",
    "الرحمان", "الرحمن", "الله", "بادي", "تاوي", "تاويه", "توايه", "داود", "تركه", "توريه", "حذيفه", "حماها",
    "رمضان", "شريف", "صلاح", "عيسي", "غالي", "فايه", "قواني", "مبارك", "محمد", "محمده", "موسي", "واقي", "واكي",
    "وليد", "درامي", "عثمان", "ناجم",
    // Nationalities, which end kunyas ("أبو عبد الرحمن الصنهاجي المغربي") but alone are the adjective
    // ("المغربي الجنسية", Moroccan by nationality).
    "التشادي", "التونسي", "الجزايري", "السنغالي", "السوداني", "الليبي", "المالي", "المصري", "المغربي",
    "الموريتاني", "النيجري", "النيجيري",
    // Ordinals, which end kings' names ("محمد السادس") but alone are numbers ("في الخامس والسادس من
    // يونيو": on the fifth and sixth of June).
    "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر",
];

/// Particles (folded) between a given name and a surname: Tuareg *Ag* / أغ ("son of"), Moorish *Ould* /
/// ولد, Arabic *ben*, *bin*, *ibn* / بن، ابن.
pub const PARTICLES: &[&str] = &["ag", "ould", "ben", "bin", "ibn", "اغ", "ولد", "بن", "ابن"];

/// Records `name` as the short name of `m`'s person, or as nobody's once two people share it.
fn add(surnames: &mut FxHashMap<String, Option<(EntityIndex, u32)>>, name: String, m: &Mention) {
    surnames
        .entry(name)
        .and_modify(|slot| {
            if slot.is_some_and(|(e, _)| e != m.entity) {
                *slot = None;
            }
        })
        .or_insert(Some((m.entity, m.variant)));
}

/// Adds the surname-alone mentions of the people `mentions` (sorted, non-overlapping) name in full,
/// keeping the list sorted and non-overlapping; a doubtful mention of exactly such a span is replaced.
/// `given_names`: the folded given names of the gazetteer's people.
pub(crate) fn link(
    gazetteer: &Gazetteer,
    text: &str,
    given_names: &FxHashSet<String>,
    mentions: &mut Vec<Mention>,
) {
    // Folded surname → (person, variant of the full name), or None once two people share it.
    let mut surnames: FxHashMap<String, Option<(EntityIndex, u32)>> = FxHashMap::default();
    // Folded surname → the particle before it in the full name, where it has one, and whether the
    // surname is only taken with it.
    let mut particles: FxHashMap<String, (String, bool)> = FxHashMap::default();
    for m in mentions.iter() {
        if gazetteer.entity(m.entity).kind != EntityType::Person || m.kind == MatchKind::Grammar {
            continue;
        }
        let surface = &text[m.start..m.end];
        let words: Vec<&str> = surface.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).collect();
        if words.len() < 2 {
            continue;
        }
        let last = fold_word(words[words.len() - 1]);
        let particle = (words.len() >= 3)
            .then(|| fold_word(words[words.len() - 2]))
            .filter(|p| PARTICLES.contains(&p.as_str()));
        // A surname that is an ordinary word, or short, is still one after its particle ("أغ غالي").
        let ordinary = last.chars().count() < MIN_LETTERS || NOT_SURNAMES.contains(&last.as_str());
        // "Alghabass Ag Intallah" is "Alghabass" alone, as Tuareg and Moorish names are shortened: the
        // given name before the particle of a three-word name, unless it is a common given name
        // ("Mohamed Ag …") or an ordinary word.
        if particle.is_some() && words.len() == 3 {
            let given = fold_word(words[0]);
            if given.chars().count() >= MIN_LETTERS
                && !NOT_SURNAMES.contains(&given.as_str())
                && !crate::unlisted::common_given_name(&given)
                && !PARTICLES.contains(&given.as_str())
            {
                add(&mut surnames, given, m);
            }
        }
        match particle {
            Some(particle) => {
                particles.insert(last.clone(), (particle, ordinary));
            }
            None if ordinary => continue,
            None => {}
        }
        add(&mut surnames, last, m);
    }
    surnames.retain(|_, v| v.is_some());
    if surnames.is_empty() {
        return;
    }
    // Arabic words fold to Arabic letters: with no surname in Arabic script, none of them is one
    // (which spares folding every word of an Arabic text for the people of its Latin quotes).
    let arabic_surnames = surnames.keys().any(|s| s.chars().any(is_arabic_letter));
    let mut added = vec![];
    // Indexes in `mentions` of the doubtful names that surnames replace.
    let mut replaced: Vec<usize> = vec![];
    // Each word folded into the same buffers.
    let (mut scratch, mut whole, mut bare) = (vec![], String::new(), String::new());
    for (start, word) in words(text) {
        let Some(first) = word.chars().next() else { continue };
        if first.is_lowercase() {
            continue; // "traore": a Latin-script surname is capitalised (and has no Arabic proclitic)
        }
        if !arabic_surnames && is_arabic_letter(first) {
            continue;
        }
        // Each word folded once; only a word that is not a surname as written loses a proclitic.
        whole.clear();
        fold_word_into(word, &mut scratch, &mut whole);
        let (start, word, folded) = match proclitic(word) {
            Some(rest) if !surnames.contains_key(&whole) => {
                bare.clear();
                fold_word_into(rest, &mut scratch, &mut bare);
                (start + (word.len() - rest.len()), rest, &bare)
            }
            _ => (start, word, &whole),
        };
        let Some(&Some((person, variant))) = surnames.get(folded) else { continue };
        let end = start + word.len();
        // "Ag Ghaly": the particle of the full name, right before, starts the mention.
        let particle = particles.get(folded);
        let with_particle = particle.and_then(|(p, _)| particle_before(text, start, p));
        if with_particle.is_none() && particle.is_some_and(|&(_, required)| required) {
            continue;
        }
        let word_start = start;
        let start = with_particle.unwrap_or(start);
        if !stands_alone(text, start, end, given_names) {
            continue;
        }
        // A kept mention there: left alone unless it is a doubtful name of exactly this span, which
        // the surname replaces, or the person's own listed surname after the full name's particle
        // ("Ag Bahanga", "Bahanga" listed), which the mention grows over.
        let at = mentions.partition_point(|m| m.end <= start);
        if let Some(m) = mentions.get(at).filter(|m| m.start < end) {
            let doubtful = m.start == start && m.end == end && (m.possible || m.check.is_some());
            let grows =
                with_particle.is_some() && m.entity == person && m.start == word_start && m.end == end;
            if !(doubtful || grows) {
                continue;
            }
            replaced.push(at);
        }
        added.push(Mention::by_context(start, end, person, variant, Reason::Surname { with: person }));
    }
    if added.is_empty() {
        return;
    }
    // Words come in text order, so `replaced` is sorted: each mention is looked up once, not
    // compared with every added one (a long text repeating a surname would be quadratic).
    let mut next = replaced.iter().peekable();
    let mut index = 0;
    mentions.retain(|_| {
        let gone = next.next_if_eq(&&index).is_some();
        index += 1;
        !gone
    });
    mentions.extend(added);
    mentions.sort_by_key(|m| m.start);
}

/// The start of `particle` (folded) when it is the word right before `start`, one space away (after
/// at most one Arabic proclitic letter glued to it: "وولد البادي").
fn particle_before(text: &str, start: usize, particle: &str) -> Option<usize> {
    let before = text[..start].strip_suffix(' ')?;
    let word_start =
        before.char_indices().rev().take_while(|&(_, c)| is_word_char(c)).last().map(|(i, _)| i)?;
    let word = &before[word_start..];
    if fold_word(word) == particle {
        return Some(word_start);
    }
    let rest = proclitic_letter(word)?;
    (fold_word(rest) == particle).then(|| before.len() - rest.len())
}

/// Whether the word at `start..end` is not part of a longer name: no capitalised word before it but a
/// title or rank, or a function word opening the sentence ("In Traore's statement"), and no given
/// name on either side.
fn stands_alone(text: &str, start: usize, end: usize, given_names: &FxHashSet<String>) -> bool {
    let capitalised = |w: &Word| text[w.start..].chars().next().is_some_and(char::is_uppercase);
    // A capitalised word that is no title, no rank and no function word: a name's part.
    let names_part = |w: &Word| {
        capitalised(w)
            && single_word_cue(&w.folded) != Some(Cue::Role)
            && !crate::cues::FUNCTION_WORDS.contains(&w.folded)
    };
    let before = words_before(text, start, 2);
    if let Some(near) = before.first() {
        // A letter with its full stop after a given name is the name's initial, not "M." for
        // Monsieur: "Ousmane M. Traoré" is not Traoré alone.
        // (A capital and its stop: "Quant à Traoré" is Traoré alone.)
        let initial = near.folded.chars().count() == 1
            && capitalised(near)
            && text[near.end..].starts_with('.')
            && before.get(1).is_some_and(names_part);
        // Arabic has no capitals: a common given name before it is another person's ("سالم بازوم",
        // "وخديجة بازوم": Bazoum's son and wife).
        let arabic_given = near.folded.chars().next().is_some_and(is_arabic_letter)
            && crate::unlisted::arabic_given_name(&near.folded);
        if given_names.contains(&near.folded) || names_part(near) || initial || arabic_given {
            return false;
        }
    }
    let after = text[end..].strip_prefix(' ').unwrap_or("");
    let next: String = after.chars().take_while(|&c| is_word_char(c)).collect();
    next.is_empty() || !given_names.contains(&fold_word(&next))
}

/// The words of `text` with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = rest.peek() {
            if is_word_char(c) {
                break;
            }
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = rest.peek() {
            if !is_word_char(c) {
                break;
            }
            end = i + c.len_utf8();
            rest.next();
        }
        Some((start, &text[start..end]))
    })
}

/// An Arabic word after one proclitic letter (`و ف ب ل`), if it has one and at least
/// [`MIN_LETTERS`] letters after it.
fn proclitic(word: &str) -> Option<&str> {
    proclitic_letter(word).filter(|rest| rest.chars().count() >= MIN_LETTERS)
}

/// `word` without its first letter when that is a proclitic (`و ف ب ل`) and something follows.
fn proclitic_letter(word: &str) -> Option<&str> {
    let first = word.chars().next()?;
    let rest = &word[first.len_utf8()..];
    (matches!(first, '\u{0648}' | '\u{0641}' | '\u{0628}' | '\u{0644}') && !rest.is_empty()).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_offsets() {
        let text = "Traoré, dit-il; وقال إيسوفو";
        let got: Vec<(usize, &str)> = words(text).collect();
        assert_eq!(got[0], (0, "Traoré"));
        assert_eq!(got.last().unwrap().1, "إيسوفو");
        for (start, word) in got {
            assert_eq!(&text[start..start + word.len()], word);
        }
    }

    #[test]
    fn a_particle_right_before_starts_the_mention() {
        let text = "selon Ag Ghaly; Ag  Ghaly; وقال وأغ غالي; آغ غالي";
        let at = |needle: &str, nth: usize| text.match_indices(needle).nth(nth).unwrap().0;
        assert_eq!(particle_before(text, at("Ghaly", 0), "ag"), Some(at("Ag", 0)));
        assert_eq!(particle_before(text, at("Ghaly", 1), "ag"), None, "two spaces");
        assert_eq!(particle_before(text, at("غالي", 0), "اغ"), Some(at("أغ", 0)), "after a proclitic");
        assert_eq!(particle_before(text, at("غالي", 1), "اغ"), Some(at("آغ", 0)), "another alef");
        assert_eq!(particle_before(text, at("Ghaly", 0), "ould"), None);
    }

    #[test]
    fn one_proclitic_letter_is_taken_off() {
        assert_eq!(proclitic("وإيسوفو"), Some("إيسوفو"));
        assert_eq!(proclitic("وكيت"), None);
        assert_eq!(proclitic("Traore"), None);
    }
}
