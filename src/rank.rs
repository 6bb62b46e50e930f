//! Which entity a name means: the candidates of an ambiguous name ranked by the document's context.
//!
//! A spelling may belong to several entities: Karma in Burkina Faso and in Mali, "l'État islamique"
//! for the central organisation and its Sahel province, and — once the same-name places are added
//! ([`Ranker::namesakes`]) — a town and the region, cercle or area named after it (Tillabéri the town
//! and the region, Macina the town, the cercle and the historic region, Niger the country and the
//! river, the Sahel and Burkina Faso's Sahel region). A reader decides from the words around the name
//! and from the rest of the article; this pass does the same, deterministically. Each candidate gets
//! a score tuple, compared level by level (a level only counts when the ones above it tie):
//!
//! 1. **a cue next to the name** ([`Reason::Designator`], [`Reason::Cue`]): a plural designator that
//!    names it in a list ("the regions of Ménaka and Gao", "three regions (Dosso, Tillabéri and
//!    Diffa)", "مناطق تيلابيري ودوسو") picks the unit of that kind; "la ville de", "the town of",
//!    "مدينة" pick a settlement; "le long du", "along the" a river; a French article before the name
//!    ("au cœur du Macina", "le Sahel") anything but a settlement (French towns take no article);
//! 2. **a nationality next to it** ([`Reason::Nationality`]): "Sahel burkinabè", "Malian Gourma",
//!    "الساحل البوركيني" pick the candidate of that one country;
//! 3. **the same sentence** ([`Reason::AdminParent`] and [`Reason::Region`] with `nearby`): a place
//!    named there that contains the candidate or that it contains ("Karma, dans la province du
//!    Yatenga"), then one that shares an administrative unit with it;
//! 4. **the whole document**: the same two relations with the document's places, then the countries
//!    they name ([`Reason::Country`]).
//!
//! Only unambiguous place mentions (and names linked by a designator) are context. A containing place
//! that contains another candidate too does not count (a village of the Tillabéri region does not
//! tell the region from its capital). Ties keep the matcher's order, so that nothing changes when the
//! text says nothing; the other candidates stay listed, best first, and [`Mention::reason`] says which
//! level decided.

use rustc_hash::FxHashMap;

use crate::designator::{unit_stem, Designators, Kind, APOSTROPHES, OFFICERS, REGION};
use crate::fold::{fold, fold_word, is_word_char, word_after, word_before};
use crate::gazetteer::{EntityIndex, EntityType, Gazetteer};
use crate::tagger::{MatchKind, Mention};

/// Why a mention is linked to its entity rather than to another candidate ([`Mention::reason`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// A designator names the unit: next to the name ("province de Kossi", grown into the mention) or
    /// before a list of names ("the regions of Ménaka and Gao").
    Designator,
    /// A word next to the name says what kind of place it is: "la ville de", "the town of", "le long
    /// du", or a French article ("au cœur du Macina"); or a site's domain after an outlet's name
    /// ("rfi.fr").
    Cue,
    /// A nationality next to the name: "Sahel burkinabè", "Malian Gourma".
    Nationality,
    /// Another place of the text, `with`, contains the entity or lies in it ("Karma, dans la province
    /// du Yatenga"); `nearby` when in the same sentence.
    AdminParent {
        /// The other mention's entity.
        with: EntityIndex,
        /// In the same sentence (else elsewhere in the document).
        nearby: bool,
    },
    /// Another place of the text, `with`, lies in the same administrative unit; `nearby` when in the
    /// same sentence.
    Region {
        /// The other mention's entity.
        with: EntityIndex,
        /// In the same sentence (else elsewhere in the document).
        nearby: bool,
    },
    /// The countries the document's places are in.
    Country,
    /// The surname alone of a person the document names in full, `with` (see the `surname` module).
    Surname {
        /// The person.
        with: EntityIndex,
    },
    /// Al-Qaeda's branch in the Sahel, AQIM, named in full in the document (see the `affiliate`
    /// module).
    Affiliate,
}

impl Reason {
    /// `designator`, `cue`, `nationality`, `admin_parent`, `region`, `country`, `surname` or `affiliate`.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Designator => "designator",
            Reason::Cue => "cue",
            Reason::Nationality => "nationality",
            Reason::AdminParent { .. } => "admin_parent",
            Reason::Region { .. } => "region",
            Reason::Country => "country",
            Reason::Surname { .. } => "surname",
            Reason::Affiliate => "affiliate",
        }
    }

    /// The other mention's entity that decided, if one did.
    pub fn with(self) -> Option<EntityIndex> {
        match self {
            Reason::AdminParent { with, .. } | Reason::Region { with, .. } | Reason::Surname { with } => {
                Some(with)
            }
            _ => None,
        }
    }

    /// One line for a reader: "admin parent Province du Yatenga, same sentence".
    pub fn describe(self, gazetteer: &Gazetteer) -> String {
        let place = |with: EntityIndex, nearby: bool| {
            let at = if nearby { "same sentence" } else { "same document" };
            format!("{}, {at}", gazetteer.entity(with).name)
        };
        match self {
            Reason::Designator => "designator".into(),
            Reason::Cue => "word before or after the name".into(),
            Reason::Nationality => "nationality next to the name".into(),
            Reason::AdminParent { with, nearby } => format!("admin parent: {}", place(with, nearby)),
            Reason::Region { with, nearby } => format!("same region as {}", place(with, nearby)),
            Reason::Country => "the document's countries".into(),
            Reason::Surname { with } => {
                format!("surname of {}, named in full in this document", gazetteer.entity(with).name)
            }
            Reason::Affiliate => {
                "al-Qaeda's branch in the Sahel, AQIM, named in full in this document".into()
            }
        }
    }
}

