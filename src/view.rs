//! [`MentionView`]: a mention as every binding shows it, one serialisable record.
//!
//! Why a view apart from [`Mention`]: a `Mention` is what the tagger computes — byte offsets, indexes
//! into the gazetteer and the grammar, a [`Check`] with byte offsets in it — cheap to make and to
//! compare, but meaningless without the tagger and the text. Every binding (the CLI's JSON Lines, the
//! WebAssembly package's objects, the Python binding's dicts) needs the same self-contained record:
//! offsets in the caller's unit, the surface, the entity's id, name and facts, how it matched, and why
//! a doubtful name was kept. Before this module each binding wrote its own, and they drifted (field
//! names, which flags, how a check is told). Now the record is made here once; a binding picks the
//! offset unit ([`Offsets`]) and whether details are wanted, and only serialises it:
//!
//! - field names are snake_case (JSON Lines, Python); the wasm crate renames them to camelCase
//!   through serde, never by a field list of its own;
//! - the contract fields come first (`start`, `end`, `surface`, `id`, `name`, `type`), then the flags
//!   that are set (`unlisted`, `unconfirmed`), then the details, in the order the CLI has always
//!   written them; fields added later go after those, so that existing output stays byte for byte;
//! - every detail is an `Option` (or a flag) skipped when absent, so one struct serves the CLI's short
//!   form (without `--details`: `None`) and the full form; `admin1` and `admin2` are not entity
//!   fields but found along the parent chain ([`crate::admin`]).

use serde::{Deserialize, Serialize};

use crate::context::{Against, Check, Evidence};
use crate::gazetteer::{CaseMode, EntityIndex, EntityType, Tier};
use crate::offsets::{OffsetCounter, OffsetIndex, Position};
use crate::tagger::{MatchKind, Mention, Tagged, Tagger};
use crate::unlisted::Unlisted;

/// The unit of a view's offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Offsets {
    /// UTF-8 bytes (Rust's `&text[start..end]`).
    Bytes,
    /// Unicode scalar values (Python's `text[start:end]`; the CLI's contract).
    #[default]
    CodePoints,
    /// UTF-16 code units (JavaScript's `text.slice(start, end)`).
    Utf16,
}

/// One mention as the bindings show it. See the [module documentation](self) for why it exists.
///
/// Fields after `unconfirmed` are `None` (or `false`) unless details were asked for; with details,
/// a gazetteer mention has `match` to `case_sensitive`, `tier` and the entity's facts, and an unlisted
/// name has `cue`, `cue_kind` and `rule`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentionView {
    /// Start, in the unit asked for.
    pub start: usize,
    /// End (exclusive), in the unit asked for.
    pub end: usize,
    /// The text as written.
    pub surface: String,
    /// The entity's stable id; `None` (JSON `null`) for an unlisted name.
    pub id: Option<String>,
    /// The entity's canonical name; for an unlisted name, its surface.
    pub name: String,
    /// The entity's type; for an unlisted name, the type its cue gives.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// A name no list holds, proposed by its context ([`Unlisted`]).
    #[serde(default, skip_serializing_if = "is_false")]
    pub unlisted: bool,
    /// A doubtful name emitted without evidence (`Options::possible`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub unconfirmed: bool,
    /// How the text matched.
    #[serde(rename = "match", default, skip_serializing_if = "Option::is_none")]
    pub match_kind: Option<MatchKind>,
    /// The spelling that matched; for `tolerant`, the one approximated; for `grammar`, the grammar's
    /// phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// The entity's finer kind (town, village, jihadist coalition...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    /// Ids of every entity the spelling may refer to, the chosen one first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidates: Option<Vec<String>>,
    /// The spelling belongs to more than one entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambiguous: Option<bool>,
    /// The spelling is also an ordinary word or a common name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub possible: Option<bool>,
    /// The variant only matches in its own case (an acronym) or capitalized.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_sensitive: Option<bool>,
    /// For a doubtful name: why it was doubtful and what kept or dropped it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<CheckView>,
    /// For an unlisted name: the cue's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// For an unlisted name: the kind of cue (`plural designator`, `role`...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue_kind: Option<String>,
    /// For an unlisted name: how the cue proposed it (`after cue`, `in list`...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The tier the entity comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    /// The span was grown over a place designator ("province de Kossi") and linked to the unit.
    #[serde(default, skip_serializing_if = "is_false")]
    pub designator: bool,
    /// For an ambiguous spelling: what tells the candidates apart, in the order of `candidates`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidate_facts: Option<Vec<CandidateView>>,
    /// The entity's ISO 3166-1 alpha-2 country code(s), space-separated, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The name of the place's first-level administrative unit (region), from GeoNames' ADM1 rows
    /// ([`crate::admin`]), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// The name of the place's second-level administrative unit (cercle, province, department), from
    /// GeoNames' ADM2 rows ([`crate::admin`]), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin2: Option<String>,
    /// Latitude in decimal degrees, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude in decimal degrees, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// Why the document's context linked the name to this entity rather than another candidate or
    /// related place; absent when nothing in the text told them apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ReasonView>,
    /// Places that share the name without being listed under this spelling (the cercle and the
    /// region named after a town), ranked by context, with what tells them apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related: Option<Vec<CandidateView>>,
}

