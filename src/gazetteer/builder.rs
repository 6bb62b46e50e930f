//! [`GazetteerBuilder`]: collects entities from sources in any of the three formats ([`Format`],
//! detected from the name and content or given), merges the tiers (a user's entry replaces a curated
//! one with the same id, which replaces a GeoNames one) and builds a validated [`Gazetteer`].

use rustc_hash::FxHashMap;

use crate::fold::fold;

use super::embedded::embedded_precompiled;
use super::precompiled::{decode, encode, Precompiled};
use super::validate::{location, validate};
use super::{spacy, toml, tsv, Diagnostic, Entity, Gazetteer, LoadError, NeverRule, Origin, Severity, Tier};

/// Collects entities from sources and builds a validated [`Gazetteer`].
#[derive(Default)]
pub struct GazetteerBuilder {
    entities: Vec<(Entity, Origin)>,
    /// "Never tag this spelling" rules (`[[never]]` in TOML sources).
    rules: Vec<(NeverRule, Origin)>,
    diagnostics: Vec<Diagnostic>,
    sources: Vec<String>,
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// A builder that already holds the embedded default gazetteer (precompiled by `build.rs`: no
    /// TOML is parsed, no spelling folded).
    pub fn with_embedded() -> GazetteerBuilder {
        let mut builder = GazetteerBuilder::new();
        match embedded_precompiled() {
            Ok(precompiled) => builder.add_decoded(precompiled),
            // A broken build: its errors are reported by `build`.
            Err(error) => builder.diagnostics.extend(error.diagnostics),
        }
        builder
    }

    /// Adds the entities of a precompiled layer (see [`precompiled`](super::precompiled): what
    /// [`compile`](Self::compile) and `sahel-tagger gazetteer compile` write), all in `tier`.
    /// Diagnostics about its entities name the file and line each was compiled from (else `source`);
    /// bytes that are not a precompiled gazetteer are an error of `source`.
    pub fn add_precompiled(&mut self, source: &str, bytes: &[u8], tier: Tier) -> &mut Self {
        self.sources.push(source.to_string());
        match decode(bytes, true) {
            Ok(mut precompiled) => {
                let name: std::sync::Arc<str> = source.into();
                for (entity, origin) in &mut precompiled.entities {
                    entity.tier = tier;
                    if origin.source.is_empty() {
                        origin.source = name.clone();
                    }
                }
                // A diagnostic that names no source is about the layer itself.
                for d in &mut precompiled.diagnostics {
                    if d.source.is_empty() {
                        d.source = source.to_string();
                    }
                }
                precompiled.sources.clear();
                self.add_decoded(precompiled);
            }
            Err(message) => self.diagnostics.push(Diagnostic {
                severity: Severity::Error,
                source: source.into(),
                line: None,
                message,
            }),
        }
        self
    }

    /// Adds decoded entities, without their derived spellings: the build derives them again over
    /// everything it holds (another source may take a spelling).
    fn add_decoded(&mut self, precompiled: Precompiled) {
        self.sources.extend(precompiled.sources);
        self.diagnostics.extend(precompiled.diagnostics);
        self.entities.reserve(precompiled.entities.len());
        for (mut entity, mut origin) in precompiled.entities {
            if entity.variants.iter().any(|v| v.derived.is_some()) {
                let keep: Vec<bool> = entity.variants.iter().map(|v| v.derived.is_none()).collect();
                let mut k = keep.iter();
                entity.variants.retain(|_| *k.next().unwrap());
                let mut k = keep.iter();
                origin.folded.retain(|_| *k.next().unwrap());
                let mut k = keep.iter();
                origin.variant_lines.retain(|_| *k.next().unwrap());
            }
            self.entities.push((entity, origin));
        }
    }

    /// Adds the entities of one source written in `format`, in `tier`; its problems are reported
    /// when the gazetteer is built.
    pub fn add(&mut self, format: Format, source: &str, text: &str, tier: Tier) -> &mut Self {
        self.sources.push(source.to_string());
        let (entities, diagnostics) = match format {
            Format::Toml => {
                let (entities, rules, diagnostics) = toml::parse_file(source, text, tier);
                self.rules.extend(rules);
                (entities, diagnostics)
            }
            Format::Tsv => tsv::parse(source, text, tier),
            Format::SpacyJsonl => spacy::parse(source, text, tier),
        };
        self.entities.extend(entities);
        self.diagnostics.extend(diagnostics);
        self
    }