/// Place subtypes that are settlements: a French article never comes before them.
const SETTLEMENTS: &[&str] =
    &["town", "village", "city", "capital", "locality", "settlement", "neighbourhood", "abandoned village"];

/// Subtypes of same-name places added as candidates, in the order they are added (named areas before
/// units, larger units first).
const NAMESAKE_ORDER: &[&str] = &[
    "area",
    "river",
    "lake",
    "state",
    "region",
    "province",
    "prefecture",
    "department",
    "cercle",
    "district",
    "commune",
];

/// Nationality adjectives, folded, and the country they name. French and Arabic put them after the
/// name, English before it.
const NATIONALITIES_AFTER: &[(&str, &str)] = &[
    ("burkinabe", "BF"),
    ("burkinabes", "BF"),
    ("malien", "ML"),
    ("malienne", "ML"),
    ("nigerien", "NE"),
    ("nigerienne", "NE"),
    ("mauritanien", "MR"),
    ("mauritanienne", "MR"),
    ("nigerian", "NG"),
    ("nigeriane", "NG"),
    ("tchadien", "TD"),
    ("tchadienne", "TD"),
    ("algerien", "DZ"),
    ("algerienne", "DZ"),
    ("ivoirien", "CI"),
    ("ivoirienne", "CI"),
    ("senegalais", "SN"),
    ("senegalaise", "SN"),
    ("guineen", "GN"),
    ("guineenne", "GN"),
    ("beninois", "BJ"),
    ("beninoise", "BJ"),
    ("togolais", "TG"),
    ("togolaise", "TG"),
];
const NATIONALITIES_BEFORE: &[(&str, &str)] = &[
    ("burkinabe", "BF"),
    ("burkina s", "BF"),
    ("malian", "ML"),
    ("mali s", "ML"),
    ("nigerien", "NE"),
    ("niger s", "NE"),
    ("mauritanian", "MR"),
    ("nigerian", "NG"),
    ("chadian", "TD"),
    ("algerian", "DZ"),
    ("ivorian", "CI"),
    ("senegalese", "SN"),
    ("guinean", "GN"),
    ("beninese", "BJ"),
    ("togolese", "TG"),
];
/// Arabic nisbas after the name, as written (folded when compared). `النيجيري` is left out: it is
/// written for Niger and for Nigeria.
const NATIONALITIES_ARABIC: &[(&str, &str)] = &[
    ("البوركيني", "BF"),
    ("البوركينية", "BF"),
    ("البوركينابي", "BF"),
    ("المالي", "ML"),
    ("المالية", "ML"),
    ("الموريتاني", "MR"),
    ("الموريتانية", "MR"),
    ("التشادي", "TD"),
    ("التشادية", "TD"),
];

/// Words before a name, folded, read in order, that say it is a settlement.
const TOWN_BEFORE: &[&[&str]] = &[
    &["ville", "de"],
    &["ville", "d"],
    &["city", "of"],
    &["town", "of"],
    &["village", "de"],
    &["village", "d"],
    &["village", "of"],
    &["localite", "de"],
    &["localite", "d"],
    &["chef", "lieu", "de"],
];
/// English words after a name that say it is a settlement ("Tahoua town").
const TOWN_AFTER: &[&str] = &["town", "city", "village"];
/// Arabic words before a name that say it is a settlement (a proclitic may be glued to them); an
/// agreement, process or talks are named after the city that held them ("اتفاق الجزائر", the Algiers
/// agreement, where "الجزائر" alone is the country).
const TOWN_ARABIC: &[&str] =
    &["مدينة", "بلدة", "قرية", "اتفاق", "اتفاقية", "اتفاقات", "اتفاقيات", "مسار", "مفاوضات", "محادثات"];
/// Words before a name, folded, that say it is a river.
const RIVER_BEFORE: &[&[&str]] = &[
    &["le", "long", "du"],
    &["rive", "du"],
    &["rives", "du"],
    &["berges", "du"],
    &["along", "the"],
    &["bank", "of", "the"],
    &["banks", "of", "the"],
];
/// French definite articles before a name: the name is not a town's.
const ARTICLES: &[&str] = &["le", "la", "l", "du", "au"];

