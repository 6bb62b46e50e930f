//! The gazetteer: the entities the tagger knows, each with every spelling a reader meets.
//!
//! A [`Gazetteer`] is built by a [`GazetteerBuilder`] from one or more sources, each in one of three
//! formats: the project's TOML files ([`toml`](self::toml), human-edited, embedded by default),
//! spaCy EntityRuler pattern lines ([`spacy`]), and the compact tab-separated layers that are generated
//! from GeoNames ([`tsv`]). Every source is given a [`Tier`]: a user's own entries override the curated
//! ones, which override generated ones. Building validates everything at once and reports problems as
//! [`Diagnostic`]s with file and line, so a user fixing a file sees all of its errors in one go.

mod embedded;
pub mod geonames;
pub mod spacy;
pub mod toml;
pub mod tsv;

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::fold::{fold, fold_case, CaseFold};

pub use embedded::{embedded_sources, EMBEDDED_VERSION};

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
    /// Generated layers (GeoNames villages): the curated tier wins over them.
    Extended,
}

/// An entity with its spellings and facts.
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
    pub subtype: Option<String>,
    /// Every spelling, the canonical name included.
    pub variants: Vec<Variant>,
    /// One-line description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// History with years ("merged into JNIM in 2017").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lineage: Option<String>,
    /// Id of the containing or parent entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// ISO 3166-1 alpha-2 country code(s), space-separated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
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

/// How serious a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The gazetteer cannot be used as written.
    Error,
    /// Allowed, but worth a look (a spelling shared by two entities).
    Warning,
}

/// A problem found while loading a gazetteer, located by source name and line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The source's name (file name, or a label such as `import`).
    pub source: String,
    /// 1-based line, where one is known.
    pub line: Option<usize>,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.line {
            Some(line) => write!(f, "{}:{}: {}: {}", self.source, line, severity, self.message),
            None => write!(f, "{}: {}: {}", self.source, severity, self.message),
        }
    }
}

/// A gazetteer that failed to build: every diagnostic found, errors first.
#[derive(Clone, Debug)]
pub struct LoadError {
    /// All diagnostics, errors first, then warnings.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors: Vec<_> = self.errors().collect();
        write!(f, "gazetteer has {} error{}", errors.len(), if errors.len() == 1 { "" } else { "s" })?;
        for error in errors.iter().take(20) {
            write!(f, "\n{error}")?;
        }
        if errors.len() > 20 {
            write!(f, "\n... and {} more", errors.len() - 20)?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Where an entity was read, for diagnostics that concern it after loading.
#[derive(Clone, Debug, Default)]
pub(crate) struct Origin {
    pub source: String,
    pub line: Option<usize>,
    /// Line of each variant, parallel to `Entity::variants`, where known.
    pub variant_lines: Vec<Option<usize>>,
}

/// Collects entities from sources and builds a validated [`Gazetteer`].
#[derive(Default)]
pub struct GazetteerBuilder {
    entities: Vec<(Entity, Origin)>,
    diagnostics: Vec<Diagnostic>,
    sources: Vec<String>,
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// A builder that already holds the embedded default gazetteer.
    pub fn with_embedded() -> GazetteerBuilder {
        let mut builder = GazetteerBuilder::new();
        for (name, text) in embedded_sources() {
            builder.add_toml(name, text, Tier::Curated);
        }
        builder
    }

    /// Adds the entities of a gazetteer TOML file (the project's format; see `gazetteer/README.md`).
    pub fn add_toml(&mut self, source: &str, text: &str, tier: Tier) -> &mut Self {
        self.sources.push(source.to_string());
        let (entities, diagnostics) = toml::parse(source, text, tier);
        self.entities.extend(entities);
        self.diagnostics.extend(diagnostics);
        self
    }

    /// Adds spaCy EntityRuler patterns (`{"label": ..., "pattern": "...", "id": ...}` per line).
    pub fn add_spacy_jsonl(&mut self, source: &str, text: &str, tier: Tier) -> &mut Self {
        self.sources.push(source.to_string());
        let (entities, diagnostics) = spacy::parse(source, text, tier);
        self.entities.extend(entities);
        self.diagnostics.extend(diagnostics);
        self
    }

    /// Adds a generated tab-separated layer (see [`tsv`]).
    pub fn add_tsv(&mut self, source: &str, text: &str, tier: Tier) -> &mut Self {
        self.sources.push(source.to_string());
        let (entities, diagnostics) = tsv::parse(source, text, tier);
        self.entities.extend(entities);
        self.diagnostics.extend(diagnostics);
        self
    }

    /// Adds a source, choosing the format from its name and content: `.toml`, `.tsv`, or spaCy
    /// patterns (`.jsonl` / a first line that starts with `{`).
    pub fn add_auto(&mut self, source: &str, text: &str, tier: Tier) -> &mut Self {
        match detect_format(source, text) {
            Format::Toml => self.add_toml(source, text, tier),
            Format::Tsv => self.add_tsv(source, text, tier),
            Format::SpacyJsonl => self.add_spacy_jsonl(source, text, tier),
        }
    }

    /// Adds one entity built in code.
    pub fn add_entity(&mut self, entity: Entity) -> &mut Self {
        let origin =
            Origin { source: "api".into(), line: None, variant_lines: vec![None; entity.variants.len()] };
        self.entities.push((entity, origin));
        self
    }

    /// Validates everything added and builds the gazetteer.
    ///
    /// Same id in two tiers: the higher tier's entity replaces the other (a user's entry overrides the
    /// curated one). Same id twice in one tier: error. A generated entity whose GeoNames id a curated
    /// entity already carries is dropped. Errors make the build fail; warnings are kept in
    /// [`Gazetteer::diagnostics`].
    pub fn build(self) -> Result<Gazetteer, LoadError> {
        self.build_with(true)
    }

    /// Builds without the per-entity validation: only for the embedded gazetteer, which the test suite
    /// validates (`gazetteer check`), so that starting a tagger does not redo that work every time.
    fn build_trusted(self) -> Result<Gazetteer, LoadError> {
        self.build_with(false)
    }

    fn build_with(self, validate_entities: bool) -> Result<Gazetteer, LoadError> {
        let GazetteerBuilder { entities, mut diagnostics, sources } = self;
        let merged = merge_tiers(entities, &mut diagnostics);
        if validate_entities {
            validate(&merged, &mut diagnostics);
        }
        diagnostics.sort_by_key(|d| d.severity);
        if diagnostics.iter().any(|d| d.severity == Severity::Error) {
            return Err(LoadError { diagnostics });
        }
        let mut entities: Vec<Entity> = merged.into_iter().map(|(e, _)| e).collect();
        crate::arabic_spelling::expand(&mut entities);
        let by_id = entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i as u32)).collect();
        Ok(Gazetteer { entities, by_id, diagnostics, sources })
    }
}

