//! The WebAssembly binding: a `Tagger` class for JavaScript, translating to and from the core.
//!
//! A crate of its own (the core has no wasm-bindgen in it); `make wasm` (`wasm-pack build --target
//! web`) turns it into an ES module with TypeScript types (the interfaces below are written into the
//! `.d.ts`) and this crate's README as the npm package's.
//!
//! - Offsets given to JavaScript are UTF-16 code units, so `text.slice(m.start, m.end)` is the surface.
//! - The text is passed as `&str`: the glue encodes the JS string into linear memory once, and the core
//!   works on that one copy (texts over a megabyte are folded window by window, so memory stays
//!   proportional to the text, not five times it).
//! - Two forms of results. [`Tagger::tag`] returns plain JS objects: the core's
//!   [`MentionView`] with camelCase names (serde, see `JsMentionView`), sharing the work between
//!   mentions of the same variant (see `MentionBuilder`). [`Tagger::tag_packed`] returns typed arrays
//!   (spans, entity indexes into `entities()`, flags, variant indexes, candidates), the form the page's
//!   worker and the bookmarklet use: no object per mention, no id to turn back into an index.
//! - Every failure is a thrown JS `Error` with a readable message, never a trap: a gazetteer that does
//!   not load throws an `Error` whose message lists `source:line: error: problem` lines and whose
//!   `diagnostics` property holds the same problems as [`Diagnostic`](sahel_tagger::Diagnostic) objects.

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use sahel_tagger::gazetteer::{
    tsv, Entity, EntityIndex, EntityType, Gazetteer, GazetteerBuilder, LoadError, Severity, Tier,
};
use sahel_tagger::offsets::OffsetCounter;
use sahel_tagger::view::{CandidateView, CheckView, MentionView, Offsets, ReasonView, Viewer};
use sahel_tagger::CaseMode;
use sahel_tagger::{MatchKind, Mention, Options, Reason, Tagger as CoreTagger, Unlisted};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Kind of entity. */
export type EntityType = "armed_group" | "force" | "place" | "person" | "media" | "organization";

/**
 * Where an entity comes from: a user's entries override the curated ones, which override the GeoNames
 * layer's. `fromSources` also accepts `"extended"`, the GeoNames tier's former name.
 */
export type Tier = "user" | "curated" | "geonames";

/** How the case of a variant must match (absent: any case). */
export type CaseMode = "insensitive" | "exact" | "capitalized";

/**
 * How a mention matched: `exact` (a variant, after folding), `tolerant` (a long variant written with one
 * slip: a short word missing, added or changed, or one letter wrong in a long word), `grammar` (a
 * descriptive force name such as "armée azawadienne" or "Mali's army").
 */
export type MatchKind = "exact" | "tolerant" | "grammar";

/**
 * One mention found by `Tagger.tag`: the core's `MentionView` with camelCase names. `start`/`end` are
 * UTF-16 offsets: `text.slice(start, end) === surface`. Optional fields are absent when unknown.
 */
export interface Mention {
    start: number;
    end: number;
    /** The text as written. */
    surface: string;
    /** Id of the entity (the first of `candidates`); `null` for an unlisted name. */
    id: string | null;
    /** The entity's canonical name; for an unlisted name, its surface. */
    name: string;
    /** For an unlisted name, the type its cue gives. */
    type: EntityType;
    /** A name no list holds, proposed by its context (option `unlisted`): it has `cue`, `cueKind` and `rule` and none of the fields below but `start` to `type`. */
    unlisted?: boolean;
    /** A doubtful name emitted without evidence (option `possible`); its `check` says what spoke against it. */
    unconfirmed?: boolean;
    /** For an unlisted name: the cue's words ("le village de"). */
    cue?: string;
    /** For an unlisted name: the kind of cue (`designator`, `plural designator`, `role`...). */
    cueKind?: string;
    /** For an unlisted name: how the cue proposed it (`after cue`, `list`, `apposition`, `given name`, `repeated`, `longer name`, `acronym`, `unit`). */
    rule?: string;
    /** How the text matched. */
    match: MatchKind;
    /** The gazetteer spelling that matched; for `tolerant`, the one approximated; for `grammar`, the grammar's phrase. */
    variant: string;
    subtype?: string;
    /** Ids of every entity this spelling may refer to, the chosen one first. */
    candidates: string[];
    /** The spelling belongs to more than one entity. */
    ambiguous: boolean;
    /** The spelling is also an ordinary word or a common name: a reader should check. */
    possible: boolean;
    /** The variant only matches in its own case (an acronym) or capitalized. */
    caseSensitive: boolean;
    /** For a doubtful name (a word, a common name, very short, a GeoNames village): what kept it. */
    check?: Check;
    tier: Tier;
    /** Present and true when the span was grown over a place designator ("province de Kossi"). */
    designator?: boolean;
    /** For an ambiguous spelling: what tells the candidates apart, in the order of `candidates`. */
    candidateFacts?: CandidateFacts[];
    /** ISO 3166-1 alpha-2 code(s), space-separated. */
    country?: string;
    /** First- and second-level administrative units, when the gazetteer knows them. */
    admin1?: string;
    admin2?: string;
    lat?: number;
    lon?: number;
    /** Why the document's context linked the name to this entity rather than another candidate. */
    reason?: Reason;
    /** Places that share the name without being listed under this spelling (a town's cercle and region), ranked by context. */
    related?: CandidateFacts[];
}

/** Why context linked a name: `kind` (`designator`, `cue`, `nationality`, `admin_parent`, `region`, `country`, `surname`, `affiliate`), a line for a reader, and the id of the place (or, for `surname`, the person named in full) that decided. */
export interface Reason {
    kind: "designator" | "cue" | "nationality" | "admin_parent" | "region" | "country" | "surname" | "affiliate";
    text: string;
    with?: string;
}

