//! The precompiled gazetteer format: entities after merging and the derivation of Arabic spellings,
//! in a compact binary that loads without parsing TOML or TSV and with little folding.
//!
//! Two things are written in it: the embedded gazetteer (by `build.rs`, from `gazetteer/*.toml`, which
//! stay the source of truth: this file is compiled into the build script with `#[path]`, as are the
//! TOML loader and the folding it needs), and the GeoNames layer the page fetches
//! (`sahel-tagger gazetteer compile`). Both carry every field of an [`Entity`], where each
//! entity and spelling was read ([`Origin`], so that diagnostics still name file and line), and how
//! each spelling folds: a flag where the folded form is the text or its ASCII lower case (most
//! spellings); the others (accented, Arabic) are folded when loaded, which costs about a millisecond
//! and saves a sixth of the embedded bytes.
//!
//! Layout: the magic `SAHELGZ1`, then unsigned LEB128 numbers and strings (length, UTF-8 bytes):
//! a table of distinct strings (fields refer to it by index: the descriptions, parents and countries
//! that thousands of villages share are written once), the source names, the diagnostics of the
//! build, then the entities (each with its source and line, and each spelling's line, written as
//! small differences: see `Lines`). Optional strings are written as index + 1 (0: absent); coordinates with
//! at most five decimals as a fixed-point integer (decoded bit for bit: `n / 1e5` is correctly rounded,
//! as parsing the decimal is), others as their eight IEEE bytes.

use std::sync::Arc;

use super::{CaseMode, Diagnostic, Entity, EntityType, Origin, Severity, Tier, Variant};
use crate::arabic_spelling::Derivation;

const MAGIC: &[u8; 8] = b"SAHELGZ1";

/// Whether `folded` is the folding of `text`. Plain ASCII words separated by single spaces fold to
/// their ASCII lower case, which is compared byte by byte; anything else is folded.
fn folds_to(text: &str, folded: &str) -> bool {
    let plain = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ');
    if plain {
        folded.len() == text.len()
            && folded.bytes().zip(text.bytes()).all(|(f, t)| f == t.to_ascii_lowercase())
    } else {
        *folded == *crate::fold::fold(text)
    }
}

/// Whether `bytes` start like a precompiled gazetteer (its magic), so that a file can be told from
/// TOML, spaCy JSONL or TSV before it is read as text.
pub fn is_precompiled(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// A decoded precompiled gazetteer.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Precompiled {
    /// Names of the sources it was built from.
    pub sources: Vec<String>,
    /// Problems found when it was built (the embedded gazetteer's parse errors, if any).
    pub diagnostics: Vec<Diagnostic>,
    /// The entities, with where they were read and the folded form of each variant
    /// ([`Origin::folded`]).
    pub entities: Vec<(Entity, Origin)>,
}

// Entity flags.
const HAS_LAT: u8 = 1;
const HAS_LON: u8 = 2;
const HAS_GEONAMES: u8 = 4;
/// The id is `gn:` and the GeoNames id (not written).
const ID_IS_GEONAMES: u8 = 8;
const LAT_FIXED: u8 = 16;
const LON_FIXED: u8 = 32;

// Variant flags (bits 0-1: the case mode).
const POSSIBLE: u8 = 4;
const DERIVED: u8 = 8;
/// The folded form is the text itself.
const FOLD_SAME: u8 = 16;
/// The folded form is the text in ASCII lower case.
const FOLD_ASCII_LOWER: u8 = 32;
/// The text is the entity's canonical name (not written again).
const TEXT_IS_NAME: u8 = 64;
/// The folded form is not written: folded when loaded (measured on the embedded gazetteer: 56 KB, 15
/// KB gzipped, less to embed, for about a millisecond).
const FOLD_AT_LOAD: u8 = 128;

