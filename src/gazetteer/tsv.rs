//! Generated gazetteer layers: a compact, tab-separated format.
//!
//! Generated tiers (the GeoNames villages: tens of thousands of entities) would be slow to parse and
//! bulky as TOML, so they use one line per entity:
//!
//! ```text
//! #sahel-tagger-tsv 1 <TAB> free text: where the layer comes from, its licence
//! id <TAB> name <TAB> type <TAB> subtype <TAB> country <TAB> parent <TAB> lat <TAB> lon <TAB> geonames <TAB> description <TAB> variants
//! ```
//!
//! The first line is required. Further lines starting with `#` are comments. Empty fields are absent
//! values. `variants` is a `|`-separated list; each variant may start with flags: `=` exact case, `^`
//! capitalized, `?` possible (a homograph); a `\` before the text ends the flags (for a name that
//! itself starts with one of them). The canonical name is a variant only if listed.

use std::collections::HashSet;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::{variant_key, CaseMode, Diagnostic, Entity, EntityType, Origin, Severity, Tier, Variant};
use crate::fold::fold;

/// The first line of every layer starts with this.
pub const HEADER_PREFIX: &str = "#sahel-tagger-tsv";

const COLUMNS: usize = 11;

/// Parses a layer. Returns the entities it could read and every problem found.
pub(crate) fn parse<'a>(source: &str, text: &'a str, tier: Tier) -> (Vec<(Entity, Origin)>, Vec<Diagnostic>) {
    let mut entities = vec![];
    let mut diagnostics = vec![];
    let mut error = |line: usize, message: String| {
        diagnostics.push(Diagnostic {
            severity: Severity::Error,
            source: source.into(),
            line: Some(line),
            message,
        })
    };
    // The facts many places share (subtype, country, parent, description), and the source's name
    // every place's origin carries: one string each.
    let name: Arc<str> = source.into();
    let mut interned: FxHashMap<&str, Arc<str>> = FxHashMap::default();
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, first)) if first.starts_with(HEADER_PREFIX) => {}
        _ => {
            error(1, format!("a generated layer must start with \"{HEADER_PREFIX} 1\""));
            return (entities, diagnostics);
        }
    }
    for (i, line) in lines {
        let number = i + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(unguard).collect();
        if fields.len() != COLUMNS {
            error(number, format!("expected {COLUMNS} tab-separated fields, found {}", fields.len()));
            continue;
        }
        let mut shared = |s: &'a str| -> Option<Arc<str>> {
            (!s.is_empty()).then(|| interned.entry(s).or_insert_with(|| s.into()).clone())
        };
        let Some(kind) = EntityType::parse(fields[2]) else {
            error(number, format!("unknown type \"{}\"", fields[2]));
            continue;
        };
        let number_field = |name: &str, s: &str| -> Result<Option<f64>, String> {
            if s.is_empty() {
                return Ok(None);
            }
            s.parse::<f64>().map(Some).map_err(|_| format!("{name} \"{s}\" is not a number"))
        };
        let (lat, lon) = match (number_field("lat", fields[6]), number_field("lon", fields[7])) {
            (Ok(lat), Ok(lon)) => (lat, lon),
            (Err(e), _) | (_, Err(e)) => {
                error(number, e);
                continue;
            }
        };
        let geonames = if fields[8].is_empty() {
            None
        } else {
            match fields[8].parse::<u64>() {
                Ok(g) => Some(g),
                Err(_) => {
                    error(number, format!("geonames id \"{}\" is not a number", fields[8]));
                    continue;
                }
            }
        };
        let variants: Vec<Variant> =
            fields[10].split('|').filter(|v| !v.is_empty()).map(parse_variant).collect();
        let entity = Entity {
            id: fields[0].to_string(),
            name: fields[1].to_string(),
            kind,
            subtype: shared(fields[3]),
            description: shared(fields[9]),
            lineage: None,
            parent: shared(fields[5]),
            country: shared(fields[4]),
            lat,
            lon,
            geonames,
            wikidata: None,
            variants,
            tier,
        };
        let origin = Origin {
            source: name.clone(),
            line: Some(number),
            variant_lines: vec![Some(number); entity.variants.len()],
            folded: vec![],
        };
        entities.push((entity, origin));
    }
    (entities, diagnostics)
}

/// A field without the spreadsheet-formula guard of the page's "Download all (TSV)": an apostrophe
/// that `defuseFormula` (www/app/export.js) put before a field a spreadsheet would run as a formula
/// (one starting with `=`, `+`, `-` or `@`, also behind spaces or invisible characters, or with a tab
/// or carriage return; apostrophes before it are looked through). Exactly that one apostrophe goes.
fn unguard(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => field,
    }
}

/// The inverse's test: `FORMULA` in www/app/export.js.
fn looks_like_formula(s: &str) -> bool {
    let s = s.trim_start_matches('\'');
    if s.starts_with(['\t', '\r']) {
        return true;
    }
    s.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
    })
    .starts_with(['=', '+', '-', '@'])
}

fn parse_variant(field: &str) -> Variant {
    let mut variant = Variant::new("");
    let mut rest = field;
    loop {
        match rest.as_bytes().first() {
            Some(b'=') => variant.case = CaseMode::Exact,
            Some(b'^') => variant.case = CaseMode::Capitalized,
            Some(b'?') => variant.possible = true,
            Some(b'\\') => {
                rest = &rest[1..];
                break;
            }
            _ => break,
        }
        rest = &rest[1..];
    }
    variant.text = rest.to_string();
    variant
}

