//! Validation of a merged gazetteer: ids, names, variants (a letter or digit, no duplicate within an
//! entity, one-letter and shared spellings warned), facts; every problem a [`Diagnostic`] with its line.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{CaseMode, Diagnostic, Entity, Origin, Severity, Tier, Variant};
use crate::fold::{fold, fold_case, CaseFold};

pub(super) fn location(origin: &Origin) -> String {
    match origin.line {
        Some(line) => format!("{}:{}", origin.source, line),
        None => origin.source.to_string(),
    }
}

pub(super) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-' | b'.' | b':'))
}

pub(super) fn validate(entities: &[(Entity, Origin)], diagnostics: &mut Vec<Diagnostic>) {
    let ids: FxHashSet<&str> = entities.iter().map(|(e, _)| e.id.as_str()).collect();
    // folded variant -> first entity that has it (keys borrowed from precompiled sources' foldings)
    let spellings = entities.iter().map(|(e, _)| e.variants.len()).sum();
    let mut owners: FxHashMap<Cow<str>, usize> =
        FxHashMap::with_capacity_and_hasher(spellings, Default::default());
    for (i, (entity, origin)) in entities.iter().enumerate() {
        let report = |diagnostics: &mut Vec<Diagnostic>, severity, line: Option<usize>, message: String| {
            diagnostics.push(Diagnostic { severity, source: origin.source.to_string(), line, message })
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
            if !ids.contains(&**parent) {
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
        // The entity's variants so far, by key (most entities have a few: a list is quicker).
        let mut seen: Vec<((Cow<str>, CaseMode), usize)> = Vec::with_capacity(entity.variants.len());
        for (v, variant) in entity.variants.iter().enumerate() {
            let line = origin.variant_lines.get(v).copied().flatten().or(origin.line);
            // Already folded when read from a precompiled source.
            let folded: Cow<str> = match origin.folded.get(v) {
                Some(f) if origin.folded.len() == entity.variants.len() => Cow::Borrowed(f),
                _ => Cow::Owned(fold(&variant.text)),
            };
            if folded.is_empty() {
                error(
                    diagnostics,
                    line,
                    format!("entity \"{}\": variant {:?} is empty once folded", entity.id, variant.text),
                );
                continue;
            }
            // None, one or more: two are enough to tell.
            let letters_and_digits = folded.chars().filter(|c| c.is_alphanumeric()).take(2).count();
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
            if let Some(&(_, first)) = seen.iter().find(|(k, _)| *k == key) {
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
            seen.push((key, v));
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
                Some(&other) if other != i => {
                    let other_entity = &entities[other].0;
                    if other_entity.tier == Tier::Geonames && entity.tier == Tier::Geonames {
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
                    owners.insert(folded, i);
                }
            }
        }
    }
}

/// What makes two variants of one entity the same (one is an error): the folded text, with case
/// kept for exact-case variants. `folded` is `fold(&variant.text)`.
pub(crate) fn variant_key<'f>(variant: &Variant, folded: &Cow<'f, str>) -> (Cow<'f, str>, CaseMode) {
    let key = match variant.case {
        CaseMode::Exact => Cow::Owned(fold_case(&variant.text, CaseFold::Keep)),
        _ => folded.clone(),
    };
    (key, variant.case)
}

fn looks_like_acronym(text: &str) -> bool {
    text.chars().all(|c| c.is_alphanumeric())
        && (2..=3).contains(&text.chars().filter(|c| c.is_alphabetic()).count())
        && text.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase())
}