/** Why a doubtful name was kept: `doubt`, `verdict`, `reason`, the deciding `words`, the UTF-16 offset `at` of the mention it relies on. */
export interface Check {
    doubt: string;
    verdict: "kept" | "unconfirmed" | "dropped";
    reason: string;
    cue?: string;
    words?: string;
    at?: number;
}

/** One candidate of an ambiguous spelling. */
export interface CandidateFacts {
    id: string;
    name: string;
    country?: string;
    /** Id of the containing entity. */
    parent?: string;
    /** Name of the containing entity. */
    parentName?: string;
    /** Finer kind (town, cercle, region...). */
    subtype?: string;
}

/** One spelling of an entity. */
export interface Variant {
    text: string;
    /** Absent: any case. */
    case?: CaseMode;
    /** Present and true when the spelling is also an ordinary word or a common name. */
    possible?: boolean;
}

/** An entity with its spellings and facts. Optional fields are absent when unknown. */
export interface Entity {
    id: string;
    name: string;
    type: EntityType;
    subtype?: string;
    /** Every spelling, the canonical name included. */
    variants: Variant[];
    description?: string;
    /** History with years. */
    lineage?: string;
    /** Id of the containing or parent entity. */
    parent?: string;
    /** ISO 3166-1 alpha-2 code(s), space-separated. */
    country?: string;
    /** A place's first- and second-level administrative units (GeoNames ADM1/ADM2 names). */
    admin1?: string;
    admin2?: string;
    lat?: number;
    lon?: number;
    /** GeoNames id. */
    geonames?: number;
    /** Wikidata id. */
    wikidata?: string;
    tier: Tier;
}

/**
 * What `Tagger.tag` and `Tagger.tagPacked` find besides the gazetteer's mentions: `possible`
 * (default false) also emits doubtful names for which the text gives no evidence (flagged
 * `unconfirmed`, with their `check`); `unlisted` (default true) proposes names no list holds, from
 * their context (`id: null`, `unlisted: true`, the `type` its cue gives, with `cue`, `cueKind` and
 * `rule`); `{unlisted: false}` leaves them out. The CLI's `--possible` and `--no-unlisted`.
 */
export interface TagOptions {
    possible?: boolean;
    unlisted?: boolean;
}

/**
 * The mentions of one text packed in typed arrays (`Tagger.tagPacked`): no object per mention, and
 * entities as indexes into `Tagger.entities()` (fetch that table once per tagger). A "mention number"
 * is a mention's index in `data` / 5.
 *
 * - `data`: five numbers per mention, in text order: `start`, `end` (UTF-16 offsets), the entity's
 *   index in `entities()` (for an unlisted name: its index in `unlisted`), flags, and the index in
 *   `variants` of the spelling that matched (for `tolerant`, the one approximated; for `grammar`, the
 *   grammar's phrase; for an unlisted name, its surface).
 * - flags: 1 ambiguous, 2 possible (also an ordinary word or common name), 4 case-sensitive,
 *   8 tolerant match, 16 grammar match (neither: exact), 32 grown over a place designator,
 *   64 doubtful name (it has a check, in `checkOf`), 128 unlisted (a name no list holds, with the
 *   `unlisted` option), 256 unconfirmed (a doubtful name without evidence, with the `possible` option).
 * - `variants`: the distinct spellings, in order of first use.
 * - candidates of ambiguous mentions: `candMention` lists their mention numbers; the candidates of
 *   the k-th are `candList[candOffsets[k] .. candOffsets[k + 1]]`, entity indexes, the chosen one
 *   first. `relMention`, `relOffsets` and `relList` list the same way each mention's `related` places.
 * - `reasonOf`: pairs (mention number, index in `reasons`) for the mentions context linked (`reasons`
 *   holds each distinct `Reason` once).
 * - `checkOf`: triples (mention number, index in `checks`, UTF-16 `at` or 0xFFFFFFFF when none) for
 *   every doubtful name (flag 64); `checks` holds each distinct check once, without its `at`.
 * - `unlisted`: one `UnlistedFacts` per unlisted name, in text order.
 */
export interface PackedMentions {
    data: Uint32Array;
    variants: string[];
    candMention: Uint32Array;
    candOffsets: Uint32Array;
    candList: Uint32Array;
    relMention: Uint32Array;
    relOffsets: Uint32Array;
    relList: Uint32Array;
    reasonOf: Uint32Array;
    reasons: Reason[];
    checkOf: Uint32Array;
    checks: Check[];
    unlisted: UnlistedFacts[];
}

/** What proposed an unlisted name in `PackedMentions`: its type, the cue's words, the kind of cue, and how the cue proposed it (`Mention.cue`, `cueKind`, `rule`). */
export interface UnlistedFacts {
    type: EntityType;
    cue: string;
    cueKind: string;
    rule: string;
}

/** Counts for one entity type. */
export interface TypeStats {
    entities: number;
    variants: number;
    /** Entities with at least one Arabic-script variant. */
    withArabic: number;
}

/** Counts returned by `Tagger.stats`. */
export interface Stats {
    /** Version of the embedded gazetteer (crate version and content hash). */
    version: string;
    entities: number;
    variants: number;
    /** Variants shared by several entities. */
    ambiguousVariants: number;
    /** Distinct folded patterns in the automaton. */
    patterns: number;
    byType: Partial<Record<EntityType, TypeStats>>;
}

