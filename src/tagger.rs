//! The tagger: a gazetteer compiled for matching, and the mentions it finds.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::context::{Against, Check, Evidence, Evidencer};
use crate::cues;
use crate::designator::Designators;
use crate::fold::{fold, fold_with_origins, raw_word_before, Folded};
use crate::gazetteer::{Entity, EntityIndex, EntityType, Gazetteer, Variant};
use crate::grammar::Grammar;
use crate::matcher::{Candidate, Matcher};
use crate::near::NearNames;
use crate::never::Never;
use crate::offsets::OffsetCounter;
use crate::rank::{Ranker, Reason};
use crate::tolerant::resolve_overlaps;
use crate::unlisted::{self, Unlisted};

/// Texts longer than this are folded in windows, so that memory stays proportional to the window
/// rather than to the text (the folded copy and its offset map take about five times the window's
/// size). See [`Tagger::windowed_candidates`] for how windows are cut.
const WINDOW: usize = 1 << 20;

/// Folded bytes, beyond the longest pattern, that a window keeps past the last candidate start it
/// reports: more than one character can fold to (U+FDFA folds to 33 bytes), and more than the one
/// separator at a window's end that may fold differently from the whole text.
const WINDOW_SLACK: usize = 64;

/// "Nationality", folded: after a country's name, the country is the adjective ("مالي الجنسية").
const NATIONALITY: &str = "\u{0627}\u{0644}\u{062C}\u{0646}\u{0633}\u{064A}\u{0647}";

/// A mention of an entity in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Start, in bytes of the original text.
    pub start: usize,
    /// End (exclusive), in bytes of the original text.
    pub end: usize,
    /// The entity it refers to (the first of `candidates`).
    pub entity: EntityIndex,
    /// The spelling that matched or was approximated: an index in the entity's variants, or, when
    /// `kind` is [`MatchKind::Grammar`], in the grammar's phrases ([`Tagger::variant`] gives either).
    pub variant: u32,
    /// How the text matched.
    pub kind: MatchKind,
    /// Every entity this spelling may refer to, the chosen one first; more than one means ambiguous.
    pub candidates: Vec<EntityIndex>,
    /// The spelling is also an ordinary word or a common name: a reader should check.
    pub possible: bool,
    /// For a doubtful name (also a word, a common name, very short, or generated from GeoNames): why
    /// it was doubtful and what evidence kept it, or what dropped it (see [`Check`]). `None` for a
    /// certain name.
    pub check: Option<Check>,
    /// The span was grown over a place designator next to the matched name ("province de Kossi",
    /// "Tillia County", "منطقة والام") and the mention linked to the administrative unit it names (see
    /// the `designator` module). `variant` is then the unit's spelling that folds like the whole span,
    /// else the matched one when the entity did not change, else the unit's canonical name. Kept to one
    /// flag so that it can become one value of a richer "how it was matched" field.
    pub designator: bool,
    /// Why the mention is linked to its entity rather than to another candidate, when the document's
    /// context decided (see the `rank` module and [`Reason`]); `None` when nothing in the text tells the
    /// candidates apart (the matcher's order) or the name has one candidate.
    pub reason: Option<Reason>,
    /// Places that share the name without the gazetteer listing this spelling for them — the cercle
    /// and region named after a town — ranked by the same context; the user may re-link to one. Not
    /// candidates: a town that names its region is not an ambiguous spelling.
    pub related: Vec<EntityIndex>,
}

/// How a mention's text matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The text is a variant of the entity (after folding).
    Exact,
    /// The text is a long variant with one slip (a short word missing, added or changed, or one letter
    /// wrong in a long word); the mention's variant is the one approximated.
    Tolerant,
    /// The text is a descriptive name of a force made by the grammar ("armée azawadienne", "Mali's
    /// army", "جيش أزواد"), possibly with one slip; the mention's variant is the grammar's phrase.
    Grammar,
}

impl MatchKind {
    /// `exact`, `tolerant` or `grammar`.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Tolerant => "tolerant",
            MatchKind::Grammar => "grammar",
        }
    }
}

/// What a [`Tagger`] matches beyond the gazetteer's variants as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Matching {
    /// Long names also match with one slip ([`MatchKind::Tolerant`]).
    pub tolerant: bool,
    /// Descriptive names of forces ([`MatchKind::Grammar`]).
    pub grammar: bool,
}

impl Default for Matching {
    /// Both on.
    fn default() -> Matching {
        Matching { tolerant: true, grammar: true }
    }
}

impl Matching {
    /// Only the gazetteer's variants, as written (after folding).
    pub const EXACT: Matching = Matching { tolerant: false, grammar: false };
}

impl Mention {
    /// A certain mention of one entity that context found rather than its spelling alone (a surname
    /// after the full name, a compass region, a site's address): exact, with `reason`.
    pub(crate) fn by_context(
        start: usize,
        end: usize,
        entity: EntityIndex,
        variant: u32,
        reason: Reason,
    ) -> Mention {
        Mention {
            start,
            end,
            entity,
            variant,
            kind: MatchKind::Exact,
            candidates: vec![entity],
            possible: false,
            check: None,
            designator: false,
            reason: Some(reason),
            related: vec![],
        }
    }

    /// The mention's text in `text` (the text it was found in).
    pub fn surface<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Whether the spelling belongs to more than one entity.
    pub fn is_ambiguous(&self) -> bool {
        self.candidates.len() > 1
    }

    /// A doubtful name emitted without evidence (only with [`Options::possible`]): show it apart.
    pub fn is_unconfirmed(&self) -> bool {
        self.check.is_some_and(|c| !c.is_confirmed())
    }
}

