//! Arabic proclitics: the conjunctions, prepositions and article that are written glued to a name.
//!
//! In Arabic `وتمبكتو` is "and Timbuktu", `بتمبكتو` "in Timbuktu", `للنيجر` "to Niger". The name still
//! has to be found, and the mention must cover the name only. The matcher therefore accepts a match
//! that is preceded, inside the same word, by one of the sequences built here, and nothing else.
//!
//! The sequences are: an optional conjunction (`و`, `ف`), an optional preposition (`ب`, `ل`, `ك`) and an
//! optional article (`ال`), with `ل` + `ال` written `لل`. Two cases need care:
//!
//! * a name that starts with the article (`النيجر`) loses its alef after `ل`: `للنيجر`. The matcher
//!   also looks for such names without their article, valid only after a prefix ending in `لل`;
//! * article + a name ending in `ي` is the relational adjective (`المالي`, "Malian"), not the place,
//!   just as `malien` is not `Mali`: that combination is rejected.

use crate::fold::fold;

/// The article, folded.
pub(crate) const ARTICLE: &str = "\u{0627}\u{0644}";

/// Folded yeh, the last letter of a relational adjective.
const YEH: char = '\u{064A}';

/// What a prefix in front of a match is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Prefix {
    /// No prefix: the match starts a word.
    None,
    /// Conjunction and/or preposition, no article (`و`, `ب`, `وب`, ...).
    Clitic,
    /// A prefix ending in the article (`ال`, `وال`, `بال`, ...).
    WithArticle,
    /// A prefix ending in `لل` (`لل`, `ولل`, `فلل`): preposition `ل` + article with its alef elided.
    WithElidedArticle,
}

/// Classifies the folded letters between the start of a word and a match, or `None` when they are not
/// proclitics (the match is then inside another word and rejected).
pub(crate) fn classify_prefix(folded_prefix: &str) -> Option<Prefix> {
    if folded_prefix.is_empty() {
        return Some(Prefix::None);
    }
    let mut rest = folded_prefix;
    if let Some(r) = rest.strip_prefix(['\u{0648}', '\u{0641}']) {
        // و or ف
        rest = r;
    }
    if rest.is_empty() {
        return Some(Prefix::Clitic);
    }
    if rest == "\u{0644}\u{0644}" {
        // لل
        return Some(Prefix::WithElidedArticle);
    }
    if let Some(r) = rest.strip_prefix(['\u{0628}', '\u{0644}', '\u{0643}']) {
        // ب ل ك
        rest = r;
    }
    if rest.is_empty() {
        return Some(Prefix::Clitic);
    }
    if rest == ARTICLE {
        return Some(Prefix::WithArticle);
    }
    None
}

/// Longest proclitic sequence, in characters (`وبال`); a word start further back rejects the match early.
pub(crate) const MAX_PREFIX_CHARS: usize = 4;

/// Whether a variant (folded) may follow `prefix`.
pub(crate) fn accepts(prefix: Prefix, folded_variant: &str, article_elided: bool) -> bool {
    match prefix {
        Prefix::None | Prefix::Clitic => !article_elided,
        // Article before a name that has its own article cannot happen; before a name in -ي it makes the
        // adjective ("المالي" is "Malian").
        Prefix::WithArticle => {
            !article_elided && !folded_variant.starts_with(ARTICLE) && !folded_variant.ends_with(YEH)
        }
        Prefix::WithElidedArticle => article_elided || !folded_variant.ends_with(YEH),
    }
}

/// Where the article written right before `start` begins (its alif; marks and tatweel between its
/// letters and after it are skipped), for a match whose prefix ends with it ([`Prefix::WithArticle`]);
/// `start` when the letters before are not an alif and a lam.
pub(crate) fn article_start(text: &str, start: usize) -> usize {
    let mut letters = text[..start]
        .char_indices()
        .rev()
        .filter(|&(_, c)| !unicode_normalization::char::is_combining_mark(c) && c != TATWEEL);
    match (letters.next(), letters.next()) {
        (
            Some((_, '\u{0644}')),
            Some((i, '\u{0627}' | '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}')),
        ) => i,
        _ => start,
    }
}

/// Tatweel, the letter-stretching stroke, which folding drops.
const TATWEEL: char = '\u{0640}';

/// Folds a prefix taken from the original text.
pub(crate) fn fold_prefix(original: &str) -> String {
    fold(original)
}

/// Whether `c` is an Arabic letter (not a mark, a digit or punctuation): what makes a spelling
/// Arabic for the matcher's proclitic rules, the designators and the gazetteer's counts.
pub(crate) fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes() {
        assert_eq!(classify_prefix(""), Some(Prefix::None));
        for p in ["و", "ف", "ب", "ل", "ك", "وب", "فل", "وك"] {
            assert_eq!(classify_prefix(p), Some(Prefix::Clitic), "{p}");
        }
        for p in ["ال", "وال", "بال", "كال", "فبال"] {
            assert_eq!(classify_prefix(p), Some(Prefix::WithArticle), "{p}");
        }
        for p in ["لل", "ولل", "فلل"] {
            assert_eq!(classify_prefix(p), Some(Prefix::WithElidedArticle), "{p}");
        }
        for p in ["م", "بب", "الل", "س", "ا"] {
            assert_eq!(classify_prefix(p), None, "{p}");
        }
    }

    #[test]
    fn relational_adjective_is_rejected() {
        assert!(!accepts(Prefix::WithArticle, "مالي", false));
        assert!(accepts(Prefix::Clitic, "مالي", false));
        assert!(accepts(Prefix::WithArticle, "كيدال", false));
        assert!(accepts(Prefix::WithElidedArticle, "نيجر", true));
        assert!(!accepts(Prefix::Clitic, "نيجر", true));
    }

    #[test]
    fn the_article_starts_at_its_alif_whatever_marks_and_tatweel_follow() {
        let text = "قررت الإيكواس";
        let start = text.find("إيكواس").unwrap();
        assert_eq!(article_start(text, start), text.find("ال").unwrap());
        // Fuzzed: "الـِتمبكتو", a tatweel and a kasra between the article and the name.
        let text = "x الـ\u{650}تمبكتو";
        let start = text.find("تمبكتو").unwrap();
        assert_eq!(article_start(text, start), 2);
        // Two letters that are no article.
        let text = "بلتمبكتو";
        assert_eq!(article_start(text, text.find("تمبكتو").unwrap()), text.find("تمبكتو").unwrap());
    }
}