/** A gazetteer source for `Tagger.fromSources`. */
export interface Source {
    /** File name or label; `.toml`, `.jsonl`/`.json` or `.tsv` choose the format, else the content does. */
    name: string;
    /** The project's TOML format, spaCy EntityRuler patterns JSONL, or a generated TSV layer. */
    text?: string;
    /**
     * Instead of `text`: a precompiled layer (`sahel-tagger gazetteer compile`, such as the page's
     * data/geonames.bin.gz once decompressed), loaded without parsing or folding.
     */
    bytes?: Uint8Array;
    /** Default `"user"`. */
    tier?: Tier;
}

/** A problem found while loading a gazetteer. */
export interface Diagnostic {
    severity: "error" | "warning";
    /** The source's name. */
    source: string;
    /** 1-based line, where one is known. */
    line?: number;
    message: string;
}

/** What `Tagger.fromSources` throws when a source does not load. */
export interface GazetteerError extends Error {
    diagnostics: Diagnostic[];
}
"#;

/// The `bytes` (a `Uint8Array`: a precompiled layer) of each of `count` sources, copied into wasm
/// memory in one step; `None` for a source given as `text`.
fn precompiled_bytes(sources: &JsValue, count: usize) -> Vec<Option<Vec<u8>>> {
    let list: Option<&js_sys::Array> = sources.dyn_ref();
    (0..count)
        .map(|i| {
            let source = list?.get(i as u32);
            let bytes = js_sys::Reflect::get(&source, &JsValue::from_str("bytes")).ok()?;
            bytes.dyn_into::<js_sys::Uint8Array>().ok().map(|a| a.to_vec())
        })
        .collect()
}

/// A source given to [`Tagger::from_sources`].
#[derive(Deserialize)]
struct JsSource {
    name: String,
    /// Absent when the source is precompiled `bytes` (read apart: see [`precompiled_bytes`]).
    #[serde(default)]
    text: String,
    #[serde(default)]
    tier: Option<String>,
}

/// An entity as JavaScript sees it: the model's fields, and a place's `admin1`/`admin2` (GeoNames'
/// units found along its parent chain, `sahel_tagger::admin`) after `country`, so that the page's and
/// the bookmarklet's exports, map and incident sheet have them without walking the chain themselves.
///
/// Serialized field by field, as `Entity` derives it (the test below holds them equal): a
/// `#[serde(flatten)]` wrapper goes through serde's map path, which made `entities()` three times
/// slower for the tens of thousands of GeoNames villages.
struct JsEntity<'a> {
    entity: &'a Entity,
    admin1: Option<&'static str>,
    admin2: Option<&'static str>,
    /// Whether `variants` is written (`entityTable` leaves it out).
    variants: bool,
}

impl<'a> JsEntity<'a> {
    fn new(gazetteer: &'a Gazetteer, index: EntityIndex) -> JsEntity<'a> {
        let admin = sahel_tagger::admin::admin_of(gazetteer, index);
        JsEntity {
            entity: gazetteer.entity(index),
            admin1: admin.admin1.map(|u| u.name),
            admin2: admin.admin2.map(|u| u.name),
            variants: true,
        }
    }
}

impl Serialize for JsEntity<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let e = self.entity;
        let mut s = serializer.serialize_struct("Entity", 16)?;
        s.serialize_field("id", &e.id)?;
        s.serialize_field("name", &e.name)?;
        s.serialize_field("type", &e.kind)?;
        macro_rules! optional {
            ($($key:literal: $value:expr),*) => {$(
                match &$value {
                    Some(v) => s.serialize_field($key, v)?,
                    None => s.skip_field($key)?,
                }
            )*};
        }
        optional!("subtype": e.subtype);
        if self.variants {
            s.serialize_field("variants", &e.variants)?;
        } else {
            s.skip_field("variants")?;
        }
        optional!("description": e.description, "lineage": e.lineage, "parent": e.parent, "country": e.country);
        optional!("admin1": self.admin1, "admin2": self.admin2);
        optional!("lat": e.lat, "lon": e.lon, "geonames": e.geonames, "wikidata": e.wikidata);
        s.serialize_field("tier", &e.tier)?;
        s.end()
    }
}

fn serializer() -> serde_wasm_bindgen::Serializer {
    // Plain objects (not Maps) for maps; absent optional fields are skipped rather than `null`.
    serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true)
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serializer()).map_err(|e| JsError::new(&e.to_string()))
}

/// A JS `Error` for a gazetteer that failed to build: the message lists the errors with source and
/// line; `diagnostics` holds every diagnostic as an object.
fn load_error(context: &str, error: &LoadError) -> JsValue {
    let js = js_sys::Error::new(&format!("{context}{error}"));
    if let Ok(diagnostics) = to_js(&error.diagnostics) {
        // Setting a property on a fresh Error cannot fail; if it did, the message alone still tells.
        let _ = js_sys::Reflect::set(&js, &JsValue::from_str("diagnostics"), &diagnostics);
    }
    js.into()
}

/// Tags Sahel conflict news text with a gazetteer.
#[wasm_bindgen]
pub struct Tagger {
    core: CoreTagger,
}

#[wasm_bindgen]
impl Tagger {
    /// A tagger over the embedded default gazetteer (a few tens of milliseconds to build).
    ///
    /// Throws an `Error` if the embedded gazetteer does not validate (a broken build).
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Tagger, JsValue> {
        // The embedded files are validated by the test suite; only parsing can fail here.
        let gazetteer = sahel_tagger::Gazetteer::try_embedded()
            .map_err(|e| load_error("the embedded gazetteer does not load: ", &e))?;
        Ok(Tagger::over(gazetteer))
    }

