//! Text folding: the one place that decides which spellings are "the same".
//!
//! Matching runs on a *folded* copy of the text and of every variant. Folding must be exactly the same
//! function on both sides, so it lives here and nowhere else. It removes the differences that do not
//! change which name a reader sees:
//!
//! * case (full Unicode lowercasing, not ASCII-only), unless [`CaseFold::Keep`] is asked for;
//! * accents and every other combining mark (compatibility decomposition, then marks are dropped), which
//!   also turns ligature glyphs, full-width letters and Arabic presentation forms into plain letters;
//! * apostrophes and quote-like marks are dropped (`Jama'at` = `Jama’at` = `Jamaat`);
//! * hyphens, dashes and any run of whitespace become one space (`Az-Zallaqa` = `Az Zallaqa`); a run
//!   of whitespace that holds two or more line breaks (a paragraph break) becomes [`PARAGRAPH`]
//!   instead, so no name is ever matched across paragraphs;
//! * `œ` → `oe`, `æ` → `ae`, `ß` → `ss`, and a few letters without a decomposition (`ø`, `ł`, `đ`, `ı`);
//! * Arabic: tashkeel, tatweel and Quranic marks dropped, `أ إ آ ٱ` → `ا`, `ى` → `ي`, `ة` → `ه`,
//!   `ؤ` → `و`, `ئ` → `ي`, Persian `ی ک` → `ي ك`, Arabic-Indic digits → ASCII digits;
//! * invisible format characters (soft hyphen, zero-width space/joiners, bidi controls, BOM) dropped.
//!
//! [`fold_with_origins`] also records, for every byte of folded text, where its source character starts
//! in the original, which is what lets a match on folded text be reported as an exact original range.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// What a paragraph break (a whitespace run with two or more line breaks) folds to. Folding it again
/// gives it back, so folding is idempotent.
pub const PARAGRAPH: char = '\u{2029}';

/// Whether folding lowercases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseFold {
    /// Full Unicode lowercasing (the matching form).
    Lower,
    /// Keep case; used to check exact-case variants such as `EI` or `CMA`.
    Keep,
}

/// Folds `text` into its matching form (lowercased, trimmed).
///
/// ```
/// use sahel_tagger::fold::fold;
/// assert_eq!(fold("NIAFUNKÉ"), "niafunke");
/// assert_eq!(fold("Az‑Zallaqa"), "az zallaqa");
/// assert_eq!(fold("تُمْبُكْتُو"), "تمبكتو");
/// ```
pub fn fold(text: &str) -> String {
    fold_case(text, CaseFold::Lower)
}

/// Folds `text` with the given case handling, trimming leading and trailing spaces.
pub fn fold_case(text: &str, case: CaseFold) -> String {
    let mut out = String::with_capacity(text.len());
    let mut sink = Sink::new(&mut out, None);
    for (offset, c) in text.char_indices() {
        sink.source = offset as u32;
        fold_char(c, case, &mut sink);
    }
    let trimmed = out.trim_matches(|c| c == ' ' || c == PARAGRAPH);
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}

/// Folded text together with the original offset of every folded byte.
#[derive(Debug, Default, Clone)]
pub struct Folded {
    text: String,
    /// `origins[i]` is the byte offset, in the original, of the character that produced folded byte
    /// `i`; one extra entry at the end holds the original length.
    origins: Vec<u32>,
}

impl Folded {
    /// The folded text (lowercased).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Original byte offset of the character that produced folded byte `folded_offset`
    /// (`folded_offset == len` gives the original length).
    pub fn origin(&self, folded_offset: usize) -> usize {
        self.origins[folded_offset] as usize
    }

    /// Whether folded byte `folded_offset` is the first byte produced by its original character, i.e.
    /// a match may start or end here without cutting an original character (such as `œ` → `oe`) in two.
    pub fn is_source_boundary(&self, folded_offset: usize) -> bool {
        folded_offset == 0
            || folded_offset == self.text.len()
            || self.origins[folded_offset] != self.origins[folded_offset - 1]
    }
}