/// The same-name places of a gazetteer, for adding them as candidates and ranking all by context.
#[derive(Clone, Debug)]
pub(crate) struct Ranker {
    /// Folded bare name → units, areas and rivers of that name (the designator or head taken off:
    /// "Région de Tillabéri", "fleuve Niger").
    by_name: FxHashMap<Box<str>, Vec<EntityIndex>>,
    /// Id stem (`gao` for `gao_region`) → units.
    by_stem: FxHashMap<Box<str>, Vec<EntityIndex>>,
    /// Arabic words, folded.
    town_arabic: Vec<String>,
    nationalities_arabic: Vec<(String, &'static str)>,
}

impl Ranker {
    pub fn new(gazetteer: &Gazetteer, designators: &Designators) -> Ranker {
        let mut by_name: FxHashMap<Box<str>, Vec<EntityIndex>> = FxHashMap::default();
        let mut by_stem: FxHashMap<Box<str>, Vec<EntityIndex>> = FxHashMap::default();
        for (i, entity) in gazetteer.entities().iter().enumerate() {
            let order = namesake_order(gazetteer, EntityIndex(i as u32));
            if order.is_none() {
                continue;
            }
            let index = EntityIndex(i as u32);
            for variant in entity.variants.iter().filter(|v| v.derived.is_none()) {
                if let Some(bare) = designators.bare_name(&variant.text) {
                    // With and without the Arabic article: "إقليم الساحل" is found for "الساحل".
                    let bare_arabic = bare.strip_prefix(crate::arabic::ARTICLE).map(str::to_string);
                    for key in std::iter::once(bare).chain(bare_arabic) {
                        let units = by_name.entry(key.into()).or_default();
                        if !units.contains(&index) {
                            units.push(index);
                        }
                    }
                }
            }
            if let Some(stem) = unit_stem(&entity.id) {
                by_stem.entry(stem.into()).or_default().push(index);
            }
        }
        Ranker {
            by_name,
            by_stem,
            town_arabic: TOWN_ARABIC.iter().map(|w| fold(w)).collect(),
            nationalities_arabic: NATIONALITIES_ARABIC.iter().map(|&(w, c)| (fold(w), c)).collect(),
        }
    }

    /// The places named like `entity` that its spelling `surface` does not list: the region, cercle or
    /// department named after a town, the area or river named like a country, the unit named like an
    /// area. Looked up by the surface's bare name ("Gao" and "Sahel region" → `gao`, `sahel`), and by the
    /// unit ids built on the entity's when the surface is its name (`gao_region`). In [`NAMESAKE_ORDER`].
    /// `folded` is the surface folded, `bare` its bare name ([`Designators::bare_name`]): the same for
    /// every candidate of a mention, found once by the caller.
    pub fn namesakes(
        &self,
        gazetteer: &Gazetteer,
        entity: EntityIndex,
        folded: &str,
        bare: Option<&str>,
    ) -> Vec<EntityIndex> {
        let e = gazetteer.entity(entity);
        let mut out: Vec<EntityIndex> = vec![];
        if e.kind != EntityType::Place {
            return out;
        }
        let mut add = |units: Option<&Vec<EntityIndex>>| {
            for &u in units.into_iter().flatten() {
                if u != entity && !out.contains(&u) {
                    out.push(u);
                }
            }
        };
        add(self.by_name.get(folded));
        if let Some(bare) = bare {
            add(self.by_name.get(bare));
        }
        // A town's other spellings are the town's too ("Konni" for Birni N'Konni): its units are
        // named after it whatever the spelling.
        if folded == fold(&e.name) || is_settlement(e.subtype.as_deref()) {
            add(self.by_stem.get(e.id.as_str()));
        }
        out.sort_by_key(|&u| namesake_order(gazetteer, u));
        out
    }

