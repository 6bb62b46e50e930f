//! The entity model: [`Entity`] with its [`Variant`]s, its [`EntityType`] and the [`Tier`] it comes
//! from. Plain data with serde: the loaders make it, the builder merges and validates it.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// The kind of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// Non-state armed groups: jihadist groups, rebel movements, militias.
    ArmedGroup,
    /// State and international forces: armies, gendarmeries, missions, private military companies.
    Force,
    /// Countries, regions, towns, villages, camps, rivers.
    Place,
    /// People.
    Person,
    /// News outlets and propaganda channels.
    Media,
    /// Other organizations: regional bodies, NGOs, juntas.
    Organization,
}

impl EntityType {
    /// Every type, in display order.
    pub const ALL: [EntityType; 6] = [
        EntityType::ArmedGroup,
        EntityType::Force,
        EntityType::Place,
        EntityType::Person,
        EntityType::Media,
        EntityType::Organization,
    ];

    /// The type's name as written in gazetteer files and JSON (`armed_group`, `place`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::ArmedGroup => "armed_group",
            EntityType::Force => "force",
            EntityType::Place => "place",
            EntityType::Person => "person",
            EntityType::Media => "media",
            EntityType::Organization => "organization",
        }
    }

    /// Parses a type name as written in gazetteer files.
    pub fn parse(name: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the case of a variant must match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseMode {
    /// Any case (`Kidal`, `KIDAL`, `kidal`).
    #[default]
    Insensitive,
    /// Exactly the variant's case (acronyms that are also syllables: `EI`, `CMA`).
    Exact,
    /// The first letter must not be lower case (`Boni`, `BONI`, but not `boni`).
    Capitalized,
}

impl CaseMode {
    /// Parses `insensitive`, `exact` or `capitalized`.
    pub fn parse(name: &str) -> Option<CaseMode> {
        match name {
            "insensitive" => Some(CaseMode::Insensitive),
            "exact" => Some(CaseMode::Exact),
            "capitalized" | "capitalised" => Some(CaseMode::Capitalized),
            _ => None,
        }
    }
}

/// One spelling of an entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    /// The spelling as written in the gazetteer.
    pub text: String,
    /// How its case must match.
    #[serde(default, skip_serializing_if = "is_default_case")]
    pub case: CaseMode,
    /// The spelling is also an ordinary word or a common personal name: mentions are flagged possible.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub possible: bool,
    /// Set on a spelling the gazetteer generated from a listed one (see [`crate::arabic_spelling`]):
    /// where it comes from and by which rule. `None` for every listed spelling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<Box<crate::arabic_spelling::Derivation>>,
}

fn is_default_case(case: &CaseMode) -> bool {
    *case == CaseMode::Insensitive
}

impl Variant {
    /// A case-insensitive, certain variant.
    pub fn new(text: impl Into<String>) -> Variant {
        Variant { text: text.into(), case: CaseMode::Insensitive, possible: false, derived: None }
    }

    /// An exact-case variant (an acronym).
    pub fn exact(text: impl Into<String>) -> Variant {
        Variant { text: text.into(), case: CaseMode::Exact, possible: false, derived: None }
    }
}

/// Where an entity comes from; decides which entity wins when two share an id or a spelling.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// A user's own entries (page import, CLI `--gazetteer`): they override everything else.
    User,
    /// The hand-written gazetteer embedded in the library.
    #[default]
    Curated,
    /// The GeoNames layer (villages and administrative units generated from the GeoNames dumps, see
    /// [`geonames`](super::geonames)), and other generated layers: the curated tier wins over them.
    /// Written `geonames`; `extended`, its former name, is still read.
    #[serde(alias = "extended")]
    Geonames,
}

impl Tier {
    /// Every tier, from the one that wins.
    pub const ALL: [Tier; 3] = [Tier::User, Tier::Curated, Tier::Geonames];

    /// The tier's name as written in JSON and given to the bindings: `user`, `curated`, `geonames`.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::User => "user",
            Tier::Curated => "curated",
            Tier::Geonames => "geonames",
        }
    }

    /// Parses a tier name; `extended`, the GeoNames tier's former name, is accepted.
    pub fn parse(name: &str) -> Option<Tier> {
        match name {
            "extended" => Some(Tier::Geonames),
            _ => Tier::ALL.into_iter().find(|t| t.as_str() == name),
        }
    }
}

/// An entity with its spellings and facts.
///
/// The facts many entities share (a subtype, a parent, a country, a generated description: a GeoNames
/// layer has 38,000 villages in a few hundred districts) are shared strings, one allocation each
/// however many entities name them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable identifier (`jnim`, `tombouctou`, `gn:2449067`).
    pub id: String,
    /// Canonical name shown to users.
    pub name: String,
    /// Kind of entity.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Finer kind: country, region, town, village, camp, jihadist coalition, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<Arc<str>>,
    /// Every spelling, the canonical name included.
    pub variants: Vec<Variant>,
    /// One-line description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Arc<str>>,
    /// History with years ("merged into JNIM in 2017").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lineage: Option<String>,
    /// Id of the containing or parent entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Arc<str>>,
    /// ISO 3166-1 alpha-2 country code(s), space-separated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Arc<str>>,
    /// Latitude in decimal degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude in decimal degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// GeoNames id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames: Option<u64>,
    /// Wikidata id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// Which tier it comes from.
    #[serde(default)]
    pub tier: Tier,
}

impl Entity {
    /// A bare entity with its canonical name as its only variant.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: EntityType) -> Entity {
        let name = name.into();
        Entity {
            id: id.into(),
            variants: vec![Variant::new(name.clone())],
            name,
            kind,
            subtype: None,
            description: None,
            lineage: None,
            parent: None,
            country: None,
            lat: None,
            lon: None,
            geonames: None,
            wikidata: None,
            tier: Tier::Curated,
        }
    }
}

/// A user's rule "never tag this spelling": a `[[never]]` table of a TOML source (see
/// `gazetteer/README.md`). The tagger drops every mention whose text folds like `text` (see
/// [`crate::fold`]) — only those linked to `entity` when one is given — and, without `entity`, every
/// unlisted name spelled so. Made by a reviewer's "never tag this spelling" in the page or the
/// bookmarklet, exported as a rules file and loaded by the CLI with `-g`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeverRule {
    /// The spelling as written in the rule.
    pub text: String,
    /// Only mentions linked to this entity id are dropped; `None`: every mention so spelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Which tier it comes from.
    #[serde(default)]
    pub tier: Tier,
}

/// Index of an entity inside its [`Gazetteer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityIndex(pub u32);