/// Folds `text` (lowercased) into `into`, recording original offsets. `into` is cleared first, so one
/// `Folded` can be reused across many texts without reallocating.
///
/// Offsets are `u32`: a single call handles texts up to 4 GiB; [`crate::Tagger`] feeds it paragraphs.
pub fn fold_with_origins(text: &str, into: &mut Folded) {
    assert!(text.len() < u32::MAX as usize, "text too large to fold in one piece");
    into.text.clear();
    into.origins.clear();
    into.text.reserve(text.len());
    into.origins.reserve(text.len() + 1);
    let mut sink = Sink::new(&mut into.text, Some(&mut into.origins));
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // ASCII fast path: most of French and English news.
            sink.source = i as u32;
            fold_ascii(b, CaseFold::Lower, &mut sink);
            i += 1;
        } else {
            let c = text[i..].chars().next().expect("char boundary");
            sink.source = i as u32;
            fold_char(c, CaseFold::Lower, &mut sink);
            i += c.len_utf8();
        }
    }
    sink.finish();
    into.origins.push(text.len() as u32);
}

/// Whether `c` is part of a word for boundary checks: letters, digits and combining marks.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

/// Where folded characters go: the output string, optionally the origin of each byte, and the state
/// that collapses runs of spaces.
struct Sink<'a> {
    out: &'a mut String,
    origins: Option<&'a mut Vec<u32>>,
    /// Original byte offset of the character being folded.
    source: u32,
    /// A pending separator: `Some(' ')` for a space run, [`PARAGRAPH`] once the run holds a paragraph break.
    pending_space: Option<(char, u32)>,
    /// Line breaks seen in the current whitespace run.
    newlines: u8,
}

impl<'a> Sink<'a> {
    fn new(out: &'a mut String, origins: Option<&'a mut Vec<u32>>) -> Self {
        Sink { out, origins, source: 0, pending_space: None, newlines: 0 }
    }

    #[inline]
    fn push(&mut self, c: char) {
        self.flush_space();
        self.push_raw(c);
    }

    #[inline]
    fn push_raw(&mut self, c: char) {
        self.out.push(c);
        if let Some(origins) = self.origins.as_deref_mut() {
            for _ in 0..c.len_utf8() {
                origins.push(self.source);
            }
        }
    }

    #[inline]
    fn space(&mut self, newlines: u8) {
        self.newlines = self.newlines.saturating_add(newlines);
        let sep = if self.newlines >= 2 { PARAGRAPH } else { ' ' };
        match &mut self.pending_space {
            Some((kind, _)) => *kind = sep,
            None => self.pending_space = Some((sep, self.source)),
        }
    }

    #[inline]
    fn flush_space(&mut self) {
        if let Some((sep, origin)) = self.pending_space.take() {
            let source = std::mem::replace(&mut self.source, origin);
            self.push_raw(sep);
            self.source = source;
        }
        self.newlines = 0;
    }

    fn finish(&mut self) {
        self.flush_space();
    }
}

#[inline]
fn fold_ascii(b: u8, case: CaseFold, sink: &mut Sink<'_>) {
    match b {
        b'A'..=b'Z' if case == CaseFold::Lower => sink.push((b + 32) as char),
        b'\'' | b'`' => {}
        b'\n' => sink.space(1),
        b'-' | b' ' | b'\t' | b'\r' | 0x0b | 0x0c => sink.space(0),
        _ => sink.push(b as char),
    }
}