/// Why context linked a name to its entity ([`crate::Reason`]), in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonView {
    /// `designator`, `cue`, `nationality`, `admin_parent`, `region`, `country`, `surname` or `affiliate`.
    pub kind: String,
    /// One line for a reader ("admin parent: Province du Yatenga, same sentence").
    pub text: String,
    /// The id of the other place that decided, when one did (for `surname`: the person).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with: Option<String>,
}

/// One candidate of an ambiguous spelling, with the facts that tell it from the others.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateView {
    /// The entity's id.
    pub id: String,
    /// Its canonical name.
    pub name: String,
    /// Its country code(s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The id of the entity that contains it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The canonical name of the entity that contains it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_name: Option<String>,
    /// Its finer kind (town, cercle, region...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
}

/// A doubtful name's decision, in words: `doubt` (why it needed evidence), `verdict` (`kept`,
/// `unconfirmed`, `dropped`), `reason` (the evidence, or what spoke against it), the kind of `cue`, the
/// `words` that decided (a cue, another name) and the offset `at` of the mention it relies on, in the
/// view's unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckView {
    /// Why the name needed evidence (`common word`, `generated`...).
    pub doubt: String,
    /// `kept`, `unconfirmed` or `dropped`.
    pub verdict: String,
    /// The evidence (`cue`, `capital`...) or what spoke against it (`no evidence`...).
    pub reason: String,
    /// The kind of cue, where a cue decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// The words that decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<String>,
    /// Start of the other mention the decision relies on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<usize>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Makes the views of one text's mentions, in text order (offsets are counted forward, so calls must
/// come with non-decreasing starts to stay linear; earlier ones are still correct, only slower).
///
/// Bindings that build many views of the same facts (the wasm crate) use [`Viewer::span`] for the
/// offsets and [`Viewer::mention`] once per distinct kind of mention.
#[derive(Clone, Debug)]
pub struct Viewer<'a> {
    tagger: &'a Tagger,
    text: &'a str,
    offsets: Offsets,
    details: bool,
    counter: OffsetCounter<'a>,
    /// For the offsets a check refers to (another mention, often the first of a repeated name):
    /// counting them on `counter` would take it back and forth across the text. Made on first use.
    elsewhere: Option<OffsetIndex<'a>>,
}