enum Format {
    Toml,
    Tsv,
    SpacyJsonl,
}

fn detect_format(source: &str, text: &str) -> Format {
    let lower = source.to_ascii_lowercase();
    if lower.ends_with(".toml") {
        return Format::Toml;
    }
    if lower.ends_with(".tsv") {
        return Format::Tsv;
    }
    if lower.ends_with(".jsonl") || lower.ends_with(".json") {
        return Format::SpacyJsonl;
    }
    let first = text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#'));
    match first {
        Some(line) if line.starts_with('{') => Format::SpacyJsonl,
        Some(line) if line.starts_with(tsv::HEADER_PREFIX) => Format::Tsv,
        _ => Format::Toml,
    }
}

fn merge_tiers(entities: Vec<(Entity, Origin)>, diagnostics: &mut Vec<Diagnostic>) -> Vec<(Entity, Origin)> {
    let mut merged: Vec<(Entity, Origin)> = Vec::with_capacity(entities.len());
    let mut index: HashMap<String, usize> = HashMap::with_capacity(entities.len());
    for (entity, origin) in entities {
        match index.get(&entity.id) {
            None => {
                index.insert(entity.id.clone(), merged.len());
                merged.push((entity, origin));
            }
            Some(&at) => {
                let (existing, existing_origin) = &merged[at];
                if existing.tier == entity.tier {
                    diagnostics.push(Diagnostic {
                        severity: Severity::Error,
                        source: origin.source.clone(),
                        line: origin.line,
                        message: format!(
                            "duplicate id \"{}\" (first defined at {})",
                            entity.id,
                            location(existing_origin)
                        ),
                    });
                } else if entity.tier < existing.tier {
                    merged[at] = (entity, origin);
                }
                // else: the entity already there has the higher tier and stays.
            }
        }
    }
    // Generated entities that a curated or user entity already covers (same GeoNames id).
    let claimed: std::collections::HashSet<u64> =
        merged.iter().filter(|(e, _)| e.tier < Tier::Extended).filter_map(|(e, _)| e.geonames).collect();
    merged.retain(|(e, _)| !(e.tier == Tier::Extended && e.geonames.is_some_and(|g| claimed.contains(&g))));
    merged
}