    /// Adds each place mention's same-name places to its candidates and links every ambiguous mention
    /// to its best candidate by the document's context (see the module's documentation). `mentions`
    /// are the document's, sorted.
    pub fn link(
        &self,
        gazetteer: &Gazetteer,
        designators: &Designators,
        text: &str,
        mentions: &mut [Mention],
    ) {
        if mentions.is_empty() {
            return;
        }
        let mut listed: Vec<Option<Kind>> = vec![None; mentions.len()];
        for (i, kind) in designators.lists(gazetteer, text, mentions) {
            listed[i] = Some(kind);
        }
        let context: Vec<(usize, EntityIndex)> = mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| is_context(gazetteer, m))
            .map(|(i, m)| (i, m.entity))
            .collect();
        let votes = country_votes(gazetteer, mentions);
        // Each place's units, once per place (a name repeated through a text is read once).
        let mut above: FxHashMap<EntityIndex, Vec<EntityIndex>> = FxHashMap::default();
        for &(_, e) in &context {
            above.entry(e).or_insert_with(|| ancestors(gazetteer, e));
        }
        // For the document's level, in one pass: how many context places lie in each unit (the unit
        // itself included) and the first of them, and how many name each entity.
        let mut inside: FxHashMap<EntityIndex, (usize, EntityIndex)> = FxHashMap::default();
        let mut named: FxHashMap<EntityIndex, usize> = FxHashMap::default();
        for &(_, e) in &context {
            *named.entry(e).or_default() += 1;
            for &x in std::iter::once(&e).chain(&above[&e]) {
                inside.entry(x).or_insert((0, e)).0 += 1;
            }
        }
        let inside_count = |x: EntityIndex| inside.get(&x).map_or(0, |&(n, _)| n);
        let named_count = |x: EntityIndex| named.get(&x).copied().unwrap_or(0);
        // By spelling and entity: each set of matcher candidates seen with them, and its expansion.
        type Expanded<'t> = FxHashMap<(&'t str, EntityIndex), Vec<Expansion>>;
        let mut expanded: Expanded = FxHashMap::default();
        for i in 0..mentions.len() {
            let m = &mentions[i];
            // A grammar phrase's variant is the grammar's, not an entity's: left as the grammar linked it.
            if m.kind == MatchKind::Grammar {
                continue;
            }
            if m.designator {
                mentions[i].reason = Some(Reason::Designator);
                continue;
            }
            // Candidates: the matcher's, then their same-name places, each with the matcher candidate
            // it comes from (for the countries' level).
            // The same spelling of the same candidates (a name repeated through a long text) has the
            // same namesakes: looked up once.
            // (Looked up without copying the candidates: most mentions are seen before.)
            let surface = &text[m.start..m.end];
            let seen = expanded.entry((surface, m.entity)).or_default();
            let at = match seen.iter().position(|x| x.listed == m.candidates) {
                Some(at) => at,
                None => {
                    let mut candidates: Vec<(EntityIndex, EntityIndex)> =
                        m.candidates.iter().map(|&c| (c, c)).collect();
                    // "région de Mopti", "Tillaberi region": a unit's spelling with its designator says
                    // which unit it is; a broad area's ("Sahel region") does not.
                    let bare = designators.bare_name(surface);
                    let named_unit =
                        bare.is_some() && gazetteer.entity(m.entity).subtype.as_deref() != Some("area");
                    if !named_unit {
                        let folded = fold(surface);
                        for &c in &m.candidates {
                            for n in self.namesakes(gazetteer, c, &folded, bare.as_deref()) {
                                if !candidates.iter().any(|&(x, _)| x == n) {
                                    candidates.push((n, c));
                                }
                            }
                        }
                    }
                    seen.push(Expansion { listed: m.candidates.clone(), candidates, bare: bare.is_some() });
                    seen.len() - 1
                }
            };
            let Expansion { candidates, bare, .. } = &seen[at];
            if candidates.len() < 2 {
                continue;
            }
            let (sentence_start, sentence_end) = sentence(text, m.start, m.end);
            // The context places of the same sentence, at most [`NEARBY`] on each side.
            let at = context.partition_point(|&(j, _)| j < i);
            let in_sentence = |&&(j, _): &&(usize, EntityIndex)| {
                mentions[j].start >= sentence_start && mentions[j].end <= sentence_end
            };
            let nearby: Vec<(usize, EntityIndex)> = context[..at]
                .iter()
                .rev()
                .take(NEARBY)
                .take_while(in_sentence)
                .chain(context[at..].iter().filter(|&&(j, _)| j != i).take(NEARBY).take_while(in_sentence))
                .copied()
                .collect();
            // The words around the name, read once for both.
            let (before, after) = (words_before(text, m.start, 3), word_after(text, m.end));
            let cue = self.cue(designators, text, m, listed[i], &before, after.as_deref());
            let nationality = self.nationality(&before, after.as_deref());
            let all: Vec<EntityIndex> = candidates.iter().map(|&(c, _)| c).collect();
            // Each candidate's units, read once for all the comparisons below.
            let chains: Vec<Vec<EntityIndex>> = all.iter().map(|&c| ancestors(gazetteer, c)).collect();
            // A broad area is the usual reading of its name ("the Sahel"): the rest of the document
            // does not make it a unit of that name, unless the surface names a unit ("Sahel region",
            // "منطقة الساحل").
            let area_first = gazetteer.entity(m.entity).subtype.as_deref() == Some("area") && !bare;
            let mut scores: Vec<Score> = vec![];
            for (k, &(c, source)) in candidates.iter().enumerate() {
                let entity = gazetteer.entity(c);
                let mut score = Score::default();
                score.levels[0] = match cue {
                    Some(Cue::Units(kind)) => {
                        kind.fit(entity.subtype.as_deref()).map_or(0, |f| 10 - f.min(9))
                    }
                    Some(Cue::Settlement) => usize::from(is_settlement(entity.subtype.as_deref())),
                    Some(Cue::River) => usize::from(entity.subtype.as_deref() == Some("river")),
                    Some(Cue::Outlet) => usize::from(entity.kind == EntityType::Media),
                    Some(Cue::Article) => usize::from(
                        entity.kind == EntityType::Place && !is_settlement(entity.subtype.as_deref()),
                    ),
                    None => 0,
                };
                score.levels[1] =
                    usize::from(nationality.is_some() && entity.country.as_deref() == nationality);
                let own = &chains[k];
                let top = *own.last().unwrap_or(&c);
                // A unit that also contains another candidate (the region of a town of its name) is
                // not told apart from it by a place it contains.
                let holds_candidate =
                    all.iter().zip(&chains).any(|(&o, theirs)| o != c && theirs.contains(&c));
                // The same name written elsewhere tells nothing about which one it is.
                for &(_, e) in nearby.iter().filter(|&&(_, e)| !all.contains(&e)) {
                    let theirs = &above[&e];
                    let admin = own.contains(&e) || (!holds_candidate && theirs.contains(&c));
                    let region = !admin && e != c && own.iter().any(|a| theirs.contains(a));
                    let level = match (admin, region) {
                        (true, _) => 2,
                        (false, true) => 3,
                        _ => continue,
                    };
                    score.levels[level] += 1;
                    score.with[level].get_or_insert(e);
                }
                if !area_first {
                    // The document: places in the candidate (`sub`), above it (`up`), in the same
                    // top unit (`share`); chains are nested, so sharing any unit is sharing the top one.
                    let sub = inside_count(c);
                    let up: usize = own.iter().map(|&a| named_count(a)).sum();
                    let share = inside_count(top);
                    let (mut same_sub, mut same_up, mut same_share) = (0, 0, 0);
                    for (&x, theirs) in all.iter().zip(&chains) {
                        let n = named_count(x);
                        if n == 0 {
                            continue;
                        }
                        if x == c || theirs.contains(&c) {
                            same_sub += n;
                        } else if own.contains(&x) {
                            same_up += n;
                        } else if x == top || theirs.contains(&top) {
                            same_share += n;
                        }
                    }
                    let below = if holds_candidate { 0 } else { sub - same_sub };
                    score.levels[4] = below + (up - same_up);
                    score.levels[5] = share.saturating_sub(sub + up + same_share);
                    score.with[4] = if below > 0 {
                        inside.get(&c).map(|&(_, e)| e)
                    } else {
                        own.iter().copied().find(|&a| named_count(a) > 0)
                    };
                    score.with[5] = inside.get(&top).map(|&(_, e)| e);
                }
                score.levels[6] =
                    countries(gazetteer, source).map(|code| votes.get(code).copied().unwrap_or(0)).sum();
                scores.push(score);
            }
            let mut order: Vec<usize> = (0..candidates.len()).collect();
            order.sort_by(|&a, &b| scores[b].levels.cmp(&scores[a].levels));
            // The reason is what put the best before the matcher's first candidate, or, when it is
            // that candidate, before the runner-up.
            let rival = if order[0] == 0 { order[1] } else { 0 };
            let (best, second) = (&scores[order[0]], &scores[rival]);
            let reason = (0..LEVELS).find(|&l| best.levels[l] != second.levels[l]).map(|level| {
                let with = best.with[level];
                match level {
                    0 if listed[i].is_some() => Reason::Designator,
                    0 => Reason::Cue,
                    1 => Reason::Nationality,
                    2 | 4 => Reason::AdminParent { with: with.unwrap_or(all[order[0]]), nearby: level == 2 },
                    3 | 5 => Reason::Region { with: with.unwrap_or(all[order[0]]), nearby: level == 3 },
                    _ => Reason::Country,
                }
            });
            let m = &mut mentions[i];
            let before = m.entity;
            // The matcher's candidates stay candidates (with the best, if context chose a same-name
            // place); the other same-name places are related, in the same order.
            let (listed, related): (Vec<EntityIndex>, Vec<EntityIndex>) =
                order.iter().map(|&k| all[k]).partition(|&c| c == all[order[0]] || m.candidates.contains(&c));
            m.candidates = listed;
            m.related = related;
            m.entity = m.candidates[0];
            if m.entity != before {
                m.variant = variant_index(gazetteer, m.entity, &text[m.start..m.end]);
            }
            m.reason = reason;
        }
    }

    /// What the words right around a mention say about the kind of place it is.
    /// `words`: the (up to) three folded words before the mention, nearest last; `next`: the folded
    /// word after it.
    fn cue(
        &self,
        designators: &Designators,
        text: &str,
        m: &Mention,
        listed: Option<Kind>,
        words: &[String],
        next: Option<&str>,
    ) -> Option<Cue> {
        if let Some(kind) = listed {
            return Some(Cue::Units(kind));
        }
        if dateline_agency(text, m.start, m.end) {
            return Some(Cue::Outlet);
        }
        let first = text[m.start..].chars().next()?;
        if crate::arabic::is_arabic_letter(first) {
            if military_governor(text, m.start) {
                return Some(Cue::Units(REGION));
            }
            // A designator, then the name in quotes: "محافظة \"غاو\"", "إقليم «بام»".
            if let Some(kind) = quoted_after_designator(designators, text, m.start) {
                return Some(Cue::Units(kind));
            }
            let word = word_before(text, m.start)?;
            // A region's governor: "حاكم تيلابيري" (not "والي": "وإلى", "and to", folds to it).
            if matches!(crate::cues::strip_proclitics(&word), "حاكم" | "حاكما") {
                return Some(Cue::Units(REGION));
            }
            // A prefect: "محافظ بيلما", "نائب محافظ أنسونغو" (a governor is "محافظ منطقة …").
            if matches!(crate::cues::strip_proclitics(&word), "محافظ" | "محافظا") {
                return OFFICERS.iter().find(|(o, _)| *o == "prefet").map(|&(_, kind)| Cue::Units(kind));
            }
            // A designator in apposition: "تيلابيري، وهي محافظة في غرب النيجر" (which is a governorate).
            if let Some(cue) = arabic_unit_in_apposition(designators, text, m.start, m.end) {
                return Some(cue);
            }
            let arabic_town = self
                .town_arabic
                .iter()
                .any(|w| word.strip_suffix(w.as_str()).is_some_and(|prefix| prefix.chars().count() <= 2));
            return arabic_town.then_some(Cue::Settlement);
        }
        let ends = |seq: &[&str]| words.len() >= seq.len() && words[words.len() - seq.len()..] == *seq;
        if TOWN_BEFORE.iter().any(|seq| ends(seq)) {
            return Some(Cue::Settlement);
        }
        // A designator in apposition: "Diffa, a region in the southeast", "Soum, une province du Nord".
        if let Some(kind) = unit_in_apposition(text, m.end) {
            return Some(Cue::Units(kind));
        }
        // "la région de Mopti et une partie de celle de Ségou": the pronoun stands for the designator
        // before it in the sentence.
        if let [.., pronoun, connector] = words {
            if matches!(pronoun.as_str(), "celle" | "celles" | "celui" | "ceux")
                && matches!(connector.as_str(), "de" | "du" | "d")
            {
                if let Some(kind) = unit_earlier_in_sentence(text, m.start) {
                    return Some(Cue::Units(kind));
                }
            }
        }
        // The officer of a unit: "gouverneur de Tillabéri", "haut-commissaire du Soum", "the Tillabéri
        // governor".
        let officer = |w: &str| OFFICERS.iter().find(|(o, _)| *o == w).map(|&(_, kind)| Cue::Units(kind));
        if let [.., officer_word, connector] = words {
            if matches!(connector.as_str(), "de" | "d" | "du" | "of") {
                if let Some(cue) = officer(officer_word) {
                    return Some(cue);
                }
            }
        }
        // After the name, English only ("the Tillabéri governor").
        if let Some(cue) =
            next.filter(|w| matches!(*w, "governor" | "commissioner" | "prefect")).and_then(officer)
        {
            return Some(cue);
        }
        if let Some(next) = next {
            if TOWN_AFTER.contains(&next) && !text[m.end..].trim_start().contains("town hall") {
                return Some(Cue::Settlement);
            }
        }
        if RIVER_BEFORE.iter().any(|seq| ends(seq)) {
            return Some(Cue::River);
        }
        words.last().is_some_and(|w| ARTICLES.contains(&w.as_str())).then_some(Cue::Article)
    }

    /// The country a nationality adjective next to the mention names ("Sahel burkinabè", "Malian
    /// Gourma", "الساحل البوركيني").
    /// `before` and `after` as for [`Self::cue`].
    fn nationality(&self, before: &[String], after: Option<&str>) -> Option<&'static str> {
        if let Some(word) = after {
            if let Some(&(_, code)) = NATIONALITIES_AFTER.iter().find(|(w, _)| *w == word) {
                return Some(code);
            }
            if let Some((_, code)) = self.nationalities_arabic.iter().find(|(w, _)| w == word) {
                return Some(code);
            }
        }
        let words = &before[before.len().saturating_sub(2)..];
        let last = words.last()?;
        let possessive = (words.len() == 2 && last == "s").then(|| format!("{} s", words[0]));
        let before = possessive.as_deref().unwrap_or(last);
        NATIONALITIES_BEFORE.iter().find(|(w, _)| *w == before).map(|&(_, code)| code)
    }
}

