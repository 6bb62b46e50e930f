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
//!   `ؤ` → `و`, `ئ` → `ي`, Persian `ی ک` → `ي ك`, the g letters `گ ڭ ݣ` → `ك`, Arabic-Indic digits →
//!   ASCII digits;
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

/// Folds one word: a run of [`is_word_char`] characters. Most words of the texts are plain ASCII, whose
/// word characters are letters and digits, and their folding is their lower case: taken without the
/// folding machinery, for the many words the context rules read around each mention.
pub fn fold_word(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        fold(word)
    }
}

/// Folds `text` with the given case handling, trimming leading and trailing spaces.
///
/// Plain ASCII words are lowercased (or kept) directly. Otherwise lowercased folding, which the tagger
/// runs on many short words per text, takes the same fast paths as [`fold_with_origins`] without
/// recording offsets; [`CaseFold::Keep`] takes the general path.
pub fn fold_case(text: &str, case: CaseFold) -> String {
    // Plain ASCII words between single spaces (most of the surfaces and words the context and
    // ranking rules fold, many per mention, and the acronyms matched with their case): their lower
    // case, or themselves, without the folding machinery.
    if is_plain_ascii(text) {
        return match case {
            CaseFold::Lower => text.to_ascii_lowercase(),
            CaseFold::Keep => text.to_string(),
        };
    }
    fold_case_general(text, case)
}

/// Letters and digits of ASCII in words separated by single spaces, none leading or trailing: what
/// folding only lowercases.
fn is_plain_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && bytes.iter().all(|&b| b.is_ascii_alphanumeric() || b == b' ')
        && !bytes.windows(2).any(|w| w == b"  ")
}

/// [`fold_case`] through the folding machinery, whatever the text.
fn fold_case_general(text: &str, case: CaseFold) -> String {
    let mut out = Vec::with_capacity(text.len());
    let (mut origins, mut starts) = (vec![], vec![]);
    match case {
        CaseFold::Lower => fold_lower(text, &mut out),
        CaseFold::Keep => {
            let mut sink = Sink::<false>::new(&mut out, &mut origins, &mut starts);
            for (offset, c) in text.char_indices() {
                sink.source = offset as u32;
                fold_char(c, case, &mut sink);
            }
        }
    }
    let out = String::from_utf8(out).expect("folding writes whole characters");
    let trimmed = out.trim_matches(|c| c == ' ' || c == PARAGRAPH);
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}

/// Appends the lowercased folding of `text`, untrimmed, to `out`: the fast paths of
/// [`fold_with_origins`] without offsets.
fn fold_lower(text: &str, out: &mut Vec<u8>) {
    let (mut origins, mut starts) = (vec![], vec![]);
    let mut sink = Sink::<false>::new(out, &mut origins, &mut starts);
    fold_fast(text, &mut sink);
}

/// The word right before `start` (one space away), folded ([`fold_word`]); `None` when no word is there.
pub(crate) fn word_before(text: &str, start: usize) -> Option<String> {
    raw_word_before(text, start).map(fold_word)
}

/// The word right after `end` (one space or no-break space away), folded ([`fold_word`]); `None` when
/// no word is there.
pub(crate) fn word_after(text: &str, end: usize) -> Option<String> {
    let rest = text[end..].strip_prefix([' ', '\u{00A0}'])?;
    let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    (len > 0).then(|| fold_word(&rest[..len]))
}

/// The word right before `start` (one space away), as written; `None` when no word is there.
pub(crate) fn raw_word_before(text: &str, start: usize) -> Option<&str> {
    let rest = text[..start].strip_suffix(' ')?;
    let word_start = rest.char_indices().rev().take_while(|(_, c)| is_word_char(*c)).last()?.0;
    Some(&rest[word_start..])
}

/// Appends [`fold_word`]`(word)` to `out`, without a string of its own: for a reader that folds every
/// word of a text. `scratch` is working space, kept between calls so that no word allocates.
pub fn fold_word_into(word: &str, scratch: &mut Vec<u8>, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    scratch.clear();
    fold_lower(word, scratch);
    let folded = std::str::from_utf8(scratch).expect("folding writes whole characters");
    out.push_str(folded.trim_matches(|c| c == ' ' || c == PARAGRAPH));
}

