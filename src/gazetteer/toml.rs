//! The project's gazetteer files: TOML, one `[[entity]]` table per entity (see `gazetteer/README.md`).
//!
//! Parsing is done by the `toml` crate; this module maps its records onto [`Entity`] and finds the
//! line of each entity and variant, so that every problem is reported where a person would fix it.

use std::sync::Arc;

use serde::Deserialize;

use super::{CaseMode, Diagnostic, Entity, EntityType, NeverRule, Origin, Severity, Tier, Variant};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    entity: Vec<RawEntity>,
    /// "Never tag this spelling" rules (see [`NeverRule`]).
    #[serde(default)]
    never: Vec<RawNever>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNever {
    text: String,
    entity: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: String,
    name: String,
    #[serde(rename = "type")]
    kind: String,
    subtype: Option<String>,
    #[serde(default)]
    variants: Vec<RawVariant>,
    #[serde(default)]
    acronyms: Vec<String>,
    description: Option<String>,
    lineage: Option<String>,
    parent: Option<String>,
    country: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    geonames: Option<u64>,
    wikidata: Option<String>,
}

/// A variant: a string, or a table with `text` and options. Read by hand rather than as an untagged
/// enum, whose error ("data did not match any variant of untagged enum") says nothing useful.
enum RawVariant {
    Plain(String),
    Table(RawVariantTable),
}

/// What a variant must be, in words (also the start of the error message for anything else).
const VARIANT_EXPECTED: &str = "a string or a table with `text`";