/// The unit a designator names when it follows the name after a comma, with or without an article:
/// ", a region", ", une province", ", département".
fn unit_in_apposition(text: &str, end: usize) -> Option<Kind> {
    let rest = text[end..].strip_prefix(", ")?;
    let mut words = rest.split([' ', '\'', '\u{2019}']).take(2).map(fold_word);
    let first = words.next()?;
    let word = if matches!(first.as_str(), "a" | "an" | "the" | "une" | "un" | "la" | "le" | "l") {
        words.next()?
    } else {
        first
    };
    crate::designator::latin_unit(word.trim_end_matches([',', '.', ';', ':']))
}

/// Prepositions and directions (folded) whose complement a "وهي" clause after it does not describe.
#[rustfmt::skip]
const ARABIC_COMPLEMENT_OF: &[&str] = &[
    "في", "من", "الي", "علي", "عن", "مع", "بين", "قرب", "نحو", "حتي", "داخل", "خارج", "شرق", "غرب",
    "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي", "وسط", "حول", "باتجاه", "اتجاه",
];

/// The unit the nearest Latin designator word before `start` in its sentence names ("la région de
/// Mopti et celle de …" → a region).
fn unit_earlier_in_sentence(text: &str, start: usize) -> Option<Kind> {
    let before = &text[..start];
    let sentence = before.rfind(['.', '!', '?', '\n']).map_or(before, |i| &before[i + 1..]);
    sentence
        .split(|c: char| !is_word_char(c))
        .rev()
        .filter(|w| !w.is_empty())
        .find_map(|w| crate::designator::latin_unit(&fold_word(w)))
}

