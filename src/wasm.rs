//! The WebAssembly binding: a `Tagger` class for JavaScript, translating to and from the core.
//!
//! Offsets given to JavaScript are UTF-16 code units, so `text.slice(m.start, m.end)` is the surface.
//! Values cross the boundary as plain objects (serde-wasm-bindgen). The text is passed as `&str`:
//! wasm-bindgen encodes the JS string into linear memory once and the core works on that copy.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::gazetteer::{tsv, Entity, GazetteerBuilder, Stats, Tier};
use crate::offsets::OffsetCounter;
use crate::tagger::Tagger as CoreTagger;

/// A mention as JavaScript sees it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsMention<'a> {
    /// UTF-16 offsets into the tagged string.
    start: usize,
    end: usize,
    surface: &'a str,
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    subtype: Option<&'a str>,
    variant: &'a str,
    candidates: Vec<&'a str>,
    ambiguous: bool,
    possible: bool,
    case_sensitive: bool,
    tier: &'a str,
}

/// A source given to [`Tagger::from_sources`].
#[derive(serde::Deserialize)]
struct JsSource {
    name: String,
    text: String,
    #[serde(default)]
    tier: Option<String>,
}

fn serializer() -> serde_wasm_bindgen::Serializer {
    // Plain objects (not Maps) for maps; `null` for absent values is not needed: absent fields are skipped.
    serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true)
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serializer()).map_err(|e| JsError::new(&e.to_string()))
}

fn tier_name(tier: Tier) -> &'static str {
    match tier {
        Tier::User => "user",
        Tier::Curated => "curated",
        Tier::Extended => "extended",
    }
}

/// Tags Sahel conflict news text with a gazetteer.
#[wasm_bindgen]
pub struct Tagger {
    core: CoreTagger,
}