/// Writes a precompiled gazetteer. Every entity's [`Origin::folded`] must hold its variants' folded
/// forms.
pub(crate) fn encode(gazetteer: &Precompiled) -> Vec<u8> {
    // Strings in first-use order: the frequent ones get the short indices (sorting them, measured,
    // makes the GeoNames layer 2 % larger gzipped).
    let mut strings = Strings::default();
    let body = encode_body(gazetteer, &mut strings);
    let mut out = MAGIC.to_vec();
    put(&mut out, strings.list.len() as u64);
    for s in &strings.list {
        put(&mut out, s.len() as u64);
        out.extend_from_slice(s.as_bytes());
    }
    out.extend_from_slice(&body);
    out
}

fn encode_body(gazetteer: &Precompiled, strings: &mut Strings) -> Vec<u8> {
    let mut body = vec![];
    put(&mut body, gazetteer.sources.len() as u64);
    for s in &gazetteer.sources {
        put(&mut body, strings.id(s));
    }
    put(&mut body, gazetteer.diagnostics.len() as u64);
    for d in &gazetteer.diagnostics {
        body.push(match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
        });
        put(&mut body, strings.id(&d.source));
        put(&mut body, d.line.map_or(0, |l| l as u64 + 1));
        put(&mut body, strings.id(&d.message));
    }
    put(&mut body, gazetteer.entities.len() as u64);
    let mut lines = Lines::default();
    for (e, origin) in &gazetteer.entities {
        let folded = &origin.folded;
        assert_eq!(folded.len(), e.variants.len(), "one folded form per variant");
        let mut flags = 0;
        let fixed = |v: f64| {
            let n = (v * 1e5).round();
            (n.abs() < 1e15 && n / 1e5 == v).then_some(n as i64)
        };
        let (lat_fixed, lon_fixed) = (e.lat.and_then(fixed), e.lon.and_then(fixed));
        for (on, flag) in [
            (e.lat.is_some(), HAS_LAT),
            (e.lon.is_some(), HAS_LON),
            (e.geonames.is_some(), HAS_GEONAMES),
            (e.geonames.is_some_and(|g| e.id == format!("gn:{g}")), ID_IS_GEONAMES),
            (lat_fixed.is_some(), LAT_FIXED),
            (lon_fixed.is_some(), LON_FIXED),
        ] {
            if on {
                flags |= flag;
            }
        }
        body.push(flags);
        body.push(kind_code(e.kind));
        body.push(tier_code(e.tier));
        if flags & ID_IS_GEONAMES == 0 {
            put(&mut body, strings.id(&e.id));
        }
        put(&mut body, strings.id(&e.name));
        let (subtype, description, parent, country) =
            (e.subtype.as_deref(), e.description.as_deref(), e.parent.as_deref(), e.country.as_deref());
        for field in [subtype, description, e.lineage.as_deref(), parent, country, e.wikidata.as_deref()] {
            put(&mut body, field.map_or(0, |s| strings.id(s) + 1));
        }
        for (value, fixed) in [(e.lat, lat_fixed), (e.lon, lon_fixed)] {
            match (value, fixed) {
                (_, Some(n)) => put(&mut body, zigzag(n)),
                (Some(v), None) => body.extend_from_slice(&v.to_le_bytes()),
                (None, None) => {}
            }
        }
        if let Some(g) = e.geonames {
            put(&mut body, g);
        }
        put(&mut body, strings.id(&origin.source));
        put(&mut body, lines.entity(origin.line));
        put(&mut body, e.variants.len() as u64);
        for (i, (v, f)) in e.variants.iter().zip(folded).enumerate() {
            let mut flags = case_code(v.case);
            if v.possible {
                flags |= POSSIBLE;
            }
            if v.derived.is_some() {
                flags |= DERIVED;
            }
            if **f == *v.text {
                flags |= FOLD_SAME;
            } else if **f == v.text.to_ascii_lowercase() {
                flags |= FOLD_ASCII_LOWER;
            } else if **f == crate::fold::fold(&v.text) {
                flags |= FOLD_AT_LOAD;
            }
            if v.text == e.name {
                flags |= TEXT_IS_NAME;
            }
            body.push(flags);
            if flags & TEXT_IS_NAME == 0 {
                put(&mut body, strings.id(&v.text));
            }
            if flags & (FOLD_SAME | FOLD_ASCII_LOWER | FOLD_AT_LOAD) == 0 {
                put(&mut body, strings.id(f));
            }
            if let Some(d) = &v.derived {
                put(&mut body, strings.id(&d.from));
                put(&mut body, strings.id(&d.rule));
            }
            put(&mut body, lines.variant(origin.variant_lines.get(i).copied().flatten()));
        }
    }
    body
}