    /// Adds the entities of a gazetteer TOML file (the project's format; see `gazetteer/README.md`).
    pub fn add_toml(&mut self, source: &str, text: &str, tier: Tier) -> &mut Self {
        self.add(Format::Toml, source, text, tier)
    }

    /// Adds spaCy EntityRuler patterns (`{"label": ..., "pattern": "...", "id": ...}` per line).
    pub fn add_spacy_jsonl(&mut self, source: &str, text: &str, tier: Tier) -> &mut Self {
        self.add(Format::SpacyJsonl, source, text, tier)
    }

    /// Adds a generated tab-separated layer (see [`tsv`]).
    pub fn add_tsv(&mut self, source: &str, text: &str, tier: Tier) -> &mut Self {
        self.add(Format::Tsv, source, text, tier)
    }

    /// Adds a source, choosing the format from its name and content: `.toml`, `.tsv`, or spaCy
    /// patterns (`.jsonl` / a first line that starts with `{`).
    pub fn add_auto(&mut self, source: &str, text: &str, tier: Tier) -> &mut Self {
        self.add(Format::detect(source, text), source, text, tier)
    }

    /// Adds one entity built in code.
    pub fn add_entity(&mut self, entity: Entity) -> &mut Self {
        let origin = Origin {
            source: "api".into(),
            line: None,
            variant_lines: vec![None; entity.variants.len()],
            folded: vec![],
        };
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
        let (merged, never, diagnostics, sources) = self.merged()?;
        // Each variant folded once, here (or read folded from a precompiled source), for the Arabic
        // spellings and then for the matcher.
        let (mut entities, mut folded): (Vec<Entity>, Vec<Vec<Box<str>>>) = merged
            .into_iter()
            .map(|(entity, origin)| {
                let folded = if origin.folded.len() == entity.variants.len() {
                    origin.folded
                } else {
                    entity.variants.iter().map(|v| fold(&v.text).into_boxed_str()).collect()
                };
                (entity, folded)
            })
            .unzip();
        crate::arabic_spelling::expand_folded(&mut entities, &mut folded);
        Ok(Gazetteer::assemble(entities, folded, diagnostics, sources, never))
    }

    /// Checks everything added as [`build`](Self::build) does, then writes the entities of `tier`
    /// alone in the [`precompiled`](super::precompiled) format, with `label` as the one source name
    /// (the GeoNames layer's credit), each entity's file and line (so that diagnostics about it, once
    /// loaded with [`add_precompiled`](Self::add_precompiled), still name them) and each spelling
    /// folded; derived Arabic spellings are not written (the build that loads it derives them over
    /// everything it holds). What `sahel-tagger gazetteer compile` writes. Returns the bytes and the
    /// number of entities written.
    pub fn compile(self, tier: Tier, label: &str) -> Result<(Vec<u8>, usize), LoadError> {
        // Its "never" rules are not written: a compiled layer holds entities only.
        let (merged, _, _, _) = self.merged()?;
        let entities: Vec<(Entity, Origin)> = merged
            .into_iter()
            .filter(|(entity, _)| entity.tier == tier)
            .map(|(entity, mut origin)| {
                origin.folded = entity.variants.iter().map(|v| fold(&v.text).into_boxed_str()).collect();
                (entity, origin)
            })
            .collect();
        let count = entities.len();
        let bytes = encode(&Precompiled { sources: vec![label.to_string()], diagnostics: vec![], entities });
        Ok((bytes, count))
    }

