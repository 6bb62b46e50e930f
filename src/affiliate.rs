//! Which al-Qaeda a bare "al-Qaeda" means: the organization, or its branch in the Sahel.
//!
//! An article that names AQIM in full once (*القاعدة في المغرب الإسلامي*, *Al-Qaïda au Maghreb
//! islamique*) goes on with the organization's name for the branch: *القاعدة* said that, *al-Qaeda*
//! fighters. So, in a text that names AQIM in full and no JNIM, a bare al-Qaeda is AQIM
//! ([`Reason::Affiliate`]), and AQIM named in full is evidence for it where the bare name is a
//! doubtful one (*القاعدة* is also "the base"). Not after a word of allegiance (*linked to al-Qaeda*,
//! *على صلة بالقاعدة*, *the regional branch of al-Qaida*) nor beside the Islamic State (*القاعدة
//! وداعش*): there the organization the groups pledge to is meant. Once JNIM is named (from 2017, al-Qaeda's
//! branch in the Sahel), a bare al-Qaeda is the organization JNIM pledges allegiance to.

use crate::context::{allegiance_before, word_start, Against, Evidence};
use crate::rank::Reason;
use crate::{EntityIndex, Gazetteer, Mention};

/// Links a bare al-Qaeda to AQIM where the text says it is the branch (see the module's docs), and
/// brings back a doubtful one that was `dropped` for want of evidence. `mentions` stays sorted and
/// non-overlapping.
pub(crate) fn link(
    gazetteer: &Gazetteer,
    text: &str,
    mentions: &mut Vec<Mention>,
    dropped: &mut Vec<Mention>,
) {
    let (Some(al_qaeda), Some(aqmi)) = (gazetteer.index_of("al_qaeda"), gazetteer.index_of("aqmi")) else {
        return;
    };
    let bare = |m: &Mention| {
        m.entity == al_qaeda && {
            // "Al-Qaeda core", "Al-Qaeda central": the organization, named so to tell it from a branch.
            let variant = gazetteer.entity(al_qaeda).variants[m.variant as usize].text.to_lowercase();
            !["core", "central"].iter().any(|w| variant.contains(w))
        }
    };
    if !mentions.iter().chain(dropped.iter()).any(bare) {
        return;
    }
    let jnim = gazetteer.index_of("jnim");
    if mentions.iter().any(|m| Some(m.entity) == jnim) {
        return;
    }
    // The branch named in full: where, and its spelling, which the bare names take (as a surname
    // takes the full name's).
    let Some((at, variant)) = mentions.iter().find(|m| m.entity == aqmi).map(|m| (m.start, m.variant)) else {
        return;
    };
    let islamic_state: Vec<EntityIndex> =
        ["islamic_state", "is_sahel"].iter().filter_map(|id| gazetteer.index_of(id)).collect();
    // The organization the groups pledge to: after a word of allegiance, or beside the Islamic State
    // (the next mention, with only "and" between).
    let pledged = |m: &Mention, next: Option<&Mention>| {
        allegiance_before(text, word_start(text, m.start)).is_some()
            || next.is_some_and(|n| {
                islamic_state.contains(&n.entity)
                    && text[m.end..n.start].split_whitespace().all(|w| AND.contains(&w))
            })
    };
    let to_branch = |m: &mut Mention| {
        m.entity = aqmi;
        m.variant = variant;
        m.candidates = vec![aqmi];
        m.reason = Some(Reason::Affiliate);
    };
    for i in 0..mentions.len() {
        if bare(&mentions[i]) && !pledged(&mentions[i], mentions.get(i + 1)) {
            to_branch(&mut mentions[i]);
        }
    }
    // `mentions` is sorted and its mentions do not overlap, so their ends are sorted too: the next
    // mention is found by a binary search, and only the one before it can overlap.
    let mut restored: Vec<Mention> = Vec::new();
    dropped.retain(|d| {
        let unproven = d.check.is_some_and(|c| c.verdict == Err(Against::NoEvidence));
        let after = mentions.partition_point(|m| m.start < d.end);
        let overlaps = |m: &Mention| m.start < d.end && d.start < m.end;
        if !bare(d)
            || !unproven
            || pledged(d, mentions.get(after))
            || after.checked_sub(1).is_some_and(|i| overlaps(&mentions[i]))
            || restored.iter().any(overlaps)
        {
            return true;
        }
        let mut m = d.clone();
        if let Some(check) = &mut m.check {
            check.verdict = Ok(Evidence::NamedInFull { at });
        }
        to_branch(&mut m);
        restored.push(m);
        false
    });
    if !restored.is_empty() {
        mentions.extend(restored);
        mentions.sort_by_key(|m| m.start);
    }
}

/// "And" between two names, as written.
const AND: &[&str] = &["and", "et", "و", "،", ","];