impl<'de> Deserialize<'de> for RawVariant {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawVariant;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(VARIANT_EXPECTED)
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<RawVariant, E> {
                Ok(RawVariant::Plain(text.to_string()))
            }

            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<RawVariant, E> {
                Ok(RawVariant::Plain(text))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawVariant, A::Error> {
                RawVariantTable::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(RawVariant::Table)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVariantTable {
    text: String,
    case: Option<String>,
    #[serde(default)]
    possible: bool,
}

/// Parses one TOML gazetteer file. Returns the entities it could read and every problem found.
#[cfg(test)]
pub(crate) fn parse(source: &str, text: &str, tier: Tier) -> (Vec<(Entity, Origin)>, Vec<Diagnostic>) {
    let (entities, _, diagnostics) = parse_file(source, text, tier);
    (entities, diagnostics)
}

/// What one TOML file holds: its entities and its "never" rules, each with where it was read, and
/// every problem found.
pub(crate) type Parsed = (Vec<(Entity, Origin)>, Vec<(NeverRule, Origin)>, Vec<Diagnostic>);

/// Parses one TOML gazetteer file: entities (`[[entity]]`) and "never tag this spelling" rules
/// (`[[never]]`). A rule whose text is empty once folded is an error at its line.
pub(crate) fn parse_file(source: &str, text: &str, tier: Tier) -> Parsed {
    let mut diagnostics = vec![];
    let raw: RawFile = match ::toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let offset = e.span().map(|span| span.start.min(text.len()));
            diagnostics.push(Diagnostic {
                severity: Severity::Error,
                source: source.into(),
                line: offset.map(|offset| line_of(text, offset)),
                message: in_words(e.message().trim(), text, offset),
            });
            return (vec![], vec![], diagnostics);
        }
    };
    let lines: Vec<&str> = text.lines().collect();
    let rules = never_rules(source, &lines, raw.never, tier, &mut diagnostics);
    let headers = table_header_lines(&lines, "entity");
    let headers_known = headers.len() == raw.entity.len();
    let mut entities = Vec::with_capacity(raw.entity.len());
    // The source's name, which every entity's origin carries: one string.
    let name: Arc<str> = source.into();
    for (i, raw_entity) in raw.entity.into_iter().enumerate() {
        let block = if headers_known {
            let start = headers[i];
            let end = headers.get(i + 1).copied().unwrap_or(lines.len());
            Some(Block { lines: &lines, start, end })
        } else {
            None
        };
        let header_line = block.as_ref().map(|b| b.start + 1);
        let mut error = |line: Option<usize>, message: String| {
            diagnostics.push(Diagnostic {
                severity: Severity::Error,
                source: source.into(),
                line: line.or(header_line),
                message,
            })
        };
        let kind = match EntityType::parse(raw_entity.kind.trim()) {
            Some(kind) => kind,
            None => {
                let line = block.as_ref().and_then(|b| b.key_line("type"));
                error(
                    line,
                    format!(
                        "entity \"{}\": unknown type \"{}\" (expected one of: {})",
                        raw_entity.id,
                        raw_entity.kind,
                        EntityType::ALL.map(|t| t.as_str()).join(", ")
                    ),
                );
                continue;
            }
        };
        let mut finder = block.as_ref().map(VariantLineFinder::new);
        let mut variants = vec![];
        let mut variant_lines = vec![];
        // The canonical name is a case-insensitive variant unless it is also listed with options
        // (`acronyms`, or a variant table such as `{ text = "Say", case = "capitalized" }`): then the
        // explicit listing decides how the name matches.
        let folded_name = crate::fold::fold(&raw_entity.name);
        let name_listed_with_options =
            raw_entity.acronyms.iter().any(|a| crate::fold::fold(a) == folded_name)
                || raw_entity.variants.iter().any(|v| match v {
                    RawVariant::Table(t) => crate::fold::fold(&t.text) == folded_name,
                    RawVariant::Plain(_) => false,
                });
        if !name_listed_with_options {
            variants.push(Variant::new(raw_entity.name.clone()));
            variant_lines.push(block.as_ref().and_then(|b| b.key_line("name")));
        }
        for raw_variant in raw_entity.variants {
            let variant = match raw_variant {
                RawVariant::Plain(text) => Variant::new(text),
                RawVariant::Table(table) => {
                    let case = match table.case.as_deref() {
                        None => CaseMode::Insensitive,
                        Some(name) => match CaseMode::parse(name) {
                            Some(case) => case,
                            None => {
                                let line = finder.as_mut().and_then(|f| f.find(&table.text));
                                error(
                                    line,
                                    format!(
                                        "entity \"{}\": variant \"{}\" has unknown case \"{name}\" (expected insensitive, exact or capitalized)",
                                        raw_entity.id, table.text
                                    ),
                                );
                                continue;
                            }
                        },
                    };
                    Variant { text: table.text, case, possible: table.possible, derived: None }
                }
            };
            variant_lines.push(finder.as_mut().and_then(|f| f.find(&variant.text)));
            variants.push(variant);
        }
        for acronym in raw_entity.acronyms {
            variant_lines.push(finder.as_mut().and_then(|f| f.find(&acronym)));
            variants.push(Variant::exact(acronym));
        }
        let entity = Entity {
            id: raw_entity.id,
            name: raw_entity.name,
            kind,
            subtype: raw_entity.subtype.map(Arc::from),
            variants,
            description: raw_entity.description.map(Arc::from),
            lineage: raw_entity.lineage,
            parent: raw_entity.parent.map(Arc::from),
            country: raw_entity.country.map(Arc::from),
            lat: raw_entity.lat,
            lon: raw_entity.lon,
            geonames: raw_entity.geonames,
            wikidata: raw_entity.wikidata,
            tier,
        };
        let origin = Origin { source: name.clone(), line: header_line, variant_lines, folded: vec![] };
        entities.push((entity, origin));
    }
    (entities, rules, diagnostics)
}

/// The `[[never]]` rules of a file with their lines; a rule whose text has no letter or digit once
/// folded (it would never match) is an error at its line, an `entity` that is not a valid id too.
fn never_rules(
    source: &str,
    lines: &[&str],
    raw: Vec<RawNever>,
    tier: Tier,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(NeverRule, Origin)> {
    let headers = table_header_lines(lines, "never");
    let headers_known = headers.len() == raw.len();
    let mut rules = Vec::with_capacity(raw.len());
    for (i, rule) in raw.into_iter().enumerate() {
        let block = headers_known.then(|| Block {
            lines,
            start: headers[i],
            end: headers.get(i + 1).copied().unwrap_or(lines.len()),
        });
        let header_line = block.as_ref().map(|b| b.start + 1);
        let mut error = |key: &str, message: String| {
            diagnostics.push(Diagnostic {
                severity: Severity::Error,
                source: source.into(),
                line: block.as_ref().and_then(|b| b.key_line(key)).or(header_line),
                message,
            })
        };
        let folded = crate::fold::fold(&rule.text);
        if !folded.chars().any(char::is_alphanumeric) {
            error(
                "text",
                format!("never rule: text {:?} has no letter or digit, so it would never match", rule.text),
            );
            continue;
        }
        if let Some(entity) = &rule.entity {
            if !super::validate::is_valid_id(entity) {
                error(
                    "entity",
                    format!("never rule for {:?}: entity {entity:?} is not an entity id", rule.text),
                );
                continue;
            }
        }
        let origin =
            Origin { source: source.into(), line: header_line, variant_lines: vec![], folded: vec![] };
        rules.push((NeverRule { text: rule.text, entity: rule.entity, tier }, origin));
    }
    rules
}

/// Rewrites an error of the deserializer ("invalid type: integer `5`, expected f64") in words that
/// name the key and say what was expected ("`lat` must be a number (found integer `5`)"), from the
/// text before the error's offset. Other messages (syntax errors) are kept.
fn in_words(message: &str, text: &str, offset: Option<usize>) -> String {
    let before = offset.and_then(|o| text.get(..o)).unwrap_or_default();
    // The error's table: from the last header line (`[[entity]]`) before it.
    let table = match before.rfind("\n[") {
        Some(i) => &before[i + 1..],
        None => before,
    };
    // Errors about a whole table are reported at its header line.
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let at_line = text[line_start..].lines().next().unwrap_or_default().trim();
    // A table header line (`[[entity]]`, `[[never]]`), not a line of a multi-line list.
    let header_line = at_line.starts_with('[')
        && at_line.ends_with(']')
        && at_line.trim_matches(['[', ']', ' ']).chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let at_entity_header = header_line || (at_line.starts_with('[') && !table.contains('='));
    // The table is a `[[never]]` rule (its header, or a key in it).
    let in_never = {
        let header = if at_entity_header { at_line } else { table.trim_start() };
        header.strip_prefix("[[").is_some_and(|rest| rest.trim_start().starts_with("never"))
    };
    // The key whose value holds the error, and whether that value is a list (the error is then about
    // one of its entries): the last `key =` before the error, in its table.
    let key = || -> Option<(String, bool)> {
        let mut end = table.len();
        while let Some(eq) = table[..end].rfind('=') {
            let name = table[..eq].trim_end();
            // Just after the last character that cannot be in a key (which may be several bytes long).
            let start = name
                .char_indices()
                .rfind(|&(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '"' | '\'')))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let name = name[start..].trim_matches(['"', '\'']);
            if !name.is_empty() {
                return Some((name.to_string(), table[eq + 1..].trim_start().starts_with('[')));
            }
            end = eq;
        }
        None
    };
    let type_error = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .and_then(|rest| rest.rsplit_once(", expected "));
    if let Some((found, expected)) = type_error {
        if expected == VARIANT_EXPECTED {
            return format!("variant must be {VARIANT_EXPECTED} (found {found})");
        }
        let words = match expected {
            "f64" | "f32" => "a number",
            "u64" | "u32" | "u16" | "u8" | "usize" => "a whole number, 0 or more",
            "i64" | "i32" | "isize" => "a whole number",
            "a sequence" => "a list in brackets, [...]",
            "a boolean" => "true or false",
            "a string" => "a string in quotes",
            other => other,
        };
        let key = if at_entity_header { None } else { key() };
        return match key {
            _ if expected == "a sequence" && (in_never || key.as_ref().is_some_and(|k| k.0 == "never")) => {
                format!("`never` must be a list of tables, each written [[never]] (found {found})")
            }
            _ if expected == "a sequence"
                && (at_entity_header || key.as_ref().is_some_and(|k| k.0 == "entity")) =>
            {
                format!("`entity` must be a list of tables, each written [[entity]] (found {found})")
            }
            Some((key, true)) if expected != "a sequence" => {
                format!("each entry of `{key}` must be {words} (found {found})")
            }
            Some((key, _)) => format!("`{key}` must be {words} (found {found})"),
            None => format!("expected {words} (found {found})"),
        };
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        let what = if at_entity_header && in_never {
            "this never rule".to_string()
        } else if at_entity_header {
            "this entity".to_string()
        } else {
            match key() {
                Some((key, _)) if key == "variants" => "this variant table".to_string(),
                Some((key, _)) => format!("the table in `{key}`"),
                None => "this table".to_string(),
            }
        };
        return format!("{what} has no {field}, which is required");
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        if let Some((field, expected)) = rest.split_once(", expected ") {
            return format!("unknown key {field} (expected {expected})");
        }
    }
    message.to_string()
}

/// 1-based line of byte `offset`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// 0-based indexes of the `[[name]]` header lines (`entity`, `never`).
fn table_header_lines(lines: &[&str], name: &str) -> Vec<usize> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            let t = l.trim_start();
            t.starts_with("[[") && t[2..].trim_start().starts_with(name) && {
                let rest = t[2..].trim_start()[name.len()..].trim_start();
                rest.starts_with("]]")
            }
        })
        .map(|(i, _)| i)
        .collect()
}

