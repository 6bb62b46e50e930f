//! Finding mentions: one automaton over the folded variants, then the checks that a folded match is a
//! real mention in the original text.
//!
//! Every variant that matches at a position is reported, not only the longest. A mention can only start
//! where a word starts in the original text (or after Arabic proclitics), and folding records those
//! positions; the automaton is run *anchored* at each of them, behind a cheap filter on the first three
//! bytes, instead of over every byte of the text. That gives the same candidates as a full scan (an
//! overlapping Aho-Corasick search) followed by a boundary check, for a fraction of the work (most words
//! start no variant); and anchored searches need only the trie of an Aho-Corasick automaton, not its
//! failure transitions, which is what the [`crate::trie`] is (and why it builds in a few milliseconds).
//!
//! Each candidate is then checked against the original text: it must end on a word boundary and start
//! on one (or after Arabic proclitics, see [`crate::arabic`]), and its case must fit the variant's
//! [`CaseMode`]. Only then are overlaps resolved, leftmost-longest: collecting every valid candidate
//! first is what keeps a valid short match alive when a longer one fails its boundary check (an
//! Aho-Corasick automaton's leftmost-longest mode would have dropped it).
//!
//! Every check costs time linear in the text as a whole, whatever the text: a check looks at the
//! candidate and at what is next to it, and the one rule that looks further, the all-caps rule (the
//! nearest words of two letters or more on the same line), is settled for all candidates at once by
//! [`Matcher::settle`], whose scans never cover the same stretch of text twice.

use rustc_hash::FxHashMap;

use crate::arabic::{self, Prefix};
use crate::arabic_skeleton::Skeletons;
use crate::fold::{fold, fold_case, is_word_char, word_before, CaseFold, Folded};
use crate::gazetteer::{CaseMode, EntityIndex, EntityType, Gazetteer, Tier};
use crate::grammar::Grammar;
use crate::tolerant::Tolerant;
use crate::trie::{Trie, DEAD, ROOT};

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
    /// `variant` indexes the grammar's phrases, not the entity's variants.
    grammar: bool,
}

/// A distinct folded pattern and every entry that folds to it. Its text and entries are ranges of
/// the matcher's two tables (`Matcher::texts`, `Matcher::entries`): one allocation each for all the
/// patterns, where a GeoNames layer brings 50,000.
#[derive(Clone, Debug)]
struct Pattern {
    /// Its folded text: `Matcher::texts[text.0..text.1]`.
    text: (u32, u32),
    /// Its entries, primary first: `Matcher::entries[entries.0..entries.1]`.
    entries: (u32, u32),
    /// Starts with an Arabic letter: may follow proclitics.
    arabic_initial: bool,
    /// Some entry comes from a generated tier (checked against neighbouring proper names).
    has_extended: bool,
    /// Some entry relies on case (exact, or capitalized and possible): checked against all-caps text.
    relies_on_case: bool,
    /// A place's name spelled like a territory's Arabic relational adjective (مالي, "Malian"):
    /// checked against the word before it ([`adjectival_nisba`]).
    nisba_like: bool,
}

impl Pattern {
    /// Its folded text, in the matcher's `texts`.
    fn text<'t>(&self, texts: &'t str) -> &'t str {
        &texts[self.text.0 as usize..self.text.1 as usize]
    }

    /// Its entries, primary first, in the matcher's `entries`.
    fn entries<'e>(&self, entries: &'e [Entry]) -> &'e [Entry] {
        &entries[self.entries.0 as usize..self.entries.1 as usize]
    }
}

/// A valid occurrence, before overlaps are resolved.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub pattern: u32,
    pub context: Context,
    /// The all-caps rule is still to be applied ([`Matcher::settle`]).
    caps_pending: bool,
}

#[cfg(test)]
impl Candidate {
    /// A candidate with nothing around it, for tests of overlap resolution.
    pub(crate) fn for_test(start: usize, end: usize, approximate: bool) -> Candidate {
        let context =
            Context { prefix: Prefix::None, in_proper_name: false, in_all_caps: false, approximate };
        Candidate { start, end, pattern: 0, context, caps_pending: false }
    }
}

/// What the text around a candidate says about it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    /// Arabic proclitics glued before it.
    pub prefix: Prefix,
    /// Joined by a space to another capitalized word ("Oumar Diarra", "SITE Intelligence"): part of a
    /// longer proper name, which a generated village name must not be taken from.
    in_proper_name: bool,
    /// Inside a run of upper-case words ("L'UN DES SOLDATS"), where case tells nothing.
    in_all_caps: bool,
    /// Found by tolerant matching: the text is the pattern with one slip.
    pub approximate: bool,
}

/// The compiled automaton and the table from pattern to entries.
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    /// The trie of the patterns, walked from each candidate start (see [`Matcher::candidates`]).
    automaton: Trie,
    filter: PrefixFilter,
    /// The long names that may also match with one slip (`None`: exact matching only).
    tolerant: Option<Tolerant>,
    /// Arabic transliterated names matched by their consonant skeleton (empty: exact matching only).
    skeletons: Skeletons,
    patterns: Vec<Pattern>,
    /// The patterns' folded texts, one after another.
    texts: String,
    /// The patterns' entries, pattern after pattern.
    entries: Vec<Entry>,
    /// Longest pattern in bytes, for overlapping windows over long texts.
    pub max_pattern_len: usize,
}

