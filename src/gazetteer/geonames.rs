//! The GeoNames layer (`Tier::Geonames`): every village and administrative unit of the GeoNames country dumps, generated
//! at build time (the dumps are not committed; CC BY 4.0, © GeoNames).
//!
//! Tens of thousands of village names bring recall, but also names that are ordinary words ("Say",
//! "Bamba"), first names and surnames ("Moussa", "Diallo"), and names shared by dozens of hamlets. The
//! rules below protect precision:
//!
//! * every generated spelling must be **capitalized** in the text (`Kona`, `KONA`, not `kona`): news
//!   always capitalizes place names, and a lowercase occurrence is almost always another word;
//! * a spelling that is a common French or English word (from word lists such as Debian's `wfrench`
//!   and `wamerican`), a common personal name, or three letters or shorter, is also flagged
//!   **possible**, and so is one shared by more than [`MAX_SHARED`] places;
//! * spellings of one or two letters, codes (`GAQ`), and names in scripts other than Latin and Arabic
//!   are left out;
//! * the curated tier wins: a place the curated gazetteer already has (same GeoNames id) is left out,
//!   and so is any spelling that a curated entity already has, so that "Gao" stays the curated town.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rustc_hash::FxHashSet;

use super::{CaseMode, Entity, EntityType, Gazetteer, Tier, Variant};
use crate::fold::fold;

/// A spelling shared by more places than this is flagged possible.
pub const MAX_SHARED: usize = 5;

/// Common first names and surnames of the region (a village with one of these names is "possible").
pub(crate) const PERSONAL_NAMES: &[&str] = &[
    "abdoulaye",
    "abdou",
    "abou",
    "adama",
    "ali",
    "alou",
    "amadou",
    "aminata",
    "awa",
    "bakary",
    "bamba",
    "boubacar",
    "boukary",
    "cheick",
    "cisse",
    "coulibaly",
    "dembele",
    "diakite",
    "diallo",
    "diarra",
    "diop",
    "doumbia",
    "fatoumata",
    "hama",
    "hamadou",
    "hamidou",
    "hassane",
    "ibrahim",
    "idrissa",
    "issa",
    "issaka",
    "kaboré",
    "kane",
    "keita",
    "konate",
    "kone",
    "mahamadou",
    "maiga",
    "mamadou",
    "mariam",
    "modibo",
    "mohamed",
    "moussa",
    "oumar",
    "ousmane",
    "ouedraogo",
    "salif",
    "sangare",
    "sanogo",
    "sawadogo",
    "seydou",
    "sidibe",
    "sissoko",
    "souleymane",
    "tall",
    "traore",
    "toure",
    "yacouba",
    "zongo",
];

/// The folded personal names a place name may also be: the common first names and surnames of the
/// region, and every word of four letters or more in the names of the gazetteer's people. A village
/// with one of these names is "possible" here, and the tagger asks for more evidence before it reads
/// one as a place ([`crate::Check`]): a capital letter tells nothing about a surname.
pub(crate) fn personal_names(gazetteer: &Gazetteer) -> FxHashSet<String> {
    // The people's spellings as the gazetteer folded them (`folded_variants`): not folded again.
    let people =
        (0..gazetteer.entities().len()).filter(|&e| gazetteer.entities()[e].kind == EntityType::Person);
    PERSONAL_NAMES
        .iter()
        .map(|n| fold(n))
        .chain(
            people
                .flat_map(|e| gazetteer.folded_variants(e).iter().flat_map(|f| f.split(' ')))
                .filter(|t| t.chars().count() >= 4)
                .map(str::to_string),
        )
        .collect()
}

/// Options of the generator.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Folded common words (French, English): spellings among them are flagged possible.
    pub common_words: HashSet<String>,
}

impl Options {
    /// Adds the words of a word list (one per line, as Debian's `/usr/share/dict/*`).
    pub fn add_word_list(&mut self, text: &str) {
        self.common_words.extend(text.lines().map(|w| fold(w.trim())).filter(|w| !w.is_empty()));
    }
}