/// The lines of one `[[entity]]` table (0-based, `start..end`).
struct Block<'a> {
    lines: &'a [&'a str],
    start: usize,
    end: usize,
}

impl Block<'_> {
    /// 1-based line where `key = ...` is set in this block.
    fn key_line(&self, key: &str) -> Option<usize> {
        (self.start..self.end)
            .find(|&i| {
                let t = self.lines[i].trim_start();
                t.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map(|i| i + 1)
    }
}

/// Finds the line of each variant in a block, in order, so that a string listed twice is reported at
/// its second place. The block's quoted strings are collected once; each lookup takes the first unused
/// one with the same text.
struct VariantLineFinder {
    strings: Vec<(String, usize, bool)>,
}

impl VariantLineFinder {
    fn new(block: &Block<'_>) -> Self {
        let mut strings = vec![];
        for i in block.start..block.end {
            quoted_strings(block.lines[i], |s| strings.push((s, i + 1, false)));
        }
        VariantLineFinder { strings }
    }

    fn find(&mut self, text: &str) -> Option<usize> {
        let entry = self.strings.iter_mut().find(|(s, _, used)| !used && s == text)?;
        entry.2 = true;
        Some(entry.1)
    }
}

/// Calls `found` with each quoted string of a TOML line (`"..."` with its escapes read, and `'...'`),
/// stopping at a comment.
fn quoted_strings(line: &str, mut found: impl FnMut(String)) {
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '#' => return,
            '"' | '\'' => {
                let mut s = String::new();
                while let Some(d) = chars.next() {
                    match d {
                        '\\' if c == '"' => match chars.next() {
                            Some('b') => s.push('\u{8}'),
                            Some('t') => s.push('\t'),
                            Some('n') => s.push('\n'),
                            Some('f') => s.push('\u{C}'),
                            Some('r') => s.push('\r'),
                            Some('e') => s.push('\u{1B}'),
                            Some(u @ ('u' | 'U')) => {
                                let digits: String =
                                    chars.by_ref().take(if u == 'u' { 4 } else { 8 }).collect();
                                let code = u32::from_str_radix(&digits, 16).ok().and_then(char::from_u32);
                                s.push(code.unwrap_or(char::REPLACEMENT_CHARACTER));
                            }
                            Some(e) => s.push(e),
                            None => {}
                        },
                        d if d == c => break,
                        d => s.push(d),
                    }
                }
                found(s);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        let (_, diagnostics) = parse("t.toml", text, Tier::User);
        diagnostics.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn reads_variants_acronyms_and_options() {
        let text = r#"
[[entity]]
id = "ei"
name = "État islamique"
type = "armed_group"
variants = ["Islamic State", { text = "Daech", possible = true }, { text = "Boni", case = "capitalized" }]
acronyms = ["EI", "IS"]
"#;
        let (entities, diagnostics) = parse("t.toml", text, Tier::Curated);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let e = &entities[0].0;
        let texts: Vec<_> = e.variants.iter().map(|v| v.text.as_str()).collect();
        assert_eq!(texts, ["État islamique", "Islamic State", "Daech", "Boni", "EI", "IS"]);
        assert!(e.variants[2].possible);
        assert_eq!(e.variants[3].case, CaseMode::Capitalized);
        assert_eq!(e.variants[4].case, CaseMode::Exact);
        assert_eq!(entities[0].1.line, Some(2));
        assert_eq!(entities[0].1.variant_lines, vec![Some(4), Some(6), Some(6), Some(6), Some(7), Some(7)]);
        // A name listed with options is not also added as a plain variant.
        let (entities, diagnostics) = parse(
            "t.toml",
            "[[entity]]\nid = \"say\"\nname = \"Say\"\ntype = \"place\"\nvariants = [{ text = \"Say\", case = \"capitalized\", possible = true }]\n",
            Tier::Curated,
        );
        assert!(diagnostics.is_empty());
        assert_eq!(entities[0].0.variants.len(), 1);
        assert_eq!(entities[0].0.variants[0].case, CaseMode::Capitalized);
    }

    #[test]
    fn unknown_type_names_its_line() {
        let e = errors("[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"city\"\n");
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("t.toml:4: error: entity \"x\": unknown type \"city\""), "{e:?}");
    }

    #[test]
    fn syntax_errors_and_unknown_keys_name_their_line() {
        let e = errors("[[entity]]\nid = \"x\"\nname = \"X\n");
        assert!(e[0].starts_with("t.toml:3: error:"), "{e:?}");
        let e = errors("[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"place\"\nvarients = [\"Y\"]\n");
        assert!(e[0].starts_with("t.toml:5: error:") && e[0].contains("varients"), "{e:?}");
        let e = errors("[[entity]]\nid = \"x\"\ntype = \"place\"\n");
        assert!(e[0].contains("name"), "{e:?}");
    }

    #[test]
    fn key_after_a_multibyte_character_is_found_without_panicking() {
        // Found by fuzzing: the character before a key was taken as one byte long.
        let text = "[[entity]]\n\u{2019}lat = \"x\"\n";
        let words = in_words("invalid type: string \"x\", expected f64", text, Some(text.len() - 2));
        assert_eq!(words, "`lat` must be a number (found string \"x\")");
        for text in ["[[entity]]\n\u{FFFD}= 1\n", "\u{e9}\u{e9}lat=\u{e9}"] {
            in_words("invalid type: integer `1`, expected f64", text, Some(text.len()));
        }
        errors("[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"place\"\n\u{FFFD}lat = \"x\"\n");
    }

    #[test]
    fn type_errors_say_in_words_what_was_expected_where() {
        let entity = "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"place\"\n";
        for (rest, expected) in [
            (
                "variants = [\n  \"a\",\n  5,\n]\n",
                "t.toml:7: error: variant must be a string or a table with `text` (found integer `5`)",
            ),
            (
                "variants = [[\"a\"]]\n",
                "t.toml:5: error: variant must be a string or a table with `text` (found sequence)",
            ),
            (
                "variants = [{ txt = \"a\" }]\n",
                "t.toml:5: error: unknown key `txt` (expected one of `text`, `case`, `possible`)",
            ),
            (
                "variants = [{ possible = true }]\n",
                "t.toml:5: error: this variant table has no `text`, which is required",
            ),
            (
                "variants = [{ text = \"a\", possible = \"yes\" }]\n",
                "t.toml:5: error: `possible` must be true or false (found string \"yes\")",
            ),
            (
                "variants = \"a\"\n",
                "t.toml:5: error: `variants` must be a list in brackets, [...] (found string \"a\")",
            ),
            ("lat = \"12\"\n", "t.toml:5: error: `lat` must be a number (found string \"12\")"),
            (
                "acronyms = [1]\n",
                "t.toml:5: error: each entry of `acronyms` must be a string in quotes (found integer `1`)",
            ),
            (
                "geonames = -5\n",
                "t.toml:5: error: `geonames` must be a whole number, 0 or more (found integer `-5`)",
            ),
        ] {
            let e = errors(&format!("{entity}{rest}"));
            assert_eq!(e, [expected], "for {rest:?}");
        }
        assert_eq!(
            errors("[[entity]]\nid = 5\nname = \"X\"\ntype = \"place\"\n"),
            ["t.toml:2: error: `id` must be a string in quotes (found integer `5`)"]
        );
        assert_eq!(
            errors("[[entity]]\nid = \"x\"\ntype = \"place\"\n"),
            ["t.toml:1: error: this entity has no `name`, which is required"]
        );
        for e in [errors("[entity]\nid = \"x\"\n"), errors("entity = 5\n")] {
            assert!(
                e[0].starts_with(
                    "t.toml:1: error: `entity` must be a list of tables, each written [[entity]]"
                ),
                "{e:?}"
            );
        }
    }
}