impl Matcher {
    /// Compiles every variant of every entity and every phrase of `grammar`; with `tolerant`, long
    /// names may also match with one slip.
    pub fn new(gazetteer: &Gazetteer, grammar: &Grammar, tolerant: bool) -> Matcher {
        // Keys borrowed from the gazetteer's foldings (and the grammar's, folded first), the table
        // made big enough for every spelling at once: a GeoNames layer brings 50,000.
        let phrases: Vec<String> = grammar.phrases().iter().map(|(_, phrase)| fold(&phrase.text)).collect();
        let spellings: usize =
            gazetteer.entities().iter().map(|e| e.variants.len()).sum::<usize>() + phrases.len();
        let mut index: FxHashMap<&str, u32> =
            FxHashMap::with_capacity_and_hasher(spellings, Default::default());
        let mut patterns: Vec<Pattern> = Vec::with_capacity(spellings);
        let mut texts = String::new();
        // Each entry with its pattern, put in pattern order below.
        let mut pending: Vec<(u32, Entry)> = Vec::with_capacity(spellings);
        // (The closures' `folded` is not annotated `&str`: that would make them take any lifetime,
        // which the table's keys cannot have.)
        let mut add = |folded, entry: Entry| {
            let at = *index.entry(folded).or_insert_with(|| {
                let start = texts.len() as u32;
                texts.push_str(folded);
                patterns.push(Pattern {
                    text: (start, texts.len() as u32),
                    entries: (0, 0),
                    arabic_initial: folded.chars().next().is_some_and(crate::arabic::is_arabic_letter),
                    has_extended: false,
                    relies_on_case: false,
                    nisba_like: false,
                });
                (patterns.len() - 1) as u32
            });
            patterns[at as usize].has_extended |= entry.tier == Tier::Geonames;
            patterns[at as usize].relies_on_case |= relies_on_case(&entry);
            pending.push((at, entry));
        };
        // An Arabic variant that starts with the article is also looked for without it, after لل.
        let mut add_variant = |folded, entry: Entry| {
            if let Some(bare) = str::strip_prefix(folded, arabic::ARTICLE) {
                if bare.chars().take_while(|&c| c != ' ').count() >= 3 {
                    add(bare, Entry { article_elided: true, ..entry.clone() });
                }
            }
            add(folded, entry);
        };
        for (e, entity) in gazetteer.entities().iter().enumerate() {
            let folded_variants = gazetteer.folded_variants(e);
            for (v, variant) in entity.variants.iter().enumerate() {
                let folded = &folded_variants[v];
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
                    grammar: false,
                };
                add_variant(folded, entry);
            }
        }
        // The grammar's phrases, as certain, case-insensitive variants of the force each names.
        for (v, ((entity, _), folded)) in grammar.phrases().iter().zip(&phrases).enumerate() {
            let entry = Entry {
                entity: entity.0,
                variant: v as u32,
                tier: gazetteer.entity(*entity).tier,
                case: CaseMode::Insensitive,
                possible: false,
                exact: None,
                article_elided: false,
                grammar: true,
            };
            add_variant(folded, entry);
        }
        // Entries grouped by pattern (counted, then each put at its place), then, within each
        // pattern, the primary candidate first: direct before elided, then by tier, the gazetteer's
        // variants before the grammar's phrases, certain before possible, then gazetteer order.
        let mut offsets = vec![0u32; patterns.len() + 1];
        for (at, _) in &pending {
            offsets[*at as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut slots: Vec<Option<Entry>> = (0..pending.len()).map(|_| None).collect();
        let mut next = offsets.clone();
        for (at, entry) in pending {
            slots[next[at as usize] as usize] = Some(entry);
            next[at as usize] += 1;
        }
        let mut entries: Vec<Entry> =
            slots.into_iter().map(|e| e.expect("every entry has its place")).collect();
        for (pattern, range) in patterns.iter_mut().zip(offsets.windows(2)) {
            entries[range[0] as usize..range[1] as usize]
                .sort_by_key(|e| (e.article_elided, e.tier, e.grammar, e.possible, e.entity, e.variant));
            pattern.entries = (range[0], range[1]);
        }
        // The few patterns spelled like a territory's nisba, looked up by their text.
        for nisba in crate::grammar::arabic_nisbas().map(fold) {
            let Some(&at) = index.get(nisba.as_str()) else { continue };
            let pattern = &mut patterns[at as usize];
            pattern.nisba_like = pattern
                .entries(&entries)
                .iter()
                .any(|e| !e.grammar && gazetteer.entity(EntityIndex(e.entity)).kind == EntityType::Place);
        }
        let text = |p: &Pattern| p.text(&texts);
        let entries_of = |p: &Pattern| p.entries(&entries);
        let max_pattern_len = patterns.iter().map(|p| (p.text.1 - p.text.0) as usize).max().unwrap_or(0);
        let automaton = Trie::new(patterns.iter().map(|p| text(p).as_bytes()));
        let filter = PrefixFilter::new(patterns.iter().map(|p| text(p).as_bytes()), patterns.len());
        let tolerant = tolerant.then(|| {
            let approximable =
                |p: &Pattern| entries_of(p).iter().any(|e| e.tier != Tier::Geonames && !e.possible);
            Tolerant::new(&automaton, patterns.iter().map(|p| (text(p), approximable(p))))
        });
        let skeletons = if tolerant.is_some() {
            // Transliterated names only: places and people of the curated and user tiers.
            let eligible = |p: &Pattern| {
                entries_of(p).iter().all(|e| {
                    let entity = gazetteer.entity(EntityIndex(e.entity));
                    e.tier != Tier::Geonames
                        && !e.possible
                        && !e.grammar
                        && !e.article_elided
                        && matches!(entity.kind, EntityType::Place | EntityType::Person)
                        && entity.subtype.as_deref() != Some("country")
                })
            };
            Skeletons::new(patterns.iter().map(|p| (text(p), eligible(p), entries_of(p)[0].entity)))
        } else {
            Skeletons::default()
        };
        Matcher { automaton, filter, tolerant, skeletons, patterns, texts, entries, max_pattern_len }
    }

    /// Number of distinct folded patterns.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Heap memory used by the automaton and its filter.
    pub fn memory_usage(&self) -> usize {
        self.automaton.memory_usage() + self.filter.memory_usage()
    }

    /// Appends to `out` every valid candidate in `folded`, the folded form of `text[base..]` (or of a
    /// window of it): offsets are reported in `text`.
    pub fn candidates(&self, text: &str, base: usize, folded: &Folded, out: &mut Vec<Candidate>) {
        let haystack = folded.as_str().as_bytes();
        let trie = &self.automaton;
        // End (in `text`) of the exact candidates found from earlier starts: a tolerant match starting
        // before it would overlap an exact match without containing it, and lose.
        let mut covered = 0;
        for &fs in folded.starts() {
            let fs = fs as usize;
            if !self.filter.may_match(haystack, fs) {
                continue;
            }
            // Walk from the root, reporting every pattern that ends at each step (each began at `fs`).
            // `sid` ends as the last live state of the walk, `walked` bytes in, where tolerant matching
            // may take over; `last_len` is the length of the last pattern found.
            let mut sid = ROOT;
            let mut walked = haystack.len() - fs;
            let mut last_len = 0;
            let mut exact_end = 0;
            for (i, &byte) in haystack[fs..].iter().enumerate() {
                let next = trie.next(sid, byte);
                if next == DEAD {
                    walked = i;
                    break;
                }
                sid = next;
                if let Some(pid) = trie.pattern(sid) {
                    let len = i + 1;
                    last_len = len;
                    if let Some(candidate) = self.check(text, base, folded, fs, fs + len, pid, false) {
                        exact_end = candidate.end;
                        out.push(candidate);
                    }
                }
            }
            if let Some(tolerant) = &self.tolerant {
                // A walk that stops where a pattern ends a word has found the name the text holds: a
                // tolerant match there could only be that one, or shorter.
                let at_word_end = || {
                    last_len == walked
                        && !haystack.get(fs + walked).is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80)
                };
                if walked >= tolerant.min_depth
                    && tolerant.is_triggered(sid)
                    && !at_word_end()
                    && base + folded.origin(fs) >= covered
                {
                    tolerant.matches(sid, folded.as_str(), fs, |fe, pattern| {
                        // "the Segou, Mopti and Koulikoro regions": a plural designator ending the
                        // words there names the list's units, no slip of a name's singular one.
                        let last =
                            folded.as_str().get(fs..fe).and_then(|w| w.rsplit(' ').next()).unwrap_or("");
                        if crate::designator::latin_plural(last).is_none() {
                            out.extend(self.check(text, base, folded, fs, fe, pattern, true));
                        }
                    });
                }
                covered = covered.max(exact_end);
            }
        }
        self.skeletons.find(folded.as_str(), |fs, fe, pattern| {
            // "الكولومبية" (Colombian) has the skeleton of "كالومبه" (Kaloumba): a word ending like
            // the feminine relational adjective, "ية" (folded "يه"), is no slip of a name that does not.
            let feminine = |w: &str| w.ends_with("\u{064A}\u{0647}");
            let found = &folded.as_str()[fs..fe];
            // "أقاليم سيغو وموبتي" (the regions of Ségou and Mopti) has the skeleton of "إقليم سيغو": a
            // plural designator opens a list of units, never one unit's name.
            let plural = found.split(' ').next().is_some_and(crate::designator::is_arabic_plural);
            if !plural && (!feminine(found) || feminine(self.patterns[pattern as usize].text(&self.texts))) {
                out.extend(self.check(text, base, folded, fs, fe, pattern, true));
            }
        });
    }