/// What generation did, in figures.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Report {
    /// Rows read (feature classes P and A).
    pub rows: usize,
    /// Places generated.
    pub places: usize,
    /// Spellings generated.
    pub variants: usize,
    /// Places left out because the curated tier has them.
    pub covered_by_curated: usize,
    /// Spellings left out because a curated entity has them.
    pub spellings_owned_by_curated: usize,
    /// Spellings left out as too short, codes, or in other scripts.
    pub spellings_dropped: usize,
    /// Spellings flagged possible.
    pub possible: usize,
}

/// One parsed row of a GeoNames dump.
struct Row<'a> {
    id: u64,
    name: &'a str,
    ascii: &'a str,
    alternates: &'a str,
    lat: Option<f64>,
    lon: Option<f64>,
    class: &'a str,
    code: &'a str,
    country: &'a str,
    admin1: &'a str,
    admin2: &'a str,
}

fn parse_row(line: &str) -> Option<Row<'_>> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() < 19 {
        return None;
    }
    Some(Row {
        id: f[0].parse().ok()?,
        name: f[1],
        ascii: f[2],
        alternates: f[3],
        lat: f[4].parse().ok(),
        lon: f[5].parse().ok(),
        class: f[6],
        code: f[7],
        country: f[8],
        admin1: f[10],
        admin2: f[11],
    })
}

fn keep_row(row: &Row<'_>) -> bool {
    match row.class {
        "P" => true,
        "A" => matches!(row.code, "ADM1" | "ADM2" | "ADM3" | "ADM4"),
        _ => false,
    }
}

fn subtype(row: &Row<'_>) -> &'static str {
    match (row.code, row.country) {
        ("PPLC", _) => "capital",
        ("PPLA" | "PPLA2" | "PPLA3" | "PPLA4", _) => "town",
        ("PPLX", _) => "neighbourhood",
        ("PPLQ" | "PPLW" | "PPLH", _) => "abandoned village",
        ("PPLL", _) => "locality",
        ("ADM1", _) => "region",
        ("ADM2", "ML") => "cercle",
        ("ADM2", "BF") => "province",
        ("ADM2", "NE") => "department",
        ("ADM2", _) => "district",
        ("ADM3" | "ADM4", _) => "commune",
        _ => "village",
    }
}

fn country_name(code: &str) -> &str {
    match code {
        "ML" => "Mali",
        "BF" => "Burkina Faso",
        "NE" => "Niger",
        "MR" => "Mauritania",
        "SN" => "Senegal",
        "GN" => "Guinea",
        "CI" => "Côte d'Ivoire",
        other => other,
    }
}

/// Latin or Arabic letters only (plus spaces, apostrophes, hyphens, dots, digits).
fn script_ok(name: &str) -> bool {
    let latin = |c: char| c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c);
    let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
    name.chars().all(|c| latin(c) || arabic(c) || c.is_ascii_digit() || " '’-.()".contains(c))
}

fn looks_like_code(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 4 && !name.chars().any(|c| c.is_lowercase()) && name.chars().any(|c| c.is_ascii_uppercase())
}

