//! [`Gazetteer`]: the validated entities, looked up by index or id, with their [`Stats`].

use rustc_hash::FxHashMap;

use serde::Serialize;

use super::{Diagnostic, Entity, EntityIndex, GazetteerBuilder, LoadError, NeverRule, EMBEDDED_VERSION};
use crate::arabic::is_arabic_letter;

/// A validated set of entities.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    pub(super) entities: Vec<Entity>,
    pub(super) by_id: FxHashMap<String, u32>,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) sources: Vec<String>,
    /// "Never tag this spelling" rules, in load order.
    pub(super) never: Vec<NeverRule>,
    /// The folded form of every variant, parallel to `entities[i].variants`.
    pub(super) folded: Vec<Vec<Box<str>>>,
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
        // Precompiled by `build.rs`: merged, Arabic spellings derived, every spelling folded.
        let precompiled = super::embedded::embedded_precompiled()?;
        let (entities, folded) =
            precompiled.entities.into_iter().map(|(entity, origin)| (entity, origin.folded)).unzip();
        // The embedded files hold no "never" rules (`build.rs` fails on one: see there).
        Ok(Gazetteer::assemble(entities, folded, precompiled.diagnostics, precompiled.sources, vec![]))
    }

    /// A gazetteer from merged entities and the folded form of each of their variants.
    pub(super) fn assemble(
        entities: Vec<Entity>,
        folded: Vec<Vec<Box<str>>>,
        diagnostics: Vec<Diagnostic>,
        sources: Vec<String>,
        never: Vec<NeverRule>,
    ) -> Gazetteer {
        debug_assert!(entities.iter().zip(&folded).all(|(e, f)| e.variants.len() == f.len()));
        let by_id = entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i as u32)).collect();
        Gazetteer { entities, by_id, diagnostics, sources, never, folded }
    }

    /// The folded form of each of an entity's variants (what [`fold`] gives), in variant order.
    pub(crate) fn folded_variants(&self, index: usize) -> &[Box<str>] {
        &self.folded[index]
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

    /// The entity at `index`, then the entities above it by `parent`, nearest first. A real chain is
    /// short (village, department, region, country); the walk stops after [`Self::CHAIN_LIMIT`]
    /// entities, which ends a cycle in user data (the build refuses a parent that names no entity, not
    /// a loop, which a layer may close over entities of another).
    pub fn parent_chain(&self, index: EntityIndex) -> impl Iterator<Item = EntityIndex> + '_ {
        std::iter::successors(Some(index), |&at| {
            self.entity(at).parent.as_deref().and_then(|p| self.index_of(p))
        })
        .take(Self::CHAIN_LIMIT)
    }

    /// How many entities [`Self::parent_chain`] gives at most.
    pub const CHAIN_LIMIT: usize = 12;

    /// Warnings found while building (ambiguous variants and the like).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Names of the sources it was built from.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// The "never tag this spelling" rules of its sources (`[[never]]` tables), which the tagger
    /// applies.
    pub fn never_rules(&self) -> &[NeverRule] {
        &self.never
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
        let mut owners: FxHashMap<&str, (u32, bool)> = FxHashMap::default();
        for (i, folded) in self.folded.iter().enumerate() {
            for variant in folded {
                let owner = owners.entry(variant).or_insert((i as u32, false));
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