    /// Checks one occurrence of a pattern at folded `fs..fe` (`approximate`: the text there is the
    /// pattern with one slip) against the original text.
    #[allow(clippy::too_many_arguments)]
    fn check(
        &self,
        text: &str,
        base: usize,
        folded: &Folded,
        fs: usize,
        fe: usize,
        pattern_id: u32,
        approximate: bool,
    ) -> Option<Candidate> {
        if !folded.is_source_boundary(fe) {
            return None;
        }
        let start = base + folded.origin(fs);
        let end = original_end(text, base + folded.origin(fe - 1));
        if text[end..].chars().next().is_some_and(is_word_char) {
            return None;
        }
        let pattern = &self.patterns[pattern_id as usize];
        if pattern.text(&self.texts).ends_with(" military") && adjectival_military(text, end) {
            return None;
        }
        let prefix = match text[..start].chars().next_back() {
            Some(c) if is_word_char(c) => {
                let prefix = proclitic_prefix(text, start)?;
                // A name in another script takes و ف ب ل ك glued to it ("وFrance24"), not the article.
                if !pattern.arabic_initial && prefix != Prefix::Clitic {
                    return None;
                }
                prefix
            }
            _ => Prefix::None,
        };
        if pattern.nisba_like
            && (prefix == Prefix::None && adjectival_nisba(text, start)
                || prefix == Prefix::Clitic && coordinated_nisba(text, start))
        {
            return None;
        }
        let surface = &text[start..end];
        // The all-caps rule needs the neighbouring words, which `settle` finds for all candidates at
        // once; a mention that has two letters or more, not all upper case, is never in an all-caps
        // run, and needs nothing more.
        let caps_pending = pattern.relies_on_case && !Word::of(surface).mixed_case();
        let context = Context {
            prefix,
            in_proper_name: pattern.has_extended && joined_to_capitalized_word(text, start, end),
            in_all_caps: false,
            approximate,
        };
        // Being in an all-caps run only takes entries away, so a candidate no entry accepts outside
        // one is dropped now.
        self.first_valid_entry(pattern, context, surface)?;
        Some(Candidate { start, end, pattern: pattern_id, context, caps_pending })
    }

