//! The user's "never tag this spelling" rules ([`NeverRule`], `[[never]]` in a TOML source) applied to
//! what the matcher found: a mention whose text folds like a rule's is dropped before the doubtful
//! names are checked and ambiguous ones ranked, so that a rejected name is never the evidence or the
//! context of another.

use rustc_hash::FxHashMap;

use crate::fold::fold;
use crate::gazetteer::{EntityIndex, Gazetteer, NeverRule};
use crate::tagger::{MatchKind, Mention};
use crate::unlisted::Unlisted;

/// What a spelling's rules ban.
#[derive(Clone, Debug, Default)]
struct Ban {
    /// A rule without `entity`: every mention so spelled, unlisted names included.
    all: bool,
    /// Entities the spelling must never be linked to.
    entities: Vec<EntityIndex>,
}

/// The rules of a gazetteer, by folded spelling.
#[derive(Clone, Debug, Default)]
pub(crate) struct Never {
    by_text: FxHashMap<String, Ban>,
}

impl Never {
    /// The rules of `gazetteer`; a rule for an entity it does not hold has no effect.
    pub(crate) fn new(gazetteer: &Gazetteer) -> Never {
        let mut by_text: FxHashMap<String, Ban> = FxHashMap::default();
        for NeverRule { text, entity, .. } in gazetteer.never_rules() {
            let key = fold(text);
            match entity {
                None => by_text.entry(key).or_default().all = true,
                Some(id) => {
                    if let Some(index) = gazetteer.index_of(id) {
                        by_text.entry(key).or_default().entities.push(index);
                    }
                }
            }
        }
        Never { by_text }
    }

    /// Drops the mentions a rule covers. A rule that names an entity takes that entity out of the
    /// mention's candidates and related places: a mention linked to it goes to the next candidate
    /// (the context may still choose among those left), or is dropped when none is left.
    pub(crate) fn apply(&self, gazetteer: &Gazetteer, text: &str, mentions: &mut Vec<Mention>) {
        if self.by_text.is_empty() {
            return;
        }
        mentions.retain_mut(|m| {
            let Some(ban) = self.by_text.get(&fold(m.surface(text))) else { return true };
            if ban.all {
                return false;
            }
            m.candidates.retain(|c| !ban.entities.contains(c));
            m.related.retain(|c| !ban.entities.contains(c));
            if !ban.entities.contains(&m.entity) {
                return true;
            }
            let Some(&next) = m.candidates.first() else { return false };
            if m.kind != MatchKind::Grammar {
                // The new entity's spelling that folds like the one matched (the list is the
                // spelling's candidates, so there is one), else its canonical name.
                let spelling = fold(&gazetteer.entity(m.entity).variants[m.variant as usize].text);
                let variants = &gazetteer.entity(next).variants;
                m.variant = variants.iter().position(|v| fold(&v.text) == spelling).unwrap_or(0) as u32;
            }
            m.entity = next;
            m.reason = None;
            true
        });
    }

    /// Drops the unlisted names a rule without `entity` covers.
    pub(crate) fn apply_unlisted(&self, text: &str, unlisted: &mut Vec<Unlisted>) {
        if self.by_text.is_empty() {
            return;
        }
        unlisted.retain(|u| !self.by_text.get(&fold(&text[u.start..u.end])).is_some_and(|ban| ban.all));
    }
}