fn location(origin: &Origin) -> String {
    match origin.line {
        Some(line) => format!("{}:{}", origin.source, line),
        None => origin.source.clone(),
    }
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-' | b'.' | b':'))
}

fn validate(entities: &[(Entity, Origin)], diagnostics: &mut Vec<Diagnostic>) {
    let ids: std::collections::HashSet<&str> = entities.iter().map(|(e, _)| e.id.as_str()).collect();
    // folded variant -> first entity that has it
    let mut owners: HashMap<String, (usize, usize)> = HashMap::new();
    for (i, (entity, origin)) in entities.iter().enumerate() {
        let report = |diagnostics: &mut Vec<Diagnostic>, severity, line: Option<usize>, message: String| {
            diagnostics.push(Diagnostic { severity, source: origin.source.clone(), line, message })
        };
        let error = |diagnostics: &mut Vec<Diagnostic>, line, message| {
            report(diagnostics, Severity::Error, line, message)
        };
        if !is_valid_id(&entity.id) {
            error(
                diagnostics,
                origin.line,
                format!("id \"{}\" must be lowercase ascii letters, digits, '_', '-', '.' or ':'", entity.id),
            );
        }
        if entity.name.trim().is_empty() {
            error(diagnostics, origin.line, format!("entity \"{}\" has an empty name", entity.id));
        }
        if let Some(parent) = &entity.parent {
            if !ids.contains(parent.as_str()) {
                error(
                    diagnostics,
                    origin.line,
                    format!("entity \"{}\": parent \"{parent}\" names no entity", entity.id),
                );
            }
        }
        if let Some(lat) = entity.lat {
            if !(-90.0..=90.0).contains(&lat) {
                error(
                    diagnostics,
                    origin.line,
                    format!("entity \"{}\": latitude {lat} is out of range", entity.id),
                );
            }
        }
        if let Some(lon) = entity.lon {
            if !(-180.0..=180.0).contains(&lon) {
                error(
                    diagnostics,
                    origin.line,
                    format!("entity \"{}\": longitude {lon} is out of range", entity.id),
                );
            }
        }
        let mut seen: HashMap<(String, CaseMode), usize> = HashMap::new();
        for (v, variant) in entity.variants.iter().enumerate() {
            let line = origin.variant_lines.get(v).copied().flatten().or(origin.line);
            let folded = fold(&variant.text);
            if folded.is_empty() {
                error(
                    diagnostics,
                    line,
                    format!("entity \"{}\": variant {:?} is empty once folded", entity.id, variant.text),
                );
                continue;
            }
            let letters_and_digits = folded.chars().filter(|c| c.is_alphanumeric()).count();
            if letters_and_digits == 0 {
                error(
                    diagnostics,
                    line,
                    format!(
                        "entity \"{}\": variant {:?} has no letter or digit (it would match punctuation everywhere)",
                        entity.id, variant.text
                    ),
                );
                continue;
            }
            if letters_and_digits == 1 && variant.case != CaseMode::Exact {
                report(
                    diagnostics,
                    Severity::Warning,
                    line,
                    format!(
                        "entity \"{}\": one-letter variant {:?} matches that letter as a word everywhere, in any case; give it `case = \"exact\"` (or list it under `acronyms`) if it is really a name",
                        entity.id, variant.text
                    ),
                );
            }
            let key = variant_key(variant, &folded);
            if let Some(&first) = seen.get(&key) {
                let first_text = &entity.variants[first].text;
                error(
                    diagnostics,
                    line,
                    format!(
                        "entity \"{}\": variant \"{}\" is listed twice (same as \"{first_text}\" once folded)",
                        entity.id, variant.text
                    ),
                );
                continue;
            }
            seen.insert(key, v);
            if variant.case == CaseMode::Insensitive && looks_like_acronym(&variant.text) {
                report(
                    diagnostics,
                    Severity::Warning,
                    line,
                    format!(
                        "entity \"{}\": short all-caps variant \"{}\" matches in any case; list it under `acronyms` if it is also a word or syllable",
                        entity.id, variant.text
                    ),
                );
            }
            match owners.get(&folded) {
                Some(&(other, _)) if other != i => {
                    let other_entity = &entities[other].0;
                    if other_entity.tier == Tier::Extended && entity.tier == Tier::Extended {
                        continue; // Generated layers share names by the thousand; not worth a line each.
                    }
                    report(
                        diagnostics,
                        Severity::Warning,
                        line,
                        format!(
                            "variant \"{}\" of \"{}\" is also a variant of \"{}\" (ambiguous)",
                            variant.text, entity.id, other_entity.id
                        ),
                    );
                }
                Some(_) => {}
                None => {
                    owners.insert(folded, (i, v));
                }
            }
        }
    }
}

