//! Place designators: "région de Mopti", "province de Kossi", "department of Tillia", "Tillia County",
//! "منطقة والام". A small grammar run on the mentions the matcher found.
//!
//! The annotation guidelines put a designator that is part of a place's usual name inside the mention
//! and link the mention to the administrative unit, not to the town it is named after. The gazetteer
//! lists a few designator forms as variants ("Province du Soum"), but articles write many more ("province
//! de Soum", "region of Tahoua", "Thiou district", "مقاطعة سيغو", Arabic proclitics glued to the
//! designator: "بمنطقة والام"). Listing them all would multiply the variants by every designator and
//! connector, so instead a mention is checked, after matching, for a designator right next to it:
//!
//! * **before** it: a designator word (French, English or Arabic), then a connector — `de`, `du`,
//!   `des`, `de la`, `d'`, `de l'`, `of`, `of the` — or, in Arabic, nothing (construct state), the
//!   name then possibly carrying its article (`إقليم الأزواد`); Arabic proclitics (`و ف ب ل ك`) glued
//!   to the designator stay outside the mention, as they do for names;
//! * **after** it, in English only: "Tahoua region", "Tillia County".
//!
//! The mention then grows over the designator phrase and is re-linked to the administrative entity of
//! that name (see [`Designators`] for which one), or is left exactly as it was when the gazetteer has no
//! such entity: a designator never invents a unit ("Thiou district" stays the town of Thiou).
//!
//! Words such as `ville`, `village`, `town`, `مدينة`, `قرية` are not designators: the guidelines keep them
//! outside, and the town stays the town.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use std::sync::OnceLock;

use crate::fold::{fold, fold_with_origins, fold_word, is_word_char, Folded, PARAGRAPH};
use crate::gazetteer::{EntityIndex, EntityType, Gazetteer};
use crate::tagger::Mention;

/// Administrative subtypes, largest first: the order breaks ties when a loose designator ("district")
/// fits several units of the same name ("مقاطعة سيغو" is the region rather than the cercle).
const ADMIN_SUBTYPES: &[&str] =
    &["state", "region", "province", "prefecture", "department", "cercle", "district", "commune"];

/// Place subtypes that a designator may turn into an administrative unit: settlements and the units
/// themselves. Countries, rivers, camps and broad areas are left alone ("the Sahel region" is the
/// Sahel, not Burkina Faso's Sahel region).
const SETTLEMENT_SUBTYPES: &[&str] = &["town", "village", "city", "locality", "settlement"];

/// The units a designator next to a listed town names on its own when the gazetteer lacks it
/// ([`Designators::unlisted_units`]): the level it prefers first.
const UNLISTED_UNITS: &[&str] = &["department", "prefecture", "cercle", "province", "district"];

/// What a designator word says about the unit it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Kind {
    /// Subtypes it names, preferred first.
    prefers: &'static [&'static str],
    /// Journalists use it for any level ("district", "county", "دائرة", "مقاطعة", "منطقة"): any
    /// administrative subtype fits when none of the preferred ones does.
    loose: bool,
}

impl Kind {
    /// How well a place of `subtype` fits (lower is better), `None` when it does not.
    pub(crate) fn fit(self, subtype: Option<&str>) -> Option<usize> {
        let subtype = subtype?;
        match self.prefers.iter().position(|&p| p == subtype) {
            Some(i) => Some(i),
            None => (self.loose && ADMIN_SUBTYPES.contains(&subtype)).then_some(self.prefers.len()),
        }
    }
}

pub(crate) const REGION: Kind = Kind { prefers: &["region"], loose: false };
const PROVINCE: Kind = Kind { prefers: &["province"], loose: false };
const CERCLE: Kind = Kind { prefers: &["cercle"], loose: false };
const DEPARTMENT: Kind = Kind { prefers: &["department"], loose: false };
const COMMUNE: Kind = Kind { prefers: &["commune"], loose: false };
/// Niger's and Burkina Faso's departments are run by prefects, and Mali's cercles: "la préfecture de
/// Tillabéri" is the department, "la préfecture de Douentza" the cercle.
const PREFECTURE: Kind = Kind { prefers: &["prefecture", "department", "cercle"], loose: false };
/// "ولاية" is also how Arabic outlets translate Burkina Faso's provinces ("ولاية نامنتنغا").
const STATE: Kind = Kind { prefers: &["state", "region", "province"], loose: false };
const DISTRICT: Kind = Kind { prefers: &["district", "department", "cercle"], loose: true };
const COUNTY: Kind = Kind { prefers: &["department"], loose: true };

/// Latin-script designators, folded, that may come before a name with a connector.
const LATIN_BEFORE: &[(&str, Kind)] = &[
    ("region", REGION),
    ("province", PROVINCE),
    ("cercle", CERCLE),
    // English translates the cercle before its name too ("the circle of Niono").
    ("circle", CERCLE),
    ("departement", DEPARTMENT),
    ("department", DEPARTMENT),
    ("commune", COMMUNE),
    ("municipality", COMMUNE),
    ("prefecture", PREFECTURE),
    ("district", DISTRICT),
    ("circonscription", DISTRICT),
    ("county", COUNTY),
    ("state", STATE),
];

/// English designators that may follow a name ("Tahoua region"); `cercle` is written so in English too,
/// or translated "circle" ("Bankass circle").
const LATIN_AFTER: &[(&str, Kind)] = &[
    ("region", REGION),
    // English writes Niger's regions "provinces" too ("Tillaberi province"): any unit where no
    // province has the name.
    ("province", Kind { prefers: &["province"], loose: true }),
    ("cercle", CERCLE),
    ("circle", CERCLE),
    ("department", DEPARTMENT),
    ("commune", COMMUNE),
    ("municipality", COMMUNE),
    ("prefecture", PREFECTURE),
    ("district", DISTRICT),
    ("county", COUNTY),
    ("state", STATE),
];

/// The kind of unit a folded Latin designator word names ("region", "département", "circle").
pub(crate) fn latin_unit(word: &str) -> Option<Kind> {
    LATIN_BEFORE.iter().chain(LATIN_AFTER).find(|(w, _)| *w == word).map(|&(_, kind)| kind)
}