/// Arabic nouns of settlements that say, in apposition, that a name is a town's: "بوني، وهي بلدة".
/// Folded.
const ARABIC_SETTLEMENTS: &[&str] = &["مدينه", "بلده", "قريه"];

/// What an Arabic noun after the name (from `m_start` to `end`) and a comma says it is, with or
/// without "وهي"/"هي"/"وهو"/"هو" ("which is") before it: a unit ("تيلابيري، وهي محافظة", "…، المنطقة الواقعة") or a settlement
/// ("…، وهي بلدة").
fn arabic_unit_in_apposition(
    designators: &Designators,
    text: &str,
    m_start: usize,
    end: usize,
) -> Option<Cue> {
    let rest = text[end..].trim_start_matches(' ');
    let rest = rest.strip_prefix('\u{060C}').or_else(|| rest.strip_prefix(','))?;
    let mut words =
        rest.split_whitespace().take(2).map(|w| fold_word(w.trim_end_matches(['\u{060C}', ',', '.', ':'])));
    let first = words.next()?;
    let word =
        if matches!(first.as_str(), "وهي" | "هي" | "وهو" | "هو") { words.next()? } else { first };
    // "Which is" may be said of the sentence's subject rather than of the name before it ("وتبعد ميناكا
    // 700 كيلومتر شرق تمبكتو، وهي منطقة": Ménaka is the region), and "المنطقة" is as often "the area"
    // ("تعود أصوله إلى فيلينجوي، المنطقة الشديدة الجفاف"): only a name that is no complement of a
    // preposition or a direction, and has no proclitic glued to it, is described.
    let glued = !text[..m_start].is_empty() && !text[..m_start].ends_with(char::is_whitespace);
    let before = word_before(text, m_start).unwrap_or_default();
    if glued || ARABIC_COMPLEMENT_OF.contains(&before.as_str()) {
        return None;
    }
    let bare = word.strip_prefix("ال").unwrap_or(&word);
    if ARABIC_SETTLEMENTS.contains(&bare) {
        return Some(Cue::Settlement);
    }
    designators.arabic_unit(&word).map(Cue::Units)
}

