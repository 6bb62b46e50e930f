//! Arabic skeletons: a transliterated name found however an outlet spelled its vowels and emphatics.
//!
//! [`crate::arabic_spelling`] generates the commonest other spellings of a listed Arabic name, one rule
//! at a time, and only by *dropping* letters. Real outlets also *add* long-vowel letters (`تمبوكتو` for
//! `تمبكتو`, `سانداري` for `ساندري`), swap one for another (`أوغوسوغو` for `أوغوساغو`), and write a Latin
//! s, t, d or h with the plain or the emphatic letter (`سولهان` for `صولحان`): too many combinations to
//! list or generate. What stays is the name's consonant skeleton.
//!
//! **The skeleton of a word** (folded, see [`crate::fold`]): the long-vowel letters `ا و ي` dropped
//! except as the first or the last letter (a final `ي` makes the relational adjective, `التمبكتي`, which
//! must stay apart); the emphatic letters written as their plain ones (`ص→س ط→ت ض→د ظ→ز ح→ه ث→ت ذ→د`);
//! a letter written twice in a row once; the hamza letter dropped. The G letters (`ق غ ج ك`) are not
//! merged: [`crate::arabic_spelling`] already lists a name's G spellings as variants, each with its
//! own skeleton, while merging them everywhere would make a k of a name (`كوتيالا`) the q of a verb
//! (`قتلوا`, "they killed").
//!
//! **Which names.** The Arabic variants of curated and user places and people (transliterations; group
//! and force names are Arabic words, whose letters mean something; countries have one standard Arabic
//! name, `ألمانيا`, that needs no skeleton), not flagged *possible*, whose
//! skeleton keeps [`MIN_LETTERS`] letters or more: a three-letter skeleton is an Arabic root, shared by
//! dozens of ordinary words, and four letters are a root with one affix (`تساؤلات`, "questions", has
//! the skeleton of `تساليت`, Tessalit). A skeleton two entities share, or that is the skeleton of any other
//! listed spelling of another entity, is dropped, as are the few that Debian's Arabic dictionary shows
//! to be ordinary words ([`NOT_NAMES`], kept up to date by `tests/arabic_skeleton.rs`).
//!
//! **Matching.** At each Arabic word of the text, after the proclitics the exact matcher accepts
//! ([`crate::arabic`]), the skeletons of one to [`MAX_WORDS`] words are looked up; the longest found is a
//! candidate like a tolerant one ([`crate::MatchKind::Tolerant`], with the variant it approximates), so
//! it passes the same boundary and proclitic checks and loses to an exact match it overlaps.
//!
//! **Listed words are what they are.** A run of words each of which is itself a word of some listed
//! spelling is not a misspelling of another name: `كومباوري` (Compaoré, from `بليز كومباوري`) has the
//! skeleton of the village `كومبري` but is the president's surname. Such a run is never matched by
//! skeleton; the exact matcher finds it when a listed spelling is that run.

// The maps below are built from the gazetteer and only looked up with text: a lookup cannot make them
// collide, so a fast hash (Fx) is safe where std's DoS-resistant SipHash cost 7 % of tag().
use rustc_hash::{FxHashMap, FxHashSet};

/// Fewest letters of a name's skeleton (all its words) for it to be matched by skeleton.
pub const MIN_LETTERS: usize = 5;
/// Most words of a name matched by skeleton.
pub const MAX_WORDS: usize = 4;

/// Skeletons that are also the skeleton of an ordinary Arabic word (found by the dictionary test).
pub const NOT_NAMES: &[&str] = &[
    "اتغنا",  // أطغينا, "we made transgress" (Ouatagouna)
    "اتقنا",  // أتقنا, "we mastered" (Ouatagouna)
    "اتكنا",  // اتكأنا, "we leaned" (Ouatagouna)
    "امبره",  // أمبيرية, "imperial" (Mbera written امبرة)
    "انتهكا", // انتهاكا, "a violation" (Intahaka written إينتاهاكا)
    "تغرغر",  // تغرغر, "to gargle" (Tigharghar)
    "تلمسي",  // طليموسي (Tilemsi)
    "سندره",  // سندرة, a dictionary word (Sandaré written سانداريه)
    "تبركت",  // تبريكات, "blessings" (Tchibarakaten written تباراكات)
    "كلمبا",  // كولومبيا, Colombia (Kaloumba)
    "مركله",  // مراكلة, "kicking" (Markala written ماركالة)
    "منجزه",  // مناجزة, "combat" (Mangaïzé)
    "نتبني",  // نتبنى, "we adopt" (Natiaboani)
    "يتنجا",  // يتناجوا, "they confide" (Yatenga)
    "يتنغا",  // يتناغوا (Yatenga)
    "يتنقا",  // يتنقوا (Yatenga)
];