/// The officers who run a unit, folded, with the unit they run: "le gouverneur de Tillabéri" is the
/// region's governor, "le haut-commissaire du Soum" the province's, "le préfet de Bankass" the
/// department's (Niger, Burkina Faso) or the cercle's (Mali), "le député d'Ansongo" the cercle's (his
/// constituency); "the Tillabéri governor" likewise; and
/// their offices ("le gouvernorat de Diffa", "the governorate of Diffa").
pub(crate) const OFFICERS: &[(&str, Kind)] = &[
    ("gouverneur", REGION),
    ("gouverneure", REGION),
    ("governor", REGION),
    ("gouvernorat", REGION),
    ("governorate", REGION),
    ("commissaire", PROVINCE),
    ("commissioner", PROVINCE),
    ("prefet", Kind { prefers: &["department", "cercle"], loose: false }),
    ("prefect", Kind { prefers: &["department", "cercle"], loose: false }),
    // A member of parliament is elected by a cercle (Mali), a province (Burkina Faso) or a department.
    ("depute", Kind { prefers: &["cercle", "province", "department"], loose: false }),
];

/// Plural designators, folded: a list of names follows them ("les régions de Mopti et Ségou", "the
/// regions of Ménaka and Gao", "three regions (Dosso, Tillabéri and Diffa)") or, in English, comes
/// before them ("the Ménaka and Gao regions"). French `états` is left out (`États-Unis`).
const LATIN_PLURAL: &[(&str, Kind)] = &[
    ("regions", REGION),
    ("provinces", PROVINCE),
    ("cercles", CERCLE),
    ("circles", CERCLE),
    ("departements", DEPARTMENT),
    ("departments", DEPARTMENT),
    ("communes", COMMUNE),
    ("municipalities", COMMUNE),
    ("prefectures", PREFECTURE),
    ("districts", DISTRICT),
    ("counties", COUNTY),
    ("states", STATE),
];

/// Arabic plural designators, as written: a list of names follows them ("مناطق تيلابيري ودوسو"); and
/// the duals in the construct state, which name two ("ولايتي غاو وميناكا": the two states of Gao and
/// Ménaka; not "منطقتي", the two areas, as often two towns: "بين منطقتي كورو وباندياغارا").
const ARABIC_PLURAL: &[(&str, Kind)] = &[
    ("مناطق", Kind { prefers: &["region"], loose: true }),
    ("ولايات", STATE),
    ("ولايتي", STATE),
    ("إقليمي", Kind { prefers: &["region", "province"], loose: true }),
    ("محافظتي", Kind { prefers: &["province", "region"], loose: true }),
    ("أقاليم", Kind { prefers: &["region", "province"], loose: true }),
    ("مقاطعات", Kind { prefers: &["province", "department"], loose: true }),
    ("دوائر", Kind { prefers: &["cercle", "department"], loose: true }),
    ("محافظات", Kind { prefers: &["province", "region"], loose: true }),
    ("بلديات", COMMUNE),
];

/// Words that may join the items of a list of names, folded: "Mopti et Ségou", "Ménaka and Gao", "du
/// Soum et du Loroum", "of Mopti and of Ségou", "of Mopti as well as Koro", "تيلابيري ودوسو" (the `و`,
/// glued to the next name, is left before it).
const LIST_WORDS: &[&str] =
    &["et", "and", "de", "du", "des", "d", "of", "the", "ainsi", "que", "as", "well", "\u{0648}"];

/// Connectors between a designator and the name, in reading order, folded with apostrophes read as
/// spaces (`d'Agadez` → `d agadez`); longest first, for [`strip_designator`].
const CONNECTORS: &[&[&str]] =
    &[&["de", "la"], &["de", "l"], &["of", "the"], &["de"], &["du"], &["des"], &["d"], &["of"]];

/// Arabic designators as written; folded when the index is built.
const ARABIC: &[(&str, Kind)] = &[
    ("منطقة", Kind { prefers: &["region"], loose: true }),
    ("ولاية", STATE),
    ("إقليم", Kind { prefers: &["region", "province"], loose: true }),
    ("مقاطعة", Kind { prefers: &["province", "department"], loose: true }),
    ("دائرة", Kind { prefers: &["cercle", "department"], loose: true }),
    ("محافظة", Kind { prefers: &["province", "region"], loose: true }),
    ("بلدية", COMMUNE),
    ("عمالة", Kind { prefers: &["prefecture", "province"], loose: true }),
];

/// The apostrophes of elided words (`Région d'Agadez`, `l’Est`), as ranking reads them too.
pub(crate) const APOSTROPHES: &[char] = &['\'', '’', 'ʼ', '‘', '`', '´'];
const SPACES: &[char] = &[' ', '\u{00A0}', '\u{202F}', '\t'];

/// Words that may qualify a plural designator before the bracket, colon or comma opening its list
/// ("quatre régions du centre, Mopti…", "the regions of the north: Gao…").
const MAX_QUALIFIERS: usize = 3;

/// How a plural designator before a list is joined to its first name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opening {
    /// By a connector or nothing: "régions de Mopti", "مناطق تيلابيري".
    Joined,
    /// By a bracket or a colon: "three regions (Dosso…".
    Bracket,
    /// By a comma, which also ends clauses: a list must follow.
    Comma,
    /// Settlements "of" one name ("plusieurs localités de Niono", "villages of Tillia"): the name is
    /// the unit that holds them, when it is the only one ("les villages de Yirgou et de Sago" names
    /// villages).
    Holding,
}

/// Words between a plural designator's opening and its first item that introduce the items ("les
/// régions du nord, c'est-à-dire Gao…", "three regions: namely Dosso…"), in lower case.
const INTRODUCERS: &[&str] =
    &["c'est-à-dire", "c’est-à-dire", "à savoir", "notamment", "namely", "including"];

/// `text` without an [`INTRODUCER`](INTRODUCERS) that ends it as whole words.
fn strip_introducer(text: &str) -> Option<&str> {
    INTRODUCERS.iter().find_map(|w| {
        let start = text.len().checked_sub(w.len())?;
        let (rest, tail) = (text.get(..start)?, text.get(start..)?);
        let whole = !rest.ends_with(is_word_char) && tail.to_lowercase() == *w;
        whole.then_some(rest)
    })
}

/// Plural nouns for settlements, folded, that a connector joins to the unit holding them.
const SETTLEMENTS: &[&str] = &["localites", "villages", "hameaux", "localities", "hamlets"];

/// What holds settlements: any administrative unit, the largest first ("les villages de Tillabéri"
/// are the region's).
const HOLDING: Kind = Kind { prefers: ADMIN_SUBTYPES, loose: false };