/// Reads a precompiled gazetteer, or says why the bytes are not one. `check_folding`: every folded
/// form the bytes give is checked to be its spelling's folding (a file a user loads); the embedded
/// gazetteer, written by this crate's build from the same folding (a test compares them), is not.
pub(crate) fn decode(bytes: &[u8], check_folding: bool) -> Result<Precompiled, String> {
    let mut r = Reader { bytes, at: 0 };
    if bytes.get(..MAGIC.len()) != Some(&MAGIC[..]) {
        return Err("not a precompiled sahel-tagger gazetteer (no SAHELGZ1 header)".into());
    }
    r.at = MAGIC.len();
    let count = r.count()?;
    let mut strings: Vec<&str> = Vec::with_capacity(count);
    for _ in 0..count {
        let len = r.count()?;
        let raw = r.take(len)?;
        let text = std::str::from_utf8(raw).map_err(|_| r.error("a string is not UTF-8"))?;
        strings.push(text);
    }
    let string = |r: &mut Reader, strings: &[&str]| -> Result<String, String> {
        let i = r.count()?;
        strings.get(i).map(|s| s.to_string()).ok_or_else(|| r.error("string index out of range"))
    };
    let optional = |r: &mut Reader, strings: &[&str]| -> Result<Option<String>, String> {
        match r.count()? {
            0 => Ok(None),
            i => strings
                .get(i - 1)
                .map(|s| Some(s.to_string()))
                .ok_or_else(|| r.error("string index out of range")),
        }
    };
    // The strings entities share (source, subtype, description, parent, country): one allocation each.
    let mut shared = Shared { strings: &strings, interned: vec![None; strings.len()] };
    // Lines are counted from 1; the encoder writes a line as line + 1 and no line as 0.
    let line = |r: &mut Reader| -> Result<Option<usize>, String> {
        match r.number()? {
            0 => Ok(None),
            n => line_number(n - 1).map(Some).ok_or_else(|| r.error("line number out of range")),
        }
    };
    let mut out = Precompiled::default();
    for _ in 0..r.count()? {
        out.sources.push(string(&mut r, &strings)?);
    }
    for _ in 0..r.count()? {
        let severity = match r.byte()? {
            0 => Severity::Error,
            _ => Severity::Warning,
        };
        let source = string(&mut r, &strings)?;
        let line = line(&mut r)?;
        let message = string(&mut r, &strings)?;
        if message.trim().is_empty() {
            // Shown to the user as the reason a layer loads with a warning or not at all.
            return Err(r.error("a diagnostic without a message"));
        }
        out.diagnostics.push(Diagnostic { severity, source, line, message });
    }
    let count = r.count()?;
    out.entities.reserve(count);
    let mut lines = LineReader::default();
    for _ in 0..count {
        let flags = r.byte()?;
        let kind = *EntityType::ALL.get(r.byte()? as usize).ok_or_else(|| r.error("unknown entity type"))?;
        let tier = *Tier::ALL.get(r.byte()? as usize).ok_or_else(|| r.error("unknown tier"))?;
        let id = if flags & ID_IS_GEONAMES == 0 { Some(string(&mut r, &strings)?) } else { None };
        let name = string(&mut r, &strings)?;
        let subtype = shared.optional(&mut r)?;
        let description = shared.optional(&mut r)?;
        let lineage = optional(&mut r, &strings)?;
        let parent = shared.optional(&mut r)?;
        let country = shared.optional(&mut r)?;
        let wikidata = optional(&mut r, &strings)?;
        let mut coordinate = |has: u8, fixed: u8| -> Result<Option<f64>, String> {
            if flags & has == 0 {
                Ok(None)
            } else if flags & fixed != 0 {
                Ok(Some(unzigzag(r.number()?) as f64 / 1e5))
            } else {
                let raw = r.take(8)?;
                Ok(Some(f64::from_le_bytes(raw.try_into().expect("eight bytes"))))
            }
        };
        let lat = coordinate(HAS_LAT, LAT_FIXED)?;
        let lon = coordinate(HAS_LON, LON_FIXED)?;
        let geonames = if flags & HAS_GEONAMES != 0 { Some(r.number()?) } else { None };
        let id = match (id, geonames) {
            (Some(id), _) => id,
            (None, Some(g)) => geonames_id(g),
            (None, None) => return Err(r.error("an entity has no id")),
        };
        let source = shared.string(&mut r)?;
        let entity_line = lines.entity(r.number()?).ok_or_else(|| r.error("line number out of range"))?;
        let variant_count = r.count()?;
        let mut variants = Vec::with_capacity(variant_count);
        let mut folded = Vec::with_capacity(variant_count);
        let mut variant_lines = Vec::with_capacity(variant_count);
        for _ in 0..variant_count {
            let flags = r.byte()?;
            let text = if flags & TEXT_IS_NAME != 0 { name.clone() } else { string(&mut r, &strings)? };
            let fold: Box<str> = if flags & FOLD_AT_LOAD != 0 && flags & (FOLD_SAME | FOLD_ASCII_LOWER) == 0 {
                crate::fold::fold(&text).into_boxed_str()
            } else {
                let claimed: Box<str> = if flags & FOLD_SAME != 0 {
                    text.as_str().into()
                } else if flags & FOLD_ASCII_LOWER != 0 {
                    text.to_ascii_lowercase().into_boxed_str()
                } else {
                    string(&mut r, &strings)?.into_boxed_str()
                };
                // The automaton is built from this form: one that is not the spelling's folding (a
                // damaged file, or bytes made to look like a layer) would match other text than the
                // spelling says. Checked without folding for the plain ASCII words most spellings are.
                if check_folding && !folds_to(&text, &claimed) {
                    return Err(r.error(&format!("the folded form of {text:?} is not its folding")));
                }
                claimed
            };
            let derived = if flags & DERIVED != 0 {
                let from = string(&mut r, &strings)?;
                let rule = string(&mut r, &strings)?;
                Some(Box::new(Derivation { from, rule }))
            } else {
                None
            };
            let case = match flags & 3 {
                0 => CaseMode::Insensitive,
                1 => CaseMode::Exact,
                _ => CaseMode::Capitalized,
            };
            variants.push(Variant { text, case, possible: flags & POSSIBLE != 0, derived });
            folded.push(fold);
            let variant_line =
                lines.variant(r.number()?).ok_or_else(|| r.error("line number out of range"))?;
            variant_lines.push(variant_line);
        }
        let entity = Entity {
            id,
            name,
            kind,
            subtype,
            variants,
            description,
            lineage,
            parent,
            country,
            lat,
            lon,
            geonames,
            wikidata,
            tier,
        };
        out.entities.push((entity, Origin { source, line: entity_line, variant_lines, folded }));
    }
    if r.at != bytes.len() {
        return Err(r.error("trailing bytes"));
    }
    Ok(out)
}

