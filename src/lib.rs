//! sahel-tagger: finds armed groups, forces, places, people and media in Sahel conflict news, whatever
//! the spelling, and links each mention to one canonical entity.
//!
//! The pipeline has three steps, one module each:
//!
//! 1. [`fold`]: the text and every variant are folded (case, accents, apostrophes, hyphens, spaces,
//!    Arabic letter forms and marks), keeping a map from each folded byte back to the original;
//! 2. `matcher`: one automaton (the `trie` of an Aho-Corasick automaton, run anchored at word starts)
//!    finds every folded variant, and every phrase of the `grammar` of descriptive force names
//!    ("armée azawadienne", "Mali's army"); where its walk leaves a
//!    long name, `tolerant` matching looks for that name with one slip; each occurrence is checked on
//!    the original text (word boundaries, Arabic proclitics, case rules), then overlaps are resolved
//!    leftmost-longest, exact matches first;
//!    `designator` then grows a place mention over a designator next to it ("province de Kossi",
//!    "Tillia County", "منطقة والام") and links it to the administrative unit of that name, and `rank`
//!    adds a name's same-name places (the region named after a town) to its candidates and links an
//!    ambiguous name by the document's context (designators, cues, nationalities, admin parents,
//!    nearby places, countries), recording the [`Reason`];
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
//! 4. [`view`] turns a mention into the [`MentionView`] every binding writes (offsets in the caller's
//!    unit, entity facts, how it matched, why a doubtful name was kept).
//!
//! The library has no I/O and no binding code in it: the CLI (`crates/cli`), the WebAssembly package
//! (`crates/wasm`) and the Python module (`crates/python`) are crates of their own that only translate.

#![warn(missing_docs)]

pub mod admin;
mod affiliate;
mod arabic;
pub mod arabic_skeleton;
pub mod arabic_spelling;
mod compass;
mod context;
mod cues;
mod designator;
pub mod fold;
pub mod gazetteer;
mod grammar;
#[doc(hidden)]
pub mod invariants;
mod matcher;
mod near;
mod never;
pub mod offsets;
mod rank;
pub mod surname;
mod tagger;
mod tolerant;
mod trie;
mod unlisted;
pub mod view;

pub use context::{Against, Check, Doubt, Evidence};
pub use cues::Cue;
pub use gazetteer::{
    CaseMode, Diagnostic, Entity, EntityIndex, EntityType, Gazetteer, GazetteerBuilder, LoadError, NeverRule,
    Severity, Tier, Variant,
};
pub use rank::Reason;
pub use tagger::{MatchKind, Matching, Mention, Options, Tagged, Tagger};
pub use unlisted::{Rule, Unlisted};
pub use view::{CandidateView, CheckView, MentionView, Offsets, ReasonView, Viewer};

/// Helpers of the unit tests.
#[cfg(test)]
mod testing {
    /// A reproducible pseudo-random pick below `n` (xorshift64 from `seed`), for the property tests
    /// that build texts and pattern sets.
    pub(crate) fn picker(mut seed: u64) -> impl FnMut(usize) -> usize {
        move |n| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        }
    }
}