/// What folding does with one (non-decomposed) character.
enum Rule {
    Drop,
    Space,
    Newline,
    Paragraph,
    Replace(&'static str),
    Upper(&'static str),
    Keep,
}

/// Mappings that compatibility decomposition does not give us. Checked before decomposition so that
/// spacing accents such as `´` (which decompose to a space plus a mark) are treated as apostrophes.
fn rule(c: char) -> Rule {
    match c {
        // Apostrophes, primes and quote-like modifier letters.
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}' | '\u{00B4}'
        | '\u{02B9}' | '\u{02BB}' | '\u{02BC}' | '\u{02BD}' | '\u{02BE}' | '\u{02BF}' | '\u{02C8}'
        | '\u{0060}' | '\u{FF07}' | '\u{FF40}' => Rule::Drop,
        // Hyphens, dashes and minus signs.
        '\u{2010}'..='\u{2015}' | '\u{2043}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            Rule::Space
        }
        // Invisible format characters: soft hyphen, zero-width space/joiners, direction marks, bidi
        // controls, word joiner, BOM, Arabic letter mark, tatweel.
        '\u{00AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{061C}'
        | '\u{0640}' => Rule::Drop,
        '\n' | '\u{2028}' | '\u{0085}' => Rule::Newline,
        PARAGRAPH => Rule::Paragraph,
        c if c.is_whitespace() => Rule::Space,
        // Ligatures and letters with no decomposition.
        'œ' => Rule::Replace("oe"),
        'Œ' => Rule::Upper("OE"),
        'æ' => Rule::Replace("ae"),
        'Æ' => Rule::Upper("AE"),
        'ß' => Rule::Replace("ss"),
        'ẞ' => Rule::Upper("SS"),
        'ø' => Rule::Replace("o"),
        'Ø' => Rule::Upper("O"),
        'ł' => Rule::Replace("l"),
        'Ł' => Rule::Upper("L"),
        'đ' => Rule::Replace("d"),
        'Đ' => Rule::Upper("D"),
        'ı' => Rule::Replace("i"),
        // Arabic letter unification.
        '\u{0671}' => Rule::Replace("\u{0627}"), // alef wasla → alef
        '\u{0649}' => Rule::Replace("\u{064A}"), // alef maksura → yeh
        '\u{0629}' => Rule::Replace("\u{0647}"), // teh marbuta → heh
        '\u{06CC}' => Rule::Replace("\u{064A}"), // Farsi yeh → yeh
        '\u{06CD}' => Rule::Replace("\u{064A}"),
        '\u{06D2}' => Rule::Replace("\u{064A}"), // yeh barree → yeh
        '\u{06A9}' => Rule::Replace("\u{0643}"), // keheh → kaf
        '\u{06AA}' => Rule::Replace("\u{0643}"),
        '\u{06C0}' => Rule::Replace("\u{0647}"), // heh with yeh above → heh
        '\u{06C1}' => Rule::Replace("\u{0647}"),
        '\u{0660}'..='\u{0669}' => Rule::Replace(ASCII_DIGITS[(c as usize) - 0x0660]),
        '\u{06F0}'..='\u{06F9}' => Rule::Replace(ASCII_DIGITS[(c as usize) - 0x06F0]),
        _ => Rule::Keep,
    }
}

const ASCII_DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

fn fold_char(c: char, case: CaseFold, sink: &mut Sink<'_>) {
    if c.is_ascii() {
        fold_ascii(c as u8, case, sink);
        return;
    }
    if apply_rule(c, case, sink) {
        return;
    }
    decompose_compatible(c, |d| {
        if d.is_ascii() {
            fold_ascii(d as u8, case, sink);
        } else if !is_combining_mark(d) && !apply_rule(d, case, sink) {
            push_cased(d, case, sink);
        }
    });
}

/// Applies [`rule`] to `c`; returns false when the character is to be kept (decomposed, cased).
#[inline]
fn apply_rule(c: char, case: CaseFold, sink: &mut Sink<'_>) -> bool {
    match rule(c) {
        Rule::Keep => return false,
        Rule::Drop => {}
        Rule::Space => sink.space(0),
        Rule::Newline => sink.space(1),
        Rule::Paragraph => sink.space(2),
        Rule::Replace(s) => s.chars().for_each(|r| sink.push(r)),
        Rule::Upper(s) => match case {
            CaseFold::Keep => s.chars().for_each(|r| sink.push(r)),
            CaseFold::Lower => s.chars().for_each(|r| sink.push(r.to_ascii_lowercase())),
        },
    }
    true
}