/// What [`Tagger::tag_with`] returns besides the gazetteer's mentions.
///
/// The default is what every binding returns by default (the CLI's `tag`, Python's `tag`, the wasm
/// package's `tag`): the mentions and the names no list holds ([`Options::unlisted`]), without the
/// doubtful names that lack evidence. Villages, officials and companies no gazetteer has are a large
/// part of what conflict news names; a reader coding incidents needs them, marked as unlisted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Also emit doubtful names for which no evidence was found (each flagged by its
    /// [`Mention::check`]). Names that the context rules out are never emitted. Default: false.
    pub possible: bool,
    /// Also propose names the gazetteer lacks, from their context (see [`Unlisted`]). Default: true.
    pub unlisted: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { possible: false, unlisted: true }
    }
}

impl Options {
    /// Gazetteer mentions only: what [`Tagger::tag`] returns.
    pub const MENTIONS_ONLY: Options = Options { possible: false, unlisted: false };
}

/// Everything [`Tagger::tag_with`] found in a text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tagged {
    /// The mentions, sorted, non-overlapping: what [`Tagger::tag`] returns (plus, with
    /// [`Options::possible`], the doubtful names without evidence).
    pub mentions: Vec<Mention>,
    /// The doubtful names that were not emitted, with what dropped them ([`Mention::check`]).
    pub dropped: Vec<Mention>,
    /// With [`Options::unlisted`]: names no list holds, proposed by their context, sorted, overlapping
    /// no mention.
    pub unlisted: Vec<Unlisted>,
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
    grammar: Grammar,
    matcher: Matcher,
    evidencer: Evidencer,
    /// Folded first names of the region, for unlisted people ("Abdoulaye Pafadnam").
    given_names: FxHashSet<String>,
    /// The administrative units by name, for place designators.
    designators: Designators,
    /// Same-name places and what tells them apart, for linking ambiguous names by context.
    ranker: Ranker,
    /// The gazetteer's "never tag this spelling" rules.
    never: Never,
    /// Listed spellings for unlisted names that are one misspelt (built on first use); `None` without
    /// tolerant matching.
    near: Option<std::sync::OnceLock<NearNames>>,
    /// The listed spellings of two words or more, folded, for names in quotes after their first
    /// word ([`Tagger::link_quoted`]; built on first use).
    phrases: std::sync::OnceLock<FxHashMap<Box<str>, (EntityIndex, u32)>>,
    /// Texts longer than this many bytes are folded in windows ([`WINDOW`], or a test's size).
    window: usize,
}

impl Tagger {
    /// Compiles a gazetteer for tagging, with tolerant matching and the grammar of force names.
    pub fn new(gazetteer: Gazetteer) -> Tagger {
        Tagger::with_matching(gazetteer, Matching::default())
    }

    /// Compiles a gazetteer for tagging with the given options.
    pub fn with_matching(gazetteer: Gazetteer, matching: Matching) -> Tagger {
        let grammar = if matching.grammar { Grammar::new(&gazetteer) } else { Grammar::empty() };
        let matcher = Matcher::new(&gazetteer, &grammar, matching.tolerant);
        let designators = Designators::new(&gazetteer);
        // The region's personal names, found once: evidence for doubtful places, and first names.
        let personal_names = crate::gazetteer::geonames::personal_names(&gazetteer);
        let given_names = unlisted::given_names(personal_names.clone());
        let evidencer = Evidencer::new(personal_names);
        let ranker = Ranker::new(&gazetteer, &designators);
        let never = Never::new(&gazetteer);
        Tagger {
            gazetteer,
            grammar,
            matcher,
            evidencer,
            given_names,
            designators,
            ranker,
            never,
            near: matching.tolerant.then(std::sync::OnceLock::new),
            phrases: std::sync::OnceLock::new(),
            window: WINDOW,
        }
    }

    /// The same tagger folding texts longer than `bytes` in windows of about that size (at least
    /// one byte) instead of 1 MiB: for tests of window edges on small texts. The mentions found never
    /// depend on it.
    #[doc(hidden)]
    pub fn with_window(mut self, bytes: usize) -> Tagger {
        self.window = bytes.max(1);
        self
    }

    /// The gazetteer it tags with.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The entity a mention refers to.
    pub fn entity(&self, mention: &Mention) -> &Entity {
        self.gazetteer.entity(mention.entity)
    }

    /// The variant that matched or was approximated, or the grammar's phrase.
    pub fn variant(&self, mention: &Mention) -> &Variant {
        match mention.kind {
            MatchKind::Grammar => self.grammar.phrase(mention.variant),
            MatchKind::Exact | MatchKind::Tolerant => {
                &self.entity(mention).variants[mention.variant as usize]
            }
        }
    }

