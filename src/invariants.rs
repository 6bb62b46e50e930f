//! Invariants that hold for every input, checked by the property tests (`tests/properties.rs`) and by
//! the fuzz targets (`fuzz/`), so that both check exactly the same things.
//!
//! Not part of the supported API: each check returns `Err` with a description of the first broken
//! invariant (the caller panics or fails a proptest case with it), and never panics itself on a
//! well-formed [`Tagger`] result.

use crate::fold::{fold, is_word_char};
use crate::gazetteer::{tsv, Diagnostic, Gazetteer, GazetteerBuilder, LoadError, Severity, Tier};
use crate::{Mention, Tagger};

/// Tags `text` and checks everything about the result: [`mentions`], [`offsets`] and [`folding`].
pub fn tagging(tagger: &Tagger, text: &str) -> Result<Vec<Mention>, String> {
    let found = tagger.tag(text);
    mentions(tagger, text, &found)?;
    offsets(text, &found)?;
    folding(text)?;
    Ok(found)
}

/// Mentions are non-empty, sorted, disjoint, on character and word boundaries (an Arabic name may
/// follow proclitics, any other name و ف ب ل ك), their surface folds to the variant that matched (or to it without its article
/// after `لل`, or without the rank or title before a person's name, or without a designator before an opening quote; unless grown over a place designator), and they point at an entity and variant that exist, the entity first among the
/// candidates.
pub fn mentions(tagger: &Tagger, text: &str, mentions: &[Mention]) -> Result<(), String> {
    let entities = tagger.gazetteer().entities();
    let mut last_end = 0;
    for m in mentions {
        let at = || format!("{m:?} in {text:?}");
        if m.start >= m.end || m.end > text.len() {
            return Err(format!("empty or out-of-range mention {}", at()));
        }
        if m.start < last_end {
            return Err(format!("overlap or disorder: {mentions:?} in {text:?}"));
        }
        last_end = m.end;
        if !text.is_char_boundary(m.start) || !text.is_char_boundary(m.end) {
            return Err(format!("mention cuts a character: {}", at()));
        }
        if text[m.end..].chars().next().is_some_and(is_word_char) {
            return Err(format!("a word character follows the mention: {}", at()));
        }
        if let Some(before) = text[..m.start].chars().next_back() {
            let arabic_name = m.surface(text).starts_with(|c| ('\u{0620}'..='\u{06FF}').contains(&c));
            // Any other name may follow و ف ب ل ك alone ("وFrance24").
            let clitics =
                crate::matcher::proclitic_prefix(text, m.start) == Some(crate::arabic::Prefix::Clitic);
            if is_word_char(before) && !arabic_name && !clitics {
                return Err(format!("a word character precedes the mention: {}", at()));
            }
        }
        let Some(entity) = entities.get(m.entity.0 as usize) else {
            return Err(format!("entity index out of range: {}", at()));
        };
        // A grammar mention's variant indexes the grammar's phrases (see `Tagger::variant`).
        let variant = match (m.kind, entity.variants.get(m.variant as usize)) {
            (crate::MatchKind::Grammar, _) => None,
            (_, Some(v)) => Some(v),
            (_, None) => return Err(format!("variant index out of range: {}", at())),
        };
        if m.candidates.first() != Some(&m.entity) {
            return Err(format!("the entity is not the first candidate: {}", at()));
        }
        if m.candidates.iter().any(|c| c.0 as usize >= entities.len()) {
            return Err(format!("candidate index out of range: {}", at()));
        }
        let Some(variant) = variant else { continue };
        let variant = fold(&variant.text);
        let surface = fold(m.surface(text));
        // An exact mention folds to its variant; a tolerant one differs from the variant it
        // approximates and has at least two words, or is one Arabic word with the variant's skeleton; a grammar phrase or a mention grown over a place
        // designator ("province de Kossi") need not fold to any variant.
        // A person's rank or title is left out of the mention ("capitaine Traoré" → "Traoré").
        let titled = entity.kind == crate::EntityType::Person && variant.ends_with(&format!(" {surface}"));
        // So is the designator before an opening quote ("عملية ‘الماهاو’" for "عملية ألماهاو").
        let quoted = variant.ends_with(&format!(" {surface}"))
            && (text[..m.start].ends_with(crate::cues::is_opening_quote)
                // A quote typed as two marks ("‘’Niya’’").
                || text[..m.start]
                    .trim_end_matches(crate::cues::is_closing_quote)
                    .ends_with(crate::cues::is_opening_quote))
            && text[m.end..].starts_with(crate::cues::is_closing_quote);
        // The article may be the variant's and not written (after "لل"), or written and not the
        // variant's ("الإيكواس" for "إيكواس").
        let same = surface == variant
            || format!("ال{surface}") == variant
            || format!("ال{variant}") == surface
            || titled
            || quoted;
        match m.kind {
            // Linked by context to a same-name unit ("the regions of Ménaka and Gao"): the unit's
            // variants need not include the bare name.
            _ if m.designator || m.reason.is_some() => {}
            crate::MatchKind::Exact if !same => {
                return Err(format!("surface {surface:?} does not fold to variant {variant:?}: {}", at()));
            }
            // One word may only be approximated by its Arabic skeleton (crate::arabic_skeleton).
            crate::MatchKind::Tolerant
                if same || (!surface.contains(' ') && !same_skeleton(&surface, &variant)) =>
            {
                return Err(format!("tolerant {surface:?} for variant {variant:?}: {}", at()));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Whether one Arabic word has the skeleton of `variant`, either with or without an article (the
/// mention starts at an article the variant may lack, and the variant may have one the text lacks).
fn same_skeleton(surface: &str, variant: &str) -> bool {
    let of = crate::arabic_skeleton::skeleton;
    fn bare(word: &str) -> [&str; 2] {
        [word, word.strip_prefix("ال").unwrap_or(word)]
    }
    bare(surface)
        .into_iter()
        .filter_map(of)
        .any(|s| bare(variant).into_iter().any(|v| of(v).as_ref() == Some(&s)))
}

/// The code point and UTF-16 offsets of [`Tagger::char_spans`] and [`Tagger::utf16_spans`] slice out
/// the same surfaces as the byte offsets.
pub fn offsets(text: &str, mentions: &[Mention]) -> Result<(), String> {
    let chars: Vec<char> = text.chars().collect();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let char_spans = Tagger::char_spans(text, mentions);
    let utf16_spans = Tagger::utf16_spans(text, mentions);
    if char_spans.len() != mentions.len() || utf16_spans.len() != mentions.len() {
        return Err(format!("span count differs from mention count in {text:?}"));
    }
    for ((m, &(s, e)), &(us, ue)) in mentions.iter().zip(&char_spans).zip(&utf16_spans) {
        let surface = m.surface(text);
        if s > e || e > chars.len() || chars[s..e].iter().collect::<String>() != surface {
            return Err(format!("code point span {s}..{e} does not slice {surface:?} out of {text:?}"));
        }
        if us > ue || ue > utf16.len() || String::from_utf16(&utf16[us..ue]).ok().as_deref() != Some(surface)
        {
            return Err(format!("UTF-16 span {us}..{ue} does not slice {surface:?} out of {text:?}"));
        }
    }
    Ok(())
}

/// Folding is idempotent: folded text folds to itself.
pub fn folding(text: &str) -> Result<(), String> {
    let once = fold(text);
    let twice = fold(&once);
    if once != twice {
        return Err(format!("fold is not idempotent on {text:?}: {once:?} then {twice:?}"));
    }
    Ok(())
}

/// A gazetteer loader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loader {
    /// The project's TOML files ([`GazetteerBuilder::add_toml`]).
    Toml,
    /// spaCy EntityRuler pattern lines ([`GazetteerBuilder::add_spacy_jsonl`]).
    SpacyJsonl,
    /// Generated tab-separated layers ([`GazetteerBuilder::add_tsv`]).
    Tsv,
    /// Format chosen from the content ([`GazetteerBuilder::add_auto`] with a name without extension).
    Auto,
}

impl Loader {
    /// Every loader.
    pub const ALL: [Loader; 4] = [Loader::Toml, Loader::SpacyJsonl, Loader::Tsv, Loader::Auto];

    /// The source name given to the loader (its extension picks the format for [`GazetteerBuilder::add_auto`]).
    pub fn source_name(self) -> &'static str {
        match self {
            Loader::Toml => "fuzz.toml",
            Loader::SpacyJsonl => "fuzz.jsonl",
            Loader::Tsv => "fuzz.tsv",
            Loader::Auto => "fuzz-input",
        }
    }
}

/// Loads `text` with `loader` (in `tier`) and checks that the loader answers with a gazetteer or with
/// errors, never a panic, and that its answer is sound:
///
/// * a failed build reports at least one error, errors before warnings, each naming the source, with
///   a message, and with a line (when it gives one) inside the text;
/// * a successful build has no error; every entity can be looked up by its id and has variants that
///   fold to something; the layer writer's output reads back to the same ids and types; and the gazetteer tags its own variants, and `text` itself, within [`tagging`]'s
///   invariants.
///
/// Returns the gazetteer when it built.
pub fn loader(loader: Loader, text: &str, tier: Tier) -> Result<Option<Gazetteer>, String> {
    let source = loader.source_name();
    let mut builder = GazetteerBuilder::new();
    match loader {
        Loader::Toml => builder.add_toml(source, text, tier),
        Loader::SpacyJsonl => builder.add_spacy_jsonl(source, text, tier),
        Loader::Tsv => builder.add_tsv(source, text, tier),
        Loader::Auto => builder.add_auto(source, text, tier),
    };
    match builder.build() {
        Err(error) => load_error(source, text, &error).map(|()| None),
        Ok(gazetteer) => loaded(Some(source), text, &gazetteer).map(|()| Some(gazetteer)),
    }
}

/// Loads `bytes` as a precompiled layer ([`GazetteerBuilder::add_precompiled`], the format of
/// `sahel-tagger gazetteer compile` and of the page's `geonames.bin.gz`): any bytes give a gazetteer or
/// an error of the source, never a panic, and a gazetteer that loads passes the checks of [`loader`].
/// The decoded diagnostics' lines are those of the compiled source, not of `bytes`.
pub fn precompiled_loader(bytes: &[u8], tier: Tier) -> Result<Option<Gazetteer>, String> {
    let source = "fuzz.bin";
    let mut builder = GazetteerBuilder::new();
    builder.add_precompiled(source, bytes, tier);
    match builder.build() {
        Err(error) => {
            if error.errors().next().is_none() {
                return Err(format!("the build failed without an error diagnostic: {:?}", error.diagnostics));
            }
            decoded_diagnostics(&error.diagnostics).map(|()| None)
        }
        Ok(gazetteer) => {
            decoded_diagnostics(gazetteer.diagnostics())?;
            loaded(None, "", &gazetteer).map(|()| Some(gazetteer))
        }
    }
}

/// A decoding error names the layer; a diagnostic decoded from it names the file and line it was
/// compiled from (recorded in the bytes), or the layer when it names none; lines count from 1.
fn decoded_diagnostics(diagnostics: &[Diagnostic]) -> Result<(), String> {
    match diagnostics.iter().find(|d| d.source.is_empty() || d.message.trim().is_empty() || d.line == Some(0))
    {
        Some(d) => Err(format!("diagnostic without its source, a message or a line: {d:?}")),
        None => Ok(()),
    }
}

fn load_error(source: &str, text: &str, error: &LoadError) -> Result<(), String> {
    let last_line = text.matches('\n').count() + 1;
    if error.errors().next().is_none() {
        return Err(format!("the build failed without an error diagnostic: {:?}", error.diagnostics));
    }
    if !error.diagnostics.is_sorted_by_key(|d| d.severity) {
        return Err(format!("warnings before errors: {:?}", error.diagnostics));
    }
    for d in &error.diagnostics {
        if d.source != source || d.message.trim().is_empty() {
            return Err(format!("diagnostic without its source or a message: {d:?}"));
        }
        if d.line.is_some_and(|line| line == 0 || line > last_line) {
            return Err(format!("diagnostic line outside the text ({last_line} lines): {d:?}"));
        }
    }
    if error.to_string().is_empty() {
        return Err("the error displays as nothing".into());
    }
    Ok(())
}

/// The checks on a gazetteer that loaded; `source`: the one source it must name (`None` for a
/// precompiled layer, which names the files it was compiled from).
fn loaded(source: Option<&str>, text: &str, gazetteer: &Gazetteer) -> Result<(), String> {
    if let Some(d) = gazetteer.diagnostics().iter().find(|d| d.severity == Severity::Error) {
        return Err(format!("a gazetteer built with an error: {d}"));
    }
    if let Some(source) = source {
        if gazetteer.sources() != [source] {
            return Err(format!("sources {:?}, expected [{source:?}]", gazetteer.sources()));
        }
    }
    for entity in gazetteer.entities() {
        if gazetteer.get(&entity.id).map(|e| &e.id) != Some(&entity.id) {
            return Err(format!("entity {:?} cannot be looked up by its id", entity.id));
        }
        if let Some(v) = entity.variants.iter().find(|v| fold(&v.text).is_empty()) {
            return Err(format!("entity {:?} kept variant {:?}, empty once folded", entity.id, v.text));
        }
    }
    // The layer writer (CLI export, page download) reads back.
    let layer = tsv::format_layer("round trip", gazetteer.entities());
    let mut again = GazetteerBuilder::new();
    again.add_tsv("round-trip.tsv", &layer, Tier::Geonames);
    let again = again.build().map_err(|e| format!("the written layer does not load: {e}\n{layer}"))?;
    let shape = |g: &Gazetteer| -> Vec<(String, &'static str)> {
        g.entities().iter().map(|e| (e.id.clone(), e.kind.as_str())).collect()
    };
    if shape(gazetteer) != shape(&again) {
        return Err(format!("the written layer reads back differently:\n{layer}"));
    }
    // Tagging with it: its own variants side by side, then the loaded text itself.
    let tagger = Tagger::new(gazetteer.clone());
    let variants: Vec<&str> = gazetteer
        .entities()
        .iter()
        .flat_map(|e| e.variants.iter().map(|v| v.text.as_str()))
        .take(500)
        .collect();
    tagging(&tagger, &variants.join(" · "))?;
    tagging(&tagger, text)?;
    Ok(())
}