/// Generates the GeoNames layer from GeoNames dumps (`(name, contents)` pairs), leaving out what the
/// `curated` gazetteer already has.
pub fn generate(dumps: &[(String, String)], curated: &Gazetteer, options: &Options) -> (Vec<Entity>, Report) {
    let mut report = Report::default();
    let curated_by_geonames: HashMap<u64, &str> =
        curated.entities().iter().filter_map(|e| e.geonames.map(|g| (g, e.id.as_str()))).collect();
    let curated_spellings: HashSet<String> =
        curated.entities().iter().flat_map(|e| e.variants.iter().map(|v| fold(&v.text))).collect();
    let personal = personal_names(curated);

    // A place near a border can appear in two countries' dumps: keep its first row.
    let mut ids = HashSet::new();
    let rows: Vec<Row<'_>> = dumps
        .iter()
        .flat_map(|(_, text)| text.lines().filter_map(parse_row))
        .filter(keep_row)
        .filter(|r| ids.insert(r.id))
        .collect();
    report.rows = rows.len();
    // Region names for descriptions, and parents (curated id when the curated tier has the region).
    let regions: HashMap<(&str, &str), (&str, Arc<str>)> = rows
        .iter()
        .filter(|r| r.code == "ADM1")
        .map(|r| {
            let parent =
                curated_by_geonames.get(&r.id).map_or_else(|| format!("gn:{}", r.id), |id| id.to_string());
            ((r.country, r.admin1), (r.name, parent.into()))
        })
        .collect();

    // Second-level units by their codes, with the id a place below them takes as parent (curated id
    // when the curated tier has the unit): a place whose row names an ADM2 unit hangs under it, so
    // that its parent chain gives its admin1 and admin2 ([`crate::admin`]).
    let admin2_admin1 = admin2_admin1_codes(&rows);
    let districts: HashMap<(&str, &str, &str), Arc<str>> = rows
        .iter()
        .filter(|r| r.code == "ADM2" && !r.admin2.is_empty())
        .map(|r| {
            let parent =
                curated_by_geonames.get(&r.id).map_or_else(|| format!("gn:{}", r.id), |id| id.to_string());
            ((r.country, r.admin1, r.admin2), parent.into())
        })
        .collect();

    // Spellings per place, then how many places share each.
    let mut spellings: Vec<Vec<(String, String)>> = Vec::with_capacity(rows.len());
    let mut shared: HashMap<String, usize> = HashMap::new();
    for row in &rows {
        let mut seen = HashSet::new();
        let mut kept = vec![];
        let alternates = row.alternates.split(',').filter(|a| !a.is_empty());
        for (i, text) in [row.name, row.ascii].into_iter().chain(alternates).enumerate() {
            let text = text.trim();
            let folded = fold(text);
            if folded.is_empty() || !seen.insert(folded.clone()) {
                continue;
            }
            let letters = folded.chars().filter(|c| c.is_alphabetic()).count();
            if letters <= 2
                || !script_ok(text)
                || text.chars().count() > 60
                || (i > 1 && looks_like_code(text))
            {
                report.spellings_dropped += 1;
                continue;
            }
            kept.push((text.to_string(), folded));
        }
        for (_, folded) in &kept {
            *shared.entry(folded.clone()).or_default() += 1;
        }
        spellings.push(kept);
    }

    let mut entities = vec![];
    for (row, kept) in rows.iter().zip(spellings) {
        if curated_by_geonames.contains_key(&row.id) {
            report.covered_by_curated += 1;
            continue;
        }
        let mut variants = vec![];
        for (text, folded) in kept {
            if curated_spellings.contains(&folded) {
                report.spellings_owned_by_curated += 1;
                continue;
            }
            let letters = folded.chars().filter(|c| c.is_alphabetic()).count();
            let possible = letters <= 3
                || options.common_words.contains(&folded)
                || personal.contains(&folded)
                || shared.get(&folded).copied().unwrap_or(0) > MAX_SHARED;
            report.possible += usize::from(possible);
            variants.push(Variant { text, case: CaseMode::Capitalized, possible, derived: None });
        }
        if variants.is_empty() {
            continue;
        }
        let kind = subtype(row);
        let admin1 = admin2_admin1.get(&row.id).copied().unwrap_or(row.admin1);
        let region = regions.get(&(row.country, admin1));
        let description = match (region, row.code) {
            (_, "ADM1") | (None, _) => {
                format!("{} of {} (GeoNames)", capitalize(kind), country_name(row.country))
            }
            (Some((region, _)), _) => {
                format!("{} in {}, {} (GeoNames)", capitalize(kind), region, country_name(row.country))
            }
        };
        report.variants += variants.len();
        entities.push(Entity {
            id: format!("gn:{}", row.id),
            name: row.name.to_string(),
            kind: EntityType::Place,
            subtype: Some(kind.into()),
            variants,
            description: Some(description.into()),
            lineage: None,
            parent: match row.code {
                "ADM1" => None,
                "ADM2" => region.map(|(_, parent)| parent.clone()),
                _ => districts
                    .get(&(row.country, row.admin1, row.admin2))
                    .or(region.map(|(_, parent)| parent))
                    .cloned(),
            },
            country: Some(row.country.into()),
            lat: row.lat,
            lon: row.lon,
            geonames: Some(row.id),
            wikidata: None,
            tier: Tier::Geonames,
        });
    }
    // A second-level unit left out (every spelling of it is a curated one's: the cercle "Koulikoro")
    // cannot be a parent: its places hang under its region instead, without admin2.
    let emitted: HashSet<String> = entities.iter().map(|e| e.id.clone()).collect();
    let unit_parent: HashMap<String, Option<Arc<str>>> = rows
        .iter()
        .filter(|r| r.code == "ADM2")
        .map(|r| {
            let admin1 = admin2_admin1.get(&r.id).copied().unwrap_or(r.admin1);
            (format!("gn:{}", r.id), regions.get(&(r.country, admin1)).map(|(_, p)| p.clone()))
        })
        .collect();
    for e in &mut entities {
        if let Some(parent) = e.parent.as_deref().filter(|p| p.starts_with("gn:") && !emitted.contains(*p)) {
            e.parent = unit_parent.get(parent).cloned().flatten();
        }
    }
    report.places = entities.len();
    (entities, report)
}