    /// Builds a tagger from gazetteer sources: `[{name, text, tier?}]`, where `text` is the project's
    /// TOML format, spaCy patterns JSONL or a generated TSV layer (detected from `name` and content),
    /// and `tier` is `"user"` (default), `"curated"` or `"geonames"` (or `"extended"`, its former name). With `includeDefault` the
    /// embedded gazetteer is loaded first and the sources are merged over it (same id: the user's
    /// entry replaces the embedded one); without, the sources are the whole gazetteer.
    ///
    /// Throws an `Error` whose message lists every problem as `name:line: error: problem`, with the
    /// same problems as objects in its `diagnostics` property. Other taggers are not affected.
    #[wasm_bindgen(js_name = fromSources)]
    pub fn from_sources(
        #[wasm_bindgen(unchecked_param_type = "Source[]")] sources: JsValue,
        #[wasm_bindgen(js_name = includeDefault)] include_default: bool,
    ) -> Result<Tagger, JsValue> {
        let sources_value = sources.clone();
        let sources: Vec<JsSource> = serde_wasm_bindgen::from_value(sources).map_err(|e| {
            JsError::new(&format!("sources must be an array of {{name, text, tier?}} objects: {e}"))
        })?;
        let mut builder =
            if include_default { GazetteerBuilder::with_embedded() } else { GazetteerBuilder::new() };
        let bytes = precompiled_bytes(&sources_value, sources.len());
        for (i, source) in sources.iter().enumerate() {
            let tier = match source.tier.as_deref() {
                None => Tier::User,
                Some(name) => Tier::parse(name).ok_or_else(|| {
                    JsError::new(&format!(
                        "{}: unknown tier \"{name}\" (expected user, curated or geonames)",
                        source.name
                    ))
                })?,
            };
            match &bytes[i] {
                Some(bytes) => builder.add_precompiled(&source.name, bytes, tier),
                None => builder.add_auto(&source.name, &source.text, tier),
            };
        }
        let gazetteer = builder.build().map_err(|e| load_error("", &e))?;
        Ok(Tagger::over(gazetteer))
    }

    /// Checks one gazetteer source without building a tagger, as it would load over the default
    /// gazetteer: its own errors and warnings (an empty array: nothing to say), and any error found
    /// elsewhere that would stop the load.
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn validate(name: &str, text: &str) -> Result<JsValue, JsError> {
        let mut builder = GazetteerBuilder::with_embedded();
        builder.add_auto(name, text, Tier::User);
        let diagnostics = match builder.build() {
            Ok(gazetteer) => gazetteer.diagnostics().to_vec(),
            Err(error) => error.diagnostics,
        };
        let relevant: Vec<_> =
            diagnostics.into_iter().filter(|d| d.source == name || d.severity == Severity::Error).collect();
        to_js(&relevant)
    }

    /// Every mention in `text`, sorted and non-overlapping, with UTF-16 `start`/`end`. `options`
    /// (`TagOptions`, optional) also asks for the doubtful names without evidence (`possible`) and
    /// the names no list holds (`unlisted`), in text order among the others.
    #[wasm_bindgen(unchecked_return_type = "Mention[]")]
    pub fn tag(
        &self,
        text: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "TagOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        let tagged = self.core.tag_with(text, &tag_options(options)?);
        let mut builder = MentionBuilder::new(&self.core, text);
        let mut unlisted_viewer = Viewer::new(&self.core, text, Offsets::Utf16, true);
        for row in in_text_order(&tagged) {
            match row {
                Ok(m) => builder.add(m)?,
                Err(u) => builder.add_view(&unlisted_viewer.unlisted(u))?,
            }
        }
        Ok(builder.finish().into())
    }