/// Folded text together with the original offset of every folded byte.
#[derive(Debug, Default, Clone)]
pub struct Folded {
    text: String,
    /// `origins[i]` is the byte offset, in the original, of the character that produced folded byte
    /// `i`; one extra entry at the end holds the original length.
    origins: Vec<u32>,
    /// Folded offsets where a mention may start: the first folded byte of every original word and of
    /// every punctuation or symbol character, and of each of the first letters after an Arabic
    /// proclitic-like prefix (`و ف ب ل ك ا`) inside a word.
    starts: Vec<u32>,
}

impl Folded {
    /// Where a mention may start (sorted folded offsets): word starts in the original text, plus the
    /// positions after up to four leading Arabic letters that can be proclitics. A superset: the
    /// matcher still checks each candidate's boundaries exactly.
    pub fn starts(&self) -> &[u32] {
        &self.starts
    }

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
/// This is the hot path of tagging, so it avoids per-character work where it can: runs of plain ASCII
/// are copied (lowercased) in one go, and the folding of every two-byte UTF-8 character (Latin
/// accents, Arabic, ...) is looked up in a table computed once from [`fold_char`]. Other characters take
/// the general path. All paths give exactly what [`fold`] gives (a test checks every two-byte character).
///
/// Offsets are `u32`: a single call handles texts up to 4 GiB; [`crate::Tagger`] feeds it windows.
pub fn fold_with_origins(text: &str, into: &mut Folded) {
    assert!(text.len() < u32::MAX as usize, "text too large to fold in one piece");
    let mut out = std::mem::take(&mut into.text).into_bytes();
    out.clear();
    into.origins.clear();
    into.starts.clear();
    out.reserve(text.len());
    into.origins.reserve(text.len() + 1);
    let mut sink = Sink::<true>::new(&mut out, &mut into.origins, &mut into.starts);
    fold_fast(text, &mut sink);
    into.origins.push(text.len() as u32);
    into.text = String::from_utf8(out).expect("folding writes whole characters");
}

/// The loop of [`fold_with_origins`] and of lowercased [`fold_case`]: ASCII runs, then the two tables,
/// then the general path; finishes the sink.
fn fold_fast<const RECORD: bool>(text: &str, sink: &mut Sink<'_, RECORD>) {
    let table = two_byte_table();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // A stretch of ASCII: the hot loop. Letters and digits are copied a run at a time.
            while i < bytes.len() && bytes[i] < 0x80 {
                let b = bytes[i];
                match ASCII_CLASS[b as usize] {
                    ASCII_ALNUM => {
                        let start = i;
                        i += 1;
                        while i < bytes.len() && ASCII_CLASS.get(bytes[i] as usize) == Some(&ASCII_ALNUM) {
                            i += 1;
                        }
                        if let Some((sep, origin)) = sink.pending_space.take() {
                            sink.push_separator(sep, origin);
                        }
                        // A name in Latin letters may follow Arabic proclitics ("وFrance24").
                        if !sink.in_word || sink.proclitic_run > 0 {
                            sink.start_here();
                        }
                        sink.in_word = true;
                        // Words are short: a lowercasing copy loop beats a memcpy call plus a pass.
                        sink.out.extend(bytes[start..i].iter().map(u8::to_ascii_lowercase));
                        if RECORD {
                            sink.origins.extend(start as u32..i as u32);
                        }
                        continue;
                    }
                    ASCII_PUNCT => {
                        if let Some((sep, origin)) = sink.pending_space.take() {
                            sink.push_separator(sep, origin);
                        }
                        // A variant may begin with punctuation ("#JNIM"): a candidate start too.
                        sink.start_here();
                        sink.out.push(b);
                        sink.origin(i as u32);
                    }
                    class => {
                        if class != ASCII_DROP {
                            sink.source = i as u32;
                            sink.space(u8::from(class == ASCII_NEWLINE));
                        }
                    }
                }
                sink.in_word = false;
                i += 1;
            }
            sink.proclitic_run = 0;
            sink.start_pending = false;
        } else if b < 0xE0 {
            // Two-byte character: U+0080..U+07FF, looked up.
            let cp = (((b & 0x1F) as usize) << 6) | (bytes[i + 1] & 0x3F) as usize;
            sink.source = i as u32;
            apply_entry(&table[cp - 0x80], sink, i);
            i += 2;
        } else if b == 0xE2 && bytes[i + 1] & 0xFC == 0x80 {
            // U+2000..U+20FF (general punctuation: ’ – — « » … and the odd spaces), looked up.
            let cp = ((bytes[i + 1] as usize & 0x3F) << 6) | (bytes[i + 2] & 0x3F) as usize;
            sink.source = i as u32;
            apply_entry(&punctuation_table()[cp], sink, i);
            i += 3;
        } else {
            let c = text[i..].chars().next().expect("char boundary");
            sink.source = i as u32;
            sink.begin_char(CharClass::of(c));
            fold_char(c, CaseFold::Lower, sink);
            i += c.len_utf8();
        }
    }
    sink.finish();
}