/// The skeleton of one folded Arabic word, or `None` when the word has a letter that is not Arabic.
pub fn skeleton(word: &str) -> Option<String> {
    let mut out = String::with_capacity(word.len());
    push_skeleton(word, &mut out).then_some(out)
}

/// Whether `word` is all Arabic letters (and not empty): a word that has a skeleton.
fn is_arabic_word(word: &str) -> bool {
    !word.is_empty() && word.chars().all(crate::arabic::is_arabic_letter)
}

/// Appends the skeleton of `word` to `out`; false (and nothing appended) when it has none. One pass:
/// what was appended is taken back at the first letter that is not Arabic.
fn push_skeleton(word: &str, out: &mut String) -> bool {
    let mark = out.len();
    let mut previous = None;
    for (i, c) in word.char_indices() {
        if !crate::arabic::is_arabic_letter(c) {
            out.truncate(mark);
            return false;
        }
        let (first, last) = (i == 0, i + c.len_utf8() == word.len());
        let c = match c {
            '\u{0627}' | '\u{0648}' | '\u{064A}' if !first && !last => continue, // ا و ي
            '\u{0621}' => continue,                                              // ء
            '\u{0635}' => '\u{0633}',                                            // ص → س
            '\u{0637}' | '\u{062B}' => '\u{062A}',                               // ط ث → ت
            '\u{0636}' | '\u{0630}' => '\u{062F}',                               // ض ذ → د
            '\u{0638}' => '\u{0632}',                                            // ظ → ز
            '\u{062D}' => '\u{0647}',                                            // ح → ه
            c => c,
        };
        if previous != Some(c) {
            out.push(c);
        }
        previous = Some(c);
    }
    !word.is_empty()
}

/// The skeleton of a folded name of one or more words separated by single spaces.
fn name_skeleton(folded: &str) -> Option<String> {
    // Most patterns are Latin: no skeleton, known from the first letter, before any allocation.
    if !folded.chars().next().is_some_and(crate::arabic::is_arabic_letter) {
        return None;
    }
    let mut out = String::with_capacity(folded.len());
    for (i, word) in folded.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if !push_skeleton(word, &mut out) {
            return None;
        }
    }
    Some(out)
}

/// The skeletons of the names that may be matched by skeleton, each with its pattern.
#[derive(Clone, Debug, Default)]
pub(crate) struct Skeletons {
    map: FxHashMap<Box<str>, u32>,
    /// The first words of every key of `map` that has more words (`"كل"` of `"كل مد"`): a run of
    /// words whose skeleton is neither a key nor one of these cannot grow into a key, so the search at
    /// a word stops there instead of folding and looking up [`MAX_WORDS`] words each time.
    prefixes: FxHashSet<Box<str>>,
    /// Every Arabic word of every listed spelling (folded), eligible or not.
    listed_words: FxHashSet<Box<str>>,
}

