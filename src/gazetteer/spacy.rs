//! spaCy EntityRuler patterns: one JSON object per line, `{"label": "GPE", "pattern": "Kidal", "id": "kidal"}`.
//!
//! Analysts often already keep their names in this format. Lines with the same `id` become one entity
//! whose name is its first pattern; a line without `id` is an entity of its own (id derived from the
//! pattern). Only string (phrase) patterns are imported: token patterns (lists of token dicts)
//! describe tokenizer-level rules that have no equivalent here, so each is skipped with a warning
//! naming its line, and the rest of the file is imported.
//!
//! Labels map to entity types: our own type names are accepted as they are; spaCy's `PERSON`/`PER` →
//! person, `GPE`/`LOC`/`FAC` → place, `ORG`/`NORP` → organization.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::Value;

use super::{Diagnostic, Entity, EntityType, Origin, Severity, Tier, Variant};

/// Maps a spaCy label to an entity type.
pub fn label_to_type(label: &str) -> Option<EntityType> {
    let lower = label.trim().to_ascii_lowercase();
    if let Some(kind) = EntityType::parse(&lower) {
        return Some(kind);
    }
    match lower.as_str() {
        "person" | "per" => Some(EntityType::Person),
        "gpe" | "loc" | "fac" | "location" => Some(EntityType::Place),
        "org" | "norp" => Some(EntityType::Organization),
        "armed group" | "armedgroup" | "armed-group" => Some(EntityType::ArmedGroup),
        _ => None,
    }
}

/// Parses patterns, one JSON object per line. Returns the entities and every problem found.
pub(crate) fn parse(source: &str, text: &str, tier: Tier) -> (Vec<(Entity, Origin)>, Vec<Diagnostic>) {
    let mut entities: Vec<(Entity, Origin)> = vec![];
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut diagnostics = vec![];
    // The source's name, which every entity's origin carries: one string.
    let name: Arc<str> = source.into();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with("//") {
            continue;
        }
        match parse_line(line) {
            Err(Problem::Error(message)) => diagnostics.push(Diagnostic {
                severity: Severity::Error,
                source: source.into(),
                line: Some(number),
                message,
            }),
            Err(Problem::Skipped(message)) => diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                source: source.into(),
                line: Some(number),
                message,
            }),
            Ok((kind, pattern, id)) => {
                let id = id.unwrap_or_else(|| slug(&pattern, kind));
                match by_id.get(&id) {
                    Some(&at) => {
                        let (entity, origin) = &mut entities[at];
                        if entity.kind != kind {
                            diagnostics.push(Diagnostic {
                                severity: Severity::Error,
                                source: source.into(),
                                line: Some(number),
                                message: format!(
                                    "id \"{id}\" has label type {kind} here but {} at line {}",
                                    entity.kind,
                                    origin.line.unwrap_or(0)
                                ),
                            });
                            continue;
                        }
                        entity.variants.push(Variant::new(pattern));
                        origin.variant_lines.push(Some(number));
                    }
                    None => {
                        let mut entity = Entity::new(id.clone(), pattern, kind);
                        entity.tier = tier;
                        let origin = Origin {
                            source: name.clone(),
                            line: Some(number),
                            variant_lines: vec![Some(number)],
                            folded: vec![],
                        };
                        by_id.insert(id, entities.len());
                        entities.push((entity, origin));
                    }
                }
            }
        }
    }
    (entities, diagnostics)
}

/// Why a line gives no pattern.
enum Problem {
    /// The line is wrong: the file cannot be used as it is.
    Error(String),
    /// The line is a valid spaCy pattern that has no equivalent here: left out, with a warning.
    Skipped(String),
}

impl From<&str> for Problem {
    fn from(message: &str) -> Problem {
        Problem::Error(message.to_string())
    }
}

impl From<String> for Problem {
    fn from(message: String) -> Problem {
        Problem::Error(message)
    }
}

