//! Finding mentions: one Aho-Corasick automaton over the folded variants, then the checks that a
//! folded match is a real mention in the original text.
//!
//! All folded variants go into one automaton built in *standard* (overlapping) mode, so every
//! occurrence of every variant is reported. Each occurrence is then checked against the original text:
//! it must start and end on word boundaries (or after Arabic proclitics, see [`crate::arabic`]), and
//! its case must fit the variant's [`CaseMode`]. Only then are overlaps resolved, leftmost-longest:
//! reporting every candidate first is what keeps a valid short match alive when a longer one fails its
//! boundary check (the leftmost-longest mode of the automaton itself would have dropped it).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::arabic::{self, Prefix};
use crate::fold::{fold, fold_case, is_word_char, CaseFold, Folded};
use crate::gazetteer::{CaseMode, EntityIndex, Gazetteer, Tier};

/// One way a folded pattern can refer to an entity.
#[derive(Clone, Debug)]
struct Entry {
    entity: u32,
    variant: u32,
    tier: Tier,
    case: CaseMode,
    possible: bool,
    /// For exact-case variants: the variant folded with case kept.
    exact: Option<Box<str>>,
    /// This pattern is an Arabic variant without its leading article, valid only after `لل`.
    article_elided: bool,
}

/// A distinct folded pattern and every entry that folds to it.
#[derive(Clone, Debug)]
struct Pattern {
    folded: Box<str>,
    /// Starts with an Arabic letter: may follow proclitics.
    arabic_initial: bool,
    entries: Vec<Entry>,
}

/// A valid occurrence, before overlaps are resolved.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub pattern: u32,
    pub prefix: Prefix,
}

/// The compiled automaton and the table from pattern to entries.
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
    /// Longest pattern in bytes, for overlapping windows over long texts.
    pub max_pattern_len: usize,
}

impl Matcher {
    /// Compiles every variant of every entity.
    pub fn new(gazetteer: &Gazetteer) -> Matcher {
        let mut index: HashMap<Box<str>, u32> = HashMap::new();
        let mut patterns: Vec<Pattern> = vec![];
        let mut add = |folded: &str, entry: Entry| {
            let at = *index.entry(folded.into()).or_insert_with(|| {
                patterns.push(Pattern {
                    folded: folded.into(),
                    arabic_initial: folded.chars().next().is_some_and(crate::gazetteer::is_arabic_letter),
                    entries: vec![],
                });
                (patterns.len() - 1) as u32
            });
            patterns[at as usize].entries.push(entry);
        };
        for (e, entity) in gazetteer.entities().iter().enumerate() {
            for (v, variant) in entity.variants.iter().enumerate() {
                let folded = fold(&variant.text);
                if folded.is_empty() {
                    continue;
                }
                let entry = Entry {
                    entity: e as u32,
                    variant: v as u32,
                    tier: entity.tier,
                    case: variant.case,
                    possible: variant.possible,
                    exact: (variant.case == CaseMode::Exact)
                        .then(|| fold_case(&variant.text, CaseFold::Keep).into_boxed_str()),
                    article_elided: false,
                };
                if let Some(bare) = folded.strip_prefix(arabic::ARTICLE) {
                    if bare.chars().count() >= 3 && !bare.contains(' ') {
                        add(bare, Entry { article_elided: true, ..entry.clone() });
                    }
                }
                add(&folded, entry);
            }
        }
        for pattern in &mut patterns {
            // Primary candidate first: direct before elided, then by tier, certain before possible,
            // then gazetteer order.
            pattern.entries.sort_by_key(|e| (e.article_elided, e.tier, e.possible, e.entity, e.variant));
        }
        let max_pattern_len = patterns.iter().map(|p| p.folded.len()).max().unwrap_or(0);
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|p| p.folded.as_bytes()))
            .expect("gazetteer patterns fit the automaton");
        Matcher { automaton, patterns, max_pattern_len }
    }

    /// Number of distinct folded patterns.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Heap memory used by the automaton.
    pub fn memory_usage(&self) -> usize {
        self.automaton.memory_usage()
    }

    /// Appends to `out` every valid candidate in `folded`, the folded form of `text[base..]` (or of a
    /// window of it): offsets are reported in `text`.
    pub fn candidates(&self, text: &str, base: usize, folded: &Folded, out: &mut Vec<Candidate>) {
        let haystack = folded.as_str();
        for m in self.automaton.find_overlapping_iter(haystack) {
            let (fs, fe) = (m.start(), m.end());
            if !folded.is_source_boundary(fs) || !folded.is_source_boundary(fe) {
                continue;
            }
            let start = base + folded.origin(fs);
            let end = original_end(text, base + folded.origin(fe - 1));
            if text[end..].chars().next().is_some_and(is_word_char) {
                continue;
            }
            let pattern = &self.patterns[m.pattern().as_usize()];
            let prefix = match text[..start].chars().next_back() {
                Some(c) if is_word_char(c) => {
                    if !pattern.arabic_initial {
                        continue;
                    }
                    match proclitic_prefix(text, start) {
                        Some(prefix) => prefix,
                        None => continue,
                    }
                }
                _ => Prefix::None,
            };
            let surface = &text[start..end];
            if self.first_valid_entry(pattern, prefix, surface).is_some() {
                out.push(Candidate { start, end, pattern: m.pattern().as_u32(), prefix });
            }
        }
    }

    fn first_valid_entry<'p>(
        &self,
        pattern: &'p Pattern,
        prefix: Prefix,
        surface: &str,
    ) -> Option<&'p Entry> {
        pattern.entries.iter().find(|e| entry_accepts(e, pattern, prefix, surface))
    }

    /// The entities a resolved candidate refers to: the primary entry and every other entity whose
    /// entry accepts the same surface.
    pub fn resolve(&self, candidate: &Candidate, surface: &str) -> Option<Resolved> {
        let pattern = &self.patterns[candidate.pattern as usize];
        let mut valid =
            pattern.entries.iter().filter(|e| entry_accepts(e, pattern, candidate.prefix, surface));
        let primary = valid.next()?;
        let mut candidates = vec![EntityIndex(primary.entity)];
        for entry in valid {
            if !candidates.contains(&EntityIndex(entry.entity)) {
                candidates.push(EntityIndex(entry.entity));
            }
        }
        Some(Resolved {
            entity: EntityIndex(primary.entity),
            variant: primary.variant,
            possible: primary.possible,
            candidates,
        })
    }
}