/// A gazetteer layer in the precompiled format, from entities (the GeoNames layer the page fetches:
/// `sahel-tagger gazetteer compile`); `source` says where it comes from (written as the layer's one
/// source name: the GeoNames credit). Load it with
/// [`GazetteerBuilder::add_precompiled`](super::GazetteerBuilder::add_precompiled).
pub fn encode_layer(source: &str, entities: &[Entity]) -> Vec<u8> {
    let entities = entities
        .iter()
        .map(|entity| {
            let origin = Origin {
                source: "".into(),
                line: None,
                variant_lines: vec![None; entity.variants.len()],
                folded: entity.variants.iter().map(|v| crate::fold::fold(&v.text).into_boxed_str()).collect(),
            };
            (entity.clone(), origin)
        })
        .collect();
    encode(&Precompiled { sources: vec![source.to_string()], diagnostics: vec![], entities })
}

fn kind_code(kind: EntityType) -> u8 {
    EntityType::ALL.iter().position(|&k| k == kind).expect("every type is listed") as u8
}

fn tier_code(tier: Tier) -> u8 {
    Tier::ALL.iter().position(|&t| t == tier).expect("every tier is listed") as u8
}

fn case_code(case: CaseMode) -> u8 {
    match case {
        CaseMode::Insensitive => 0,
        CaseMode::Exact => 1,
        CaseMode::Capitalized => 2,
    }
}