#[inline]
fn push_cased(c: char, case: CaseFold, sink: &mut Sink<'_>) {
    match case {
        CaseFold::Keep => sink.push(c),
        CaseFold::Lower => {
            for l in c.to_lowercase() {
                // Lowercasing may add a mark (`İ` → `i̇`); marks are dropped like everywhere else.
                if !is_combining_mark(l) {
                    sink.push(l);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_accents() {
        assert_eq!(fold("Niafunké"), "niafunke");
        assert_eq!(fold("NIAFUNKÉ"), "niafunke");
        // Decomposed input (e + combining acute) folds the same as precomposed.
        assert_eq!(fold("Niafunke\u{301}"), "niafunke");
        assert_eq!(fold("ÉTAT ISLAMIQUE"), "etat islamique");
        assert_eq!(fold("Ségou"), "segou");
        assert_eq!(fold("İstanbul"), "istanbul");
    }

    #[test]
    fn apostrophes_hyphens_spaces() {
        assert_eq!(fold("Jama’at"), "jamaat");
        assert_eq!(fold("Jamaʼat"), "jamaat");
        assert_eq!(fold("Jama´at"), "jamaat");
        assert_eq!(fold("Jama`at"), "jamaat");
        assert_eq!(fold("Az-Zallaqa"), "az zallaqa");
        assert_eq!(fold("Az – Zallaqa"), "az zallaqa");
        assert_eq!(fold("Az\u{2011}Zallaqa"), "az zallaqa");
        assert_eq!(fold("Burkina\u{00A0}\u{202F} Faso"), "burkina faso");
        assert_eq!(fold("  Gao \t"), "gao");
        assert_eq!(fold("Nia\u{00AD}funké"), "niafunke");
    }

    #[test]
    fn ligatures() {
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("cœur"), "coeur");
        assert_eq!(fold("Æsir"), "aesir");
        assert_eq!(fold("ﬁn"), "fin");
        assert_eq!(fold("ＧＡＯ"), "gao");
        assert_eq!(fold_case("Œuvre", CaseFold::Keep), "OEuvre");
    }

    #[test]
    fn arabic() {
        // Tashkeel and tatweel.
        assert_eq!(fold("تُمْبُكْتُو"), "تمبكتو");
        assert_eq!(fold("تمبكـــتو"), "تمبكتو");
        // Hamza forms of alef, alef wasla, alef maksura, teh marbuta, waw and yeh with hamza.
        assert_eq!(fold("أ إ آ ٱ"), "ا ا ا ا");
        assert_eq!(fold("ى ة ؤ ئ"), "ي ه و ي");
        // Persian yeh and keheh.
        assert_eq!(fold("ی ک"), "ي ك");
        // Superscript alef and shadda.
        assert_eq!(fold("هٰذَّا"), "هذا");
        assert_eq!(fold("٢٤"), "24");
        // Presentation forms (as copied from some PDFs).
        assert_eq!(fold("\u{FEE3}\u{FE8E}\u{FEDF}\u{FEF2}"), "مالي");
    }

    #[test]
    fn paragraph_breaks_are_kept() {
        assert_eq!(fold("Mali\nNiger"), "mali niger");
        assert_eq!(fold("Mali\n \nNiger"), "mali\u{2029}niger");
        assert_eq!(fold("Mali\r\n\r\nNiger"), "mali\u{2029}niger");
        assert_eq!(fold(&fold("Mali\n\nNiger")), fold("Mali\n\nNiger"));
    }

    #[test]
    fn origins_point_back_to_the_original() {
        let text = "L’armée à Niafunké—Œuvre";
        let mut folded = Folded::default();
        fold_with_origins(text, &mut folded);
        assert_eq!(folded.as_str(), "larmee a niafunke oeuvre");
        for (i, _) in folded.as_str().char_indices() {
            let o = folded.origin(i);
            assert!(text.is_char_boundary(o));
        }
        let f = folded.as_str();
        let start = f.find("niafunke").unwrap();
        assert_eq!(&text[folded.origin(start)..], "Niafunké—Œuvre");
        // `oe` comes from one character: its second byte is not a source boundary.
        let oe = f.find("oeuvre").unwrap();
        assert!(folded.is_source_boundary(oe));
        assert!(!folded.is_source_boundary(oe + 1));
        assert_eq!(folded.origin(f.len()), text.len());
    }

    #[test]
    fn word_chars() {
        assert!(is_word_char('é'));
        assert!(is_word_char('ب'));
        assert!(is_word_char('\u{301}'));
        assert!(is_word_char('7'));
        assert!(!is_word_char('’'));
        assert!(!is_word_char('-'));
        assert!(!is_word_char(' '));
    }
}