/// What makes two variants of one entity the same (one is an error): the folded text, with case
/// kept for exact-case variants. `folded` is `fold(&variant.text)`.
pub(crate) fn variant_key(variant: &Variant, folded: &str) -> (String, CaseMode) {
    let key = match variant.case {
        CaseMode::Exact => fold_case(&variant.text, CaseFold::Keep),
        _ => folded.to_string(),
    };
    (key, variant.case)
}

fn looks_like_acronym(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=3).contains(&letters.len())
        && letters.iter().all(|c| c.is_uppercase())
        && text.chars().all(|c| c.is_alphanumeric())
}

/// A validated set of entities.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_id: HashMap<String, u32>,
    diagnostics: Vec<Diagnostic>,
    sources: Vec<String>,
}

impl Gazetteer {
    /// The embedded default gazetteer (the curated tier in `gazetteer/*.toml`).
    ///
    /// # Panics
    /// Never in a released build: the embedded files are validated by the test suite.
    pub fn embedded() -> Gazetteer {
        Gazetteer::try_embedded().expect("the embedded gazetteer is valid")
    }

    /// The embedded default gazetteer, or the error of a broken build (for callers that must not
    /// panic, such as the WebAssembly constructor). Parse errors are reported; the per-entity
    /// validation that `gazetteer check` and the test suite run is not repeated here, which keeps
    /// start-up fast, so ambiguity warnings are not in [`Gazetteer::diagnostics`].
    pub fn try_embedded() -> Result<Gazetteer, LoadError> {
        GazetteerBuilder::with_embedded().build_trusted()
    }

    /// A builder, for loading files.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// All entities, in load order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity at `index` (as found in a [`crate::Mention`]).
    pub fn entity(&self, index: EntityIndex) -> &Entity {
        &self.entities[index.0 as usize]
    }

    /// Looks an entity up by id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i as usize])
    }

    /// Index of an entity by id.
    pub fn index_of(&self, id: &str) -> Option<EntityIndex> {
        self.by_id.get(id).map(|&i| EntityIndex(i))
    }

    /// Warnings found while building (ambiguous variants and the like).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Names of the sources it was built from.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Counts of entities and variants, overall and per type.
    pub fn stats(&self) -> Stats {
        let mut stats = Stats { version: EMBEDDED_VERSION.to_string(), ..Stats::default() };
        for entity in &self.entities {
            stats.entities += 1;
            stats.variants += entity.variants.len();
            let per = stats.by_type.entry(entity.kind.as_str().to_string()).or_default();
            per.entities += 1;
            per.variants += entity.variants.len();
            if entity.variants.iter().any(|v| v.text.chars().any(is_arabic_letter)) {
                per.with_arabic += 1;
            }
        }
        let mut owners: HashMap<String, (u32, bool)> = HashMap::new();
        for (i, entity) in self.entities.iter().enumerate() {
            for variant in &entity.variants {
                let owner = owners.entry(fold(&variant.text)).or_insert((i as u32, false));
                owner.1 |= owner.0 != i as u32;
            }
        }
        stats.ambiguous_variants = owners.values().filter(|(_, shared)| *shared).count();
        stats
    }
}

impl Default for Gazetteer {
    fn default() -> Gazetteer {
        Gazetteer::embedded()
    }
}

pub(crate) fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// Index of an entity inside its [`Gazetteer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityIndex(pub u32);

/// Entity and variant counts.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Stats {
    /// The embedded gazetteer's version.
    pub version: String,
    /// Number of entities.
    pub entities: usize,
    /// Number of variants (spellings), canonical names included.
    pub variants: usize,
    /// Variants shared by several entities.
    pub ambiguous_variants: usize,
    /// Per entity type.
    pub by_type: std::collections::BTreeMap<String, TypeStats>,
}

/// Counts for one entity type.
#[derive(Clone, Debug, Default, Serialize)]
pub struct TypeStats {
    /// Number of entities.
    pub entities: usize,
    /// Number of variants.
    pub variants: usize,
    /// Entities with at least one Arabic-script variant.
    pub with_arabic: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(text: &str) -> Result<Gazetteer, LoadError> {
        let mut b = GazetteerBuilder::new();
        b.add_toml("test.toml", text, Tier::Curated);
        b.build()
    }

    #[test]
    fn the_embedded_gazetteer_passes_full_validation() {
        let gazetteer = GazetteerBuilder::with_embedded().build().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(gazetteer.entities().len(), Gazetteer::embedded().entities().len());
    }