/// The administrative units of a gazetteer, indexed by name, built once per tagger.
///
/// A mention of entity `E` next to a designator is linked to an administrative unit `A` (a place whose
/// subtype is in [`ADMIN_SUBTYPES`]) when they share a name — one of `E`'s listed spellings folds to one
/// of `A`'s, once the designator is taken off `A`'s (`Département de Tillia` → `tillia`) — or when `A`'s
/// id is `E`'s with a unit suffix (`douentza` / `douentza_cercle`: the town's spelling "Douenza" is not
/// one of the cercle's). `E` itself counts when it is a unit (`kossi`, a province).
#[derive(Clone, Debug)]
pub(crate) struct Designators {
    /// Folded base name → units of that name.
    by_name: FxHashMap<Box<str>, Vec<EntityIndex>>,
    /// Id stem (`tillia` for `tillia_department`) → units.
    by_stem: FxHashMap<Box<str>, Vec<EntityIndex>>,
    /// The Arabic designators, folded.
    arabic: Vec<(String, Kind)>,
    /// [`ARABIC_NATURAL`], folded.
    arabic_natural: Vec<String>,
}

impl Designators {
    /// Indexes the administrative units of `gazetteer`.
    pub fn new(gazetteer: &Gazetteer) -> Designators {
        let arabic: Vec<(String, Kind)> = ARABIC.iter().map(|&(w, k)| (fold(w), k)).collect();
        let mut by_name: FxHashMap<Box<str>, Vec<EntityIndex>> = FxHashMap::default();
        let mut by_stem: FxHashMap<Box<str>, Vec<EntityIndex>> = FxHashMap::default();
        for (i, entity) in gazetteer.entities().iter().enumerate() {
            if admin_subtype(entity).is_none() {
                continue;
            }
            let index = EntityIndex(i as u32);
            for (variant, stored) in entity.variants.iter().zip(gazetteer.folded_variants(i)) {
                let folded = spelling_folding(&variant.text, stored);
                let base = strip_designator(&folded, &arabic).unwrap_or(&folded);
                for key in keys(base) {
                    let units = by_name.entry(key.into()).or_default();
                    if !units.contains(&index) {
                        units.push(index);
                    }
                }
            }
            if let Some(stem) = id_stem(&entity.id) {
                by_stem.entry(stem.into()).or_default().push(index);
            }
        }
        let arabic_natural = ARABIC_NATURAL.iter().map(|w| fold(w)).collect();
        Designators { by_name, by_stem, arabic, arabic_natural }
    }

    /// The mentions that a plural designator names as a list, with the kind of unit it names: "les
    /// régions de Mopti et Ségou", "the regions of Ménaka and Gao", "three regions (Dosso, Tillabéri and
    /// Diffa)", "quatre régions du centre, Mopti, Ségou et Douentza", "the Ménaka and Gao regions",
    /// "Dargol et Bankilaré, deux départements", "مناطق تيلابيري ودوسو"; and the one name that
    /// settlements are "of", as the unit holding them ("plusieurs localités de Niono"). Items are place
    /// mentions joined by commas and list words ([`LIST_WORDS`]) on one line; the spans stay the names'.
    pub fn lists(&self, gazetteer: &Gazetteer, text: &str, mentions: &[Mention]) -> Vec<(usize, Kind)> {
        // Settlements and units only, as for a designator next to a name: "the states of the central
        // Sahel" lists no unit.
        let is_place = |m: &Mention| {
            let entity = gazetteer.entity(m.entity);
            let settlement = entity.subtype.as_deref().is_none_or(|s| SETTLEMENT_SUBTYPES.contains(&s));
            entity.kind == EntityType::Place
                && !m.designator
                && (settlement || admin_subtype(entity).is_some())
        };
        let mut out: Vec<(usize, Kind)> = vec![];
        let mut i = 0;
        while i < mentions.len() {
            let m = &mentions[i];
            let previous_end = if i == 0 { 0 } else { mentions[i - 1].end };
            // A plural designator before the name, or inside a mention that a tolerant match grew
            // over it ("régions de Tillabéri", one slip from "région de Tillabéri").
            let head = || {
                let surface = &text[m.start..m.end];
                let len = surface.find(|c: char| !is_word_char(c)).unwrap_or(surface.len());
                latin_plural(&fold(&surface[..len]))
            };
            let found = self
                .plural_before(text, m.start, previous_end)
                .or_else(|| head().map(|kind| (kind, Opening::Joined)))
                .or_else(|| self.plural_before_place(text, mentions, i));
            let Some((kind, opening)) = is_place(m).then_some(found).flatten() else {
                // "the Ménaka and Gao regions": a list ending in a plural designator.
                let mut j = i;
                while j + 1 < mentions.len()
                    && is_place(&mentions[j + 1])
                    && list_gap(text, mentions[j].end, mentions[j + 1].start)
                {
                    j += 1;
                }
                let next_start = mentions.get(j + 1).map_or(text.len(), |n| n.start);
                if let Some(kind) = is_place(m)
                    .then(|| {
                        plural_after(text, mentions[j].end, next_start)
                            .or_else(|| plural_in_apposition(text, mentions[j].end, next_start))
                    })
                    .flatten()
                {
                    if j > i {
                        out.extend((i..=j).map(|k| (k, kind)));
                    }
                }
                // Only list words lie between the names of the run: none of them is a list's head,
                // and a run starting inside this one ends where it does.
                i = j + 1;
                continue;
            };
            let mut j = i;
            while j + 1 < mentions.len()
                && is_place(&mentions[j + 1])
                && list_gap(text, mentions[j].end, mentions[j + 1].start)
            {
                j += 1;
            }
            // After a comma, a designator announces a list only if one follows ("quatre régions du
            // centre, Mopti, Ségou et Douentza"; not "dans les régions du nord, Gao est…").
            let fits = match opening {
                Opening::Comma => j > i,
                Opening::Holding => j == i,
                Opening::Joined | Opening::Bracket => true,
            };
            if fits {
                out.extend((i..=j).map(|k| (k, kind)));
            }
            i = j + 1;
        }
        out
    }