impl<'a> Viewer<'a> {
    /// A viewer of `text`'s mentions, with offsets in `offsets` and, with `details`, every detail.
    pub fn new(tagger: &'a Tagger, text: &'a str, offsets: Offsets, details: bool) -> Viewer<'a> {
        Viewer { tagger, text, offsets, details, counter: OffsetCounter::new(text), elsewhere: None }
    }

    /// A byte span converted to the viewer's unit.
    pub fn span(&mut self, start: usize, end: usize) -> (usize, usize) {
        (self.at(start), self.at(end))
    }

    fn at(&mut self, byte: usize) -> usize {
        let position = self.counter.position(byte);
        self.unit(position)
    }

    /// An offset a check refers to, anywhere in the text, in the viewer's unit.
    fn at_elsewhere(&mut self, byte: usize) -> usize {
        if self.offsets == Offsets::Bytes {
            return byte;
        }
        let text = self.text;
        let position = self.elsewhere.get_or_insert_with(|| OffsetIndex::new(text)).position(byte);
        self.unit(position)
    }

    fn unit(&self, position: Position) -> usize {
        match self.offsets {
            Offsets::Bytes => position.byte,
            Offsets::CodePoints => position.char,
            Offsets::Utf16 => position.utf16,
        }
    }

    /// The view of a gazetteer mention.
    pub fn mention(&mut self, m: &Mention) -> MentionView {
        let (start, end) = self.span(m.start, m.end);
        let tagger = self.tagger;
        let gazetteer = tagger.gazetteer();
        let entity = tagger.entity(m);
        let mut view = MentionView {
            start,
            end,
            surface: m.surface(self.text).to_string(),
            id: Some(entity.id.clone()),
            name: entity.name.clone(),
            kind: entity.kind,
            unlisted: false,
            unconfirmed: m.is_unconfirmed(),
            ..MentionView::bare()
        };
        if self.details {
            let variant = tagger.variant(m);
            view.match_kind = Some(m.kind);
            view.variant = Some(variant.text.clone());
            view.subtype = entity.subtype.as_deref().map(str::to_string);
            view.candidates = Some(m.candidates.iter().map(|&c| gazetteer.entity(c).id.clone()).collect());
            view.ambiguous = Some(m.is_ambiguous());
            view.possible = Some(m.possible);
            view.case_sensitive = Some(variant.case != CaseMode::Insensitive);
            view.check = m.check.map(|c| self.check(c));
            view.tier = Some(entity.tier);
            view.designator = m.designator;
            let facts = |list: &[EntityIndex]| -> Vec<CandidateView> {
                list.iter()
                    .map(|&c| {
                        let e = gazetteer.entity(c);
                        CandidateView {
                            id: e.id.clone(),
                            name: e.name.clone(),
                            country: e.country.as_deref().map(str::to_string),
                            parent: e.parent.as_deref().map(str::to_string),
                            parent_name: e
                                .parent
                                .as_deref()
                                .and_then(|p| gazetteer.get(p))
                                .map(|p| p.name.clone()),
                            subtype: e.subtype.as_deref().map(str::to_string),
                        }
                    })
                    .collect()
            };
            view.candidate_facts = m.is_ambiguous().then(|| facts(&m.candidates));
            view.country = entity.country.as_deref().map(str::to_string);
            let admin = crate::admin::admin_of(gazetteer, m.entity);
            view.admin1 = admin.admin1.map(|u| u.name.to_string());
            view.admin2 = admin.admin2.map(|u| u.name.to_string());
            view.lat = entity.lat;
            view.lon = entity.lon;
            view.reason = m.reason.map(|r| ReasonView {
                kind: r.as_str().into(),
                text: r.describe(gazetteer),
                with: r.with().map(|w| gazetteer.entity(w).id.clone()),
            });
            view.related = (!m.related.is_empty()).then(|| facts(&m.related));
        }
        view
    }

    /// The view of a doubtful name that was not emitted: as [`Viewer::mention`], never flagged
    /// unconfirmed, its check's verdict `dropped`.
    pub fn dropped(&mut self, m: &Mention) -> MentionView {
        let mut view = self.mention(m);
        view.unconfirmed = false;
        if let Some(check) = &mut view.check {
            check.verdict = "dropped".into();
        }
        view
    }

    /// The view of a name no list holds.
    pub fn unlisted(&mut self, u: &Unlisted) -> MentionView {
        let (start, end) = self.span(u.start, u.end);
        let surface = u.surface(self.text).to_string();
        let mut view = MentionView {
            start,
            end,
            id: None,
            name: surface.clone(),
            surface,
            kind: u.kind,
            unlisted: true,
            ..MentionView::bare()
        };
        if self.details {
            view.cue = Some(self.text[u.cue_start..u.cue_end].to_string());
            view.cue_kind = Some(u.cue.as_str().to_string());
            view.rule = Some(u.rule.as_str().to_string());
        }
        view
    }

    /// A check in words, with offsets in the viewer's unit.
    pub fn check(&mut self, check: Check) -> CheckView {
        let text = self.text;
        let (verdict, reason, cue, words, at) = match check.verdict {
            Ok(evidence) => {
                let (cue, words, at) = match evidence {
                    Evidence::Cue { cue, start, end } => (Some(cue.as_str()), Some(&text[start..end]), None),
                    Evidence::Listed { with } | Evidence::Nearby { with } => {
                        (None, None, Some(self.at_elsewhere(with)))
                    }
                    Evidence::Repeated { at } | Evidence::NamedInFull { at } => {
                        (None, None, Some(self.at_elsewhere(at)))
                    }
                    Evidence::Capital | Evidence::Quoted => (None, None, None),
                };
                ("kept", evidence.as_str(), cue, words, at)
            }
            Err(against) => {
                let verdict = if against.is_definite() { "dropped" } else { "unconfirmed" };
                let (cue, words) = match against {
                    Against::OtherKind { cue, start, end } => (Some(cue.as_str()), Some(&text[start..end])),
                    Against::OtherName { start, end } | Against::CommonNoun { start, end } => {
                        (None, Some(&text[start..end]))
                    }
                    _ => (None, None),
                };
                (verdict, against.as_str(), cue, words, None)
            }
        };
        CheckView {
            doubt: check.doubt.as_str().into(),
            verdict: verdict.into(),
            reason: reason.into(),
            cue: cue.map(Into::into),
            words: words.map(Into::into),
            at,
        }
    }
}