    /// Applies the all-caps rule to the candidates that need it and drops those no entry then
    /// accepts. Call it once with every candidate of a text (all windows), before
    /// [`leftmost_longest`].
    ///
    /// The rule looks for the nearest word of two letters or more on each side of a candidate, on its
    /// line, however far that is. Candidates are taken in order of start (for the word before) and in
    /// reverse order of end (for the word after), and each scan stops where the previous one began,
    /// reusing its answer: together the scans cover each stretch of the text once, so a long line full
    /// of acronyms costs time linear in its length, not quadratic.
    pub(crate) fn settle(&self, text: &str, candidates: &mut Vec<Candidate>) {
        let mut pending: Vec<usize> = (0..candidates.len()).filter(|&i| candidates[i].caps_pending).collect();
        if pending.is_empty() {
            return;
        }
        let mut before = vec![None; candidates.len()];
        let mut after = vec![None; candidates.len()];
        pending.sort_by_key(|&i| candidates[i].start);
        let mut memo = None;
        for &i in &pending {
            before[i] = previous_long_word(text, candidates[i].start, &mut memo);
        }
        pending.sort_by_key(|&i| std::cmp::Reverse(candidates[i].end));
        let mut memo = None;
        for &i in &pending {
            after[i] = next_long_word(text, candidates[i].end, &mut memo);
        }
        let mut keep = vec![true; candidates.len()];
        for &i in &pending {
            let candidate = &mut candidates[i];
            candidate.caps_pending = false;
            candidate.context.in_all_caps = match (before[i], after[i]) {
                (Some(b), Some(a)) => b && a,
                (Some(w), None) | (None, Some(w)) => w,
                (None, None) => false,
            };
            let pattern = &self.patterns[candidate.pattern as usize];
            keep[i] = self
                .first_valid_entry(pattern, candidate.context, &text[candidate.start..candidate.end])
                .is_some();
        }
        let mut i = 0;
        candidates.retain(|_| {
            i += 1;
            keep[i - 1]
        });
    }

    fn first_valid_entry(&self, pattern: &Pattern, context: Context, surface: &str) -> Option<&Entry> {
        let text = pattern.text(&self.texts);
        pattern.entries(&self.entries).iter().find(|e| entry_accepts(e, text, context, surface))
    }

    /// The entities a resolved candidate refers to: the primary entry and every other entity whose
    /// entry accepts the same surface.
    pub fn resolve(&self, candidate: &Candidate, surface: &str) -> Option<Resolved> {
        let pattern = &self.patterns[candidate.pattern as usize];
        let text = pattern.text(&self.texts);
        let mut valid = pattern
            .entries(&self.entries)
            .iter()
            .filter(|e| entry_accepts(e, text, candidate.context, surface));
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
            grammar: primary.grammar,
            possible: primary.possible,
            candidates,
        })
    }
}

/// What a resolved candidate links to.
pub(crate) struct Resolved {
    pub entity: EntityIndex,
    /// Index in the entity's variants, or in the grammar's phrases when `grammar`.
    pub variant: u32,
    pub grammar: bool,
    pub possible: bool,
    pub candidates: Vec<EntityIndex>,
}

/// Whether `entry` of the pattern `variant_form` (folded) accepts the text `surface` in `context`.
fn entry_accepts(entry: &Entry, variant_form: &str, context: Context, surface: &str) -> bool {
    if context.approximate && (entry.tier == Tier::Geonames || entry.possible) {
        return false;
    }
    if context.in_proper_name && entry.tier == Tier::Geonames {
        return false;
    }
    if context.in_all_caps && relies_on_case(entry) {
        return false;
    }
    let prefix = context.prefix;
    if (prefix != Prefix::None || entry.article_elided)
        && !arabic::accepts(prefix, variant_form, entry.article_elided)
    {
        return false;
    }
    match entry.case {
        CaseMode::Insensitive => true,
        CaseMode::Exact => entry.exact.as_deref() == Some(fold_case(surface, CaseFold::Keep).as_str()),
        CaseMode::Capitalized => {
            surface.chars().find(|c| c.is_alphabetic()).is_some_and(|c| !c.is_lowercase())
        }
    }
}

/// A quick test that some pattern may start at a position, from the next four bytes: the one-byte
/// patterns, an exact bitmap of two-byte patterns, and hashed bitmaps of three-byte patterns and of the
/// first four bytes of longer ones. False positives only cost an anchored walk that finds nothing;
/// there are no false negatives.
#[derive(Clone, Debug)]
struct PrefixFilter {
    one_byte: [bool; 256],
    two_bytes: Vec<u64>,
    three_bytes: Vec<u64>,
    four_bytes: Vec<u64>,
    shift: u32,
}

impl PrefixFilter {
    fn new<'p>(patterns: impl Iterator<Item = &'p [u8]>, count: usize) -> PrefixFilter {
        // About 16 bits per pattern keeps false positives rare; at least 2^16 bits (8 KiB).
        let log2 = (count.max(1) * 16).next_power_of_two().trailing_zeros().clamp(16, 24);
        let words = 1 << (log2 - 6);
        let mut filter = PrefixFilter {
            one_byte: [false; 256],
            two_bytes: vec![0; 1 << 10],
            three_bytes: vec![0; words],
            four_bytes: vec![0; words],
            shift: 32 - log2,
        };
        for p in patterns {
            match p.len() {
                1 => filter.one_byte[p[0] as usize] = true,
                2 => set(&mut filter.two_bytes, two_key(p[0], p[1])),
                3 => {
                    let h = filter.hash(u32::from_le_bytes([p[0], p[1], p[2], 0]));
                    set(&mut filter.three_bytes, h);
                }
                _ => {
                    let h = filter.hash(u32::from_le_bytes([p[0], p[1], p[2], p[3]]));
                    set(&mut filter.four_bytes, h);
                }
            }
        }
        filter
    }

    #[inline]
    fn hash(&self, key: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B1) >> self.shift) as usize
    }

    #[inline]
    fn may_match(&self, haystack: &[u8], at: usize) -> bool {
        let rest = &haystack[at..];
        if self.one_byte[rest[0] as usize] {
            return true;
        }
        if rest.len() < 2 {
            return false;
        }
        if get(&self.two_bytes, two_key(rest[0], rest[1])) {
            return true;
        }
        if rest.len() < 3 {
            return false;
        }
        if get(&self.three_bytes, self.hash(u32::from_le_bytes([rest[0], rest[1], rest[2], 0]))) {
            return true;
        }
        rest.len() >= 4
            && get(&self.four_bytes, self.hash(u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]])))
    }

    fn memory_usage(&self) -> usize {
        (self.two_bytes.len() + self.three_bytes.len() + self.four_bytes.len()) * 8
    }
}