    /// A plural designator ending before a mention that starts at `start` (after `floor`), with its
    /// connector, or an opening bracket, colon or comma after at most [`MAX_QUALIFIERS`] words that
    /// qualify it: "régions de", "regions of the", "regions (", "quatre régions du centre,", "مناطق".
    fn plural_before(&self, text: &str, start: usize, floor: usize) -> Option<(Kind, Opening)> {
        let first = text[start..].chars().next()?;
        if crate::arabic::is_arabic_letter(first) {
            let mut pos = start;
            if let Some(rest) = text[..pos].strip_suffix("ال") {
                if !rest.ends_with(is_word_char) {
                    pos = rest.len();
                }
            }
            let spaced = text[..pos].trim_end_matches(SPACES);
            if spaced.len() == pos || spaced.len() < floor || text[..pos].ends_with(is_word_char) {
                return None;
            }
            let (word_start, word) = word_before(text, spaced.len())?;
            if word_start < floor {
                return None;
            }
            let suffixes = FoldedSuffixes::new(word);
            for (i, _) in word.char_indices() {
                let folded = suffixes.from(i);
                if let Some(&(_, kind)) = arabic_plurals().iter().find(|(w, _)| *w == folded) {
                    let prefix = crate::arabic::classify_prefix(&fold(&word[..i]));
                    let clitic =
                        matches!(prefix, Some(crate::arabic::Prefix::None | crate::arabic::Prefix::Clitic));
                    return clitic.then_some((kind, Opening::Joined));
                }
            }
            return None;
        }
        let mut pos = start;
        let mut connector: Vec<String> = vec![];
        let mut opening = Opening::Joined;
        if let Some(apostrophe) = text[..pos].chars().next_back().filter(|c| APOSTROPHES.contains(c)) {
            let (word_start, word) = word_before(text, pos - apostrophe.len_utf8())?;
            connector.push(fold(word));
            pos = word_start;
        } else {
            let mut spaced = text[..pos].trim_end_matches(SPACES);
            // "quatre régions, c'est-à-dire Gao…": the words that introduce the items say nothing.
            if let Some(rest) = strip_introducer(spaced) {
                spaced = rest.trim_end_matches(SPACES);
            }
            if let Some(rest) = spaced.strip_suffix(['(', ':']) {
                opening = Opening::Bracket;
                pos = rest.len();
            } else if let Some(rest) = spaced.strip_suffix(',') {
                opening = Opening::Comma;
                pos = rest.len();
            }
        }
        latin_plural_before(text, pos, floor, opening, connector, 0)
    }

    /// A plural designator before a list that a place's mention qualifies, the list opened by a colon
    /// or a bracket right after that mention: "dix départements de la région de Tillabéri : Ayorou,
    /// Ouallam…" (the units of the region, not the region). `i` is the list's first mention.
    fn plural_before_place(&self, text: &str, mentions: &[Mention], i: usize) -> Option<(Kind, Opening)> {
        let previous = mentions.get(i.checked_sub(1)?)?;
        if !matches!(text[previous.end..mentions[i].start].trim_matches(SPACES), ":" | "(") {
            return None;
        }
        let floor = if i >= 2 { mentions[i - 2].end } else { 0 };
        // The mention counts as one qualifier.
        latin_plural_before(text, previous.start, floor, Opening::Bracket, vec![], 1)
    }
}

/// The Latin-script plural designator ending before `pos` (after `floor`), reading back over the
/// `connector` words already read and, after an opening, up to [`MAX_QUALIFIERS`] words that qualify
/// it (`qualifiers` of them already read): see [`Designators::plural_before`].
fn latin_plural_before(
    text: &str,
    mut pos: usize,
    floor: usize,
    opening: Opening,
    mut connector: Vec<String>,
    mut qualifiers: usize,
) -> Option<(Kind, Opening)> {
    // Words between an opening and the designator qualify it ("régions du centre (").
    loop {
        let spaced = text[..pos].trim_end_matches(SPACES);
        let opened_here = opening != Opening::Joined && qualifiers == 0 && spaced.len() == pos;
        if (spaced.len() == pos && !opened_here) || spaced.len() <= floor {
            return None;
        }
        let (word_start, word) = word_before(text, spaced.len())?;
        if word_start < floor {
            return None;
        }
        let folded = fold(word);
        if opening == Opening::Joined && SETTLEMENTS.contains(&folded.as_str()) {
            let reading: Vec<&str> = connector.iter().rev().map(String::as_str).collect();
            return CONNECTORS.contains(&reading.as_slice()).then_some((HOLDING, Opening::Holding));
        }
        if let Some(kind) = latin_plural(&folded) {
            let reading: Vec<&str> = connector.iter().rev().map(String::as_str).collect();
            let joined =
                if opening == Opening::Joined { CONNECTORS.contains(&reading.as_slice()) } else { true };
            return joined.then_some((kind, opening));
        }
        if opening != Opening::Joined {
            qualifiers += 1;
            if qualifiers > MAX_QUALIFIERS || word.chars().count() > 15 {
                return None;
            }
        } else if connector.len() >= 2 || word.chars().count() > 3 {
            return None;
        }
        connector.push(folded);
        pos = word_start;
    }
}

impl Designators {
    /// The kind of unit a folded Arabic designator word names, with or without its article ("منطقه",
    /// "المحافظه").
    pub(crate) fn arabic_unit(&self, folded: &str) -> Option<Kind> {
        let word = folded.strip_prefix("ال").unwrap_or(folded);
        self.arabic.iter().find(|(w, _)| w == word).map(|&(_, kind)| kind)
    }

    /// The designator phrase next to `mentions[i]`, before it or else after it, and not over its
    /// neighbours: the span of the phrase with the name, and the kind of unit it names.
    fn next_to(&self, text: &str, mentions: &[Mention], i: usize) -> Option<(usize, usize, Kind)> {
        let m = &mentions[i];
        let previous_end = if i == 0 { 0 } else { mentions[i - 1].end };
        let next_start = mentions.get(i + 1).map_or(text.len(), |n| n.start);
        self.before(text, m.start)
            .filter(|&(start, _)| start >= previous_end)
            .map(|(start, kind)| (start, m.end, kind))
            .or_else(|| {
                self.after(text, m.end)
                    .filter(|&(end, _)| end <= next_start)
                    .map(|(end, kind)| (m.start, end, kind))
            })
    }