    /// Every mention packed in typed arrays, for callers that tag large texts and want no object per
    /// mention (the page's worker, the bookmarklet): see `PackedMentions` in the TypeScript types for
    /// the layout. Entity indexes index `entities()`, so a caller that keeps that table once per
    /// tagger reads every mention's entity without looking up ids. `options` as for `tag`.
    #[wasm_bindgen(js_name = tagPacked, unchecked_return_type = "PackedMentions")]
    pub fn tag_packed(
        &self,
        text: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "TagOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        let tagged = self.core.tag_with(text, &tag_options(options)?);
        let mentions = &tagged.mentions;
        let mut counter = OffsetCounter::new(text);
        let mut data = Vec::with_capacity((mentions.len() + tagged.unlisted.len()) * STRIDE);
        let variants = js_sys::Array::new();
        let mut variant_index: FxHashMap<&str, u32> = FxHashMap::default();
        let mut variant = |spelling| intern(&mut variant_index, &variants, spelling);
        let (mut cand_mention, mut cand_offsets, mut cand_list) = (vec![], vec![0u32], vec![]);
        let (mut rel_mention, mut rel_offsets, mut rel_list) = (vec![], vec![0u32], vec![]);
        let (mut reason_of, mut reasons, mut reason_index) = (vec![], vec![], FxHashMap::default());
        // Checks with byte `at`s (a Bytes viewer finds them without counting), made UTF-16 below.
        let mut check_viewer = Viewer::new(&self.core, text, Offsets::Bytes, true);
        let (mut check_of, mut checks, mut check_index) = (vec![], vec![], FxHashMap::default());
        let mut unlisted_facts = vec![];
        for (number, row) in in_text_order(&tagged).into_iter().enumerate() {
            let number = number as u32;
            let m = match row {
                Ok(m) => m,
                Err(u) => {
                    let v = variant(u.surface(text));
                    data.extend([
                        counter.position(u.start).utf16 as u32,
                        counter.position(u.end).utf16 as u32,
                        unlisted_facts.len() as u32,
                        flag::UNLISTED,
                        v,
                    ]);
                    unlisted_facts.push(UnlistedFacts::of(u, text));
                    continue;
                }
            };
            let v = variant(self.core.variant(m).text.as_str());
            data.extend([
                counter.position(m.start).utf16 as u32,
                counter.position(m.end).utf16 as u32,
                m.entity.0,
                self.flags(m),
                v,
            ]);
            if m.is_ambiguous() {
                cand_mention.push(number);
                cand_list.extend(m.candidates.iter().map(|c| c.0));
                cand_offsets.push(cand_list.len() as u32);
            }
            if !m.related.is_empty() {
                rel_mention.push(number);
                rel_list.extend(m.related.iter().map(|c| c.0));
                rel_offsets.push(rel_list.len() as u32);
            }
            if let Some(reason) = m.reason {
                let k = *reason_index.entry(reason).or_insert_with(|| {
                    reasons.push(reason_view(&self.core, reason));
                    reasons.len() as u32 - 1
                });
                reason_of.extend([number, k]);
            }
            if let Some(check) = m.check {
                let mut view = check_viewer.check(check);
                let at = view.at.take();
                let key = (
                    view.doubt.clone(),
                    view.verdict.clone(),
                    view.reason.clone(),
                    view.cue.clone(),
                    view.words.clone(),
                );
                let k = *check_index.entry(key).or_insert_with(|| {
                    checks.push(view);
                    checks.len() as u32 - 1
                });
                check_of.push((number, k, at));
            }
        }
        let check_of = utf16_checks(text, check_of);
        let out = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&out, &JsValue::from_str(key), value);
        let typed = |v: &[u32]| JsValue::from(js_sys::Uint32Array::from(v));
        set("data", &typed(&data))
            .and_then(|_| set("variants", &variants))
            .and_then(|_| set("candMention", &typed(&cand_mention)))
            .and_then(|_| set("candOffsets", &typed(&cand_offsets)))
            .and_then(|_| set("candList", &typed(&cand_list)))
            .and_then(|_| set("relMention", &typed(&rel_mention)))
            .and_then(|_| set("relOffsets", &typed(&rel_offsets)))
            .and_then(|_| set("relList", &typed(&rel_list)))
            .and_then(|_| set("reasonOf", &typed(&reason_of)))
            .and_then(|_| set("checkOf", &typed(&check_of)))
            .map_err(|_| JsError::new("internal error: packing mentions"))?;
        let objects = |key: &str, value: Result<JsValue, JsError>| -> Result<(), JsError> {
            set(key, &value?).map(|_| ()).map_err(|_| JsError::new("internal error: packing mentions"))
        };
        objects("reasons", to_js(&reasons))?;
        objects("checks", checks_to_js(&checks))?;
        objects("unlisted", to_js(&unlisted_facts))?;
        Ok(out.into())
    }

    /// Mentions as a flat `Uint32Array` of `[start, end, entityIndex, flags]` quadruples (UTF-16
    /// offsets; flags 1 ambiguous, 2 possible, 4 case-sensitive, 8 tolerant, 16 grammar: those of
    /// `tagPacked` as they were before it added 32 and 64), `entityIndex` indexing `entities()`: kept
    /// for callers that need no variant and no candidates.
    #[wasm_bindgen(js_name = tagSpans)]
    pub fn tag_spans(&self, text: &str) -> Vec<u32> {
        let mentions = self.core.tag(text);
        let mut counter = OffsetCounter::new(text);
        let mut out = Vec::with_capacity(mentions.len() * 4);
        for m in &mentions {
            out.extend([
                counter.position(m.start).utf16 as u32,
                counter.position(m.end).utf16 as u32,
                m.entity.0,
                self.flags(m) & (flag::DESIGNATOR - 1),
            ]);
        }
        out
    }

    /// Every entity with its metadata and, for a place, its admin units (`admin1`, `admin2`), in
    /// gazetteer order (the order `tagSpans` indexes).
    #[wasm_bindgen(unchecked_return_type = "Entity[]")]
    pub fn entities(&self) -> Result<JsValue, JsError> {
        let gazetteer = self.core.gazetteer();
        let all: Vec<JsEntity<'_>> = (0..gazetteer.entities().len())
            .map(|i| JsEntity::new(gazetteer, EntityIndex(i as u32)))
            .collect();
        to_js(&all)
    }

    /// `entities()` without the spellings: what a reader of `tagPacked` or `tagSpans` needs to show a
    /// mention (name, type, facts, admin units), in the same order, for a fraction of the time and
    /// memory (the generated Arabic spellings are most of the default gazetteer's variants).
    #[wasm_bindgen(js_name = entityTable, unchecked_return_type = "Omit<Entity, \"variants\">[]")]
    pub fn entity_table(&self) -> Result<JsValue, JsError> {
        let gazetteer = self.core.gazetteer();
        let all: Vec<JsEntity<'_>> = (0..gazetteer.entities().len())
            .map(|i| JsEntity { variants: false, ..JsEntity::new(gazetteer, EntityIndex(i as u32)) })
            .collect();
        to_js(&all)
    }

    /// One entity by id (with its admin units, as in `entities`), or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "Entity | undefined")]
    pub fn entity(&self, id: &str) -> Result<JsValue, JsError> {
        let gazetteer = self.core.gazetteer();
        match gazetteer.index_of(id) {
            Some(index) => to_js(&JsEntity::new(gazetteer, index)),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Counts of entities, variants and patterns, overall and per type, and the gazetteer version.
    #[wasm_bindgen(unchecked_return_type = "Stats")]
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
        let stats = self.core.gazetteer().stats();
        to_js(&JsStats {
            version: &stats.version,
            entities: stats.entities,
            variants: stats.variants,
            ambiguous_variants: stats.ambiguous_variants,
            patterns: self.core.pattern_count(),
            by_type: stats
                .by_type
                .iter()
                .map(|(kind, t)| {
                    let t = JsTypeStats {
                        entities: t.entities,
                        variants: t.variants,
                        with_arabic: t.with_arabic,
                    };
                    (kind.as_str(), t)
                })
                .collect(),
        })
    }

    /// The warnings found while building this tagger's gazetteer (shared spellings and the like).
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn diagnostics(&self) -> Result<JsValue, JsError> {
        to_js(self.core.gazetteer().diagnostics())
    }

    /// Names of the sources the gazetteer was built from, embedded files first.
    pub fn sources(&self) -> Vec<String> {
        self.core.gazetteer().sources().to_vec()
    }

    /// The gazetteer as a generated-layer TSV text (for exporting a user's entries); with `onlyUser`,
    /// only the entities of the user tier. `fromSources` reads it back.
    #[wasm_bindgen(js_name = exportTsv)]
    pub fn export_tsv(&self, #[wasm_bindgen(js_name = onlyUser)] only_user: bool) -> String {
        let entities = self.core.gazetteer().entities().iter();
        tsv::format_layer(
            "exported from sahel-tagger",
            entities.filter(|e| !only_user || e.tier == Tier::User),
        )
    }
}