#[inline]
fn two_key(a: u8, b: u8) -> usize {
    (usize::from(a) << 8) | usize::from(b)
}

#[inline]
fn set(bits: &mut [u64], at: usize) {
    bits[at >> 6] |= 1 << (at & 63);
}

#[inline]
fn get(bits: &[u64], at: usize) -> bool {
    bits[at >> 6] & (1 << (at & 63)) != 0
}

/// Nouns that make "military" an adjective after a force phrase's territory: "Niger's military
/// rulers", "the Malian military junta" are the country's rulers, not its army (the guidelines: "Niger's
/// military rulers" → Niger).
#[rustfmt::skip]
const AFTER_ADJECTIVAL_MILITARY: &[&str] = &[
    "ruler", "leader", "leadership", "junta", "government", "regime", "authorities", "administration",
    "council", "coup", "takeover", "strongman", "court", "tribunal", "officials", "spokesman", "source",
    "intelligence", "cooperation", "ties", "aid", "presence",
];

/// Whether the word after `end` (one space away) makes a phrase ending in "military" an adjective
/// (one of the nouns above, or its plural: "military rulers", "military courts").
fn adjectival_military(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else { return false };
    let word: String =
        rest.chars().take_while(|c| c.is_ascii_alphabetic()).map(|c| c.to_ascii_lowercase()).collect();
    let singular = word.strip_suffix('s').unwrap_or(&word);
    AFTER_ADJECTIVAL_MILITARY.contains(&word.as_str()) || AFTER_ADJECTIVAL_MILITARY.contains(&singular)
}

/// Arabic words after which a territory's name spelled like its relational adjective is that
/// adjective: people and sources (مصدر مالي "a Malian source", ضابط مالي "a Malian officer", لاجئ مالي),
/// and relational adjectives of their own, which a construct's genitive cannot follow (مصدر عسكري مالي
/// "a Malian military source"). Nouns that take the country as a genitive (رئيس مالي "the president of
/// Mali", شمال مالي, أراضي مالي) are not here. Folded (مسؤول is written مسوول, لاجئ لاجي, أمني امني).
#[rustfmt::skip]
const BEFORE_ADJECTIVAL_NISBA: &[&str] = &[
    "مصدر", "ضابط", "مسوول", "لاجي", "مواطن", "دبلوماسي", "صحفي", "ناشط", "مهاجر", "وزير", "مستشار",
    "خبير", "باحث", "محلل", "مراقب", "معارض", "قيادي", "عسكري", "امني", "محلي", "حكومي", "رسمي",
    "ميداني", "سياسي", "مدني",
    // A preacher and the adjectives of a militant ("داعية إسلامي مالي متشدد": a hard-line Malian
    // Islamist preacher).
    "داعيه", "اسلامي", "جهادي",
];

/// Whether the word before `start` (one space away) makes a name spelled like a relational adjective
/// that adjective (one of the words above, folded).
fn adjectival_nisba(text: &str, start: usize) -> bool {
    let Some(word) = word_before(text, start) else { return false };
    // The word may carry a proclitic of its own (ومصدر, لضابط); one only: لاجئ keeps its ل.
    let bare = word.strip_prefix(['\u{0648}', '\u{0641}', '\u{0628}', '\u{0644}', '\u{0643}']);
    BEFORE_ADJECTIVAL_NISBA.iter().any(|&w| w == word || bare == Some(w))
}

/// Relational adjectives that "and" joins to another in a phrase of kinds (دعم اقتصادي ومالي "economic
/// and financial support", "إداري ومالي"): the nisba after them is an adjective too. Folded, without
/// the article (a definite adjective before "و" may close a place's name: "الساحل الإفريقي ومالي").
#[rustfmt::skip]
const COORDINATED_ADJECTIVES: &[&str] = &[
    "اقتصادي", "اداري", "فني", "تقني", "لوجستي", "مادي", "بشري", "قانوني", "تجاري", "سياسي", "عسكري",
    "امني", "اجتماعي", "تنظيمي", "معنوي", "انساني", "ضريبي", "مصرفي", "نقدي", "اداريا", "فنيا", "تقنيا",
    "ماديا", "لوجستيا", "سياسيا", "عسكريا", "امنيا",
];