impl MentionView {
    /// A view with every optional field empty (to fill with `..MentionView::bare()`).
    fn bare() -> MentionView {
        MentionView {
            start: 0,
            end: 0,
            surface: String::new(),
            id: None,
            name: String::new(),
            kind: EntityType::Place,
            unlisted: false,
            unconfirmed: false,
            match_kind: None,
            variant: None,
            subtype: None,
            candidates: None,
            ambiguous: None,
            possible: None,
            case_sensitive: None,
            check: None,
            cue: None,
            cue_kind: None,
            rule: None,
            tier: None,
            designator: false,
            candidate_facts: None,
            country: None,
            admin1: None,
            admin2: None,
            lat: None,
            lon: None,
            reason: None,
            related: None,
        }
    }
}

impl Tagger {
    /// The views of what [`Tagger::tag_with`] found: the mentions and the unlisted names, in text
    /// order, with offsets in `offsets` and every detail.
    ///
    /// ```
    /// use sahel_tagger::{Offsets, Options, Tagger};
    /// let tagger = Tagger::default();
    /// let text = "À Tombouctou, le JNIM…";
    /// let views = tagger.views(text, &tagger.tag_with(text, &Options::default()), Offsets::CodePoints);
    /// assert_eq!(views[0].id.as_deref(), Some("timbuktu"));
    /// assert_eq!((views[0].start, views[0].end), (2, 12));
    /// ```
    pub fn views(&self, text: &str, tagged: &Tagged, offsets: Offsets) -> Vec<MentionView> {
        self.views_with(text, tagged, offsets, true)
    }

    /// As [`Tagger::views`]; without `details`, only the contract fields and the flags.
    pub fn views_with(
        &self,
        text: &str,
        tagged: &Tagged,
        offsets: Offsets,
        details: bool,
    ) -> Vec<MentionView> {
        let mut viewer = Viewer::new(self, text, offsets, details);
        let mut views: Vec<MentionView> = tagged.mentions.iter().map(|m| viewer.mention(m)).collect();
        if !tagged.unlisted.is_empty() {
            // A fresh count: unlisted names lie between the mentions.
            let mut viewer = Viewer::new(self, text, offsets, details);
            views.extend(tagged.unlisted.iter().map(|u| viewer.unlisted(u)));
            views.sort_by_key(|v| v.start);
        }
        views
    }

    /// The views of the doubtful names that were not emitted ([`Tagged::dropped`]), each with its
    /// check (verdict `dropped`) when `details` is set.
    pub fn dropped_views(
        &self,
        text: &str,
        tagged: &Tagged,
        offsets: Offsets,
        details: bool,
    ) -> Vec<MentionView> {
        let mut viewer = Viewer::new(self, text, offsets, details);
        tagged.dropped.iter().map(|m| viewer.dropped(m)).collect()
    }
}