impl Skeletons {
    /// Indexes the patterns (folded text, eligible, entity of its primary entry): an eligible pattern's
    /// skeleton is kept unless another entity's pattern, eligible or not, has the same skeleton.
    pub(crate) fn new<'p>(patterns: impl Iterator<Item = (&'p str, bool, u32)>) -> Skeletons {
        // Skeleton → (pattern, entity) of an eligible pattern, or None once two entities share it.
        let mut found: FxHashMap<String, Option<(u32, u32)>> = FxHashMap::default();
        let mut others: Vec<(String, u32)> = vec![];
        let mut listed_words = FxHashSet::default();
        for (p, (folded, eligible, entity)) in patterns.enumerate() {
            for word in folded.split(' ').filter(|w| is_arabic_word(w)) {
                if !listed_words.contains(word) {
                    listed_words.insert(Box::from(word));
                }
            }
            let Some(key) = name_skeleton(folded) else { continue };
            if !eligible {
                others.push((key, entity));
                continue;
            }
            // A name whose skeleton starts with و (Ouindigui, Ouenkoro) needs one letter more: the
            // conjunction و glued to a four-letter word makes the same skeleton.
            let min = MIN_LETTERS + usize::from(key.starts_with('\u{0648}'));
            if key.chars().filter(|&c| c != ' ').count() < min || NOT_NAMES.contains(&key.as_str()) {
                continue;
            }
            found
                .entry(key)
                .and_modify(|slot| {
                    if slot.is_some_and(|(_, e)| e != entity) {
                        *slot = None;
                    }
                })
                .or_insert(Some((p as u32, entity)));
        }
        for (key, entity) in others {
            if let Some(slot) = found.get_mut(&key) {
                if slot.is_some_and(|(_, e)| e != entity) {
                    *slot = None;
                }
            }
        }
        let map: FxHashMap<Box<str>, u32> =
            found.into_iter().filter_map(|(k, v)| Some((k.into_boxed_str(), v?.0))).collect();
        let prefixes =
            map.keys().flat_map(|k| k.match_indices(' ').map(|(space, _)| Box::from(&k[..space]))).collect();
        Skeletons { map, prefixes, listed_words }
    }

    /// The pattern whose skeleton is `key`, if any.
    #[cfg(test)]
    fn get(&self, key: &str) -> Option<u32> {
        self.map.get(key).copied()
    }

    /// Calls `found(fs, fe, pattern)` for the longest skeleton match starting at each Arabic word
    /// of `folded` (at the word or after a proclitic prefix of it); `fs..fe` are folded offsets.
    pub(crate) fn find(&self, folded: &str, mut found: impl FnMut(usize, usize, u32)) {
        if self.map.is_empty() {
            return;
        }
        let bytes = folded.as_bytes();
        let mut key = String::new();
        let mut i = 0;
        while i < bytes.len() {
            // Arabic letters are two bytes starting 0xD8..=0xDB in UTF-8.
            let is_word_start = (0xD8..=0xDB).contains(&bytes[i])
                && (i == 0 || !folded[..i].chars().next_back().is_some_and(crate::fold::is_word_char));
            if !is_word_start {
                i += 1;
                continue;
            }
            let word_end =
                folded[i..].find(|c: char| !crate::fold::is_word_char(c)).map_or(folded.len(), |e| i + e);
            if word_end == i {
                // Arabic punctuation (`؟`, `،`): not a word.
                i += 2;
                continue;
            }
            // The name may start after up to four proclitic letters of the word.
            // (An array, not a vector: this runs at every Arabic word of the text.)
            // Where the word has the article after its proclitics, the letters before the article are
            // no part of a name matched by skeleton: "بالمخاطر" ("with the dangers") has the skeleton
            // of "بلمختار" (Belmokhtar).
            let mut starts = [0; crate::arabic::MAX_PREFIX_CHARS + 1];
            let mut count = 0;
            let mut article_end = None;
            for (at, _) in folded[i..word_end].char_indices().take(starts.len()) {
                let prefix = crate::arabic::classify_prefix(&folded[i..i + at]);
                if prefix.is_some() {
                    starts[count] = i + at;
                    count += 1;
                }
                if prefix == Some(crate::arabic::Prefix::WithArticle) && article_end.is_none() {
                    article_end = Some(i + at);
                }
            }
            let starts = &starts[..count];
            for (k, &start) in starts.iter().enumerate() {
                if article_end.is_some_and(|a| start < a)
                    && !folded[start..].starts_with(crate::arabic::ARTICLE)
                {
                    continue;
                }
                if let Some((end, pattern)) = self.longest_at(folded, start, word_end, &mut key) {
                    // A proclitic that the skeleton drops (an inner و: `وولاية` has the skeleton of
                    // `ولاية`) lets the whole word match too: where the same name also matches after
                    // it, the name starts there.
                    let start = starts[k + 1..]
                        .iter()
                        .copied()
                        .take_while(|&later| {
                            self.longest_at(folded, later, word_end, &mut key) == Some((end, pattern))
                        })
                        .last()
                        .unwrap_or(start);
                    if !folded[start..end].split(' ').all(|w| self.listed_words.contains(w)) {
                        found(start, end, pattern);
                    }
                    break;
                }
            }
            i = word_end;
        }
    }

    /// The longest name whose skeleton the words from `start` (the first ending at `first_end`) have.
    /// `key` is a buffer, reused from call to call.
    fn longest_at(
        &self,
        folded: &str,
        start: usize,
        first_end: usize,
        key: &mut String,
    ) -> Option<(usize, u32)> {
        key.clear();
        if !push_skeleton(&folded[start..first_end], key) {
            return None;
        }
        let mut best = self.map.get(key.as_str()).map(|&p| (first_end, p));
        let mut end = first_end;
        for _ in 1..MAX_WORDS {
            if !self.prefixes.contains(key.as_str()) {
                break;
            }
            // The next word, after exactly one space.
            let rest = &folded[end..];
            let Some(next) = rest.strip_prefix(' ') else { break };
            let len = next.find(|c: char| !crate::fold::is_word_char(c)).unwrap_or(next.len());
            key.push(' ');
            if !push_skeleton(&next[..len], key) {
                break;
            }
            end += 1 + len;
            if let Some(&p) = self.map.get(key.as_str()) {
                best = Some((end, p));
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    fn sk(s: &str) -> String {
        name_skeleton(&fold(s)).unwrap()
    }

    #[test]
    fn spellings_of_one_name_share_a_skeleton() {
        for (a, b) in [
            ("تمبكتو", "تمبوكتو"),
            ("ساندري", "سانداري"),
            ("أوغوساغو", "أوغوسوغو"),
            ("صولحان", "سولهان"),
            ("شينيغودار", "شيناغودر"),
            ("إيناتس", "أناتاس"),
            ("غورما راروس", "غورما رواس"),
        ] {
            assert_eq!(sk(a), sk(b), "{a} / {b}");
        }
    }

    #[test]
    fn relational_adjective_and_other_names_differ() {
        assert_ne!(sk("تمبكتو"), sk("تمبكتي"));
        assert_ne!(sk("كيدال"), sk("كيدالي"));
        assert_eq!(skeleton("Kidal"), None);
    }

    #[test]
    fn a_proclitic_and_the_article_are_no_part_of_a_name() {
        let skeletons = Skeletons::new([("بلمختار", true, 0)].into_iter());
        let mut found = vec![];
        skeletons.find(&fold("طريق مليء بالمخاطر"), |s, e, p| found.push((s, e, p)));
        assert!(found.is_empty(), "{found:?}");
        skeletons.find(&fold("قاده بلمخطار"), |s, e, p| found.push((s, e, p)));
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn finds_after_proclitics_and_longest() {
        let patterns = [("تمبكتو", true, 0), ("غورما راروس", true, 1), ("غورما", true, 2)];
        let skeletons = Skeletons::new(patterns.iter().copied());
        let text = fold("هجوم وبتمبوكتو، ثم؟ في غورما رواس.");
        let mut out = vec![];
        skeletons.find(&text, |s, e, p| out.push((text[s..e].to_string(), p)));
        assert_eq!(out, [("تمبوكتو".to_string(), 0), ("غورما رواس".to_string(), 1)]);
    }

    #[test]
    fn shared_and_short_skeletons_are_dropped() {
        let patterns = [
            ("سلحان", true, 0),
            ("صلحان", true, 1),
            ("داكار", true, 2),
            ("ساندري", true, 3),
            ("سندري", false, 4),
        ];
        let skeletons = Skeletons::new(patterns.iter().copied());
        assert_eq!(skeletons.get(&sk("سلحانو")), None, "two entities");
        assert_eq!(skeletons.get(&sk("تساليت")), None, "four letters");
        assert_eq!(skeletons.get(&sk("ساندري")), None, "another entity's spelling");
    }
}