/// Writes one variant with its flags, the inverse of the parser.
pub fn format_variant(variant: &Variant) -> String {
    let mut out = String::new();
    match variant.case {
        CaseMode::Exact => out.push('='),
        CaseMode::Capitalized => out.push('^'),
        CaseMode::Insensitive => {}
    }
    if variant.possible {
        out.push('?');
    }
    if variant.text.starts_with(['=', '^', '?', '\\']) {
        out.push('\\');
    }
    out.push_str(&variant.text);
    out
}

/// Writes a whole layer: the header line with `description` (where it comes from, its licence), then
/// one line per entity. [`parse`] reads it back.
pub fn format_layer<'e>(description: &str, entities: impl IntoIterator<Item = &'e Entity>) -> String {
    let mut text = format!("{HEADER_PREFIX} 1\t{}\n", description.replace(['\t', '\n'], " "));
    for entity in entities {
        text.push_str(&format_entity(entity));
        text.push('\n');
    }
    text
}

/// Writes one entity as a layer line (without the trailing newline). Tabs, newlines and `|` inside
/// fields are replaced by spaces; a variant that this leaves empty once folded, or the same as an
/// earlier one (`a|b` beside `a b`), is left out, so that the line always reads back.
pub fn format_entity(entity: &Entity) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let opt = |s: &Option<Arc<str>>| s.as_deref().map(clean).unwrap_or_default();
    let num = |v: Option<f64>| v.map(|v| format!("{v:.5}")).unwrap_or_default();
    let mut seen = HashSet::new();
    let variants: Vec<String> = entity
        .variants
        .iter()
        // Generated spellings are left out: loading the layer generates them again.
        .filter(|v| v.derived.is_none())
        .filter_map(|v| {
            let written = Variant { text: clean(&v.text.replace('|', " ")), ..v.clone() };
            let folded = fold(&written.text);
            (!folded.is_empty() && seen.insert(variant_key(&written, &folded.into())))
                .then(|| format_variant(&written))
        })
        .collect();
    [
        clean(&entity.id),
        clean(&entity.name),
        entity.kind.as_str().to_string(),
        opt(&entity.subtype),
        opt(&entity.country),
        opt(&entity.parent),
        num(entity.lat),
        num(entity.lon),
        entity.geonames.map(|g| g.to_string()).unwrap_or_default(),
        opt(&entity.description),
        variants.join("|"),
    ]
    .join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut e = Entity::new("gn:1", "Say", EntityType::Place);
        e.variants = vec![
            Variant { text: "Say".into(), case: CaseMode::Capitalized, possible: true, derived: None },
            Variant::new("Sai"),
            Variant::exact("SAY"),
            Variant::new("?odd"),
        ];
        e.lat = Some(13.1);
        e.geonames = Some(1);
        e.tier = Tier::Geonames;
        let text = format_layer("test", [&e]);
        let (entities, diagnostics) = parse("t.tsv", &text, Tier::Geonames);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(entities[0].0, e);
    }

    #[test]
    fn a_written_layer_reads_back_when_cleaning_merges_or_empties_variants() {
        // Found by the property tests: `|` and tabs cannot be written inside a variant and become
        // spaces, which made "|" an empty variant and "a|b" a duplicate of "a b" in the written layer.
        let mut e = Entity::new("p", "Gao", EntityType::Place);
        e.variants = vec![
            Variant::new("Gao"),
            Variant::new("|"),
            Variant::new("Ka|ta"),
            Variant::new("Ka ta"),
            Variant::new("Ka\tta"),
            Variant::exact("KA|TA"),
        ];
        let text = format_layer("test", [&e]);
        let mut builder = super::super::GazetteerBuilder::new();
        builder.add_tsv("t.tsv", &text, Tier::User);
        let g = builder.build().unwrap_or_else(|err| panic!("{err}\n{text}"));
        let texts: Vec<_> = g.entities()[0].variants.iter().map(|v| v.text.as_str()).collect();
        assert_eq!(texts, ["Gao", "Ka ta", "KA TA"]);
    }

    #[test]
    fn the_spreadsheet_guard_of_the_page_is_removed() {
        // As www/app/export.js `defuseTsv` writes them: formula-like text cells behind an apostrophe.
        let text = format!(
            "{HEADER_PREFIX} 1\tx\n'-1+2\t'=HYPERLINK(\"x\")\tplace\t'@sub\t'+country\t\t-5.25\t12.5\t\t'\u{feff}=desc\t'=KDJ|Sai|''=odd\n"
        );
        let (entities, diagnostics) = parse("t.tsv", &text, Tier::User);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let e = &entities[0].0;
        assert_eq!(e.id, "-1+2");
        assert_eq!(e.name, "=HYPERLINK(\"x\")");
        assert_eq!(e.subtype.as_deref(), Some("@sub"));
        assert_eq!(e.country.as_deref(), Some("+country"));
        assert_eq!(e.lon, Some(12.5));
        assert_eq!(e.lat, Some(-5.25));
        assert_eq!(e.description.as_deref(), Some("\u{feff}=desc"));
        assert_eq!(e.variants[0], Variant::exact("KDJ"), "the guard before a flag goes, the flag stays");
        // Only the guard's own apostrophe goes: other apostrophes are text.
        assert_eq!(unguard("''=odd"), "'=odd");
        assert_eq!(unguard("'Abdallah"), "'Abdallah");
        assert_eq!(unguard("=x"), "=x");
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let text = format!("{HEADER_PREFIX} 1\n# comment\ngn:1\tX\tplace\n");
        let (_, diagnostics) = parse("t.tsv", &text, Tier::Geonames);
        assert_eq!(diagnostics[0].line, Some(3));
    }
}