/// Whether a name spelled like a relational adjective, after the conjunction "و" alone, closes a pair
/// of adjectives ("اقتصادي ومالي": economic and financial, not "and Mali").
fn coordinated_nisba(text: &str, start: usize) -> bool {
    let Some(before) = text[..start].strip_suffix('\u{0648}') else { return false };
    let Some(word) = word_before(text, before.len()) else { return false };
    COORDINATED_ADJECTIVES.contains(&word.as_str())
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

/// Whether an entry is told apart from an ordinary word only by its case: exact-case acronyms (`UN`,
/// `IS`) and capitalized-only homographs (`Say`).
fn relies_on_case(entry: &Entry) -> bool {
    entry.case == CaseMode::Exact || (entry.case == CaseMode::Capitalized && entry.possible)
}

/// What the all-caps rule needs to know of a word (a run of word characters): how many letters it
/// has and whether they are all upper case.
#[derive(Clone, Copy, Debug)]
struct Word {
    letters: usize,
    all_upper: bool,
}

impl Word {
    const EMPTY: Word = Word { letters: 0, all_upper: true };

    fn of(text: &str) -> Word {
        let mut word = Word::EMPTY;
        text.chars().for_each(|c| word.add(c));
        word
    }

    #[inline]
    fn add(&mut self, c: char) {
        if c.is_alphabetic() {
            self.letters += 1;
            self.all_upper &= c.is_uppercase();
        }
    }

    /// Two letters or more: a word the all-caps rule looks at (`L` of `L'UN` is skipped).
    fn long_enough(self) -> bool {
        self.letters >= 2
    }

    /// Two letters or more, not all upper case.
    fn mixed_case(self) -> bool {
        self.long_enough() && !self.all_upper
    }

    /// For a word of two letters or more, whether it is upper case.
    fn as_neighbour(self) -> Option<bool> {
        self.long_enough().then_some(self.all_upper)
    }
}

/// An answer of [`previous_long_word`] or [`next_long_word`] kept for the next call: at `at`, a word
/// boundary, the nearest long word beyond it on the same line (`None`: there is none).
type Memo = Option<(usize, Option<bool>)>;

/// Whether the nearest word of two letters or more that ends before `start` on the same line is upper
/// case (`None`: there is no such word). Word characters right before `start` (Arabic proclitics) are
/// a word of their own here.
///
/// `memo` carries an answer from a previous call at a smaller or equal `start` (calls in any other
/// order are still right, only slower): the scan stops where that call began.
fn previous_long_word(text: &str, start: usize, memo: &mut Memo) -> Option<bool> {
    let usable = |memo: &Memo, at: usize| memo.filter(|&(m, _)| m <= at);
    // The piece of word glued before `start`.
    let mut p = start;
    let mut glued = Word::EMPTY;
    while let Some(c) = text[..p].chars().next_back().filter(|&c| is_word_char(c)) {
        glued.add(c);
        p -= c.len_utf8();
    }
    let boundary = p;
    let limit = usable(memo, boundary);
    // Whole words before the boundary, back to the line start or to where the memo stands.
    let mut word = Word::EMPTY;
    let earlier = loop {
        if let Some((_, answer)) = limit.filter(|&(at, _)| at == p) {
            break word.as_neighbour().or(answer);
        }
        let Some(c) = text[..p].chars().next_back() else { break word.as_neighbour() };
        if is_word_char(c) {
            word.add(c);
        } else {
            if word.long_enough() {
                break word.as_neighbour();
            }
            word = Word::EMPTY;
            // A line break, or a slash: a photo credit ("KENA BETANCUR / AFP") is no headline.
            if c == '\n' || c == '/' {
                break None;
            }
        }
        p -= c.len_utf8();
    };
    *memo = Some((boundary, earlier));
    glued.as_neighbour().or(earlier)
}

/// Whether the nearest word of two letters or more that starts at or after `end` on the same line is
/// upper case (`None`: there is none); the mirror of [`previous_long_word`], whose `memo` comes from a
/// call at a larger or equal `end`.
fn next_long_word(text: &str, end: usize, memo: &mut Memo) -> Option<bool> {
    let usable = |memo: &Memo, at: usize| memo.filter(|&(m, _)| m >= at);
    let mut p = end;
    let mut glued = Word::EMPTY;
    while let Some(c) = text[p..].chars().next().filter(|&c| is_word_char(c)) {
        glued.add(c);
        p += c.len_utf8();
    }
    let boundary = p;
    let limit = usable(memo, boundary);
    let mut word = Word::EMPTY;
    let later = loop {
        if let Some((_, answer)) = limit.filter(|&(at, _)| at == p) {
            break word.as_neighbour().or(answer);
        }
        let Some(c) = text[p..].chars().next() else { break word.as_neighbour() };
        if is_word_char(c) {
            word.add(c);
        } else {
            if word.long_enough() {
                break word.as_neighbour();
            }
            word = Word::EMPTY;
            // A line break, or a slash: a photo credit ("KENA BETANCUR / AFP") is no headline.
            if c == '\n' || c == '/' {
                break None;
            }
        }
        p += c.len_utf8();
    };
    *memo = Some((boundary, later));
    glued.as_neighbour().or(later)
}

/// Whether the mention and the nearest word on each side of it (on the same line, not across a slash)
/// are all in upper case: a headline or a shouted passage, where an acronym cannot be told from a
/// word. One candidate alone (the context checks of doubtful names ask it of one mention at a time);
/// [`Matcher::settle`] does the same for all candidates of a text in one pass.
pub(crate) fn in_all_caps_run(text: &str, start: usize, end: usize) -> bool {
    if Word::of(&text[start..end]).mixed_case() {
        return false;
    }
    match (previous_long_word(text, start, &mut None), next_long_word(text, end, &mut None)) {
        (Some(b), Some(a)) => b && a,
        (Some(w), None) | (None, Some(w)) => w,
        (None, None) => false,
    }
}

/// Function words that are capitalized at the start of a sentence without making a proper name with
/// the next word ("À Sokoura", "Near Kokorou").
const FUNCTION_WORDS: &[&str] = &[
    "a", "au", "aux", "apres", "avant", "chez", "contre", "dans", "de", "depuis", "des", "du", "en", "entre",
    "et", "la", "le", "les", "ou", "par", "pour", "pres", "sur", "vers", "a", "after", "and", "around", "at",
    "before", "between", "by", "for", "from", "in", "into", "near", "of", "on", "or", "the", "to", "toward",
    "towards", "outside", "inside",
];

/// Whether the mention at `start..end` is joined, by spaces only (no line break, no punctuation), to a
/// word before or after it that starts with an upper-case letter and is not a function word.
fn joined_to_capitalized_word(text: &str, start: usize, end: usize) -> bool {
    const SPACES: [char; 4] = [' ', '\u{00A0}', '\u{202F}', '\t'];
    let is_name = |word: &str| {
        word.chars().next().is_some_and(char::is_uppercase) && !FUNCTION_WORDS.contains(&fold(word).as_str())
    };
    let after = &text[end..];
    let next = after.trim_start_matches(SPACES);
    if next.len() < after.len() {
        let word_end = next.find(|c: char| !is_word_char(c)).unwrap_or(next.len());
        if is_name(&next[..word_end]) {
            return true;
        }
    }
    let before = &text[..start];
    let previous = before.trim_end_matches(SPACES);
    if previous.len() == before.len() {
        return false;
    }
    let word_start = previous.char_indices().rev().take_while(|(_, c)| is_word_char(*c)).last();
    word_start.is_some_and(|(i, _)| is_name(&previous[i..]))
}

/// If the word letters right before `start` are Arabic proclitics, what kind.
pub(crate) fn proclitic_prefix(text: &str, start: usize) -> Option<Prefix> {
    let before = &text[..start];
    let mut word_start = start;
    let mut letters = 0;
    for (i, c) in before.char_indices().rev() {
        if !is_word_char(c) {
            break;
        }
        // Marks and the tatweel ("الـتمبكتو") belong to the letter before them, as in folding.
        if !unicode_normalization::char::is_combining_mark(c) && c != '\u{0640}' {
            // Only letters folding records as possible proclitics, so that a match is checked as the
            // walk from the starts folding records finds it.
            if !crate::fold::is_proclitic_letter(c) {
                return None;
            }
            letters += 1;
            if letters > arabic::MAX_PREFIX_CHARS {
                return None;
            }
        }
        word_start = i;
    }
    // Marks alone (no letter to carry them) are no proclitic: the name is glued to a word.
    if letters == 0 {
        return None;
    }
    arabic::classify_prefix(&arabic::fold_prefix(&before[word_start..]))
}

/// Resolves overlaps leftmost-longest: sorts `candidates` and keeps, from left to right, each one that
/// starts at or after the end of the last one kept, the longest first among those starting together.
pub(crate) fn leftmost_longest(candidates: &mut Vec<Candidate>) {
    // The automaton's walk gives its candidates in order of start (the shorter first at one start):
    // then each start's longest is picked in one pass, with the same result as sorting first (all
    // but the first kept at one start overlap it). Anything else is sorted.
    if !candidates.is_sorted_by_key(|c| c.start) {
        candidates.sort_unstable_by(|a, b| {
            a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.pattern.cmp(&b.pattern))
        });
    }
    let mut kept = 0;
    let mut last_end = 0;
    let mut i = 0;
    while i < candidates.len() {
        let start = candidates[i].start;
        let mut best = i;
        let mut next = i + 1;
        while next < candidates.len() && candidates[next].start == start {
            let (c, b) = (&candidates[next], &candidates[best]);
            if c.end > b.end || (c.end == b.end && c.pattern < b.pattern) {
                best = next;
            }
            next += 1;
        }
        if kept == 0 || start >= last_end {
            last_end = candidates[best].end;
            candidates.swap(kept, best);
            kept += 1;
        }
        i = next;
    }
    candidates.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold_with_origins;

    /// The word lists are written folded, as the text's words are compared.
    #[test]
    fn the_lists_are_written_folded() {
        for list in [AFTER_ADJECTIVAL_MILITARY, BEFORE_ADJECTIVAL_NISBA, FUNCTION_WORDS] {
            assert_eq!(crate::cues::unfolded(list.iter().copied()), Vec::<&str>::new());
        }
    }
    use aho_corasick::AhoCorasick;

    /// The reference: every occurrence anywhere in the folded text (an unanchored overlapping scan),
    /// each checked the same way. Anchoring at word starts must find exactly these.
    fn full_scan(matcher: &Matcher, automaton: &AhoCorasick, text: &str) -> Vec<(usize, usize, u32)> {
        let mut folded = Folded::default();
        fold_with_origins(text, &mut folded);
        let mut candidates: Vec<_> = automaton
            .find_overlapping_iter(folded.as_str())
            .filter(|m| folded.is_source_boundary(m.start()))
            .filter_map(|m| matcher.check(text, 0, &folded, m.start(), m.end(), m.pattern().as_u32(), false))
            .collect();
        matcher.settle(text, &mut candidates);
        let mut out: Vec<_> = candidates.into_iter().map(|c| (c.start, c.end, c.pattern)).collect();
        out.sort_unstable();
        out
    }

    fn anchored(matcher: &Matcher, text: &str) -> Vec<(usize, usize, u32)> {
        let mut folded = Folded::default();
        fold_with_origins(text, &mut folded);
        let mut candidates = vec![];
        matcher.candidates(text, 0, &folded, &mut candidates);
        matcher.settle(text, &mut candidates);
        let mut out: Vec<_> = candidates.into_iter().map(|c| (c.start, c.end, c.pattern)).collect();
        out.sort_unstable();
        out
    }

    /// Leftmost-longest in one pass over candidates in order of start (as the automaton's walk gives
    /// them) keeps exactly what sorting them and keeping each non-overlapping first keeps; so does the
    /// path for candidates in any order.
    #[test]
    fn leftmost_longest_in_one_pass_is_the_sorted_rule() {
        let reference = |candidates: &[Candidate]| {
            let mut sorted: Vec<(usize, usize, u32)> =
                candidates.iter().map(|c| (c.start, c.end, c.pattern)).collect();
            sorted.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
            let mut kept: Vec<(usize, usize, u32)> = vec![];
            for c in sorted {
                if kept.last().is_none_or(|k| c.0 >= k.1) {
                    kept.push(c);
                }
            }
            kept
        };
        let mut next = crate::testing::picker(0x1EF7_105E);
        for round in 0..2_000 {
            let mut candidates: Vec<Candidate> = (0..next(30))
                .map(|_| {
                    let start = next(40);
                    let mut c = Candidate::for_test(start, start + 1 + next(8), false);
                    c.pattern = next(5) as u32;
                    c
                })
                .collect();
            if round % 2 == 0 {
                // As the walk gives them: by start, the shorter first at one start.
                candidates.sort_by_key(|c| (c.start, c.end));
            }
            let expected = reference(&candidates);
            leftmost_longest(&mut candidates);
            let kept: Vec<(usize, usize, u32)> =
                candidates.iter().map(|c| (c.start, c.end, c.pattern)).collect();
            assert_eq!(kept, expected);
        }
    }

    #[test]
    fn all_caps_runs() {
        let caps = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            in_all_caps_run(text, start, start + name.len())
        };
        assert!(caps("L'ARMÉE ET L'UN DES CHEFS", "UN"));
        assert!(caps("ATTAQUE À SAY: DEUX MORTS", "SAY"));
        assert!(!caps("the UN Security Council", "UN"));
        assert!(!caps("selon l'EI, hier", "EI"));
        assert!(!caps("RAPPORT\nthe UN said", "UN"));
        // A photo credit: the slash ends the run.
        assert!(!caps("Photo: KENA BETANCUR / AFP", "AFP"));
    }

    /// The all-caps rule as first written: a scan to the line's ends for every candidate.
    fn nearest_words_read_plainly(text: &str, start: usize, end: usize) -> (Option<bool>, Option<bool>) {
        let line_start = text[..start].rfind(['\n', '/']).map_or(0, |i| i + 1);
        let line_end = text[end..].find(['\n', '/']).map_or(text.len(), |i| end + i);
        let pieces_before = text[line_start..start].split(|c: char| !is_word_char(c));
        let pieces_after = text[end..line_end].split(|c: char| !is_word_char(c));
        let neighbour = |w: &str| Word::of(w).as_neighbour();
        (pieces_before.rev().find_map(neighbour), pieces_after.into_iter().find_map(neighbour))
    }

    #[test]
    fn the_all_caps_scans_give_the_rule_as_first_written_in_any_order() {
        let pieces = [
            "EI",
            "UN",
            "l'",
            "L'",
            "G5",
            "x",
            "X",
            " ",
            "  ",
            "\n",
            ",",
            " / ",
            "ATTAQUE",
            "selon",
            "À",
            "بال",
            "تمبكتو",
            "é",
            "\u{301}",
            "-",
            "5",
            "SAY",
            "Say",
            "ÉTAT",
            "و",
            "\u{64E}",
        ];
        let mut next = crate::testing::picker(0x9E37_79B9_7F4A_7C15u64);
        for _ in 0..300 {
            let text: String = (0..30).map(|_| pieces[next(pieces.len())]).collect();
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for (i, &at) in bounds.iter().enumerate() {
                let (before, after) = nearest_words_read_plainly(&text, at, at);
                assert_eq!(previous_long_word(&text, at, &mut None), before, "before {at} in {text:?}");
                assert_eq!(next_long_word(&text, at, &mut None), after, "after {at} in {text:?}");
                for &end in &bounds[i..bounds.len().min(i + 6)] {
                    let (before, after) = nearest_words_read_plainly(&text, at, end);
                    let expected = !Word::of(&text[at..end]).mixed_case()
                        && match (before, after) {
                            (Some(b), Some(a)) => b && a,
                            (Some(w), None) | (None, Some(w)) => w,
                            (None, None) => false,
                        };
                    assert_eq!(in_all_caps_run(&text, at, end), expected, "{at}..{end} in {text:?}");
                }
            }
            // With the memo, in the orders `settle` uses (and repeated positions).
            let mut memo = None;
            for &at in bounds.iter().flat_map(|b| [b, b]) {
                let plain = previous_long_word(&text, at, &mut None);
                assert_eq!(previous_long_word(&text, at, &mut memo), plain, "before {at} in {text:?}");
            }
            let mut memo = None;
            for &at in bounds.iter().rev().flat_map(|b| [b, b]) {
                let plain = next_long_word(&text, at, &mut None);
                assert_eq!(next_long_word(&text, at, &mut memo), plain, "after {at} in {text:?}");
            }
        }
    }

    #[test]
    fn proper_name_neighbours() {
        let joined = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            joined_to_capitalized_word(text, start, start + name.len())
        };
        assert!(joined("le général Oumar Diarra a dit", "Diarra"));
        assert!(joined("relayed by the SITE Intelligence Group", "SITE"));
        assert!(!joined("À Sokoura, hier", "Sokoura"));
        assert!(!joined("Near Kokorou the army", "Kokorou"));
        assert!(!joined("Karma, Ouatagouna and Fambita", "Ouatagouna"));
        assert!(!joined("attaque de Kokorou. Le bilan", "Kokorou"));
    }

    #[test]
    fn anchoring_at_word_starts_finds_what_a_full_scan_finds() {
        let gazetteer = Gazetteer::embedded();
        let matcher = Matcher::new(&gazetteer, &Grammar::new(&gazetteer), false);
        let unanchored = AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(matcher.patterns.iter().map(|p| p.text(&matcher.texts).as_bytes()))
            .unwrap();
        // Variants glued to letters, clitics, marks, apostrophes, digits and punctuation on both sides.
        let variants: Vec<&str> =
            gazetteer.entities().iter().flat_map(|e| e.variants.iter().map(|v| v.text.as_str())).collect();
        let glue = [
            "", " ", "l’", "d'", "x", "é", "و", "بال", "لل", "وَ", "\u{301}", "-", "2", "(", "ـ", "s", "\n\n",
        ];
        let mut next = crate::testing::picker(0x2545_F491_4F6C_DD1Du64);
        let mut total = 0;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..40 {
                text.push_str(glue[next(glue.len())]);
                let v = variants[next(variants.len())];
                match next(3) {
                    0 => text.push_str(&v.to_uppercase()),
                    _ => text.push_str(v),
                }
                text.push_str(glue[next(glue.len())]);
            }
            let expected = full_scan(&matcher, &unanchored, &text);
            total += expected.len();
            assert_eq!(anchored(&matcher, &text), expected, "in {text:?}");
        }
        assert!(total > 2000, "the texts should hold many candidates, got {total}");
    }
}