    /// Extends each mention over a designator next to it and re-links it to the unit it names, where
    /// the gazetteer has one. `mentions` are sorted and disjoint, and stay so.
    pub fn apply(&self, gazetteer: &Gazetteer, text: &str, mentions: &mut [Mention]) {
        for i in 0..mentions.len() {
            let Some((start, end, kind)) = self.next_to(text, mentions, i) else { continue };
            let m = &mentions[i];
            let Some(units) = self.units(gazetteer, m, kind) else { continue };
            let unit = units[0];
            let surface = fold_spelling(&text[start..end]);
            let spelled =
                gazetteer.entity(unit).variants.iter().position(|v| fold_spelling(&v.text) == surface);
            let variant = match spelled {
                Some(v) => v as u32,
                None if unit == m.entity => m.variant,
                None => 0,
            };
            let m = &mut mentions[i];
            m.start = start;
            m.end = end;
            m.entity = unit;
            m.variant = variant;
            m.candidates = units;
            // The designator says it is a place: the spelling is no longer a possible common word.
            m.possible = false;
            m.designator = true;
        }
    }

    /// The Latin unit phrases around listed settlements that name a unit the gazetteer does not list
    /// ("département de Thiou", "Bittou province", "Cercle de Markala", "district of Arbinda"), as
    /// byte ranges: the unit is a name no list holds, and the town alone is not what the text names.
    /// Only designators that name one level of unit (department, prefecture, cercle, province,
    /// district); a commune is written as its town ("la commune de Banibangou" → the town), a
    /// region is every town's.
    pub(crate) fn unlisted_units(
        &self,
        gazetteer: &Gazetteer,
        text: &str,
        mentions: &[Mention],
    ) -> Vec<(usize, usize)> {
        let mut out = vec![];
        for (i, m) in mentions.iter().enumerate() {
            let entity = gazetteer.entity(m.entity);
            let settlement = entity.subtype.as_deref().is_some_and(|s| SETTLEMENT_SUBTYPES.contains(&s));
            if m.designator
                || entity.kind != EntityType::Place
                || !settlement
                || !text[m.start..]
                    .starts_with(|c: char| c.is_alphabetic() && !crate::arabic::is_arabic_letter(c))
            {
                continue;
            }
            let Some((start, end, kind)) = self.next_to(text, mentions, i) else { continue };
            let one_level = kind.prefers.first().is_some_and(|p| UNLISTED_UNITS.contains(p));
            if one_level && self.units(gazetteer, m, kind).is_none() {
                out.push((start, end));
            }
        }
        out
    }

    /// The units a designator of `kind` next to `mention` names, best first; `None` when there is none.
    fn units(&self, gazetteer: &Gazetteer, mention: &Mention, kind: Kind) -> Option<Vec<EntityIndex>> {
        let mut related: Vec<EntityIndex> = vec![];
        let mut add = |units: &[EntityIndex]| {
            for &u in units {
                if !related.contains(&u) {
                    related.push(u);
                }
            }
        };
        for &c in &mention.candidates {
            let entity = gazetteer.entity(c);
            if entity.kind != EntityType::Place {
                continue;
            }
            let is_unit = admin_subtype(entity).is_some();
            let settlement = entity.subtype.as_deref().is_none_or(|s| SETTLEMENT_SUBTYPES.contains(&s));
            if !is_unit && !settlement {
                continue;
            }
            if is_unit {
                add(&[c]);
            }
            if let Some(units) = self.by_stem.get(entity.id.as_str()) {
                add(units);
            }
            let stored = gazetteer.folded_variants(c.0 as usize);
            for (variant, stored) in entity.variants.iter().zip(stored).filter(|(v, _)| v.derived.is_none()) {
                for key in keys(&spelling_folding(&variant.text, stored)) {
                    if let Some(units) = self.by_name.get(key) {
                        add(units);
                    }
                }
            }
        }
        let rank = |u: &EntityIndex| {
            let subtype = admin_subtype(gazetteer.entity(*u)).unwrap_or("");
            let preferred = kind.prefers.iter().position(|&p| p == subtype);
            let size = ADMIN_SUBTYPES.iter().position(|&s| s == subtype).unwrap_or(usize::MAX);
            (preferred.unwrap_or(usize::MAX), size)
        };
        related.retain(|u| kind.loose || rank(u).0 != usize::MAX);
        // Stable: among units of one subtype, the mention's own entity and candidates come first.
        related.sort_by_key(rank);
        (!related.is_empty()).then_some(related)
    }

    /// A designator phrase ending right before a mention that starts at `start`: where it starts.
    fn before(&self, text: &str, start: usize) -> Option<(usize, Kind)> {
        let first = text[start..].chars().next()?;
        if crate::arabic::is_arabic_letter(first) {
            return self.arabic_before(text, start);
        }
        let mut pos = start;
        // Connector words, nearest first.
        let mut connector: Vec<String> = vec![];
        if let Some(apostrophe) = text[..pos].chars().next_back().filter(|c| APOSTROPHES.contains(c)) {
            // d'Agadez, de l'Oudalan: the elided word is glued to the name.
            let (word_start, word) = word_before(text, pos - apostrophe.len_utf8())?;
            connector.push(fold(word));
            pos = word_start;
        }
        loop {
            let spaced = text[..pos].trim_end_matches(SPACES);
            if spaced.len() == pos {
                return None;
            }
            let (word_start, word) = word_before(text, spaced.len())?;
            let folded = fold(word);
            if let Some(&(_, kind)) = LATIN_BEFORE.iter().find(|(w, _)| *w == folded) {
                let reading: Vec<&str> = connector.iter().rev().map(String::as_str).collect();
                let joined = !text[..word_start].ends_with(|c: char| c == '-' || APOSTROPHES.contains(&c));
                return (joined && CONNECTORS.contains(&reading.as_slice())).then_some((word_start, kind));
            }
            if connector.len() >= 2 || word.chars().count() > 3 {
                return None;
            }
            connector.push(folded);
            pos = word_start;
        }
    }

    /// An Arabic designator before a name: `منطقة والام`, `بإقليم الأزواد` (the `ب` stays outside).
    fn arabic_before(&self, text: &str, start: usize) -> Option<(usize, Kind)> {
        let mut pos = start;
        // The name's own article, written but not part of the match (`الأزواد` matched as `أزواد`).
        if let Some(rest) = text[..pos].strip_suffix("ال") {
            if !rest.ends_with(is_word_char) {
                pos = rest.len();
            }
        }
        if text[..pos].ends_with(is_word_char) {
            // Proclitics before the name: "منطقة بوالام" is not a designator phrase.
            return None;
        }
        let spaced = text[..pos].trim_end_matches(SPACES);
        if spaced.len() == pos {
            return None;
        }
        let (word_start, word) = word_before(text, spaced.len())?;
        let suffixes = FoldedSuffixes::new(word);
        for (i, c) in word.char_indices() {
            // A designator starts at a letter, never at a mark that folding drops (a combining mark
            // glued to whatever comes before the word).
            if !crate::arabic::is_arabic_letter(c) {
                continue;
            }
            let folded = suffixes.from(i);
            if let Some(&(_, kind)) = self.arabic.iter().find(|(w, _)| *w == folded) {
                let prefix = crate::arabic::classify_prefix(&fold(&word[..i]));
                let clitic =
                    matches!(prefix, Some(crate::arabic::Prefix::None | crate::arabic::Prefix::Clitic));
                return clitic.then_some((word_start + i, kind));
            }
        }
        None
    }