const ASCII_ALNUM: u8 = 0;
const ASCII_PUNCT: u8 = 1;
const ASCII_SPACE: u8 = 2;
const ASCII_NEWLINE: u8 = 3;
const ASCII_DROP: u8 = 4;

/// How each ASCII byte folds: letters and digits copied (lowercased), other visible characters copied,
/// a space, a line break, or dropped.
const ASCII_CLASS: [u8; 128] = {
    let mut table = [ASCII_PUNCT; 128];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = ASCII_ALNUM;
        }
        b += 1;
    }
    table[b' ' as usize] = ASCII_SPACE;
    table[b'\t' as usize] = ASCII_SPACE;
    table[b'\r' as usize] = ASCII_SPACE;
    table[0x0b] = ASCII_SPACE;
    table[0x0c] = ASCII_SPACE;
    table[b'-' as usize] = ASCII_SPACE;
    table[b'\n' as usize] = ASCII_NEWLINE;
    table[b'\'' as usize] = ASCII_DROP;
    table[b'`' as usize] = ASCII_DROP;
    table
};

/// One step of a character's folding, as recorded in the two-byte table.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Op {
    Char(char),
    Space(u8),
}

/// Replays a table entry's folding of the character at original offset `at`.
#[inline]
fn apply_entry<const RECORD: bool>(entry: &TableEntry, sink: &mut Sink<'_, RECORD>, at: usize) {
    sink.begin_char(entry.class);
    match entry.single {
        Some((encoded, len)) => {
            sink.flush_space();
            sink.mark_start();
            for &b in &encoded[..len as usize] {
                sink.out.push(b);
                sink.origin(at as u32);
            }
        }
        None => {
            for op in entry.ops.iter() {
                match *op {
                    Op::Char(c) => sink.push(c),
                    Op::Space(newlines) => sink.space(newlines),
                }
            }
        }
    }
}

/// A character's folding and its class, as stored in the two-byte table.
struct TableEntry {
    ops: Box<[Op]>,
    /// When the character folds to exactly one character: its UTF-8 bytes and length.
    single: Option<([u8; 4], u8)>,
    class: CharClass,
}

/// The folding (lowercased) of every character from U+0080 to U+07FF, computed once by running
/// [`fold_char`] on each.
fn two_byte_table() -> &'static [TableEntry] {
    static TABLE: std::sync::OnceLock<Vec<TableEntry>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| table_for(0x80..0x800))
}

/// The same for U+2000..U+20FF: apostrophes, dashes, quotes and spaces of typeset text.
fn punctuation_table() -> &'static [TableEntry] {
    static TABLE: std::sync::OnceLock<Vec<TableEntry>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| table_for(0x2000..0x2100))
}

fn table_for(range: std::ops::Range<u32>) -> Vec<TableEntry> {
    range
        .map(|cp| {
            let c = char::from_u32(cp).expect("no surrogates in the tabled ranges");
            let mut recorder = Recorder::default();
            fold_char(c, CaseFold::Lower, &mut recorder);
            let single = match recorder.ops[..] {
                [Op::Char(folded)] => {
                    let mut encoded = [0u8; 4];
                    let len = folded.encode_utf8(&mut encoded).len() as u8;
                    Some((encoded, len))
                }
                _ => None,
            };
            TableEntry { ops: recorder.ops.into_boxed_slice(), single, class: CharClass::of(c) }
        })
        .collect()
}

/// What a character is for finding word starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CharClass {
    /// Not part of a word: a mention may start after it.
    Other,
    /// A letter or digit.
    Word,
    /// An Arabic letter that can begin a proclitic (`و ف ب ل ك` and the alef of `ال`).
    ProcliticLetter,
    /// A combining mark or tatweel: belongs to the letter before it and changes nothing.
    Transparent,
}