/// The decoder's strings that entities share, each made once (an `Arc`) and handed out again.
struct Shared<'s> {
    strings: &'s [&'s str],
    interned: Vec<Option<Arc<str>>>,
}

impl Shared<'_> {
    /// The string whose index is read next.
    fn string(&mut self, r: &mut Reader) -> Result<Arc<str>, String> {
        let i = r.count()?;
        self.at(r, i)
    }

    /// The optional string whose index is read next (written as index + 1, 0 for none).
    fn optional(&mut self, r: &mut Reader) -> Result<Option<Arc<str>>, String> {
        match r.count()? {
            0 => Ok(None),
            i => self.at(r, i - 1).map(Some),
        }
    }

    fn at(&mut self, r: &Reader, i: usize) -> Result<Arc<str>, String> {
        let text = *self.strings.get(i).ok_or_else(|| r.error("string index out of range"))?;
        Ok(self.interned[i].get_or_insert_with(|| text.into()).clone())
    }
}

/// `gn:` and the GeoNames id, the id of a generated entity, written without the formatting machinery
/// (a tenth of a layer's decoding when it was `format!`).
fn geonames_id(id: u64) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = id;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(3 + digits.len() - at);
    out.push_str("gn:");
    out.extend(digits[at..].iter().map(|&d| d as char));
    out
}

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

/// Line numbers, written as differences (most are small: a TSV layer's entities follow each other
/// line by line, a variant is listed a few lines below its entity's header, or on the same line), so
/// that keeping them costs a byte apiece, which gzip all but removes. 0 is "no line"; else the
/// zigzagged difference + 1, an entity's from the previous entity's line, a variant's from its
/// entity's.
#[derive(Default)]
struct Lines {
    /// The last entity line written or read, and the current entity's.
    previous: i64,
    entity: Option<i64>,
}

impl Lines {
    fn entity(&mut self, line: Option<usize>) -> u64 {
        self.entity = line.map(|l| l as i64);
        line.map_or(0, |l| {
            let code = zigzag(l as i64 - self.previous) + 1;
            self.previous = l as i64;
            code
        })
    }

    fn variant(&self, line: Option<usize>) -> u64 {
        line.map_or(0, |l| zigzag(l as i64 - self.entity.unwrap_or(0)) + 1)
    }
}

/// The reading side of [`Lines`]; `None` for a line that is not a valid number (a corrupt file).
#[derive(Default)]
struct LineReader {
    previous: i64,
    entity: Option<i64>,
}

impl LineReader {
    fn entity(&mut self, code: u64) -> Option<Option<usize>> {
        if code == 0 {
            self.entity = None;
            return Some(None);
        }
        let line = self.previous.checked_add(unzigzag(code - 1))?;
        let line_usize = line_number(line)?;
        self.previous = line;
        self.entity = Some(line);
        Some(Some(line_usize))
    }