    /// An English designator right after a mention that ends at `end`: where it ends.
    fn after(&self, text: &str, end: usize) -> Option<(usize, Kind)> {
        if !text[..end].chars().next_back().is_some_and(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        let spaced = text[end..].trim_start_matches(SPACES);
        if spaced.len() == text.len() - end {
            return None;
        }
        let word_start = text.len() - spaced.len();
        let word_len = spaced.find(|c: char| !is_word_char(c)).unwrap_or(spaced.len());
        let folded = fold(&spaced[..word_len]);
        let &(_, kind) = LATIN_AFTER.iter().find(|(w, _)| *w == folded)?;
        // "region-wide" is not a designator.
        if spaced[word_len..].starts_with('-') {
            return None;
        }
        Some((word_start + word_len, kind))
    }
}

/// Generic heads of named natural places and areas, folded, that a spelling may carry before the bare
/// name ("fleuve Niger", "lac Tchad", "pays du Macina", "River Niger") or after it ("Niger River").
const NATURAL_BEFORE: &[&str] = &["fleuve", "lac", "riviere", "pays", "river", "lake"];
const NATURAL_AFTER: &[&str] = &["river", "lake"];
const ARABIC_NATURAL: &[&str] = &["نهر", "بحيرة"];

impl Designators {
    /// The unit an Arabic designator phrase names when the gazetteer lists the unit under another
    /// designator only ("مقاطعة سوم" for the province listed as "إقليم سوم" and "منطقة سوم"): of the
    /// units with that bare name, the one the designator fits best; `None` when none fits or two fit
    /// equally well. With the unit, the index of its variant of the same bare name.
    pub fn unit_named(&self, gazetteer: &Gazetteer, spelling: &str) -> Option<(EntityIndex, u32)> {
        let folded = fold_spelling(spelling);
        let (first, name) = folded.split_once(' ')?;
        let &(_, kind) = self.arabic.iter().find(|(w, _)| w == first)?;
        let units = keys(name).find_map(|key| self.by_name.get(key))?;
        let mut fits: Vec<(usize, EntityIndex)> = units
            .iter()
            .filter_map(|&u| kind.fit(gazetteer.entity(u).subtype.as_deref()).map(|f| (f, u)))
            .collect();
        fits.sort();
        let unit = match fits.as_slice() {
            [(_, u)] => *u,
            [(a, u), (b, _), ..] if a < b => *u,
            _ => return None,
        };
        let variants = &gazetteer.entity(unit).variants;
        let same = variants.iter().position(|v| {
            let bare = fold_spelling(&v.text);
            strip_designator(&bare, &self.arabic).is_some_and(|b| keys(b).any(|k| keys(name).any(|n| n == k)))
        });
        Some((unit, same.unwrap_or(0) as u32))
    }

    /// The region of `country` whose bare name, folded, is `bare` ("Région de l'Est" is `est`), when
    /// there is exactly one.
    pub fn region_named(&self, gazetteer: &Gazetteer, bare: &str, country: &str) -> Option<EntityIndex> {
        let mut regions = self.by_name.get(bare)?.iter().copied().filter(|&u| {
            let e = gazetteer.entity(u);
            e.subtype.as_deref() == Some("region")
                && e.country.as_deref().is_some_and(|c| c.split_whitespace().any(|x| x == country))
        });
        let region = regions.next()?;
        regions.next().is_none().then_some(region)
    }

    /// The bare name inside a spelling of a unit or a named natural place, folded: "Région de Tillabéri"
    /// → `tillaberi`, "Tahoua region" → `tahoua`, "fleuve Niger" → `niger`, "pays du Macina" → `macina`,
    /// "منطقة سيغو" → `سيغو`; `None` when it carries no designator or head.
    pub fn bare_name(&self, spelling: &str) -> Option<String> {
        let folded = fold_spelling(spelling);
        if let Some(name) = strip_designator(&folded, &self.arabic) {
            return Some(name.to_string());
        }
        let (first, rest) = folded.split_once(' ')?;
        if NATURAL_BEFORE.contains(&first) {
            for connector in CONNECTORS {
                let mut name = Some(rest);
                for word in *connector {
                    name = name.and_then(|n| n.strip_prefix(word)).and_then(|n| n.strip_prefix(' '));
                }
                if let Some(name) = name.filter(|n| !n.is_empty()) {
                    return Some(name.to_string());
                }
            }
            return Some(rest.to_string());
        }
        if self.arabic_natural.iter().any(|w| w == first) {
            return Some(rest.to_string());
        }
        let (name, last) = folded.rsplit_once(' ')?;
        NATURAL_AFTER.contains(&last).then(|| name.to_string())
    }
}

/// The id of the place a unit is named after (`gao` for `gao_region`, `sahel` for `sahel_region_bf`).
pub(crate) fn unit_stem(id: &str) -> Option<&str> {
    id_stem(id)
}

/// Whether the text between two names joins them as items of one list: commas and list words only,
/// on one line ("Mopti et Ségou", "Dosso, Tillabéri and Diffa", "du Soum et du Loroum", "تيلابيري
/// ودوسو").
fn list_gap(text: &str, end: usize, next_start: usize) -> bool {
    let between = &text[end..next_start];
    if between.chars().count() > 16 || between.contains(['\n', '.', ';', ':', '(', ')', '!', '?']) {
        return false;
    }
    let mut words = 0;
    for word in between.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()) {
        if !LIST_WORDS.contains(&fold_word(word).as_str()) {
            return false;
        }
        words += 1;
    }
    words > 0 || between.contains([',', '،'])
}