/// The ADM1 code of each ADM2 row, corrected where the dump contradicts itself: some ADM2 rows carry
/// a stale ADM1 code (Niger's Tillabéri departments still say 08, Niamey's code since the region was
/// split off, while every place in them says 09). An ADM2 unit whose seat (a PPLA/PPLA2/PPLC row of
/// the same country with the unit's short name, all of them in one ADM1) lies in another ADM1 takes
/// the seat's code.
fn admin2_admin1_codes<'a>(rows: &[Row<'a>]) -> HashMap<u64, &'a str> {
    let mut seats: HashMap<(&str, String), HashSet<&str>> = HashMap::new();
    for r in rows.iter().filter(|r| r.class == "P" && matches!(r.code, "PPLA" | "PPLA2" | "PPLC")) {
        seats.entry((r.country, fold(r.name))).or_default().insert(r.admin1);
    }
    rows.iter()
        .filter(|r| r.code == "ADM2")
        .map(|r| {
            let seat = seats.get(&(r.country, fold(&admin_short_name(r.name))));
            let code = match seat {
                Some(codes) if codes.len() == 1 && !codes.contains(r.admin1) => {
                    codes.iter().next().copied().unwrap_or(r.admin1)
                }
                _ => r.admin1,
            };
            (r.id, code)
        })
        .collect()
}

/// The header line of the table [`admin_units`] writes (after its `#` comment line).
pub const ADMIN_UNITS_HEADER: &str = "geonames\tcountry\tlevel\tadmin1\tadmin2\tname\tgeonames_name";