    /// Merges the tiers and validates: the entities with where they were read, the "never" rules
    /// kept, the warnings, the source names; or the errors.
    #[allow(clippy::type_complexity)]
    fn merged(
        self,
    ) -> Result<(Vec<(Entity, Origin)>, Vec<NeverRule>, Vec<Diagnostic>, Vec<String>), LoadError> {
        let GazetteerBuilder { entities, rules, mut diagnostics, sources } = self;
        let merged = merge_tiers(entities, &mut diagnostics);
        validate(&merged, &mut diagnostics);
        let never = check_rules(rules, &merged, &mut diagnostics);
        diagnostics.sort_by_key(|d| d.severity);
        if diagnostics.iter().any(|d| d.severity == Severity::Error) {
            return Err(LoadError { diagnostics });
        }
        Ok((merged, never, diagnostics, sources))
    }
}

/// The "never" rules kept: one naming an entity no source defines is kept (the GeoNames layer may be
/// loaded another time) with a warning at its line; a rule given twice is kept once.
fn check_rules(
    rules: Vec<(NeverRule, Origin)>,
    entities: &[(Entity, Origin)],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<NeverRule> {
    if rules.is_empty() {
        return vec![];
    }
    let ids: std::collections::HashSet<&str> = entities.iter().map(|(e, _)| e.id.as_str()).collect();
    let mut seen = std::collections::HashSet::new();
    let mut kept = Vec::with_capacity(rules.len());
    for (rule, origin) in rules {
        if let Some(entity) = &rule.entity {
            if !ids.contains(entity.as_str()) {
                diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    source: origin.source.to_string(),
                    line: origin.line,
                    message: format!(
                        "never rule for {:?}: entity \"{entity}\" is in none of the gazetteers loaded; the rule has no effect here",
                        rule.text
                    ),
                });
            }
        }
        if seen.insert((crate::fold::fold(&rule.text), rule.entity.clone())) {
            kept.push(rule);
        }
    }
    kept
}

/// The formats a gazetteer source can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The project's TOML files (see `gazetteer/README.md`).
    Toml,
    /// The tab-separated layers generated from GeoNames or exported (see [`tsv`]).
    Tsv,
    /// spaCy EntityRuler patterns, one JSON object per line (see [`spacy`]).
    SpacyJsonl,
}

impl Format {
    /// The format of a source, from its name (`.toml`, `.tsv`, `.jsonl`/`.json`), else its content (a
    /// first line that starts with `{`, or the TSV header); TOML otherwise.
    pub fn detect(source: &str, text: &str) -> Format {
        detect_format(source, text)
    }
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
    // First which entity each id keeps (ids borrowed, not copied: a GeoNames layer has 38,000), at the
    // place of the id's first entity; then the entities moved there.
    let mut keeper: Vec<usize> = Vec::with_capacity(entities.len());
    {
        let mut index: FxHashMap<&str, usize> =
            FxHashMap::with_capacity_and_hasher(entities.len(), Default::default());
        for (k, (entity, origin)) in entities.iter().enumerate() {
            match index.get(entity.id.as_str()) {
                None => {
                    index.insert(&entity.id, keeper.len());
                    keeper.push(k);
                }
                Some(&at) => {
                    let (existing, existing_origin) = &entities[keeper[at]];
                    if existing.tier == entity.tier {
                        diagnostics.push(Diagnostic {
                            severity: Severity::Error,
                            source: origin.source.to_string(),
                            line: origin.line,
                            message: format!(
                                "duplicate id \"{}\" (first defined at {})",
                                entity.id,
                                location(existing_origin)
                            ),
                        });
                    } else if entity.tier < existing.tier {
                        keeper[at] = k;
                    }
                    // else: the entity already there has the higher tier and stays.
                }
            }
        }
    }
    let mut entities: Vec<Option<(Entity, Origin)>> = entities.into_iter().map(Some).collect();
    let mut merged: Vec<(Entity, Origin)> =
        keeper.iter().map(|&k| entities[k].take().expect("each entity is kept once")).collect();
    // Generated entities that a curated or user entity already covers (same GeoNames id).
    let claimed: rustc_hash::FxHashSet<u64> =
        merged.iter().filter(|(e, _)| e.tier < Tier::Geonames).filter_map(|(e, _)| e.geonames).collect();
    merged.retain(|(e, _)| !(e.tier == Tier::Geonames && e.geonames.is_some_and(|g| claimed.contains(&g))));
    merged
}