/// A plural designator right after a list that ends at `end` ("Ménaka and Gao regions"), before the
/// next mention at `next_start`.
fn plural_after(text: &str, end: usize, next_start: usize) -> Option<Kind> {
    if !text[..end].chars().next_back().is_some_and(char::is_alphabetic) {
        return None;
    }
    let spaced = text[end..next_start].trim_start_matches(SPACES);
    if spaced.len() == next_start - end {
        return None;
    }
    let word_len = spaced.find(|c: char| !is_word_char(c)).unwrap_or(spaced.len());
    let folded = fold(&spaced[..word_len]);
    let kind = latin_plural(&folded)?;
    (!spaced[word_len..].starts_with('-')).then_some(kind)
}

/// A plural designator in apposition after a list that ends at `end`, before the next mention at
/// `next_start`: a comma, at most one word that counts or points ("deux", "both", "les"), then the
/// designator ("Dargol et Bankilaré, deux départements frontaliers"; "Tillia and Tassara, two
/// departments of").
fn plural_in_apposition(text: &str, end: usize, next_start: usize) -> Option<Kind> {
    const COUNTING: &[&str] =
        &["deux", "trois", "quatre", "cinq", "les", "ces", "two", "three", "four", "five", "both", "all"];
    let rest = text[end..next_start].trim_start_matches(SPACES).strip_prefix(',')?;
    let mut words = rest.trim_start_matches(SPACES).split(SPACES);
    let mut word = words.next()?;
    if COUNTING.contains(&fold_word(word).as_str()) {
        word = words.next()?;
    }
    let len = word.find(|c: char| !is_word_char(c)).unwrap_or(word.len());
    let folded = fold(&word[..len]);
    latin_plural(&folded)
}

/// The length in bytes of a Latin plural designator and its connector at the start of `surface`
/// ("cercles de Niono", "régions du Sahel"), which a tolerant match takes for a slip of the singular
/// ("Cercle de Niono"): the designator names a list there and is no part of the name.
pub(crate) fn plural_head_len(surface: &str) -> Option<usize> {
    let len = surface.find(|c: char| !is_word_char(c))?;
    latin_plural(&fold(&surface[..len]))?;
    let rest = &surface[len..];
    let gap = rest.len() - rest.trim_start().len();
    let connector = rest.trim_start();
    let word = connector.find(|c: char| !is_word_char(c)).unwrap_or(connector.len());
    if !matches!(fold(&connector[..word]).as_str(), "de" | "du" | "des" | "d" | "of") {
        return None;
    }
    let after = &connector[word..];
    let skip =
        after.len() - after.trim_start_matches(|c: char| c.is_whitespace() || APOSTROPHES.contains(&c)).len();
    let head = len + gap + word + skip;
    (head < surface.len()).then_some(head)
}

/// The kind of unit a folded Latin plural designator names ("regions", "départements"), if it is one.
pub(crate) fn latin_plural(folded: &str) -> Option<Kind> {
    LATIN_PLURAL.iter().find(|(w, _)| *w == folded).map(|&(_, kind)| kind)
}

/// [`ARABIC_PLURAL`] folded, once.
fn arabic_plurals() -> &'static [(String, Kind)] {
    static FOLDED: OnceLock<Vec<(String, Kind)>> = OnceLock::new();
    FOLDED.get_or_init(|| ARABIC_PLURAL.iter().map(|&(w, k)| (fold(w), k)).collect())
}

/// Whether a folded Arabic word is a plural (or dual) designator ("اقاليم", "مناطق"): a list of units
/// follows it, and no unit's name starts with it.
pub(crate) fn is_arabic_plural(folded: &str) -> bool {
    arabic_plurals().iter().any(|(w, _)| w == folded)
}

/// The administrative subtype of a place, if it is a unit.
fn admin_subtype(entity: &crate::gazetteer::Entity) -> Option<&str> {
    let subtype = entity.subtype.as_deref()?;
    (entity.kind == EntityType::Place && ADMIN_SUBTYPES.contains(&subtype)).then_some(subtype)
}

/// [`fold_spelling`] of a gazetteer spelling, taken from the folding the gazetteer keeps for it
/// (`stored`, the spelling folded as written), which is the same unless the spelling has an apostrophe.
fn spelling_folding<'a>(text: &str, stored: &'a str) -> Cow<'a, str> {
    if text.contains(APOSTROPHES) {
        Cow::Owned(fold_spelling(text))
    } else {
        Cow::Borrowed(stored)
    }
}

/// Folds a spelling with apostrophes read as spaces, so that an elided connector stays a word of its own
/// (`Région d'Agadez` → `region d agadez`, not `region dagadez`).
fn fold_spelling(text: &str) -> String {
    // Most spellings have no apostrophe: folded as they are, without a copy first.
    if text.contains(APOSTROPHES) {
        fold(&text.replace(APOSTROPHES, " "))
    } else {
        fold(text)
    }
}

/// The name inside a folded unit spelling that carries a designator (`region de segou` → `segou`,
/// `tillia department` → `tillia`, `منطقه سيغو` → `سيغو`), or `None` when it carries none.
fn strip_designator<'a>(folded: &'a str, arabic: &[(String, Kind)]) -> Option<&'a str> {
    let (first, rest) = folded.split_once(' ')?;
    if LATIN_BEFORE.iter().any(|(w, _)| *w == first) {
        for connector in CONNECTORS {
            let mut name = rest;
            for word in *connector {
                name = name.strip_prefix(word).and_then(|n| n.strip_prefix(' ')).unwrap_or("");
            }
            if !name.is_empty() {
                return Some(name);
            }
        }
        return None;
    }
    if arabic.iter().any(|(w, _)| w == first) {
        return Some(rest);
    }
    let (name, last) = folded.rsplit_once(' ')?;
    LATIN_AFTER.iter().any(|(w, _)| *w == last).then_some(name)
}

/// The lookup keys of a folded name: itself, and without its Arabic article (`الازواد`, `ازواد`).
fn keys(folded: &str) -> impl Iterator<Item = &str> {
    let bare = folded.strip_prefix(crate::arabic::ARTICLE).filter(|b| b.chars().count() >= 3);
    std::iter::once(folded).chain(bare)
}

/// The id of the place a unit is named after, by the gazetteer's convention (`tillia_department`,
/// `segou_region`, `sahel_region_bf`, `niamey_capital`).
fn id_stem(id: &str) -> Option<&str> {
    const SUFFIXES: &[&str] = &[
        "_region",
        "_province",
        "_cercle",
        "_department",
        "_commune",
        "_district",
        "_prefecture",
        "_capital",
    ];
    let id = match id.rsplit_once('_') {
        Some((rest, country)) if country.len() == 2 => rest,
        _ => id,
    };
    SUFFIXES.iter().find_map(|s| id.strip_suffix(s)).filter(|stem| !stem.is_empty())
}