/// Numbers per mention in `tagPacked`'s `data`.
const STRIDE: usize = 5;

/// The flag bits of a packed mention (documented with `PackedMentions` in the TypeScript types).
mod flag {
    pub const AMBIGUOUS: u32 = 1;
    pub const POSSIBLE: u32 = 2;
    pub const CASE_SENSITIVE: u32 = 4;
    pub const TOLERANT: u32 = 8;
    pub const GRAMMAR: u32 = 16;
    pub const DESIGNATOR: u32 = 32;
    pub const DOUBTFUL: u32 = 64;
    pub const UNLISTED: u32 = 128;
    pub const UNCONFIRMED: u32 = 256;
}

/// A tagging's gazetteer mentions (`Ok`) and unlisted names (`Err`) in one text order: the order of
/// `tag`'s array and `tagPacked`'s rows (they never overlap).
fn in_text_order(tagged: &sahel_tagger::Tagged) -> Vec<Result<&Mention, &Unlisted>> {
    let mut rows: Vec<Result<&Mention, &Unlisted>> =
        tagged.mentions.iter().map(Ok).chain(tagged.unlisted.iter().map(Err)).collect();
    rows.sort_by_key(|row| match row {
        Ok(m) => m.start,
        Err(u) => u.start,
    });
    rows
}

/// The options of `tag` and `tagPacked` (`TagOptions`): absent, `undefined` or `null` mean the
/// defaults (`possible` false, `unlisted` true: the CLI's defaults).
fn tag_options(options: Option<JsValue>) -> Result<Options, JsError> {
    #[derive(Deserialize)]
    struct JsOptions {
        #[serde(default)]
        possible: bool,
        #[serde(default = "yes")]
        unlisted: bool,
    }
    fn yes() -> bool {
        true
    }
    impl Default for JsOptions {
        fn default() -> Self {
            JsOptions { possible: false, unlisted: true }
        }
    }
    let fail = |why: String| {
        JsError::new(&format!("options must be {{possible?: boolean, unlisted?: boolean}}: {why}"))
    };
    let options: JsOptions = match options {
        Some(value) if !value.is_undefined() && !value.is_null() => {
            // serde_wasm_bindgen reads only the fields it knows: a misspelt one is caught here.
            if let Some(object) = value.dyn_ref::<js_sys::Object>() {
                for key in js_sys::Object::keys(object).iter() {
                    let key = key.as_string().unwrap_or_default();
                    if key != "possible" && key != "unlisted" {
                        return Err(fail(format!("unknown option `{key}`")));
                    }
                }
            }
            serde_wasm_bindgen::from_value(value).map_err(|e| fail(e.to_string()))?
        }
        _ => JsOptions::default(),
    };
    Ok(Options { possible: options.possible, unlisted: options.unlisted })
}

/// The index of `spelling` in `list` (`PackedMentions.variants`), pushed there on first use.
fn intern<'a>(index: &mut FxHashMap<&'a str, u32>, list: &js_sys::Array, spelling: &'a str) -> u32 {
    *index.entry(spelling).or_insert_with(|| {
        list.push(&JsValue::from_str(spelling));
        list.length() - 1
    })
}

/// What proposed an unlisted name, in `PackedMentions.unlisted`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct UnlistedFacts {
    #[serde(rename = "type")]
    kind: EntityType,
    cue: String,
    cue_kind: &'static str,
    rule: &'static str,
}

impl UnlistedFacts {
    fn of(u: &Unlisted, text: &str) -> UnlistedFacts {
        UnlistedFacts {
            kind: u.kind,
            cue: text[u.cue_start..u.cue_end].to_string(),
            cue_kind: u.cue.as_str(),
            rule: u.rule.as_str(),
        }
    }
}

/// A reason in words, as `Mention.reason` says it.
fn reason_view(tagger: &CoreTagger, reason: Reason) -> ReasonView {
    let gazetteer = tagger.gazetteer();
    ReasonView {
        kind: reason.as_str().into(),
        text: reason.describe(gazetteer),
        with: reason.with().map(|w| gazetteer.entity(w).id.clone()),
    }
}

