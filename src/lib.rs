//! sahel-tagger: finds armed groups, forces, places, people and media in Sahel conflict news, whatever
//! the spelling, and links each mention to one canonical entity.
//!
//! The pipeline has three steps, one module each:
//!
//! 1. [`fold`]: the text and every variant are folded (case, accents, apostrophes, hyphens, spaces,
//!    Arabic letter forms and marks), keeping a map from each folded byte back to the original;
//! 2. `matcher`: one Aho-Corasick automaton finds every folded variant, and every phrase of the
//!    `grammar` of descriptive force names ("armée azawadienne", "Mali's army"); where its walk leaves a
//!    long name, `tolerant` matching looks for that name with one slip; each occurrence is checked on
//!    the original text (word boundaries, Arabic proclitics, case rules), then overlaps are resolved
//!    leftmost-longest, exact matches first;
//!    `designator` then grows a place mention over a designator next to it ("province de Kossi",
//!    "Tillia County", "منطقة والام") and links it to the administrative unit of that name, and `rank`
//!    links an ambiguous name to the candidate of the countries the document names;
//! 3. [`Tagger::tag`] returns [`Mention`]s with exact byte offsets into the original text, linked to
//!    [`Entity`]s of the [`Gazetteer`]; [`offsets`] converts them to code points or UTF-16 units.
//!
//! ```
//! use sahel_tagger::Tagger;
//! let tagger = Tagger::default(); // the embedded gazetteer
//! let text = "Attaque près de NIAFUNKÉ : le Jnim revendique.";
//! for m in tagger.tag(text) {
//!     let entity = tagger.entity(&m);
//!     println!("{} → {} ({})", m.surface(text), entity.name, entity.kind);
//! }
//! ```
//!
//! The library has no I/O and no WebAssembly in it: the CLI (`src/main.rs`) and the wasm-bindgen layer
//! (`src/wasm.rs`) only translate.

#![warn(missing_docs)]

mod arabic;
pub mod arabic_spelling;
mod context;
mod cues;
mod designator;
pub mod fold;
pub mod gazetteer;
mod grammar;
#[doc(hidden)]
pub mod invariants;
mod matcher;
pub mod offsets;
mod rank;
mod tagger;
mod tolerant;
mod unlisted;
pub mod view;

/// The JavaScript API (wasm-bindgen), on `wasm32` only; public so that its tests can reach it.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use context::{Against, Check, Doubt, Evidence};
pub use cues::Cue;
pub use gazetteer::{
    CaseMode, Diagnostic, Entity, EntityIndex, EntityType, Gazetteer, GazetteerBuilder, LoadError, Severity,
    Tier, Variant,
};
pub use tagger::{MatchKind, Matching, Mention, Options, Tagged, Tagger};
pub use unlisted::{Rule, Unlisted};
pub use view::{CandidateView, CheckView, MentionView, Offsets, Viewer};