    /// Number of distinct folded patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.matcher.pattern_count()
    }

    /// Heap memory used by the automaton, in bytes.
    pub fn automaton_memory(&self) -> usize {
        self.matcher.memory_usage()
    }

    /// Every mention in `text`, sorted, non-overlapping. Doubtful names (see [`Check`]) are in only
    /// when the text gives evidence that they are names.
    pub fn tag(&self, text: &str) -> Vec<Mention> {
        self.tag_with(text, &Options::MENTIONS_ONLY).mentions
    }

    /// Tags `text` with options, and returns the doubtful names that were dropped too. Mentions that
    /// a "never tag this spelling" rule of the gazetteer covers ([`crate::NeverRule`]) are left out
    /// of all three lists.
    pub fn tag_with(&self, text: &str, options: &Options) -> Tagged {
        let mut all = self.matches(text);
        self.never.apply(&self.gazetteer, text, &mut all);
        // "بئر" (a well) folds like "بير" (Ber): a doubtful name written with a hamza on a seat its
        // spelling lacks is another word. A person introduced by name is matched exactly or not at all.
        all.retain(|m| {
            let surface = m.surface(text);
            let hamza = m.possible
                && m.kind == MatchKind::Exact
                && surface.contains(['\u{0626}', '\u{0624}'])
                && !self.variant(m).text.contains(['\u{0626}', '\u{0624}']);
            !hamza && !self.slip_after_named(text, m)
        });
        self.evidencer.check_all(&self.gazetteer, text, &mut all);
        let (mut mentions, mut dropped): (Vec<Mention>, Vec<Mention>) =
            all.into_iter().partition(|m| match m.check {
                None => true,
                Some(check) => match check.verdict {
                    Ok(_) => true,
                    Err(against) => options.possible && !against.is_definite(),
                },
            });
        // After the doubtful names are settled, so that only names the reader sees are context.
        self.ranker.link(&self.gazetteer, &self.designators, text, &mut mentions);
        crate::affiliate::link(&self.gazetteer, text, &mut mentions, &mut dropped);
        let votes = crate::rank::country_votes(&self.gazetteer, &mentions);
        crate::compass::add(&self.gazetteer, &self.designators, text, &votes, &mut mentions);
        // "les cercles de Niono et Ke-Macina": a plural designator a tolerant match took in is no part
        // of the name.
        for m in mentions.iter_mut().filter(|m| m.kind == MatchKind::Tolerant) {
            if let Some(head) = crate::designator::plural_head_len(m.surface(text)) {
                m.start += head;
                // The name alone is left, linked to the unit its designator named.
                m.reason = Some(Reason::Designator);
            }
        }
        // A person named in full, then by the surname alone: the doubtful name dropped there is not.
        crate::surname::link(&self.gazetteer, text, &self.given_names, &mut mentions);
        let mut absorbed = false;
        for i in 0..mentions.len() {
            let (before, after) = mentions.split_at_mut(i + 1);
            absorbed |= self.surname_first(text, &mut before[i], after.first());
        }
        if absorbed {
            // The given name, when listed too, was the next mention: it is inside the grown one now.
            let mut end = 0;
            mentions.retain(|m| {
                let keep = m.start >= end;
                end = end.max(m.end);
                keep
            });
        }
        let surnames: Vec<(usize, usize)> = mentions
            .iter()
            .filter(|m| matches!(m.reason, Some(Reason::Surname { .. })))
            .map(|m| (m.start, m.end))
            .collect();
        dropped.retain(|d| !overlaps_any(&surnames, d.start, d.end));
        mentions.retain(|m| {
            !self.family_name(text, m)
                && !self.indefinite(text, m)
                && !self.nationality(text, m)
                && !self.uncounted(text, m)
        });
        let mut unlisted = if options.unlisted { self.unlisted(text, &mentions) } else { vec![] };
        // A listed name that starts a longer unlisted one ("Dosso Kourégou"), lies inside a name
        // defined by its acronym ("… du Cercle de Bankass (MPUSCB)") or is another person's given
        // name is not a mention there.
        let longer: Vec<(usize, usize)> =
            unlisted.iter().filter(|u| u.replaces_mentions()).map(|u| (u.start, u.end)).collect();
        mentions.retain(|m| !overlaps_any(&longer, m.start, m.end));
        self.never.apply_unlisted(text, &mut unlisted);
        restore_dropped(&self.gazetteer, &mut mentions, &mut dropped, &mut unlisted);
        self.link_misspelt(text, &mut mentions, &mut unlisted);
        self.link_outlets(text, &mut mentions, &mut unlisted);
        restore_repeated(&mut mentions, &mut dropped, &unlisted);
        self.link_acronyms(text, &mut mentions);
        self.link_quoted(text, &mut mentions);
        for m in &mut mentions {
            self.leave_out_title(text, m);
            self.leave_out_before_quote(text, m);
        }
        for u in unlisted.iter_mut().filter(|u| u.kind == EntityType::Person) {
            u.start += title_length(u.surface(text));
        }
        Tagged { mentions, dropped, unlisted }
    }

    /// Whether a place's name is a person's family name here: right after a capitalized given name of
    /// the region, one space away ("le commandant Boubacar Ali China", "signé d'Abdalah Togo"). Names
    /// of places are family names in the region as often as given names are; the person's whole name
    /// is then proposed as an unlisted one. In capitals, the given name may be two words before.
    fn family_name(&self, text: &str, m: &Mention) -> bool {
        if m.designator || self.gazetteer.entity(m.entity).kind != EntityType::Place {
            return false;
        }
        if !text[m.start..].starts_with(char::is_uppercase) {
            return false;
        }
        let given = |word: &str| {
            word.starts_with(char::is_uppercase) && self.given_names.contains(&crate::fold::fold_word(word))
        };
        let Some(before) = raw_word_before(text, m.start) else { return false };
        if given(before) {
            return true;
        }
        // A name written in capitals, as lists of appointments write them, with a given name two words
        // before and a name's word between ("le capitaine ABDOUL HABIBOU MALI").
        let capitals = |word: &str| word.chars().count() >= 3 && word.chars().all(char::is_uppercase);
        capitals(m.surface(text))
            && capitals(before)
            && {
                let folded = crate::fold::fold_word(before);
                !cues::FUNCTION_WORDS.contains(&folded) && cues::single_word_cue(&folded).is_none()
            }
            && raw_word_before(text, m.start - before.len() - 1)
                .is_some_and(|first| capitals(first) && given(first))
    }

    /// Whether an Arabic place or person's name is written with a tanwin, the ending of an indefinite
    /// noun or adjective, which a name never takes: "وفداً روسياً" (a Russian delegation), "باكراً"
    /// (early, not Accra). A force's phrase takes it ("جندياً نيجرياً", a Nigerien soldier).
    fn indefinite(&self, text: &str, m: &Mention) -> bool {
        const TANWIN: [char; 3] = ['\u{064B}', '\u{064C}', '\u{064D}'];
        matches!(self.gazetteer.entity(m.entity).kind, EntityType::Place | EntityType::Person)
            && text[m.start..].starts_with(crate::arabic::is_arabic_letter)
            && (m.surface(text).contains(TANWIN) || text[m.end..].starts_with(TANWIN))
    }

    /// Whether an Arabic country name is the nationality here: before "nationality" ("وهو مالي
    /// الجنسية": he is Malian by nationality), or after a number, where the accusative is written like
    /// the country once its tanwin is left out ("أكثر من 15 موريتانيا": more than 15 Mauritanians);
    /// with its tanwin it is no name at all ([`indefinite`]).
    fn nationality(&self, text: &str, m: &Mention) -> bool {
        let entity = self.gazetteer.entity(m.entity);
        if entity.subtype.as_deref() != Some("country")
            || !text[m.start..].starts_with(crate::arabic::is_arabic_letter)
        {
            return false;
        }
        if crate::fold::word_after(text, m.end).is_some_and(|w| w == NATIONALITY) {
            return true;
        }
        raw_word_before(text, m.start).is_some_and(is_count)
    }

    /// Whether a person's tolerant match follows "named" (see [`after_named`]).
    fn slip_after_named(&self, text: &str, m: &Mention) -> bool {
        m.kind == MatchKind::Tolerant
            && self.gazetteer.entity(m.entity).kind == EntityType::Person
            && after_named(text, m.start)
    }

    /// A listed person named surname first, as West African administrations and their press write
    /// names ("D'après Bazoum Mohamed, ministre", "le président Goïta Assimi"): the mention of the
    /// surname grows over the capitalized word after it when the two, the other way round, are one of
    /// the person's variants ("Mohamed Bazoum"), and becomes [`MatchKind::Tolerant`] for that variant.
    /// The mention grows over the `next` one only when that is the same person's given name alone
    /// ("Goïta Assimi", both listed); whether it did.
    fn surname_first(&self, text: &str, m: &mut Mention, next: Option<&Mention>) -> bool {
        if m.kind != MatchKind::Exact || self.gazetteer.entity(m.entity).kind != EntityType::Person {
            return false;
        }
        let Some(after) = text[m.end..].strip_prefix(' ') else { return false };
        let len = after.find(|c: char| !crate::fold::is_word_char(c)).unwrap_or(after.len());
        let (word, end) = (&after[..len], m.end + 1 + len);
        let absorbs = next.is_some_and(|n| n.start < end);
        if !word.starts_with(char::is_uppercase)
            || next.is_some_and(|n| {
                n.start < end && (n.entity != m.entity || n.start != m.end + 1 || n.end != end)
            })
        {
            return false;
        }
        let reversed = format!("{} {}", fold(word), fold(m.surface(text)));
        let variants = self.gazetteer.folded_variants(m.entity.0 as usize);
        let Some(k) = variants.iter().position(|v| **v == *reversed) else { return false };
        m.end = end;
        m.kind = MatchKind::Tolerant;
        m.variant = k as u32;
        absorbs
    }

    /// Whether a force's phrase that names it only after a number ("عسكري فرنسي", see
    /// [`Grammar::counted`]) has none before it: "مصدر عسكري مالي" is a Malian military source,
    /// "1400 عسكري فرنسي" and "ثلاثة آلاف عسكري فرنسي" are French soldiers, and so is "أي عسكري مالي"
    /// (any Malian soldier).
    fn uncounted(&self, text: &str, m: &Mention) -> bool {
        /// Words that count a singular noun, folded: thousand(s) (ألف، آلاف), hundred(s) (مئة، مائة،
        /// مئات، مئتي، مائتي) and "any" (أي).
        const COUNTING: &[&str] = &["الف", "الاف", "ميه", "مايه", "ميات", "ميتي", "مايتي", "اي"];
        m.kind == MatchKind::Grammar
            && self.grammar.counted(m.variant)
            && !raw_word_before(text, m.start).is_some_and(|before| {
                is_count(before) || COUNTING.contains(&crate::fold::fold_word(before).as_ref())
            })
    }

    /// A person's mention matched with the rank or title a variant starts with ("capitaine Ibrahim
    /// Traoré", "général d'armée Assimi Goïta", "النقيب إبراهيم تراوري") starts at the name (see
    /// [`title_length`]). The variant becomes the name's own when the gazetteer lists it.
    fn leave_out_title(&self, text: &str, m: &mut Mention) {
        if !matches!(m.kind, MatchKind::Exact | MatchKind::Tolerant) || m.designator {
            return;
        }
        let entity = self.gazetteer.entity(m.entity);
        if entity.kind != EntityType::Person {
            return;
        }
        let title = title_length(m.surface(text));
        if title == 0 {
            return;
        }
        let name = fold(&text[m.start + title..m.end]);
        let own = entity.variants.iter().position(|v| fold(&v.text) == name);
        // A tolerant match keeps its title, its slip may be anywhere in the variant, unless the slip
        // was in the title alone: "colonels Sadio Camara" (for "colonel Sadio Camara") is the name.
        if m.kind == MatchKind::Tolerant {
            let Some(k) = own else { return };
            m.kind = MatchKind::Exact;
            m.variant = k as u32;
            m.start += title;
            return;
        }
        m.start += title;
        if let Some(k) = own {
            m.variant = k as u32;
        }
    }

    /// A mention whose variant matched across an opening quote that folding drops ("opération
    /// ‘Almahao’", "opération ‘’Niya’’", "عملية ‘الماهاو’": the variant "opération Almahao") starts inside the quotes, where
    /// the name is, when the quotes close right after it: the designator before them is outside the
    /// name, as with guillemets ("l'opération « Almahao »"). The variant then ends with the quoted
    /// words, as `crate::invariants` checks.
    fn leave_out_before_quote(&self, text: &str, m: &mut Mention) {
        let surface = m.surface(text);
        let opening = surface
            .char_indices()
            .skip(1)
            .find(|&(i, c)| cues::is_opening_quote(c) && surface[..i].ends_with(char::is_whitespace));
        let Some((i, quote)) = opening else { return };
        // A quote typed as two marks ("‘’Niya’’") opens once.
        let inside = surface[i + quote.len_utf8()..]
            .trim_start_matches(|c| cues::is_opening_quote(c) || cues::is_closing_quote(c));
        if inside.is_empty()
            || !text[m.end..].starts_with(cues::is_closing_quote)
            || m.kind == MatchKind::Grammar
        {
            return;
        }
        if fold(&self.variant(m).text).ends_with(&format!(" {}", fold(inside))) {
            m.start += surface.len() - inside.len();
        }
    }

    /// Unlisted names that are a listed name of their type with a slip ("in Ouagadougo"), a listed
    /// person's name without its middle names or in the other order ("Ibrahim Keita", "Abdramane
    /// Amadou"), or a unit the gazetteer lists under another designator ("مقاطعة سوم", listed "إقليم
    /// سوم") become mentions of it, [`MatchKind::Tolerant`] (see the `near` module and
    /// [`crate::designator::Designators::unit_named`]).
    fn link_misspelt(&self, text: &str, mentions: &mut Vec<Mention>, unlisted: &mut Vec<Unlisted>) {
        let mut linked = false;
        unlisted.retain(|u| {
            let Some((entity, variant, unit)) = self.listed_as(text, u) else { return true };
            mentions.push(Mention {
                start: u.start,
                end: u.end,
                entity,
                variant,
                kind: MatchKind::Tolerant,
                candidates: vec![entity],
                possible: false,
                check: None,
                designator: unit,
                reason: unit.then_some(Reason::Designator),
                related: vec![],
            });
            linked = true;
            false
        });
        if linked {
            mentions.sort_by_key(|m| m.start);
        }
    }

    /// A listed name followed by its acronym in parentheses that the gazetteer does not list with it
    /// ("11e Régiment d'infanterie commando (RIC)"): the acronym is a mention of the same entity, its
    /// cue the name before it ([`Reason::Cue`]). Not for people and places, whose initials make no
    /// acronym.
    fn link_acronyms(&self, text: &str, mentions: &mut Vec<Mention>) {
        let mut found = vec![];
        for (k, m) in mentions.iter().enumerate() {
            let kind = self.gazetteer.entity(m.entity).kind;
            if matches!(kind, EntityType::Person | EntityType::Place) {
                continue;
            }
            let Some((start, end)) = unlisted::acronym_after(text, m.start, m.end) else { continue };
            if mentions.get(k + 1).is_none_or(|next| next.start >= end) {
                found.push(Mention { start, end, reason: Some(Reason::Cue), related: vec![], ..m.clone() });
            }
        }
        if !found.is_empty() {
            mentions.extend(found);
            mentions.sort_by_key(|m| m.start);
        }
    }

    /// An outlet named by its site's address ("rfi.fr", "sidwaya.info") is the listed outlet, the
    /// address its mention: a listed outlet's name followed by a domain grows over it, and an
    /// unlisted address whose name is a listed outlet's, in any case (addresses are written in
    /// lowercase, "rfi" for RFI), becomes a mention of it. The domain is the cue ([`Reason::Cue`]).
    /// So does an outlet proposed by its dateline whose name is a listed outlet's doubtful spelling.
    fn link_outlets(&self, text: &str, mentions: &mut Vec<Mention>, unlisted: &mut Vec<Unlisted>) {
        for k in 0..mentions.len() {
            let m = &mentions[k];
            if self.gazetteer.entity(m.entity).kind != EntityType::Media {
                continue;
            }
            let Some(end) = unlisted::domain_after(text, m.end) else { continue };
            if mentions.get(k + 1).is_none_or(|next| next.start >= end) {
                mentions[k].end = end;
                mentions[k].reason = Some(Reason::Cue);
            }
        }
        let mut linked = false;
        unlisted.retain(|u| {
            // The whole name, or its last label ("aBamako" of "news.aBamako"); or the outlet that
            // opens a dateline, by any listed spelling, doubtful ones included ("الأخبار (نواكشوط) –":
            // "the news" is a word, but not there).
            let names = match u.site_name(text) {
                Some(name) => vec![fold(name), fold(name.rsplit('.').next().unwrap_or(name))],
                None if u.kind == EntityType::Media && u.rule == unlisted::Rule::Credit => {
                    vec![fold(u.surface(text))]
                }
                None => return true,
            };
            // The outlets' spellings as the gazetteer folded them.
            let outlet = self.gazetteer.entities().iter().enumerate().find_map(|(e, entity)| {
                (entity.kind == EntityType::Media).then_some(())?;
                let folded = self.gazetteer.folded_variants(e);
                let v = folded.iter().position(|f| names.iter().any(|n| **f == **n))?;
                Some((EntityIndex(e as u32), v as u32))
            });
            let Some((entity, variant)) = outlet else { return true };
            mentions.push(Mention::by_context(u.start, u.end, entity, variant, Reason::Cue));
            linked = true;
            false
        });
        if linked {
            mentions.sort_by_key(|m| m.start);
        }
    }

    /// A listed name in quotes after a word that makes, with it, a listed spelling of another entity
    /// is that entity: "كتيبة «ماسينا»" is Katiba Macina (listed as "كتيبة ماسينا"), not the region;
    /// the mention stays the quoted name. The word is the cue ([`Reason::Cue`]).
    fn link_quoted(&self, text: &str, mentions: &mut [Mention]) {
        for m in mentions.iter_mut() {
            if !crate::cues::is_quoted(text, m.start, m.end) {
                continue;
            }
            // The word before the opening quote, as written or without a proclitic ("لكتيبة «ماسينا»").
            let Some(word) = crate::cues::words_before(text, m.start, 1).pop() else { continue };
            let word = word.folded;
            let name = fold(&text[m.start..m.end]);
            let phrases =
                [format!("{word} {name}"), format!("{} {name}", crate::cues::strip_proclitics(&word))];
            let spellings = self.phrases.get_or_init(|| {
                let mut map: FxHashMap<Box<str>, (EntityIndex, u32)> = FxHashMap::default();
                for e in 0..self.gazetteer.entities().len() {
                    for (v, f) in self.gazetteer.folded_variants(e).iter().enumerate() {
                        if f.contains(' ') {
                            map.entry(Box::from(&**f)).or_insert((EntityIndex(e as u32), v as u32));
                        }
                    }
                }
                map
            });
            let found = phrases.iter().find_map(|p| spellings.get(p.as_str()).copied());
            if let Some((entity, variant)) = found.filter(|&(e, _)| e != m.entity) {
                *m = Mention::by_context(m.start, m.end, entity, variant, Reason::Cue);
            }
        }
    }

    /// The listed entity an unlisted name is (see [`Tagger::link_misspelt`]), its variant, and whether
    /// it is a unit found by its designator.
    fn listed_as(&self, text: &str, u: &Unlisted) -> Option<(EntityIndex, u32, bool)> {
        if u.kind == EntityType::Place {
            if let Some((entity, variant)) = self.designators.unit_named(&self.gazetteer, u.surface(text)) {
                return Some((entity, variant, true));
            }
            // The name in quotes after its designator ("إقليم «بام»"): the unit of that name, the
            // mention still the name alone (the quotes keep the designator out).
            if crate::rank::quoted_after_designator(&self.designators, text, u.start).is_some() {
                let designator = &text[u.cue_start..u.cue_end];
                let phrase = format!("{designator} {}", u.surface(text));
                if let Some((entity, variant)) = self.designators.unit_named(&self.gazetteer, &phrase) {
                    return Some((entity, variant, false));
                }
            }
        }
        let name = fold(u.surface(text));
        let sounding = u.kind == EntityType::Place && u.rule != unlisted::Rule::Longer;
        let shortest = if sounding { crate::near::MIN_SOUND_LETTERS } else { crate::near::MIN_LETTERS };
        if name.chars().count() < shortest {
            return None; // too short to be approximated: the index need not be built
        }
        let near = self.near.as_ref()?.get_or_init(|| NearNames::new(&self.gazetteer));
        let by_parts = || (u.kind == EntityType::Person).then(|| near.person_by_parts(&name)).flatten();
        let by_sound = || sounding.then(|| near.place_sounding(&name)).flatten();
        let (entity, variant) = near.find(u.kind, &name).or_else(by_parts).or_else(by_sound)?;
        if u.kind == EntityType::Person && after_named(text, u.start) {
            return None;
        }
        Some((entity, variant, false))
    }

    /// Names no list holds in `text`, proposed by their context (see [`Unlisted`]), around the
    /// `mentions` the tagger found there (sorted): none overlaps one of them, but a longer name that
    /// one of them starts ([`unlisted::Rule::Longer`]: "Dosso Kourégou") or a unit named after one
    /// that the gazetteer does not list ([`unlisted::Rule::Unit`]: "département de Thiou"), which
    /// [`Tagger::tag_with`] reports instead of that mention.
    pub fn unlisted(&self, text: &str, mentions: &[Mention]) -> Vec<Unlisted> {
        let kinds: Vec<_> = mentions.iter().map(|m| self.gazetteer.entity(m.entity).kind).collect();
        let mut unlisted = unlisted::find(text, mentions, &kinds, &self.given_names);
        let units = self.designators.unlisted_units(&self.gazetteer, text, mentions);
        for (start, end) in units {
            if unlisted.iter().all(|u| u.end <= start || end <= u.start) {
                unlisted.push(Unlisted {
                    start,
                    end,
                    kind: EntityType::Place,
                    cue: crate::cues::Cue::Designator,
                    rule: unlisted::Rule::Unit,
                    cue_start: start,
                    cue_end: end,
                });
            }
        }
        unlisted.sort_by_key(|u| (u.start, u.end));
        unlisted
    }

    /// Every gazetteer match, before the doubtful ones are checked.
    fn matches(&self, text: &str) -> Vec<Mention> {
        let mut candidates = vec![];
        let mut folded = Folded::default();
        if text.len() <= self.window {
            fold_with_origins(text, &mut folded);
            self.matcher.candidates(text, 0, &folded, &mut candidates);
        } else {
            self.windowed_candidates(text, &mut folded, &mut candidates);
        }
        self.matcher.settle(text, &mut candidates);
        resolve_overlaps(&mut candidates);
        let mut mentions: Vec<Mention> = candidates
            .into_iter()
            .filter_map(|c| {
                let resolved = self.matcher.resolve(&c, &text[c.start..c.end])?;
                // A name the text writes with the article its variant lacks ("الإيكواس" for
                // "إيكواس") starts at the article, as the guidelines have it ("النيجر").
                let start = if c.context.prefix == crate::arabic::Prefix::WithArticle {
                    crate::arabic::article_start(text, c.start)
                } else {
                    c.start
                };
                Some(Mention {
                    start,
                    end: c.end,
                    entity: resolved.entity,
                    variant: resolved.variant,
                    kind: if resolved.grammar {
                        MatchKind::Grammar
                    } else if c.context.approximate {
                        MatchKind::Tolerant
                    } else {
                        MatchKind::Exact
                    },
                    candidates: resolved.candidates,
                    possible: resolved.possible,
                    check: None,
                    designator: false,
                    reason: None,
                    related: vec![],
                })
            })
            .collect();
        // After overlaps are resolved, so that a designator is only taken from between two mentions.
        self.designators.apply(&self.gazetteer, text, &mut mentions);
        mentions
    }

    /// Collects candidates window by window, with the same result as folding the whole text at once.
    ///
    /// Where to cut is decided on the folded window, not on the original text. A window is folded;
    /// the candidates it reports are those that start before the original character that produced
    /// its folded byte `len - margin`, where `margin` is the longest pattern plus [`WINDOW_SLACK`];
    /// the next window starts at that character. So every candidate is reported by exactly one
    /// window, and one that starts in it has all of its folded bytes in it: windows overlap by
    /// `margin` *folded* bytes, however many original bytes those come from. An overlap counted in
    /// original bytes could not be enough: folding collapses any run of spaces, drops any run of
    /// combining marks or invisible characters, so "Burkina" + 3,000 spaces + "Faso" is one
    /// 12-byte match (cutting only at paragraph breaks would not do either: a long text may have
    /// none, and then memory would grow with it).
    ///
    /// Why a window's folding agrees with the whole text's: folding works character by character;
    /// what it carries from one character to the next only decides whether the next character may
    /// start a mention (a window that starts inside a word may report a start the whole text does
    /// not, and the checks, which look at the original text around each candidate, reject it:
    /// the matcher's test `anchoring_at_word_starts_finds_what_a_full_scan_finds` shows that any
    /// start gives the same checked candidates), and how a whitespace run at a window's very end is
    /// written (space or paragraph break: it lies in the margin). The checks read the whole text,
    /// never the window.
    ///
    /// A window whose folding is shorter than three margins (a megabyte of spaces or marks) is
    /// doubled until it is not, or until it reaches the end of the text; the overlap is then short
    /// in folded bytes, so each part of the text is folded at most a few times.
    fn windowed_candidates(&self, text: &str, folded: &mut Folded, out: &mut Vec<Candidate>) {
        let margin = self.matcher.max_pattern_len + WINDOW_SLACK;
        let mut start: usize = 0;
        let mut size = self.window;
        let mut scratch = vec![];
        loop {
            let end = floor_char_boundary(text, start.saturating_add(size).min(text.len()));
            let last = end == text.len();
            fold_with_origins(&text[start..end], folded);
            let folded_len = folded.as_str().len();
            // Where this window's candidates stop and the next window starts.
            let keep_end = if last {
                text.len()
            } else if folded_len >= 3 * margin {
                start + folded.origin(folded_len - margin)
            } else {
                start
            };
            if keep_end <= start && !last {
                size = size.saturating_mul(2);
                continue;
            }
            scratch.clear();
            self.matcher.candidates(text, start, folded, &mut scratch);
            out.extend(scratch.drain(..).filter(|c| last || c.start < keep_end));
            if last {
                return;
            }
            start = keep_end;
            size = self.window;
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

/// A doubtful name dropped only for want of evidence ("à Bamba": Bamba is also a personal name;
/// "الأخبار", the news, is also the Mauritanian agency) that the names no list holds propose as a name
/// of its type with the same span, by their own cue ("à", a dateline "الأخبار (نواكشوط) –"), is the
/// listed one: the dropped mention is emitted instead of the unlisted one, with that cue as its
/// evidence. (An outlet opening a dateline is [`Tagger::link_outlets`]'s.)
fn restore_dropped(
    gazetteer: &Gazetteer,
    mentions: &mut Vec<Mention>,
    dropped: &mut Vec<Mention>,
    unlisted: &mut Vec<Unlisted>,
) {
    let mut restored = false;
    unlisted.retain(|u| {
        // Not a person: a single name proposed by a role is another person of that name.
        if u.kind == EntityType::Person || u.rule == unlisted::Rule::Credit {
            return true;
        }
        let Some(i) = dropped.iter().position(|d| {
            d.start == u.start
                && d.end == u.end
                && gazetteer.entity(d.entity).kind == u.kind
                && d.check.is_some_and(|c| c.verdict == Err(Against::NoEvidence))
        }) else {
            return true;
        };
        let mut m = dropped.remove(i);
        if let Some(check) = &mut m.check {
            check.verdict = Ok(Evidence::Cue { cue: u.cue, start: u.cue_start, end: u.cue_end });
        }
        mentions.push(m);
        restored = true;
        false
    });
    if restored {
        mentions.sort_by_key(|m| m.start);
    }
}

/// A name dropped for want of evidence whose entity the context has since linked elsewhere in the text
/// ([`restore_dropped`], [`Tagger::link_outlets`]: "الأخبار (نواكشوط) –", then "ونقلت مصادر محلية
/// للأخبار", local sources told Al-Akhbar) is that entity, repeated, as [`Evidencer::check_all`] finds
/// repetitions; not a name that needs a strong cue.
fn restore_repeated(mentions: &mut Vec<Mention>, dropped: &mut Vec<Mention>, unlisted: &[Unlisted]) {
    let wants_evidence = |d: &Mention| {
        d.check.is_some_and(|c| c.verdict == Err(Against::NoEvidence) && !c.doubt.needs_strong_evidence())
    };
    // Most texts drop no such name: no table of the kept ones then.
    if !dropped.iter().any(wants_evidence) {
        return;
    }
    let mut first: FxHashMap<EntityIndex, usize> = FxHashMap::default();
    for m in mentions.iter() {
        first.entry(m.entity).or_insert(m.start);
    }
    let mut restored = false;
    let mut i = 0;
    while i < dropped.len() {
        let d = &dropped[i];
        let again = first.get(&d.entity).filter(|_| {
            wants_evidence(d)
                && !mentions.iter().any(|m| m.start < d.end && d.start < m.end)
                && !unlisted.iter().any(|u| u.start < d.end && d.start < u.end)
        });
        if let Some(&at) = again {
            let mut m = dropped.remove(i);
            if let Some(check) = &mut m.check {
                check.verdict = Ok(Evidence::Repeated { at });
            }
            mentions.push(m);
            restored = true;
        } else {
            i += 1;
        }
    }
    if restored {
        mentions.sort_by_key(|m| m.start);
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether the name at `start` follows a word that introduces a person by name ("عنصر حرس وطني
/// يُدعى محمد يوسف", a national guard named Mohamed Youssouf; "un certain", "dénommé"): someone the
/// reader is not expected to know, so not a listed person by approximation ("محمد يوسف" is also how
/// some write Mahamadou Issoufou, "محمد يوسفو", but not after "named").
fn after_named(text: &str, start: usize) -> bool {
    const NAMED: &[&str] =
        &["يدعي", "تدعي", "المدعو", "المدعوه", "يسمي", "named", "denomme", "denommee", "certain", "certaine"];
    crate::fold::raw_word_before(text, start)
        .is_some_and(|w| NAMED.contains(&crate::fold::fold_word(w).as_str()))
}

/// Whether `start..end` overlaps one of `spans` (sorted and disjoint, so their ends are sorted too):
/// one binary search, for the lists that a long text makes long.
fn overlaps_any(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let at = spans.partition_point(|&(_, e)| e <= start);
    spans.get(at).is_some_and(|&(s, _)| s < end)
}

/// The bytes of the rank or title that start a person's name as matched, up to the name itself: the
/// title says who the person is, it is not their name (the annotation guidelines; a reader who copies
/// the mention gets the name). "capitaine " in "capitaine Ibrahim Traoré", "général d'armée " (a
/// rank's own lowercase words), "Capt. ", "l'imam ", "النقيب " (also "نقيب " after "لل"); 0 when the name starts at once, or
/// when nothing would be left. A capitalized "Cheikh" stays: in the region it is a first name as
/// often as a title.
pub(crate) fn title_length(surface: &str) -> usize {
    let words: Vec<(usize, &str)> =
        surface.split_whitespace().map(|w| (w.as_ptr() as usize - surface.as_ptr() as usize, w)).collect();
    if words.len() < 2 {
        return 0;
    }
    // The word after an elided article ("l'imam"), without an abbreviation's full stop ("Capt.").
    let word = words[0].1.rsplit(['\'', '\u{2019}']).next().unwrap_or(words[0].1);
    let one = fold(word.trim_end_matches('.'));
    let mut at =
        if matches!(one.as_str(), "cheikh" | "cheick" | "sheikh") && word.starts_with(char::is_uppercase) {
            0
        } else if words.len() > 2 && cues::is_role(&fold(&surface[..words[1].0 + words[1].1.len()])) {
            2
        } else {
            // An Arabic rank whose article a proclitic took ("للنقيب إبراهيم تراوري": "نقيب").
            usize::from(cues::is_role(&one) || cues::is_role(&format!("ال{one}")))
        };
    if at == 0 || at >= words.len() {
        return 0;
    }
    // "général d'armée X", "général de division X".
    while at + 1 < words.len() && words[at].1.starts_with(char::is_lowercase) {
        at += 1;
    }
    words[at].0
}

/// Whether `word` is a number in digits (Arabic-Indic ones too) and not a year: "15", "1400", but not
/// "2020" ("في 2020 موريتانيا").
fn is_count(word: &str) -> bool {
    // The digits, last first, Arabic-Indic ones as ASCII.
    let digits: Vec<u32> = word
        .chars()
        .rev()
        .map_while(|c| {
            c.to_digit(10).or_else(|| ('\u{0660}'..='\u{0669}').contains(&c).then(|| c as u32 - 0x0660))
        })
        .collect();
    let year = digits.len() == 4 && matches!((digits[3], digits[2]), (1, 9) | (2, 0));
    !digits.is_empty() && !year
}
