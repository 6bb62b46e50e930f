//! The tagger: a gazetteer compiled for matching, and the mentions it finds.

use crate::designator::Designators;
use crate::fold::{fold_with_origins, Folded};
use crate::gazetteer::{Entity, EntityIndex, Gazetteer, Variant};
use crate::matcher::{leftmost_longest, Candidate, Matcher};
use crate::offsets::OffsetCounter;

/// Texts longer than this are folded in overlapping windows, so that memory stays proportional to the
/// window rather than to the text (the folded copy and its offset map take about five times the
/// window's size).
const WINDOW: usize = 1 << 20;

/// A mention of an entity in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Start, in bytes of the original text.
    pub start: usize,
    /// End (exclusive), in bytes of the original text.
    pub end: usize,
    /// The entity it refers to (the first of `candidates`).
    pub entity: EntityIndex,
    /// Index, in the entity's variants, of the spelling that matched.
    pub variant: u32,
    /// Every entity this spelling may refer to, the chosen one first; more than one means ambiguous.
    pub candidates: Vec<EntityIndex>,
    /// The spelling is also an ordinary word or a common name: a reader should check.
    pub possible: bool,
    /// The span was grown over a place designator next to the matched name ("province de Kossi",
    /// "Tillia County", "منطقة والام") and the mention linked to the administrative unit it names (see
    /// the `designator` module). `variant` is then the unit's spelling that folds like the whole span,
    /// else the matched one when the entity did not change, else the unit's canonical name. Kept to one
    /// flag so that it can become one value of a richer "how it was matched" field.
    pub designator: bool,
}

impl Mention {
    /// The mention's text in `text` (the text it was found in).
    pub fn surface<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Whether the spelling belongs to more than one entity.
    pub fn is_ambiguous(&self) -> bool {
        self.candidates.len() > 1
    }
}

/// Finds gazetteer entities in text.
///
/// ```
/// use sahel_tagger::Tagger;
/// let tagger = Tagger::default();
/// let text = "Des combattants du JNIM ont attaqué Dioura, près de Niafounké.";
/// let names: Vec<&str> = tagger.tag(text).iter().map(|m| tagger.entity(m).name.as_str()).collect();
/// assert!(names.contains(&"Djoura"));
/// ```
#[derive(Clone, Debug)]
pub struct Tagger {
    gazetteer: Gazetteer,
    matcher: Matcher,
    /// The administrative units by name, for place designators.
    designators: Designators,
}

impl Tagger {
    /// Compiles a gazetteer for tagging.
    pub fn new(gazetteer: Gazetteer) -> Tagger {
        let matcher = Matcher::new(&gazetteer);
        let designators = Designators::new(&gazetteer);
        Tagger { gazetteer, matcher, designators }
    }

    /// The gazetteer it tags with.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The entity a mention refers to.
    pub fn entity(&self, mention: &Mention) -> &Entity {
        self.gazetteer.entity(mention.entity)
    }

    /// The variant that matched.
    pub fn variant(&self, mention: &Mention) -> &Variant {
        &self.entity(mention).variants[mention.variant as usize]
    }

    /// Number of distinct folded patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.matcher.pattern_count()
    }

    /// Heap memory used by the automaton, in bytes.
    pub fn automaton_memory(&self) -> usize {
        self.matcher.memory_usage()
    }

    /// Every mention in `text`, sorted, non-overlapping.
    pub fn tag(&self, text: &str) -> Vec<Mention> {
        let mut candidates = vec![];
        let mut folded = Folded::default();
        if text.len() <= WINDOW {
            fold_with_origins(text, &mut folded);
            self.matcher.candidates(text, 0, &folded, &mut candidates);
        } else {
            self.windowed_candidates(text, &mut folded, &mut candidates);
        }
        self.matcher.settle(text, &mut candidates);
        leftmost_longest(&mut candidates);
        let mut mentions: Vec<Mention> = candidates
            .into_iter()
            .filter_map(|c| {
                let resolved = self.matcher.resolve(&c, &text[c.start..c.end])?;
                Some(Mention {
                    start: c.start,
                    end: c.end,
                    entity: resolved.entity,
                    variant: resolved.variant,
                    candidates: resolved.candidates,
                    possible: resolved.possible,
                    designator: false,
                })
            })
            .collect();
        // After overlaps are resolved, so that a designator is only taken from between two mentions.
        self.designators.apply(&self.gazetteer, text, &mut mentions);
        crate::rank::by_document_countries(&self.gazetteer, text, &mut mentions);
        mentions
    }

    /// Collects candidates window by window. Windows overlap by more than the longest pattern can
    /// span, and a candidate is kept only from the window in which it starts before the overlap, so
    /// the result is the same as folding the whole text at once.
    fn windowed_candidates(&self, text: &str, folded: &mut Folded, out: &mut Vec<Candidate>) {
        let overlap = 4 * self.matcher.max_pattern_len + 1024;
        let mut start = 0;
        let mut scratch = vec![];
        while start < text.len() {
            let keep_end = floor_char_boundary(text, (start + WINDOW).min(text.len()));
            let window_end = floor_char_boundary(text, (keep_end + overlap).min(text.len()));
            fold_with_origins(&text[start..window_end], folded);
            scratch.clear();
            self.matcher.candidates(text, start, folded, &mut scratch);
            let last = keep_end == text.len();
            out.extend(scratch.drain(..).filter(|c| last || c.start < keep_end));
            start = keep_end;
        }
    }

    /// Converts the byte offsets of sorted mentions into `(start, end)` pairs in Unicode scalar values.
    pub fn char_spans(text: &str, mentions: &[Mention]) -> Vec<(usize, usize)> {
        let mut counter = OffsetCounter::new(text);
        mentions.iter().map(|m| (counter.position(m.start).char, counter.position(m.end).char)).collect()
    }

    /// Converts the byte offsets of sorted mentions into `(start, end)` pairs in UTF-16 code units.
    pub fn utf16_spans(text: &str, mentions: &[Mention]) -> Vec<(usize, usize)> {
        let mut counter = OffsetCounter::new(text);
        mentions.iter().map(|m| (counter.position(m.start).utf16, counter.position(m.end).utf16)).collect()
    }
}

impl Default for Tagger {
    /// A tagger over the embedded default gazetteer.
    fn default() -> Tagger {
        Tagger::new(Gazetteer::embedded())
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