/// The first- and second-level administrative units (ADM1, ADM2 rows) of GeoNames dumps
/// (`(name, contents)` pairs), as the table [`crate::admin`] embeds: one line per unit, tab-separated —
/// GeoNames id, country code, level (`1` or `2`), the row's ADM1 code, its ADM2 code, the unit's short
/// name ([`admin_short_name`]) and its GeoNames name — sorted by country, level, codes and id, after a
/// `#` line crediting GeoNames and the header line [`ADMIN_UNITS_HEADER`].
///
/// A few hundred lines out of the dumps' hundred thousand: the admin names of the curated places
/// must be there without the dumps (the embedded gazetteer, the Python wheel, `--geonames off`).
pub fn admin_units(dumps: &[(String, String)], curated: &Gazetteer) -> String {
    let mut curated_names: HashMap<u64, Vec<&str>> = HashMap::new();
    for e in curated.entities() {
        if let Some(g) = e.geonames {
            curated_names.entry(g).or_default().push(e.name.as_str());
        }
    }
    let mut ids = HashSet::new();
    let rows: Vec<Row<'_>> = dumps
        .iter()
        .flat_map(|(_, text)| text.lines().filter_map(parse_row))
        .filter(|r| ids.insert(r.id))
        .collect();
    let codes = admin2_admin1_codes(&rows);
    #[allow(clippy::type_complexity)]
    let mut units: Vec<(String, u8, String, String, u64, String, String)> = rows
        .iter()
        .filter(|r| r.class == "A" && matches!(r.code, "ADM1" | "ADM2"))
        .map(|r| {
            let level = if r.code == "ADM1" { 1 } else { 2 };
            let admin2 = if level == 2 { r.admin2 } else { "" };
            let admin1 = codes.get(&r.id).copied().unwrap_or(r.admin1);
            let short = accented_short_name(r, curated_names.get(&r.id).map_or(&[][..], Vec::as_slice));
            (
                r.country.to_string(),
                level,
                admin1.to_string(),
                admin2.to_string(),
                r.id,
                r.name.to_string(),
                short,
            )
        })
        .collect();
    units.sort();
    let mut countries: Vec<&str> = units.iter().map(|u| u.0.as_str()).collect();
    countries.dedup();
    let mut out = format!(
        "# GeoNames first- and second-level administrative units ({}), CC BY 4.0, (c) GeoNames (geonames.org); generated by `sahel-tagger gazetteer admin-units`\n{ADMIN_UNITS_HEADER}\n",
        countries.join(" ")
    );
    for (country, level, admin1, admin2, id, name, short) in &units {
        out.push_str(&format!("{id}\t{country}\t{level}\t{admin1}\t{admin2}\t{short}\t{name}\n"));
    }
    out
}

/// A unit's short name ([`admin_short_name`]) written with its accents where GeoNames' own name lacks
/// them ("Djenne Cercle", "Segou"): the curated gazetteer's name of the unit (same GeoNames id), else
/// one of the row's alternate names, that is the same name once folded and has more accented letters
/// ("Cercle de Djenné" → "Djenné", "Ségou Cercle" → "Ségou"); otherwise the GeoNames name's.
fn accented_short_name(row: &Row<'_>, curated: &[&str]) -> String {
    let short = admin_short_name(row.name);
    let folded = fold(&short);
    let accents = |s: &str| s.chars().filter(|c| c.is_alphabetic() && !c.is_ascii()).count();
    let mut best = short.clone();
    let candidates = curated.iter().copied().chain(row.alternates.split(','));
    for name in candidates.map(admin_short_name) {
        if accents(&name) > accents(&best) && fold(&name) == folded && script_ok(&name) {
            best = name;
        }
    }
    best
}