/// Context places looked at on each side of a mention in its sentence.
const NEARBY: usize = 8;

/// The score levels, compared in order: cue, nationality, same-sentence containment, same-sentence
/// region, document containment, document region, countries.
const LEVELS: usize = 7;

#[derive(Clone, Debug, Default)]
struct Score {
    levels: [usize; LEVELS],
    /// The first context entity that counted at each level.
    with: [Option<EntityIndex>; LEVELS],
}

/// What the words around a name say.
#[derive(Clone, Copy, Debug)]
enum Cue {
    /// A plural designator before or after the list it is in.
    Units(Kind),
    /// "la ville de", "the town of", "مدينة".
    Settlement,
    /// "le long du", "along the".
    River,
    /// In parentheses before a dash, as a dateline credits its agency ("الجزائر، 26 مارس (كونا) --"):
    /// an outlet.
    Outlet,
    /// A French definite article: not a town.
    Article,
}

/// Whether `start..end` is alone in parentheses followed by a dash, as a dateline's agency is:
/// "(كونا) –", "NIAMEY (AFP) -".
fn dateline_agency(text: &str, start: usize, end: usize) -> bool {
    let opened = text[..start].trim_end_matches([' ', '\u{00A0}']).ends_with('(');
    let after = text[end..].trim_start_matches([' ', '\u{00A0}']);
    opened
        && after
            .strip_prefix(')')
            .is_some_and(|rest| rest.trim_start_matches([' ', '\u{00A0}']).starts_with(['-', '–', '—', '‒']))
}

fn is_settlement(subtype: Option<&str>) -> bool {
    subtype.is_some_and(|s| SETTLEMENTS.contains(&s))
}

/// Where a same-name place goes among the added candidates; `None` for places that are never added.
fn namesake_order(gazetteer: &Gazetteer, e: EntityIndex) -> Option<usize> {
    let entity = gazetteer.entity(e);
    if entity.kind != EntityType::Place {
        return None;
    }
    NAMESAKE_ORDER.iter().position(|&s| Some(s) == entity.subtype.as_deref())
}

/// A mention's candidates, as the matcher gave them (`listed`), with the same-name places added, each
/// with the candidate it comes from; `bare`: its spelling carries a designator or head
/// ([`Designators::bare_name`]). The same for every mention of one spelling, entity and candidates.
struct Expansion {
    listed: Vec<EntityIndex>,
    candidates: Vec<(EntityIndex, EntityIndex)>,
    bare: bool,
}

/// The kind of unit an Arabic designator names when it comes right before the name's opening quote
/// or bracket ("محافظة \"غاو\"", "منطقة (ميناكا)": the region, the quotes keeping the designator out
/// of the mention).
pub(crate) fn quoted_after_designator(designators: &Designators, text: &str, start: usize) -> Option<Kind> {
    let quote =
        text[..start].chars().next_back().filter(|&c| crate::cues::is_opening_quote(c) || c == '(')?;
    let before = text[..start - quote.len_utf8()].trim_end_matches(' ');
    let word_start = before.char_indices().rev().take_while(|(_, c)| is_word_char(*c)).last()?.0;
    designators.arabic_unit(crate::cues::strip_proclitics(&fold_word(&before[word_start..])))
}

/// Whether an Arabic name at `start` follows a military or civil governor, its "ل" glued to it:
/// "الحاكم العسكري لتيلابيري" (the military governor of Tillabéri), "عُيّن حاكماً عسكرياً لتيلابيري"
/// (appointed military governor of Tillabéri): he runs the region.
fn military_governor(text: &str, start: usize) -> bool {
    let Some(glued) = text[..start].strip_suffix('\u{0644}') else { return false };
    if glued.ends_with(|c: char| is_word_char(c)) {
        return false;
    }
    let Some(adjective) = crate::fold::raw_word_before(text, glued.len()) else { return false };
    let before_adjective = glued.len() - 1 - adjective.len();
    matches!(fold_word(adjective).as_str(), "العسكري" | "المدني" | "عسكريا" | "مدنيا")
        && word_before(text, before_adjective)
            .is_some_and(|w| matches!(crate::cues::strip_proclitics(&w), "حاكم" | "الحاكم" | "حاكما"))
}

/// The places above `e` by `parent`, nearest first, countries left out.
fn ancestors(gazetteer: &Gazetteer, e: EntityIndex) -> Vec<EntityIndex> {
    let mut out = vec![];
    for index in gazetteer.parent_chain(e).skip(1) {
        let entity = gazetteer.entity(index);
        if out.len() >= 8 || out.contains(&index) || entity.subtype.as_deref() == Some("country") {
            break;
        }
        if entity.kind == EntityType::Place {
            out.push(index);
        }
    }
    out
}

/// The sentence around `start..end`: from after the previous sentence end (or line break) to the next,
/// at most [`SENTENCE_REACH`] bytes on each side (a text without full stops is read as windows).
fn sentence(text: &str, start: usize, end: usize) -> (usize, usize) {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n' | '؟' | '\u{2029}' | ';');
    let mut floor = start.saturating_sub(SENTENCE_REACH);
    while !text.is_char_boundary(floor) {
        floor -= 1;
    }
    let mut ceiling = (end + SENTENCE_REACH).min(text.len());
    while !text.is_char_boundary(ceiling) {
        ceiling += 1;
    }
    let s = text[floor..start].rfind(is_end).map_or(floor, |i| floor + i + 1);
    let e = text[end..ceiling].find(is_end).map_or(ceiling, |i| end + i);
    (s, e)
}