/// Checks as `Check` objects (camelCase, like `Mention.check`).
fn checks_to_js(checks: &[CheckView]) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    #[serde(remote = "CheckView")]
    struct JsCheck {
        doubt: String,
        verdict: String,
        reason: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        cue: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        words: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        at: Option<usize>,
    }
    #[derive(Serialize)]
    struct Wrap<'a>(#[serde(with = "JsCheck")] &'a CheckView);
    let list: Vec<Wrap> = checks.iter().map(Wrap).collect();
    to_js(&list)
}

/// `checkOf` triples with each byte `at` turned into a UTF-16 offset (0xFFFFFFFF: none).
fn utf16_checks(text: &str, checks: Vec<(u32, u32, Option<usize>)>) -> Vec<u32> {
    let mut ats: Vec<usize> = checks.iter().filter_map(|c| c.2).collect();
    ats.sort_unstable();
    ats.dedup();
    let mut counter = OffsetCounter::new(text);
    let utf16: FxHashMap<usize, u32> = ats.iter().map(|&b| (b, counter.position(b).utf16 as u32)).collect();
    let mut out = Vec::with_capacity(checks.len() * 3);
    for (number, k, at) in checks {
        out.extend([number, k, at.map_or(u32::MAX, |b| utf16[&b])]);
    }
    out
}

impl Tagger {
    fn over(gazetteer: Gazetteer) -> Tagger {
        Tagger { core: CoreTagger::new(gazetteer) }
    }

    /// A mention's flag bits.
    fn flags(&self, m: &Mention) -> u32 {
        let bit = |on: bool, bit: u32| if on { bit } else { 0 };
        bit(m.is_ambiguous(), flag::AMBIGUOUS)
            | bit(m.possible, flag::POSSIBLE)
            | bit(self.core.variant(m).case != CaseMode::Insensitive, flag::CASE_SENSITIVE)
            | bit(m.kind == MatchKind::Tolerant, flag::TOLERANT)
            | bit(m.kind == MatchKind::Grammar, flag::GRAMMAR)
            | bit(m.designator, flag::DESIGNATOR)
            | bit(m.check.is_some(), flag::DOUBTFUL)
            | bit(m.is_unconfirmed(), flag::UNCONFIRMED)
    }
}

#[wasm_bindgen(module = "/js/assemble.js")]
extern "C" {
    /// The mention objects: each a copy of its template (`templates`: a JSON array) with its offsets,
    /// surface (`surfaces`, one after another, each ending at its `surface_ends` in UTF-16) and own
    /// `candidates` (js/assemble.js; see [`MentionBuilder`]).
    fn assemble(rows: &[u32], templates: &str, surfaces: &str, surface_ends: &[u32]) -> js_sys::Array;
}

/// [`MentionView`] as JavaScript sees it: the same fields, camelCase by serde (the `Deserialize`
/// half is never called: it is there so that the compiler checks this list against `MentionView`,
/// which it must build field by field).
#[derive(Serialize, Deserialize)]
#[serde(remote = "MentionView", rename_all = "camelCase")]
#[allow(dead_code)]
struct JsMentionView {
    start: usize,
    end: usize,
    surface: String,
    id: Option<String>,
    name: String,
    #[serde(rename = "type")]
    kind: EntityType,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    unlisted: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    unconfirmed: bool,
    #[serde(rename = "match", default, skip_serializing_if = "Option::is_none")]
    match_kind: Option<MatchKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    variant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    subtype: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    candidates: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ambiguous: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    possible: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    case_sensitive: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    check: Option<CheckView>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cue_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rule: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tier: Option<Tier>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    designator: bool,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "js_candidates")]
    candidate_facts: Option<Vec<CandidateView>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    admin1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    admin2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lon: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<ReasonView>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "js_candidates")]
    related: Option<Vec<CandidateView>>,
}

/// [`CandidateView`] as JavaScript sees it (`CandidateFacts`: `parentName`, camelCase like the rest).
#[derive(Serialize, Deserialize)]
#[serde(remote = "CandidateView", rename_all = "camelCase")]
#[allow(dead_code)]
struct JsCandidateView {
    id: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parent_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    subtype: Option<String>,
}