/// An Arabic letter that can begin a proclitic: `و ف ب ل ك` and the plain alef of `ال` (an alef with
/// a hamza, as in "ألبير", Albert, starts a word, not an article).
pub(crate) fn is_proclitic_letter(c: char) -> bool {
    matches!(c, '\u{0648}' | '\u{0641}' | '\u{0628}' | '\u{0644}' | '\u{0643}' | '\u{0627}')
}

impl CharClass {
    fn of(c: char) -> CharClass {
        if c == '\u{0640}' || is_combining_mark(c) {
            CharClass::Transparent
        } else if is_proclitic_letter(c) {
            CharClass::ProcliticLetter
        } else if is_word_char(c) {
            CharClass::Word
        } else {
            CharClass::Other
        }
    }
}

/// Whether `c` is part of a word for boundary checks: letters, digits and combining marks.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        // The Arabic block, a third of the texts: a table, computed once from the general rule below,
        // instead of the standard library's binary search over the Unicode tables for every letter.
        let i = c as usize - 0x600;
        arabic_word_chars()[i / 64] >> (i % 64) & 1 == 1
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

/// The word characters of the Arabic block (U+0600–U+06FF) as a bit set, by [`is_word_char`]'s rule.
fn arabic_word_chars() -> &'static [u64; 4] {
    static TABLE: std::sync::OnceLock<[u64; 4]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [0u64; 4];
        for (i, c) in ('\u{0600}'..='\u{06FF}').enumerate() {
            if c.is_alphanumeric() || is_combining_mark(c) {
                table[i / 64] |= 1 << (i % 64);
            }
        }
        table
    })
}

/// Receives folded output: characters and spaces (with the number of line breaks they stand for).
trait Emit {
    fn push(&mut self, c: char);
    fn space(&mut self, newlines: u8);
}

/// Records the output of folding one character (to build the two-byte table).
#[derive(Default)]
struct Recorder {
    ops: Vec<Op>,
}

impl Emit for Recorder {
    fn push(&mut self, c: char) {
        self.ops.push(Op::Char(c));
    }
    fn space(&mut self, newlines: u8) {
        self.ops.push(Op::Space(newlines));
    }
}

/// Where folded characters go: the output bytes, the origin of each byte and the candidate starts
/// (with `RECORD`; without, those two stay empty), and the state that collapses runs of spaces.
struct Sink<'a, const RECORD: bool> {
    out: &'a mut Vec<u8>,
    origins: &'a mut Vec<u32>,
    /// Original byte offset of the character being folded.
    source: u32,
    /// A pending separator: `Some(' ')` for a space run, [`PARAGRAPH`] once the run holds a paragraph break.
    pending_space: Option<(char, u32)>,
    /// Line breaks seen in the current whitespace run.
    newlines: u8,
    /// Where candidate mention starts are recorded.
    starts: &'a mut Vec<u32>,
    /// The previous (non-transparent) original character was part of a word.
    in_word: bool,
    /// How many letters of the current word could all be proclitics (0 once one cannot).
    proclitic_run: u8,
    /// The next folded byte starts a candidate.
    start_pending: bool,
}

impl<'a, const RECORD: bool> Sink<'a, RECORD> {
    fn new(out: &'a mut Vec<u8>, origins: &'a mut Vec<u32>, starts: &'a mut Vec<u32>) -> Self {
        Sink {
            out,
            origins,
            source: 0,
            pending_space: None,
            newlines: 0,
            starts,
            in_word: false,
            proclitic_run: 0,
            start_pending: false,
        }
    }

    /// Notes the class of the next original character, before its folded output, to find word starts
    /// (only where starts are recorded: the folded text does not depend on them).
    #[inline]
    fn begin_char(&mut self, class: CharClass) {
        if !RECORD {
            return;
        }
        match class {
            CharClass::Transparent => {}
            CharClass::Other => {
                self.in_word = false;
                self.proclitic_run = 0;
                // Symbols and punctuation that fold to something visible may begin a variant.
                self.start_pending = true;
            }
            CharClass::Word | CharClass::ProcliticLetter => {
                let proclitic = class == CharClass::ProcliticLetter;
                if !self.in_word {
                    self.start_pending = true;
                    self.proclitic_run = u8::from(proclitic);
                } else if self.proclitic_run > 0 {
                    // After letters that may all be proclitics: the name may start here.
                    self.start_pending = true;
                    self.proclitic_run =
                        if proclitic && self.proclitic_run < 4 { self.proclitic_run + 1 } else { 0 };
                }
                self.in_word = true;
            }
        }
    }