#[wasm_bindgen]
impl Tagger {
    /// A tagger over the embedded default gazetteer.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Tagger {
        Tagger { core: CoreTagger::default() }
    }

    /// Builds a tagger from gazetteer sources: `[{name, text, tier?}]`, where `text` is the project's
    /// TOML format, spaCy patterns JSONL or a generated TSV layer (detected from `name` and content),
    /// and `tier` is `"user"` (default), `"curated"` or `"extended"`. With `includeDefault` the
    /// embedded gazetteer is loaded first and the sources are merged over it.
    ///
    /// Throws an `Error` whose message lists every problem as `name:line: error: ...`.
    #[wasm_bindgen(js_name = fromSources)]
    pub fn from_sources(sources: JsValue, include_default: bool) -> Result<Tagger, JsError> {
        let sources: Vec<JsSource> = serde_wasm_bindgen::from_value(sources)
            .map_err(|e| JsError::new(&format!("sources must be an array of {{name, text, tier}}: {e}")))?;
        let mut builder =
            if include_default { GazetteerBuilder::with_embedded() } else { GazetteerBuilder::new() };
        for source in &sources {
            let tier = match source.tier.as_deref() {
                None | Some("user") => Tier::User,
                Some("curated") => Tier::Curated,
                Some("extended") => Tier::Extended,
                Some(other) => {
                    return Err(JsError::new(&format!(
                        "{}: unknown tier \"{other}\" (expected user, curated or extended)",
                        source.name
                    )))
                }
            };
            builder.add_auto(&source.name, &source.text, tier);
        }
        let gazetteer = builder.build().map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Tagger { core: CoreTagger::new(gazetteer) })
    }

    /// Checks one gazetteer source without building a tagger: an array of `{severity, source, line,
    /// message}` (errors and warnings), as the source would load over the default gazetteer.
    pub fn validate(name: &str, text: &str) -> Result<JsValue, JsError> {
        let mut builder = GazetteerBuilder::with_embedded();
        builder.add_auto(name, text, Tier::User);
        let diagnostics = match builder.build() {
            Ok(g) => g.diagnostics().iter().filter(|d| d.source == name).cloned().collect::<Vec<_>>(),
            Err(e) => e.diagnostics,
        };
        to_js(&diagnostics)
    }

    /// Every mention in `text`, sorted: `{start, end, surface, id, name, type, subtype, variant,
    /// candidates, ambiguous, possible, caseSensitive, tier}` with UTF-16 `start`/`end`.
    pub fn tag(&self, text: &str) -> Result<JsValue, JsError> {
        let mentions = self.core.tag(text);
        let gazetteer = self.core.gazetteer();
        let mut counter = OffsetCounter::new(text);
        let out: Vec<JsMention> = mentions
            .iter()
            .map(|m| {
                let entity = self.core.entity(m);
                let variant = self.core.variant(m);
                JsMention {
                    start: counter.position(m.start).utf16,
                    end: counter.position(m.end).utf16,
                    surface: m.surface(text),
                    id: &entity.id,
                    name: &entity.name,
                    kind: entity.kind.as_str(),
                    subtype: entity.subtype.as_deref(),
                    variant: &variant.text,
                    candidates: m.candidates.iter().map(|&c| gazetteer.entity(c).id.as_str()).collect(),
                    ambiguous: m.is_ambiguous(),
                    possible: m.possible,
                    case_sensitive: variant.case != crate::CaseMode::Insensitive,
                    tier: tier_name(entity.tier),
                }
            })
            .collect();
        to_js(&out)
    }

    /// Mentions as a flat `Uint32Array` of `[start, end, entityIndex, flags]` quadruples (UTF-16
    /// offsets; flags: 1 ambiguous, 2 possible, 4 case-sensitive), for callers that tag large pages
    /// and want no object per mention. `entityIndex` indexes [`Tagger::entities`].
    #[wasm_bindgen(js_name = tagSpans)]
    pub fn tag_spans(&self, text: &str) -> Vec<u32> {
        let mentions = self.core.tag(text);
        let mut counter = OffsetCounter::new(text);
        let mut out = Vec::with_capacity(mentions.len() * 4);
        for m in &mentions {
            let variant = self.core.variant(m);
            let flags = u32::from(m.is_ambiguous())
                | (u32::from(m.possible) << 1)
                | (u32::from(variant.case != crate::CaseMode::Insensitive) << 2);
            out.extend([
                counter.position(m.start).utf16 as u32,
                counter.position(m.end).utf16 as u32,
                m.entity.0,
                flags,
            ]);
        }
        out
    }

    /// Every entity with its metadata: `{id, name, type, subtype, variants: [{text, case, possible}],
    /// description, lineage, parent, country, lat, lon, geonames, wikidata, tier}`.
    pub fn entities(&self) -> Result<JsValue, JsError> {
        to_js(self.core.gazetteer().entities())
    }

    /// One entity by id, or `undefined`.
    pub fn entity(&self, id: &str) -> Result<JsValue, JsError> {
        match self.core.gazetteer().get(id) {
            Some(entity) => to_js::<Entity>(entity),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Counts: `{version, entities, variants, ambiguousVariants, patterns, byType: {type: {entities,
    /// variants, withArabic}}}`.
    pub fn stats(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct JsStats<'a> {
            version: &'a str,
            entities: usize,
            variants: usize,
            ambiguous_variants: usize,
            patterns: usize,
            by_type: std::collections::BTreeMap<&'a str, JsTypeStats>,
        }
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct JsTypeStats {
            entities: usize,
            variants: usize,
            with_arabic: usize,
        }
        let stats: Stats = self.core.gazetteer().stats();
        to_js(&JsStats {
            version: &stats.version,
            entities: stats.entities,
            variants: stats.variants,
            ambiguous_variants: stats.ambiguous_variants,
            patterns: self.core.pattern_count(),
            by_type: stats
                .by_type
                .iter()
                .map(|(k, t)| {
                    (
                        k.as_str(),
                        JsTypeStats {
                            entities: t.entities,
                            variants: t.variants,
                            with_arabic: t.with_arabic,
                        },
                    )
                })
                .collect(),
        })
    }

    /// The gazetteer as a generated-layer TSV text (for exporting a user's entries).
    #[wasm_bindgen(js_name = exportTsv)]
    pub fn export_tsv(&self, only_user: bool) -> String {
        let mut text = format!("{} 1\texported from sahel-tagger\n", tsv::HEADER_PREFIX);
        for entity in self.core.gazetteer().entities() {
            if !only_user || entity.tier == Tier::User {
                text.push_str(&tsv::format_entity(entity));
                text.push('\n');
            }
        }
        text
    }
}

impl Default for Tagger {
    fn default() -> Tagger {
        Tagger::new()
    }
}