/// Lists of candidates (`candidateFacts`, `related`) through [`JsCandidateView`] (the deserializing
/// half is there for `JsMentionView`'s, never called).
#[allow(dead_code)]
mod js_candidates {
    use super::{CandidateView, JsCandidateView};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    struct Out<'a>(&'a CandidateView);
    impl Serialize for Out<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            JsCandidateView::serialize(self.0, s)
        }
    }

    #[derive(Deserialize)]
    struct In(#[serde(with = "JsCandidateView")] CandidateView);

    pub fn serialize<S: Serializer>(list: &Option<Vec<CandidateView>>, s: S) -> Result<S::Ok, S::Error> {
        match list {
            Some(list) => s.collect_seq(list.iter().map(Out)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<CandidateView>>, D::Error> {
        Ok(Option::<Vec<In>>::deserialize(d)?.map(|list| list.into_iter().map(|c| c.0).collect()))
    }
}

/// What makes two mentions share everything but their offsets and surface: entity, how it matched,
/// variant, `possible`, candidates, designator, reason, related places (mentions with a check are made
/// one by one).
type FactsKey<'a> =
    (EntityIndex, MatchKind, u32, bool, &'a [EntityIndex], bool, Option<Reason>, &'a [EntityIndex]);

/// Makes the JS objects of [`Tagger::tag`] from the core's [`MentionView`]s.
///
/// Setting a score of fields one by one across the boundary, each string decoded anew, costs several
/// times the tagging itself; so did a handful of calls per mention, and so did serializing each kind of
/// mention field by field (news holds a distinct kind every six mentions or so). Instead the view of
/// the first mention of each kind becomes a template, written as JSON with the same serde
/// serialization; every mention is four numbers (offsets, template, surface; the distinct surfaces
/// one string, decoded once); and one call to `assemble` (js/assemble.js) parses the templates and makes the
/// objects in JavaScript, copies of their templates. Every field comes from `MentionView` through
/// serde: JavaScript fills in only offsets, surface and a copy of `candidates`. A mention with a check,
/// and an unlisted name, is its own template.
struct MentionBuilder<'a> {
    viewer: Viewer<'a>,
    text: &'a str,
    /// Template index, per kind of mention.
    kinds: FxHashMap<FactsKey<'a>, u32>,
    /// The templates, a JSON array being written.
    templates: Vec<u8>,
    template_count: u32,
    surface_index: FxHashMap<&'a str, u32>,
    /// The distinct surfaces, one after another (one string to decode in JavaScript, not one each),
    /// and where each ends, in UTF-16 units.
    surfaces: String,
    surface_ends: Vec<u32>,
    /// Per mention: UTF-16 start and end, template, surface.
    rows: Vec<u32>,
}

impl<'a> MentionBuilder<'a> {
    fn new(tagger: &'a CoreTagger, text: &'a str) -> Self {
        MentionBuilder {
            viewer: Viewer::new(tagger, text, Offsets::Utf16, true),
            text,
            kinds: FxHashMap::default(),
            templates: b"[".to_vec(),
            template_count: 0,
            surface_index: FxHashMap::default(),
            surfaces: String::new(),
            surface_ends: vec![],
            rows: vec![],
        }
    }

    /// Adds `m`; mentions must come in text order (offsets are counted forward).
    fn add(&mut self, m: &'a Mention) -> Result<(), JsError> {
        if m.check.is_some() {
            let view = self.viewer.mention(m);
            return self.add_view(&view);
        }
        let key = (
            m.entity,
            m.kind,
            m.variant,
            m.possible,
            m.candidates.as_slice(),
            m.designator,
            m.reason,
            m.related.as_slice(),
        );
        let template = match self.kinds.get(&key) {
            Some(&template) => template,
            None => {
                let view = self.viewer.mention(m);
                let template = self.template(&view)?;
                self.kinds.insert(key, template);
                template
            }
        };
        let (start, end) = self.viewer.span(m.start, m.end);
        let (surfaces, ends) = (&mut self.surfaces, &mut self.surface_ends);
        let surface = *self
            .surface_index
            .entry(m.surface(self.text))
            .or_insert_with(|| push_surface(surfaces, ends, m.surface(self.text), end - start));
        self.rows.extend([start as u32, end as u32, template, surface]);
        Ok(())
    }

    /// Adds a mention that is its own template (UTF-16 offsets), in text order with the others.
    fn add_view(&mut self, view: &MentionView) -> Result<(), JsError> {
        let template = self.template(view)?;
        let utf16 = view.surface.encode_utf16().count();
        let surface = push_surface(&mut self.surfaces, &mut self.surface_ends, &view.surface, utf16);
        self.rows.extend([view.start as u32, view.end as u32, template, surface]);
        Ok(())
    }

    /// Writes `view` as the next template; returns its index.
    fn template(&mut self, view: &MentionView) -> Result<u32, JsError> {
        if self.template_count > 0 {
            self.templates.push(b',');
        }
        JsMentionView::serialize(view, &mut serde_json::Serializer::new(&mut self.templates))
            .map_err(|e| JsError::new(&format!("internal error: mention template: {e}")))?;
        self.template_count += 1;
        Ok(self.template_count - 1)
    }

    /// The mention objects.
    fn finish(mut self) -> js_sys::Array {
        self.templates.push(b']');
        let templates = String::from_utf8(self.templates).expect("serde_json writes UTF-8");
        assemble(&self.rows, &templates, &self.surfaces, &self.surface_ends)
    }
}

/// Appends `surface`, `utf16` UTF-16 units long, to `surfaces` and its end to `ends`; returns its
/// index.
fn push_surface(surfaces: &mut String, ends: &mut Vec<u32>, surface: &str, utf16: usize) -> u32 {
    surfaces.push_str(surface);
    ends.push(ends.last().copied().unwrap_or(0) + utf16 as u32);
    ends.len() as u32 - 1
}

#[cfg(test)]
mod js_entity_tests {
    use super::*;

    /// `JsEntity` writes exactly `Entity`'s fields (a field added to the model must be added there),
    /// plus `admin1`/`admin2` for a place that has them.
    #[test]
    fn js_entities_are_the_model_plus_admin_units() {
        let tagger = CoreTagger::default();
        let gazetteer = tagger.gazetteer();
        let mut with_admin = 0;
        for i in 0..gazetteer.entities().len() {
            let index = EntityIndex(i as u32);
            let mut model = serde_json::to_value(gazetteer.entity(index)).unwrap();
            let js = serde_json::to_value(JsEntity::new(gazetteer, index)).unwrap();
            let map = js.as_object().unwrap();
            for key in ["admin1", "admin2"] {
                if let Some(v) = map.get(key) {
                    model.as_object_mut().unwrap().insert(key.into(), v.clone());
                    with_admin += 1;
                }
            }
            assert_eq!(js, model);
        }
        assert!(with_admin > 300, "{with_admin}");
        let karma =
            serde_json::to_value(JsEntity::new(gazetteer, gazetteer.index_of("karma").unwrap())).unwrap();
        assert_eq!((karma["admin1"].as_str(), karma["admin2"].as_str()), (Some("Nord"), Some("Yatenga")));
    }
}