    /// Records that the next folded byte comes from original offset `at`.
    #[inline]
    fn origin(&mut self, at: u32) {
        if RECORD {
            self.origins.push(at);
        }
    }

    /// Records a candidate start at the next folded byte.
    #[inline]
    fn start_here(&mut self) {
        if RECORD {
            self.starts.push(self.out.len() as u32);
        }
    }

    #[inline]
    fn mark_start(&mut self) {
        if RECORD && self.start_pending {
            self.start_pending = false;
            self.start_here();
        }
    }

    #[inline]
    fn push_raw(&mut self, c: char) {
        let mut buf = [0u8; 4];
        let encoded = c.encode_utf8(&mut buf).as_bytes();
        for &b in encoded {
            self.out.push(b);
            self.origin(self.source);
        }
    }

    /// Writes a pending space or paragraph separator, attributed to where its run began.
    #[inline]
    fn push_separator(&mut self, sep: char, origin: u32) {
        if sep == ' ' {
            self.out.push(b' ');
            self.origin(origin);
        } else {
            let source = std::mem::replace(&mut self.source, origin);
            self.push_raw(sep);
            self.source = source;
        }
        self.newlines = 0;
    }

    #[inline]
    fn flush_space(&mut self) {
        if let Some((sep, origin)) = self.pending_space.take() {
            self.push_separator(sep, origin);
        }
        self.newlines = 0;
    }

    fn finish(&mut self) {
        self.flush_space();
    }
}

impl<const RECORD: bool> Emit for Sink<'_, RECORD> {
    #[inline]
    fn push(&mut self, c: char) {
        self.flush_space();
        self.mark_start();
        self.push_raw(c);
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
}

#[inline]
fn fold_ascii(b: u8, case: CaseFold, sink: &mut impl Emit) {
    match ASCII_CLASS[b as usize] {
        ASCII_SPACE => sink.space(0),
        ASCII_NEWLINE => sink.space(1),
        ASCII_DROP => {}
        _ if case == CaseFold::Lower => sink.push(b.to_ascii_lowercase() as char),
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
        // The letters that write g in Persian (gaf) and the Maghreb (ng, gaf with three dots) → kaf,
        // the letter they are drawn from; `crate::arabic_spelling` relates kaf to the other G letters.
        '\u{06AF}' | '\u{06AD}' | '\u{0763}' => Rule::Replace("\u{0643}"),
        '\u{06AA}' => Rule::Replace("\u{0643}"),
        '\u{06C0}' => Rule::Replace("\u{0647}"), // heh with yeh above → heh
        '\u{06C1}' => Rule::Replace("\u{0647}"),
        '\u{0660}'..='\u{0669}' => Rule::Replace(ASCII_DIGITS[(c as usize) - 0x0660]),
        '\u{06F0}'..='\u{06F9}' => Rule::Replace(ASCII_DIGITS[(c as usize) - 0x06F0]),
        _ => Rule::Keep,
    }
}