/// How far a sentence reaches on each side of a name, in bytes.
const SENTENCE_REACH: usize = 400;

/// Up to `n` words right before `start`, folded, in reading order, separated only by spaces or
/// apostrophes (a comma or a line break ends them): "la ville de", "l" (for "l'Oudalan").
fn words_before(text: &str, start: usize, n: usize) -> Vec<String> {
    let mut out = vec![];
    let mut pos = start;
    while out.len() < n {
        let rest = text[..pos].trim_end_matches([' ', '\u{00A0}', '\u{202F}', '\t']);
        let rest = rest.strip_suffix(APOSTROPHES).unwrap_or(rest);
        if rest.len() == pos {
            break;
        }
        let word_start = rest
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_word_char(*c))
            .last()
            .map_or(rest.len(), |(i, _)| i);
        if word_start == rest.len() {
            break;
        }
        out.push(fold_word(&rest[word_start..]));
        pos = word_start;
    }
    out.reverse();
    out
}

/// Whether a mention is context for ranking: a place not in doubt, as the matcher or a designator
/// linked it.
fn is_context(gazetteer: &Gazetteer, m: &Mention) -> bool {
    gazetteer.entity(m.entity).kind == EntityType::Place
        && !m.is_unconfirmed()
        && (m.designator || !m.is_ambiguous())
}

/// The document's countries: how many context places ([`is_context`]) lie in each, by country code.
/// Keyed by what the gazetteer holds, never by text: Fx-hashed.
pub(crate) fn country_votes<'g>(gazetteer: &'g Gazetteer, mentions: &[Mention]) -> FxHashMap<&'g str, usize> {
    let mut votes: FxHashMap<&str, usize> = FxHashMap::default();
    for m in mentions.iter().filter(|m| is_context(gazetteer, m)) {
        for code in countries(gazetteer, m.entity) {
            *votes.entry(code).or_default() += 1;
        }
    }
    votes
}

fn countries(gazetteer: &Gazetteer, e: EntityIndex) -> impl Iterator<Item = &str> {
    gazetteer.entity(e).country.as_deref().unwrap_or("").split_whitespace()
}

/// The variant of `entity` that the surface is a spelling of (its canonical name when the surface
/// only matched through a form the variant lists differently, e.g. after an elided Arabic article).
fn variant_index(gazetteer: &Gazetteer, entity: EntityIndex, surface: &str) -> u32 {
    let folded = fold(surface);
    // The gazetteer keeps each variant's folding: not folded again here.
    let variants = gazetteer.folded_variants(entity.0 as usize);
    let exact = variants.iter().position(|v| **v == *folded);
    let elided =
        || variants.iter().position(|v| v.strip_prefix(crate::arabic::ARTICLE) == Some(folded.as_str()));
    exact.or_else(elided).unwrap_or(0) as u32
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::{Entity, EntityType, GazetteerBuilder, Variant};
    use crate::Tagger;

    fn place(id: &str, name: &str, country: &str) -> Entity {
        let mut e = Entity::new(id, name, EntityType::Place);
        e.country = Some(country.into());
        e
    }

    fn tagger() -> Tagger {
        let mut b = GazetteerBuilder::new();
        b.add_entity(place("karma_ml", "Karma", "ML"));
        b.add_entity(place("karma_bf", "Karma", "BF"));
        b.add_entity(place("yatenga", "Yatenga", "BF"));
        b.add_entity(place("mopti", "Mopti", "ML"));
        let mut central = Entity::new("is", "Islamic State", EntityType::ArmedGroup);
        central.variants.push(Variant::new("État islamique"));
        b.add_entity(central);
        let mut sahel = Entity::new("is_sahel", "Islamic State Sahel Province", EntityType::ArmedGroup);
        sahel.variants.push(Variant::new("État islamique"));
        sahel.country = Some("ML NE BF".into());
        b.add_entity(sahel);
        Tagger::new(b.build().unwrap())
    }

    fn linked(tagger: &Tagger, text: &str, surface: &str) -> (String, Vec<String>) {
        let m = tagger.tag(text).into_iter().find(|m| m.surface(text) == surface).unwrap();
        let ids = m.candidates.iter().map(|&c| tagger.gazetteer().entity(c).id.clone()).collect();
        (tagger.entity(&m).id.clone(), ids)
    }

    #[test]
    fn the_documents_countries_choose_among_same_name_places() {
        let t = tagger();
        let (id, candidates) = linked(&t, "Attaque à Karma, dans la province du Yatenga.", "Karma");
        assert_eq!(id, "karma_bf");
        assert_eq!(candidates, ["karma_bf", "karma_ml"], "the other candidate stays, after");
        assert_eq!(linked(&t, "Karma, cercle proche de Mopti.", "Karma").0, "karma_ml");
        // Nothing points anywhere: the matcher's order.
        assert_eq!(linked(&t, "Karma.", "Karma").0, "karma_ml");
    }

    #[test]
    fn a_regional_branch_wins_in_a_regional_article() {
        let t = tagger();
        let text = "L'État islamique a attaqué près de Mopti.";
        assert_eq!(linked(&t, text, "État islamique").0, "is_sahel");
        let m = t.tag(text).into_iter().find(|m| m.surface(text) == "État islamique").unwrap();
        assert_eq!(t.variant(&m).text, "État islamique", "the variant follows the entity");
        assert_eq!(linked(&t, "L'État islamique a revendiqué.", "État islamique").0, "is");
    }
}