/// What a resolved candidate links to.
pub(crate) struct Resolved {
    pub entity: EntityIndex,
    pub variant: u32,
    pub possible: bool,
    pub candidates: Vec<EntityIndex>,
}

fn entry_accepts(entry: &Entry, pattern: &Pattern, prefix: Prefix, surface: &str) -> bool {
    if prefix != Prefix::None || entry.article_elided {
        let variant_form: &str = &pattern.folded;
        if !arabic::accepts(prefix, variant_form, entry.article_elided) {
            return false;
        }
    }
    match entry.case {
        CaseMode::Insensitive => true,
        CaseMode::Exact => entry.exact.as_deref() == Some(fold_case(surface, CaseFold::Keep).as_str()),
        CaseMode::Capitalized => {
            surface.chars().find(|c| c.is_alphabetic()).is_some_and(|c| !c.is_lowercase())
        }
    }
}

/// End of the original character starting at `last_start`, extended over following combining marks
/// (a decomposed accent belongs to the letter before it).
fn original_end(text: &str, last_start: usize) -> usize {
    let mut chars = text[last_start..].char_indices();
    let mut end = last_start + chars.next().map_or(0, |(_, c)| c.len_utf8());
    for (i, c) in chars {
        if unicode_normalization::char::is_combining_mark(c) {
            end = last_start + i + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// If the word letters right before `start` are Arabic proclitics, what kind.
fn proclitic_prefix(text: &str, start: usize) -> Option<Prefix> {
    let before = &text[..start];
    let mut word_start = start;
    let mut letters = 0;
    for (i, c) in before.char_indices().rev() {
        if !is_word_char(c) {
            break;
        }
        if !unicode_normalization::char::is_combining_mark(c) {
            if !crate::gazetteer::is_arabic_letter(c) {
                return None;
            }
            letters += 1;
            if letters > arabic::MAX_PREFIX_CHARS {
                return None;
            }
        }
        word_start = i;
    }
    arabic::classify_prefix(&arabic::fold_prefix(&before[word_start..]))
}

/// Resolves overlaps leftmost-longest: sorts `candidates` and keeps, from left to right, each one that
/// starts at or after the end of the last one kept, the longest first among those starting together.
pub(crate) fn leftmost_longest(candidates: &mut Vec<Candidate>) {
    candidates.sort_unstable_by(|a, b| {
        a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.pattern.cmp(&b.pattern))
    });
    let mut last_end = 0;
    let mut first = true;
    candidates.retain(|c| {
        if first || c.start >= last_end {
            first = false;
            last_end = c.end;
            true
        } else {
            false
        }
    });
}