    fn variant(&self, code: u64) -> Option<Option<usize>> {
        if code == 0 {
            return Some(None);
        }
        let line = self.entity.unwrap_or(0).checked_add(unzigzag(code - 1))?;
        Some(Some(line_number(line)?))
    }
}

/// `n` as a line number, which counts from 1: `None` for 0, a negative number or one too large.
fn line_number<N: TryInto<usize>>(n: N) -> Option<usize> {
    n.try_into().ok().filter(|&line| line >= 1)
}

/// Appends `n` as unsigned LEB128.
fn put(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The table of distinct strings, in first-use order.
#[derive(Default)]
struct Strings {
    list: Vec<String>,
    index: std::collections::HashMap<String, u64>,
}

impl Strings {
    fn id(&mut self, s: &str) -> u64 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.list.len() as u64;
        self.list.push(s.to_string());
        self.index.insert(s.to_string(), i);
        i
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, what: &str) -> String {
        format!("corrupt precompiled gazetteer at byte {}: {what}", self.at)
    }

    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or_else(|| self.error("unexpected end"))?;
        self.at += 1;
        Ok(b)
    }

    fn number(&mut self) -> Result<u64, String> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(self.error("number too long"))
    }

    /// A count or length: also no more than the bytes left, so that a corrupt file never makes a huge
    /// allocation.
    fn count(&mut self) -> Result<usize, String> {
        let n = self.number()?;
        if n > self.bytes.len() as u64 {
            return Err(self.error("count larger than the file"));
        }
        Ok(n as usize)
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(len).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| self.error("unexpected end"))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{tsv, GazetteerBuilder, Tier};

    #[test]
    fn geonames_ids_are_written_as_format_writes_them() {
        for id in [0, 7, 10, 2_457_163, 99_999_999, u64::MAX] {
            assert_eq!(geonames_id(id), format!("gn:{id}"));
        }
    }

    fn village(id: u64, name: &str, spellings: &[&str]) -> Entity {
        let mut village = Entity::new(format!("gn:{id}"), name, EntityType::Place);
        village.variants =
            vec![Variant { text: name.into(), case: CaseMode::Capitalized, possible: true, derived: None }];
        village.variants.extend(spellings.iter().map(|s| Variant::new(*s)));
        village.subtype = Some("village".into());
        village.country = Some("ML".into());
        village.parent = Some("kayes_region".into());
        village.description = Some("Village in Kayes Region, Mali (GeoNames)".into());
        village.lat = Some(13.6835);
        village.lon = Some(-12.04848);
        village.geonames = Some(id);
        village.tier = Tier::Geonames;
        village
    }

    #[test]
    fn entities_read_back_field_for_field() {
        let mut moussala = village(2248217, "Moussala", &["Mousséla"]);
        moussala.variants.push(Variant::exact("MSL"));
        let mut odd = Entity::new("x", "X town", EntityType::Force);
        odd.lat = Some(0.1 + 0.2); // not five decimals: written as IEEE bytes
        odd.lon = Some(-1e-9);
        odd.lineage = Some("since 2017".into());
        odd.wikidata = Some("Q1".into());
        odd.variants.push(Variant {
            text: "إكس".into(),
            case: CaseMode::Insensitive,
            possible: false,
            derived: Some(Box::new(Derivation { from: "X town".into(), rule: "test".into() })),
        });
        let entities = vec![moussala, odd];
        let bytes = encode_layer("layer.bin", &entities);
        let decoded = decode(&bytes, true).unwrap();
        assert_eq!(decoded.sources, ["layer.bin"]);
        let back: Vec<Entity> = decoded.entities.iter().map(|(e, _)| e.clone()).collect();
        assert_eq!(back, entities);
        assert_eq!(&*decoded.entities[0].1.folded, &["moussala".into(), "moussela".into(), "msl".into()][..]);
        for (entity, origin) in &decoded.entities {
            let folded: Vec<Box<str>> =
                entity.variants.iter().map(|v| crate::fold::fold(&v.text).into_boxed_str()).collect();
            assert_eq!(origin.folded, folded, "{}", entity.id);
        }
        // Diagnostics and lines, as the embedded gazetteer carries them.
        let with_lines = Precompiled {
            sources: vec!["a.toml".into(), "b.toml".into()],
            diagnostics: vec![Diagnostic {
                severity: Severity::Warning,
                source: "b.toml".into(),
                line: Some(70_000),
                message: "a warning".into(),
            }],
            entities: decoded
                .entities
                .into_iter()
                .zip([(Some(40), "b.toml"), (Some(3), "a.toml")])
                .map(|((entity, mut origin), (line, source))| {
                    origin.source = source.into();
                    origin.line = line;
                    origin.variant_lines =
                        (0..entity.variants.len()).map(|v| Some(line.unwrap() + v)).collect();
                    origin.variant_lines[0] = None;
                    (entity, origin)
                })
                .collect(),
        };
        assert_eq!(decode(&encode(&with_lines), true).unwrap(), with_lines);
        // A diagnostic must say something (found by the fuzz target: an empty warning).
        let mut silent = with_lines;
        silent.diagnostics[0].message = " ".into();
        let error = decode(&encode(&silent), true).unwrap_err();
        assert!(error.contains("a diagnostic without a message"), "{error}");
        // Lines are counted from 1: a line 0 (written as 1) is not one, wherever it is read.
        let mut zero = silent.clone();
        zero.diagnostics[0].message = "a warning".into();
        zero.diagnostics[0].line = Some(0);
        let error = decode(&encode(&zero), true).unwrap_err();
        assert!(error.contains("line number out of range"), "{error}");
        let mut zero = silent;
        zero.diagnostics.clear();
        zero.entities[1].1.line = Some(0);
        zero.entities[1].1.variant_lines = vec![None; zero.entities[1].0.variants.len()];
        let error = decode(&encode(&zero), true).unwrap_err();
        assert!(error.contains("line number out of range"), "{error}");
    }

    /// A layer whose folded form is not its spelling's folding is refused (found by the
    /// load_precompiled fuzz target: "Seed layerХ…" flagged as folding to its ASCII lower case, which
    /// keeps the Cyrillic capital, made a pattern that the spelling itself only matched tolerantly).
    #[test]
    fn a_folded_form_that_is_not_the_folding_is_refused() {
        let entity = village(9990002, "Kelmoura", &["Seed layerХ villages", "كلمورة"]);
        let bytes = encode_layer("layer.bin", std::slice::from_ref(&entity));
        for (variant, wrong) in [(1, "seed layerХ villages"), (2, "كلموره x")] {
            let mut forged = decode(&bytes, true).unwrap();
            forged.entities[0].1.folded[variant] = wrong.into();
            let forged_bytes = encode(&forged);
            let error = decode(&forged_bytes, true).unwrap_err();
            assert!(error.contains("is not its folding"), "{error}");
            assert_eq!(
                decode(&forged_bytes, false).unwrap(),
                forged,
                "unchecked, the form is taken as written"
            );
        }
    }

    /// A GeoNames-style layer (TSV, as `sahel-tagger gazetteer geonames` writes it) compiled as
    /// `sahel-tagger gazetteer compile` does, then loaded over the embedded gazetteer: the same
    /// gazetteer as loading the TSV itself, and its diagnostics still name the TSV's lines.
    #[test]
    fn a_compiled_layer_loads_as_its_text_does() {
        let mut entities = vec![
            village(2248217, "Moussala", &["Mousséla", "موسالا"]),
            village(2253519, "Bountou", &["Bontou", "Bountou Malinke"]),
            village(9990001, "Tombouctou-Koïra", &["Gao"]), // "Gao": the embedded town's (a warning)
        ];
        entities[1].lat = Some(12.5);
        entities[1].lon = None;
        entities[1].parent = None;
        let text = tsv::format_layer("GeoNames extract (test), CC BY 4.0", &entities);
        let from_text = {
            let mut builder = GazetteerBuilder::with_embedded();
            builder.add_tsv("geonames.tsv", &text, Tier::Geonames);
            builder.build().unwrap()
        };
        let mut builder = GazetteerBuilder::with_embedded();
        builder.add_tsv("geonames.tsv", &text, Tier::Geonames);
        let (bytes, count) = builder.compile(Tier::Geonames, "GeoNames (test)").unwrap();
        assert_eq!(count, 3);
        let from_binary = {
            let mut builder = GazetteerBuilder::with_embedded();
            builder.add_precompiled("geonames.bin", &bytes, Tier::Geonames);
            builder.build().unwrap()
        };
        assert_eq!(from_binary.entities(), from_text.entities());
        for i in 0..from_text.entities().len() {
            assert_eq!(from_binary.folded_variants(i), from_text.folded_variants(i));
        }
        let warning = from_text
            .diagnostics()
            .iter()
            .find(|d| d.message.contains("gn:9990001"))
            .expect("the shared spelling is warned about");
        assert_eq!((warning.source.as_str(), warning.line), ("geonames.tsv", Some(4)));
        assert_eq!(from_binary.diagnostics(), from_text.diagnostics());
        assert!(from_binary.sources().iter().any(|s| s == "geonames.bin"));
    }

    /// A diagnostic in a layer that names no source is about the layer, as an entity without a
    /// source is (found by the load_precompiled fuzz target: a warning shown as ": warning: …").
    #[test]
    fn a_layer_diagnostic_without_a_source_names_the_layer() {
        let mut layer = decode(&encode_layer("", &[village(2248217, "Moussala", &["MSL"])]), true).unwrap();
        layer.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            source: String::new(),
            line: Some(2),
            message: "kept from the compiled source".into(),
        });
        let mut builder = GazetteerBuilder::with_embedded();
        builder.add_precompiled("layer.bin", &encode(&layer), Tier::Geonames);
        let gazetteer = builder.build().unwrap();
        let kept = gazetteer.diagnostics().iter().find(|d| d.message.starts_with("kept")).unwrap();
        assert_eq!(kept.to_string(), "layer.bin:2: warning: kept from the compiled source");
    }

    #[test]
    fn corrupt_or_truncated_bytes_are_errors_of_the_source_never_panics() {
        let entities = vec![village(2248217, "Moussala", &["Mousséla", "MSL"])];
        let bytes = encode_layer("layer.bin", &entities);
        let load = |bytes: &[u8]| {
            let mut builder = GazetteerBuilder::new();
            builder.add_precompiled("layer.bin", bytes, Tier::Geonames);
            builder.build()
        };
        // Every truncation is an error that names the file and says what is wrong.
        for cut in 0..bytes.len() {
            let error = load(&bytes[..cut]).unwrap_err().to_string();
            assert!(error.contains("\nlayer.bin: error: "), "cut at {cut}: {error}");
            let expected = if cut < MAGIC.len() {
                "no SAHELGZ1 header"
            } else {
                "corrupt precompiled gazetteer at byte"
            };
            assert!(error.contains(expected), "cut at {cut}: {error}");
        }
        assert!(load(&[&bytes[..], b"x"].concat()).unwrap_err().to_string().contains("trailing bytes"));
        assert!(load(b"name\tother\n").unwrap_err().to_string().contains("no SAHELGZ1 header"));
        // Any byte changed: an error or some gazetteer, never a panic (nor a huge allocation).
        for at in MAGIC.len()..bytes.len() {
            for value in [0x00, 0x01, 0x7f, 0x80, 0xff, bytes[at] ^ 0x10] {
                let mut corrupt = bytes.clone();
                corrupt[at] = value;
                let _ = load(&corrupt);
            }
        }
    }
}