/// A GeoNames administrative unit's name without its unit word, as conflict data sets write admin
/// names: "Province du Yatenga" → "Yatenga", "Mopti Region" → "Mopti", "Cercle d’ Abeïbara" →
/// "Abeïbara", "Département de Téra" → "Téra"; a name that would be left empty is kept whole.
pub fn admin_short_name(name: &str) -> String {
    const WORDS: &[&str] = &[
        "Province",
        "Cercle",
        "Région",
        "Region",
        "Département",
        "Department",
        "Préfecture",
        "Prefecture",
        "Wilaya",
        "District",
        "Moughataa",
    ];
    const ARTICLES: &[&str] =
        &["de la ", "de l’ ", "de l'", "de l’", "du ", "des ", "de ", "d’ ", "d'", "d’", "of "];
    let trimmed = name.trim();
    let mut short = trimmed;
    for word in WORDS {
        if let Some(rest) = short.strip_prefix(word).and_then(|r| r.strip_prefix(' ')) {
            let rest = ARTICLES.iter().filter_map(|a| rest.strip_prefix(a)).next().unwrap_or(rest);
            short = rest;
            break;
        }
        if let Some(rest) = short.strip_suffix(word).and_then(|r| r.strip_suffix(' ')) {
            short = rest;
            break;
        }
    }
    let short = short.trim();
    if short.is_empty() {
        trimmed.to_string()
    } else {
        short.to_string()
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{GazetteerBuilder, Tagger};

    fn row(id: u64, name: &str, alternates: &str, code: &str, admin1: &str) -> String {
        let class = if code.starts_with("ADM") { "A" } else { "P" };
        format!("{id}\t{name}\t{name}\t{alternates}\t14.5\t-4.2\t{class}\t{code}\tML\t\t{admin1}\t\t\t\t0\t\t280\tAfrica/Bamako\t2023-01-01")
    }

    #[test]
    fn rules_protect_precision_and_the_curated_tier_wins() {
        let dump = [
            row(1, "Région de Mopti", "", "ADM1", "04"),
            row(2, "Sokoura", "Sokora,GAQ", "PPL", "04"),
            row(3, "Table", "", "PPL", "04"),
            row(4, "Moussa", "", "PPL", "04"),
            row(5, "Gao", "", "PPL", "04"),
            row(6, "Ké", "", "PPL", "04"),
            row(7, "Douentza", "", "PPLA2", "04"),
        ]
        .join("\n");
        let curated = {
            let mut b = GazetteerBuilder::new();
            b.add_toml(
                "c.toml",
                "[[entity]]\nid = \"gao\"\nname = \"Gao\"\ntype = \"place\"\n\n[[entity]]\nid = \"douentza\"\nname = \"Douentza\"\ntype = \"place\"\ngeonames = 7\n",
                Tier::Curated,
            );
            b.build().unwrap()
        };
        let mut options = Options::default();
        options.add_word_list("table\nchair\n");
        let (entities, report) = generate(&[("ML.txt".into(), dump)], &curated, &options);
        let ids: Vec<&str> = entities.iter().map(|e| e.id.as_str()).collect();
        // Douentza is curated (same GeoNames id), "Gao" is a curated spelling, "Ké" is too short.
        assert_eq!(ids, ["gn:1", "gn:2", "gn:3", "gn:4"]);
        assert_eq!(report.covered_by_curated, 1);
        let sokoura = &entities[1];
        assert_eq!(
            sokoura.variants.iter().map(|v| v.text.as_str()).collect::<Vec<_>>(),
            ["Sokoura", "Sokora"]
        );
        assert!(sokoura.variants.iter().all(|v| v.case == CaseMode::Capitalized && !v.possible));
        assert_eq!(sokoura.description.as_deref(), Some("Village in Région de Mopti, Mali (GeoNames)"));
        assert_eq!(sokoura.parent.as_deref(), Some("gn:1"));
        assert!(entities[2].variants[0].possible, "a common word");
        assert!(entities[3].variants[0].possible, "a personal name");

        // Tagging with the layer: capitalized only, the curated town stays primary.
        let mut b = GazetteerBuilder::new();
        b.add_toml("c.toml", "[[entity]]\nid = \"gao\"\nname = \"Gao\"\ntype = \"place\"\n", Tier::Curated);
        for e in entities {
            b.add_entity(e);
        }
        let tagger = Tagger::new(b.build().unwrap());
        let text = "À Sokoura et à Gao, la table; SOKORA; sokoura.";
        let found: Vec<(&str, &str)> =
            tagger.tag(text).iter().map(|m| (m.surface(text), tagger.entity(m).id.as_str())).collect();
        assert_eq!(found, [("Sokoura", "gn:2"), ("Gao", "gao"), ("SOKORA", "gn:2")]);
    }
}