    #[test]
    fn duplicate_ids_and_variants_are_errors_with_lines() {
        let err = build(
            "[[entity]]\nid = \"gao\"\nname = \"Gao\"\ntype = \"place\"\nvariants = [\"GAO\"]\n\n[[entity]]\nid = \"gao\"\nname = \"Gao town\"\ntype = \"place\"\n",
        )
        .unwrap_err();
        let messages: Vec<String> = err.errors().map(|d| d.to_string()).collect();
        assert!(
            messages.iter().any(|m| m.starts_with("test.toml:5: error:") && m.contains("listed twice")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.starts_with("test.toml:7: error: duplicate id \"gao\"")),
            "{messages:?}"
        );
    }

    #[test]
    fn variants_without_a_letter_or_digit_are_errors_and_one_letter_variants_warnings() {
        let toml = "[[entity]]\nid = \"x\"\nname = \"X town\"\ntype = \"place\"\nvariants = [\n  \".\",\n  \"«\",\n  \"\\u0000\",\n  \" - \",\n  \"a\",\n  { text = \"B.\", case = \"capitalized\" },\n  { text = \"C\", case = \"exact\" },\n  \"5\",\n]\nacronyms = [\"Y\"]\n";
        let messages: Vec<String> =
            build(toml).unwrap_err().diagnostics.iter().map(|d| d.to_string()).collect();
        let expected = [
            "test.toml:6: error: entity \"x\": variant \".\" has no letter or digit",
            "test.toml:7: error: entity \"x\": variant \"«\" has no letter or digit",
            "test.toml:8: error: entity \"x\": variant \"\\0\" has no letter or digit",
            "test.toml:9: error: entity \"x\": variant \" - \" is empty once folded",
            "test.toml:10: warning: entity \"x\": one-letter variant \"a\"",
            "test.toml:11: warning: entity \"x\": one-letter variant \"B.\"",
            "test.toml:13: warning: entity \"x\": one-letter variant \"5\"",
        ];
        for e in expected {
            assert!(messages.iter().any(|m| m.starts_with(e)), "missing {e:?} in {messages:#?}");
        }
        assert_eq!(messages.len(), expected.len(), "{messages:#?}");
        // The same from the other loaders.
        let mut b = GazetteerBuilder::new();
        b.add_spacy_jsonl("p.jsonl", "{\"label\": \"GPE\", \"pattern\": \"Gao\"}\n{\"label\": \"GPE\", \"pattern\": \"«»\", \"id\": \"q\"}\n{\"label\": \"GPE\", \"pattern\": \"a\", \"id\": \"q\"}\n", Tier::User);
        b.add_tsv(
            "l.tsv",
            "#sahel-tagger-tsv 1\ttest\ngn:1\tKo\tplace\t\t\t\t\t\t\t\tKo|...|^b\n",
            Tier::Extended,
        );
        let messages: Vec<String> =
            b.build().unwrap_err().diagnostics.iter().map(|d| d.to_string()).collect();
        for e in [
            "p.jsonl:2: error: entity \"q\": variant \"«»\" has no letter or digit",
            "p.jsonl:3: warning: entity \"q\": one-letter variant \"a\"",
            "l.tsv:2: error: entity \"gn:1\": variant \"...\" has no letter or digit",
            "l.tsv:2: warning: entity \"gn:1\": one-letter variant \"b\"",
        ] {
            assert!(messages.iter().any(|m| m.starts_with(e)), "missing {e:?} in {messages:#?}");
        }
    }

    #[test]
    fn user_tier_overrides_curated() {
        let mut b = GazetteerBuilder::new();
        b.add_toml("a.toml", "[[entity]]\nid = \"gao\"\nname = \"Gao\"\ntype = \"place\"\n", Tier::Curated);
        b.add_toml(
            "b.toml",
            "[[entity]]\nid = \"gao\"\nname = \"Gao (user)\"\ntype = \"place\"\n",
            Tier::User,
        );
        let g = b.build().unwrap();
        assert_eq!(g.entities().len(), 1);
        assert_eq!(g.get("gao").unwrap().name, "Gao (user)");
    }

    #[test]
    fn shared_variants_are_warnings() {
        let g = build(
            "[[entity]]\nid = \"niger\"\nname = \"Niger\"\ntype = \"place\"\n\n[[entity]]\nid = \"niger_river\"\nname = \"Niger River\"\ntype = \"place\"\nvariants = [\"Niger\"]\n",
        )
        .unwrap();
        assert_eq!(g.stats().ambiguous_variants, 1);
        assert!(g.diagnostics()[0].to_string().starts_with("test.toml:10: warning:"));
    }
}