/// The folded form of every suffix of a word, `fold(&word[i..])`, from one folding of the word:
/// folding works character by character, so the suffix from character `i` folds to the folded bytes
/// that come from `i` on (trimmed like `fold` trims). Folding each suffix again took time quadratic in
/// the word's length (3 s for a word of 20,000 letters before an Arabic name).
struct FoldedSuffixes {
    folded: Folded,
}

impl FoldedSuffixes {
    fn new(word: &str) -> FoldedSuffixes {
        let mut folded = Folded::default();
        fold_with_origins(word, &mut folded);
        FoldedSuffixes { folded }
    }

    /// `fold(&word[i..])`, for `i` a character boundary of the word.
    fn from(&self, i: usize) -> &str {
        let text = self.folded.as_str();
        // The first folded byte that comes from `i` or later (origins never decrease).
        let (mut low, mut high) = (0, text.len());
        while low < high {
            let mid = (low + high) / 2;
            if self.folded.origin(mid) < i {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        text[low..].trim_matches([' ', PARAGRAPH])
    }
}

/// The word (letters, digits, marks) that ends at `end`, with its start.
fn word_before(text: &str, end: usize) -> Option<(usize, &str)> {
    let start = text[..end].char_indices().rev().take_while(|(_, c)| is_word_char(*c)).last()?.0;
    Some((start, &text[start..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn designators() -> Designators {
        Designators::new(&Gazetteer::embedded())
    }

    #[test]
    fn an_arabic_designator_starts_at_a_letter_not_at_a_mark_before_it() {
        // Found by the property test: a combining mark glued to a non-word character before `مقاطعة`.
        let text = "\u{1ee21}\u{1e01b}مقاطعه تشروزيرين";
        let tagger = crate::Tagger::default();
        let mentions = tagger.tag(text);
        assert_eq!(mentions.len(), 1, "{mentions:?}");
        assert_eq!(mentions[0].start, text.find('م').unwrap());
        crate::invariants::mentions(&tagger, text, &mentions).unwrap();
    }

    #[test]
    fn unit_spellings_lose_their_designator() {
        let arabic = designators().arabic;
        let strip = |s: &str| strip_designator(&fold_spelling(s), &arabic).map(str::to_string);
        assert_eq!(strip("Région de Ségou").as_deref(), Some("segou"));
        assert_eq!(strip("Cercle d'Ansongo").as_deref(), Some("ansongo"));
        assert_eq!(strip("Province de la Kossi").as_deref(), Some("kossi"));
        assert_eq!(strip("Province de l'Oudalan").as_deref(), Some("oudalan"));
        assert_eq!(strip("district of Bamako").as_deref(), Some("bamako"));
        assert_eq!(strip("Tillia department").as_deref(), Some("tillia"));
        assert_eq!(strip("منطقة سيغو").as_deref(), Some("سيغو"));
        assert_eq!(strip("Kossi"), None);
        assert_eq!(strip("Communauté urbaine de Niamey"), None);
    }

    #[test]
    fn folded_suffixes_are_the_suffixes_folded() {
        let pieces = [
            "م", "ن", "ط", "ق", "ة", "و", "ب", "ال", "ـ", "\u{64E}", "\u{651}", "أ", "ﻻ", "ﷺ", "é", "E",
            "\u{301}", "Œ", "ß", "1", "٢", "\u{200D}",
        ];
        let mut next = crate::testing::picker(0x2545_F491_4F6C_DD1Du64);
        for _ in 0..2_000 {
            let word: String = (0..1 + next(12)).map(|_| pieces[next(pieces.len())]).collect();
            let suffixes = FoldedSuffixes::new(&word);
            for (i, _) in word.char_indices() {
                assert_eq!(suffixes.from(i), fold(&word[i..]), "{word:?} from {i}");
            }
        }
    }

    #[test]
    fn id_stems() {
        assert_eq!(id_stem("tillia_department"), Some("tillia"));
        assert_eq!(id_stem("sahel_region_bf"), Some("sahel"));
        assert_eq!(id_stem("douentza_cercle"), Some("douentza"));
        assert_eq!(id_stem("kossi"), None);
        assert_eq!(id_stem("_region"), None);
    }

    #[test]
    fn phrases_before_a_name() {
        let d = designators();
        let before = |text: &str, name: &str| {
            d.before(text, text.find(name).unwrap()).map(|(s, _)| text[s..].to_string())
        };
        assert_eq!(before("dans la province de Kossi", "Kossi"), Some("province de Kossi".to_string()));
        assert_eq!(before("la région d’Agadez", "Agadez"), Some("région d’Agadez".to_string()));
        assert_eq!(before("la province de l'Oudalan", "Oudalan"), Some("province de l'Oudalan".to_string()));
        assert_eq!(before("the region of the Sahel", "Sahel"), Some("region of the Sahel".to_string()));
        assert_eq!(before("بمنطقة والام", "والام"), Some("منطقة والام".to_string()));
        assert_eq!(before("في إقليم الأزواد", "أزواد"), Some("إقليم الأزواد".to_string()));
        // Not designators, or not right before the name.
        assert_eq!(before("la ville de Tahoua", "Tahoua"), None);
        assert_eq!(before("province Soum", "Soum"), None);
        assert_eq!(before("la région, selon eux, de Tahoua", "Tahoua"), None);
        assert_eq!(before("sous-préfecture de Say", "Say"), None);
        assert_eq!(before("مدينة تاهوا", "تاهوا"), None);
        assert_eq!(before("منطقة وتاهوا", "تاهوا"), None);
        assert_eq!(before("المنطقة تاهوا", "تاهوا"), None);
    }

    #[test]
    fn phrases_after_a_name() {
        let d = designators();
        let after = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            d.after(text, start + name.len()).map(|(e, _)| text[start..e].to_string())
        };
        assert_eq!(after("in Tillia County.", "Tillia"), Some("Tillia County".to_string()));
        assert_eq!(after("the Thiou district of", "Thiou"), Some("Thiou district".to_string()));
        assert_eq!(after("a Tahoua region-wide ban", "Tahoua"), None);
        assert_eq!(after("Tahoua town", "Tahoua"), None);
        assert_eq!(after("Tahoua\n\nRegion", "Tahoua"), None);
    }
}