const ASCII_DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// Folds one character: the definition that every fast path must agree with.
fn fold_char(c: char, case: CaseFold, sink: &mut impl Emit) {
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
fn apply_rule(c: char, case: CaseFold, sink: &mut impl Emit) -> bool {
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
fn push_cased(c: char, case: CaseFold, sink: &mut impl Emit) {
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

    /// `fold_word` is `fold` for any word: every ASCII word character alone and in words, and words
    /// with accents, ligatures, Arabic and other scripts (which take `fold`); `fold_word_into`
    /// appends the same, word after word into one string.
    #[test]
    fn fold_word_is_fold_for_words() {
        let ascii: Vec<char> = (0u8..0x80).map(char::from).filter(|&c| is_word_char(c)).collect();
        assert_eq!(ascii.len(), 62, "letters and digits");
        let mut words: Vec<String> = ascii.iter().map(|c| c.to_string()).collect();
        words.push(ascii.iter().collect());
        words.extend(
            ["Tombouctou", "GAO", "x4", "Niafunké", "ŒUVRE", "Straße", "تمبكتو", "تُمْبُكْتُو", "ⅣX"]
                .map(String::from),
        );
        let (mut scratch, mut all) = (vec![], String::new());
        for word in &words {
            assert!(word.chars().all(is_word_char), "{word:?} is a word");
            assert_eq!(fold_word(word), fold(word), "{word:?}");
            let before = all.len();
            fold_word_into(word, &mut scratch, &mut all);
            assert_eq!(all[before..], fold(word), "{word:?}");
        }
    }

    /// The plain-ASCII shortcut of `fold` gives what the folding machinery gives: every ASCII
    /// character alone, and random strings of letters, digits and spaces (single, double, leading,
    /// trailing), which it takes or leaves.
    #[test]
    fn plain_ascii_folding_is_general_folding() {
        let mut texts: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
        let alphabet: Vec<char> = ('a'..='z').chain('A'..='Z').chain('0'..='9').chain([' '; 12]).collect();
        let mut next = crate::testing::picker(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let len = next(12);
            texts.push((0..len).map(|_| alphabet[next(alphabet.len())]).collect());
        }
        let mut taken = 0;
        for text in &texts {
            taken += usize::from(is_plain_ascii(text));
            for case in [CaseFold::Lower, CaseFold::Keep] {
                assert_eq!(fold_case(text, case), fold_case_general(text, case), "{text:?} {case:?}");
            }
        }
        assert!(taken > 5_000 && taken < texts.len() - 5_000, "both paths are tested ({taken} shortcut)");
    }

    #[test]
    fn the_arabic_table_agrees_with_the_general_rule() {
        for c in '\u{0600}'..='\u{06FF}' {
            assert_eq!(is_word_char(c), c.is_alphanumeric() || is_combining_mark(c), "{c:?}");
        }
        assert!(is_word_char('ب') && is_word_char('\u{064E}') && !is_word_char('،') && !is_word_char('؟'));
    }

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
        // Persian gaf, Maghrebi ng and gaf with three dots: the kaf they are drawn from.
        assert_eq!(fold("گ ڭ ݣ"), "ك ك ك");
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
    fn the_fast_paths_agree_with_the_definition() {
        // Every character of the tables, plus ASCII runs, in context.
        for cp in (0x20u32..0x800).chain(0x2000..0x2100) {
            let Some(c) = char::from_u32(cp) else { continue };
            let text = format!("Ab{c}Cd {c} x{c}");
            let mut folded = Folded::default();
            fold_with_origins(&text, &mut folded);
            assert_eq!(folded.as_str(), fold_case_untrimmed(&text), "U+{cp:04X}");
            // `fold` takes the same paths without offsets: it is the trimmed definition.
            for text in [text.as_str(), &format!("{c}"), &format!(" {c}a{c}\n\n{c}")] {
                let trimmed = fold_case_untrimmed(text).trim_matches([' ', PARAGRAPH]).to_string();
                assert_eq!(fold(text), trimmed, "U+{cp:04X} in {text:?}");
            }
        }
        // Characters outside the tables, and mixes, through both.
        for text in ["ＧＡＯ ﬁn", "İstanbul – Œuvre", "\u{FEE3}\u{FE8E}\u{FEDF}\u{FEF2} 🙂 x", "a\r\n\r\nb’c"]
        {
            let trimmed = fold_case_untrimmed(text).trim_matches([' ', PARAGRAPH]).to_string();
            assert_eq!(fold(text), trimmed, "{text:?}");
        }
    }

    fn fold_case_untrimmed(text: &str) -> String {
        let mut out = Vec::new();
        let (mut origins, mut starts) = (vec![], vec![]);
        let mut sink = Sink::<false>::new(&mut out, &mut origins, &mut starts);
        for c in text.chars() {
            fold_char(c, CaseFold::Lower, &mut sink);
        }
        sink.finish();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn word_starts_and_proclitic_positions() {
        let mut folded = Folded::default();
        let starts = |text: &str, folded: &mut Folded| -> Vec<String> {
            fold_with_origins(text, folded);
            let f = folded.as_str();
            folded.starts().iter().map(|&s| f[s as usize..].chars().take(3).collect()).collect()
        };
        assert_eq!(
            starts("L’armée (FAMa) à Gao-Kidal, 24h", &mut folded),
            ["lar", "arm", "(fa", "fam", ") a", "a g", "gao", "kid", ", 2", "24h"]
        );
        assert_eq!(starts("Niafunke\u{301}s x", &mut folded), ["nia", "x"]);
        // و + fatha, then the name: candidates after each possible proclitic letter.
        assert_eq!(starts("وَتمبكتو بالنيجر", &mut folded), ["وتم", "تمب", "بال", "الن", "لني", "نيج"]);
        // A name in Latin letters glued to a proclitic.
        assert_eq!(starts("وFrance24", &mut folded), ["وfr", "fra"]);
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