fn parse_line(line: &str) -> Result<(EntityType, String, Option<String>), Problem> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let object = value.as_object().ok_or("expected a JSON object {\"label\", \"pattern\", \"id\"}")?;
    let label = object
        .get("label")
        .and_then(Value::as_str)
        .ok_or("missing \"label\" (a string such as \"GPE\", \"ORG\" or \"armed_group\")")?;
    let kind = label_to_type(label).ok_or_else(|| {
        format!(
            "unknown label \"{label}\" (use PERSON, GPE, LOC, FAC, ORG, NORP or one of: {})",
            EntityType::ALL.map(|t| t.as_str()).join(", ")
        )
    })?;
    let pattern = match object.get("pattern") {
        Some(Value::String(p)) if !p.trim().is_empty() => p.trim().to_string(),
        Some(Value::String(_)) => return Err("empty \"pattern\"".into()),
        Some(Value::Array(_)) => {
            return Err(Problem::Skipped(
                "token pattern skipped: only phrase patterns (a string) are imported, token patterns (lists of token attributes) have no equivalent here".into(),
            ))
        }
        _ => return Err("missing \"pattern\" (a string)".into()),
    };
    let id = match object.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(_) => return Err("\"id\" must be a string".into()),
    };
    Ok((kind, pattern, id))
}

/// An id for a pattern without one: type plus the folded pattern in ASCII where possible.
fn slug(pattern: &str, kind: EntityType) -> String {
    let folded = crate::fold::fold(pattern);
    let mut slug = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if c.is_alphanumeric() {
            // Non-Latin scripts: keep a stable, valid id.
            slug.push_str(&format!("u{:x}", c as u32));
        } else if !slug.ends_with('_') {
            slug.push('_');
        }
    }
    format!("user.{}.{}", kind.as_str(), slug.trim_matches('_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_id_and_reports_bad_lines() {
        let text = r#"{"label": "GPE", "pattern": "Dioura", "id": "djoura"}
{"label": "GPE", "pattern": "Djoura", "id": "djoura"}
{"label": "ORG", "pattern": [{"LOWER": "jnim"}]}
not json
{"label": "armed_group", "pattern": "Katiba Hanifa"}
{"label": "WEAPON", "pattern": "AK-47"}
"#;
        let (entities, diagnostics) = parse("p.jsonl", text, Tier::User);
        assert_eq!(entities.len(), 2);
        assert_eq!(entities[0].0.id, "djoura");
        assert_eq!(entities[0].0.name, "Dioura");
        assert_eq!(entities[0].0.variants.len(), 2);
        assert_eq!(entities[1].0.id, "user.armed_group.katiba_hanifa");
        let found: Vec<_> = diagnostics.iter().map(|d| (d.line.unwrap(), d.severity)).collect();
        assert_eq!(found, [(3, Severity::Warning), (4, Severity::Error), (6, Severity::Error)]);
    }

    #[test]
    fn token_patterns_are_skipped_with_a_warning_and_phrase_patterns_imported() {
        let text = r#"{"label": "GPE", "pattern": "Dioura", "id": "djoura"}
{"label": "ORG", "pattern": [{"LOWER": "jnim"}], "id": "jnim"}
{"label": "GPE", "pattern": [{"LOWER": "burkina"}, {"LOWER": "faso"}]}
{"label": "GPE", "pattern": "Djoura", "id": "djoura"}
"#;
        let mut builder = super::super::GazetteerBuilder::new();
        builder.add_spacy_jsonl("p.jsonl", text, Tier::User);
        let gazetteer = builder.build().expect("token patterns do not stop the import");
        assert_eq!(gazetteer.entities().len(), 1);
        assert_eq!(gazetteer.entities()[0].variants.len(), 2);
        let warnings: Vec<String> = gazetteer.diagnostics().iter().map(|d| d.to_string()).collect();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].starts_with("p.jsonl:2: warning: token pattern skipped"), "{warnings:?}");
        assert!(warnings[1].starts_with("p.jsonl:3: warning: token pattern skipped"), "{warnings:?}");
    }
}
