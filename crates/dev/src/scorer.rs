//! The scorer of the development evaluation set: reads `texts.jsonl` (annotation guidelines in
//! `README.md` next to it), tags every text and compares the mentions with the gold ones.
//!
//! Shared by `crates/dev/tests/eval.rs` (which asserts the thresholds) and `crates/dev/examples/eval.rs` (which prints the
//! report for other gazetteers or texts); it is not a test target of its own.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use sahel_tagger::fold::fold;
use sahel_tagger::{EntityType, Gazetteer, Options, Tagger};
use serde_json::Value;

/// Words that may stand before a name inside or outside a mention without making the span wrong: ranks
/// and titles before a person, generic heads before a group or an outlet. The guidelines leave them out
/// of the gold span; the gazetteer lists some of them inside variants ("capitaine Traoré", "groupe
/// Wagner"), so a predicted span that differs from a gold span only by one of these, at its start,
/// counts as the same span (and is reported as "tolerated"). Compared folded (case, accents).
pub const TOLERATED_PREFIXES: &[&str] = &[
    // Ranks and titles.
    "colonel",
    "colonel-major",
    "lieutenant-colonel",
    "lieutenant",
    "commandant",
    "capitaine",
    "captain",
    "capt.",
    "col.",
    "gen.",
    "lt.",
    "sgt.",
    "général",
    "general",
    "président",
    "president",
    "Premier ministre",
    "Prime Minister",
    "ministre",
    "minister",
    "imam",
    "l’imam",
    "cheikh",
    "sheikh",
    "الجنرال",
    "العقيد",
    "النقيب",
    "الرئيس",
    "الإمام",
    "الشيخ",
    // Generic heads.
    "groupe",
    "group",
    "organisation",
    "organization",
    "opération",
    "operation",
    "force",
    "chasseurs",
    "hunters",
    "تنظيم",
    "جماعة",
    "مجموعة",
    "منظمة",
    "حركة",
    "قوة",
    "عملية",
    "مؤسسة",
    "وكالة",
    "صحيفة",
    "قناة",
];

/// The prefix of gold ids for entities the gazetteer does not have (yet): `missing:<the id it should
/// get>`. A prediction with that id counts as correct, so adding the entity raises the scores.
pub const MISSING: &str = "missing:";

/// One annotated mention, located in its text.
#[derive(Clone, Debug)]
pub struct Gold {
    /// The annotated text of the mention.
    pub surface: String,
    /// The entity id (`missing:<id>` when the gazetteer lacks it).
    pub id: String,
    /// The entity type (`place`, `person`, ...).
    pub kind: String,
    /// Byte span in the text.
    pub start: usize,
    /// Byte span in the text (exclusive).
    pub end: usize,
}

impl Gold {
    /// The id a correct prediction has.
    pub fn entity_id(&self) -> &str {
        self.id.strip_prefix(MISSING).unwrap_or(&self.id)
    }
}

/// One annotated text.
#[derive(Clone, Debug)]
pub struct Doc {
    /// `fr-01`, ...
    pub id: String,
    /// `fr`, `en` or `ar`.
    pub lang: String,
    /// The text.
    pub text: String,
    /// Its mentions, in order.
    pub gold: Vec<Gold>,
}

/// Reads the JSON Lines annotation and locates every gold surface in its text, left to right, each
/// searched from the end of the previous one. Every problem is reported (one line each), so that an
/// annotation typo fails loudly.
pub fn load(jsonl: &str) -> Result<Vec<Doc>, Vec<String>> {
    let mut docs: Vec<Doc> = vec![];
    let mut errors = vec![];
    for (n, line) in jsonl.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                errors.push(format!("line {line_no}: invalid JSON: {e}"));
                continue;
            }
        };
        let field = |v: &Value, name: &str| v.get(name).and_then(Value::as_str).map(str::to_string);
        let (Some(id), Some(lang), Some(text)) =
            (field(&value, "id"), field(&value, "lang"), field(&value, "text"))
        else {
            errors.push(format!("line {line_no}: needs string fields id, lang and text"));
            continue;
        };
        if docs.iter().any(|d| d.id == id) {
            errors.push(format!("line {line_no}: duplicate text id {id:?}"));
        }
        let Some(mentions) = value.get("mentions").and_then(Value::as_array) else {
            errors.push(format!("{id}: needs a mentions array"));
            continue;
        };
        let mut gold = vec![];
        let mut cursor = 0;
        for (i, m) in mentions.iter().enumerate() {
            let (Some(surface), Some(eid), Some(kind)) =
                (field(m, "surface"), field(m, "id"), field(m, "type"))
            else {
                errors.push(format!("{id}: mention {i} needs string fields surface, id and type"));
                continue;
            };
            if EntityType::parse(&kind).is_none() {
                errors.push(format!("{id}: mention {surface:?}: unknown type {kind:?}"));
            }
            match locate(&text, &surface, cursor) {
                Some(start) => {
                    let end = start + surface.len();
                    cursor = end;
                    gold.push(Gold { surface, id: eid, kind, start, end });
                }
                None => errors.push(format!(
                    "{id}: gold surface {surface:?} (mention {i}) not found as a whole word after byte {cursor}: \
                     typo, or mentions out of order?"
                )),
            }
        }
        docs.push(Doc { id, lang, text, gold });
    }
    if errors.is_empty() {
        Ok(docs)
    } else {
        Err(errors)
    }
}

/// The two development sets, scored apart: texts written to test the tagger, and real articles.
pub const SETS: [(&str, &str); 2] = [
    ("unit", "tests/eval/texts.jsonl: texts written for the set"),
    ("articles", "tests/eval/articles/*.jsonl: real news articles, rewritten"),
];

/// Loads a named set from the repository's `tests/eval` folder: `unit` is `texts.jsonl`, `articles` every
/// `articles/*.jsonl` file (one per language), in file-name order. Errors name the file.
pub fn load_set(name: &str) -> Result<Vec<Doc>, Vec<String>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/eval");
    let files: Vec<std::path::PathBuf> = match name {
        "unit" => vec![root.join("texts.jsonl")],
        "articles" => {
            let dir = root.join("articles");
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .map_err(|e| vec![format!("{}: {e}", dir.display())])?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
                .collect();
            files.sort();
            files
        }
        other => return Err(vec![format!("unknown set {other:?} (unit or articles)")]),
    };
    let mut docs = vec![];
    let mut errors = vec![];
    for file in files {
        let shown = file.strip_prefix(&root).unwrap_or(&file).display().to_string();
        match std::fs::read_to_string(&file).map_err(|e| vec![e.to_string()]).and_then(|t| load(&t)) {
            Ok(mut d) => docs.append(&mut d),
            Err(e) => errors.extend(e.into_iter().map(|e| format!("{shown}: {e}"))),
        }
    }
    let mut seen = std::collections::HashSet::new();
    for d in &docs {
        if !seen.insert(d.id.as_str()) {
            errors.push(format!("set {name}: duplicate text id {:?}", d.id));
        }
    }
    if errors.is_empty() {
        Ok(docs)
    } else {
        Err(errors)
    }
}

/// Checks the gold ids against a gazetteer: an id without the `missing:` prefix must exist there with
/// the annotated type. Returns the problems (empty: all good).
pub fn check_ids(docs: &[Doc], gazetteer: &Gazetteer) -> Vec<String> {
    let mut errors = vec![];
    for doc in docs {
        for g in &doc.gold {
            if g.id.starts_with(MISSING) {
                continue;
            }
            match gazetteer.get(&g.id) {
                None => errors.push(format!(
                    "{}: {:?} is annotated {:?}, which the gazetteer does not have: a typo, a renamed entity, \
                     or write \"{MISSING}{}\"",
                    doc.id, g.surface, g.id, g.id
                )),
                Some(e) if e.kind.as_str() != g.kind => errors.push(format!(
                    "{}: {:?} is annotated type {:?} but {} is a {} in the gazetteer",
                    doc.id, g.surface, g.kind, g.id, e.kind
                )),
                Some(_) => {}
            }
        }
    }
    errors
}

/// The first occurrence of `surface` at or after `from` that is a whole word: the characters just
/// outside are not letters, digits or marks, except Arabic proclitics glued in front (و ف ب ل ك ال لل;
/// before a name in another script, و ف ب ل ك alone).
fn locate(text: &str, surface: &str, from: usize) -> Option<usize> {
    if surface.is_empty() {
        return None;
    }
    text[from..].match_indices(surface).map(|(i, _)| from + i).find(|&start| {
        let end = start + surface.len();
        let after_ok = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
        let word_start = text[..start]
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        // A name in another script may follow the proclitics too ("وFrance24"), not the article.
        let prefix = &text[word_start..start];
        let before_ok = word_start == start
            || surface.chars().next().is_some_and(|c| {
                if is_arabic(c) {
                    is_proclitic_chain(prefix, true)
                } else {
                    c.is_alphanumeric() && is_proclitic_chain(prefix, false)
                }
            });
        after_ok && before_ok
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}')
}

/// `و`/`ف`, then `ب`/`ل`/`ك`, then (`article`) the article; or (`article`) `لل` (ل + article).
fn is_proclitic_chain(prefix: &str, article: bool) -> bool {
    let s = prefix.strip_prefix(['و', 'ف']).unwrap_or(prefix);
    if article && s == "لل" {
        return true;
    }
    let s = s.strip_prefix(['ب', 'ل', 'ك']).unwrap_or(s);
    let s = if article { s.strip_prefix("ال").unwrap_or(s) } else { s };
    s.is_empty()
}

/// Counts for one slice of the set (everything, a language, an entity type).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Texts (language slices only).
    pub texts: usize,
    /// Gold mentions.
    pub gold: usize,
    /// Predicted mentions.
    pub predicted: usize,
    /// Predictions with a gold span and the gold entity (including `ambiguous`).
    pub correct: usize,
    /// Of `correct`: the gold entity was one of several candidates, not the first.
    pub ambiguous: usize,
    /// Predictions with a gold span and another entity.
    pub linking: usize,
    /// Predictions that overlap a gold span without being it.
    pub boundary: usize,
    /// Predictions that touch no gold span.
    pub spurious: usize,
    /// Gold mentions with no prediction of their span.
    pub missed: usize,
    /// Exact span: predictions with a gold span (up to a tolerated word) and its type, whatever the
    /// entity — the "strict" score of evaluations that do not check linking.
    pub span_correct: usize,
    /// Lenient: predictions that overlap a gold mention of the same type.
    pub lenient_predicted_ok: usize,
    /// Lenient: gold mentions overlapped by a prediction of the same type.
    pub lenient_gold_found: usize,
}

impl Counts {
    /// Correct / predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    /// Correct / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        harmonic(self.precision(), self.recall())
    }

    /// Spans found whatever the entity: (correct + linking) / gold.
    pub fn detection_recall(&self) -> f64 {
        ratio(self.correct + self.linking, self.gold)
    }

    /// False positives in the usual sense: predictions that are not correct.
    pub fn false_positives(&self) -> usize {
        self.predicted - self.correct
    }

    /// Exact-span precision: right span and type / predicted (the entity may differ).
    pub fn span_precision(&self) -> f64 {
        ratio(self.span_correct, self.predicted)
    }

    /// Exact-span recall: gold mentions predicted with their span and type / gold.
    pub fn span_recall(&self) -> f64 {
        ratio(self.span_correct, self.gold)
    }

    /// Harmonic mean of the exact-span precision and recall.
    pub fn span_f1(&self) -> f64 {
        harmonic(self.span_precision(), self.span_recall())
    }

    /// Lenient precision: predictions overlapping a gold mention of the same type / predicted. Span
    /// and entity may differ; this is what a reader skimming the highlights sees.
    pub fn lenient_precision(&self) -> f64 {
        ratio(self.lenient_predicted_ok, self.predicted)
    }

    /// Lenient recall: gold mentions overlapped by a prediction of the same type / gold.
    pub fn lenient_recall(&self) -> f64 {
        ratio(self.lenient_gold_found, self.gold)
    }

    /// Harmonic mean of the lenient precision and recall.
    pub fn lenient_f1(&self) -> f64 {
        harmonic(self.lenient_precision(), self.lenient_recall())
    }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Why a gold mention was missed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MissCause {
    /// The gazetteer has no such entity (`missing:` ids).
    NotInGazetteer,
    /// The entity is known but no variant matches this spelling.
    MissingVariant,
    /// The surface alone is found and linked, but not in its context (boundary, clitic, case rule).
    MissedInContext,
    /// A prediction overlaps the gold span (listed with the boundary errors).
    Boundary,
}

impl MissCause {
    fn title(self) -> &'static str {
        match self {
            MissCause::NotInGazetteer => "entity not in the gazetteer",
            MissCause::MissingVariant => "entity known, spelling not matched (missing variant?)",
            MissCause::MissedInContext => {
                "spelling known (found when tagged alone), missed in context: clitic, boundary or case rule"
            }
            MissCause::Boundary => "a prediction overlaps it (see boundary errors)",
        }
    }
}

/// One line of a report list.
#[derive(Clone, Debug)]
pub struct Item {
    /// Text id.
    pub doc: String,
    /// What happened.
    pub what: String,
    /// The text around it, the mention in brackets.
    pub context: String,
}

/// The result of a run.
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    /// What was evaluated (the set's name and file), the report's first line.
    pub title: String,
    /// Embedded gazetteer version and the number of entities.
    pub gazetteer: String,
    /// Everything.
    pub all: Counts,
    /// By language.
    pub by_lang: BTreeMap<String, Counts>,
    /// By entity type (gold type for gold-side counts, predicted type for prediction-side counts).
    pub by_type: BTreeMap<String, Counts>,
    /// Predictions with a gold span and a wrong entity.
    pub linking_errors: Vec<Item>,
    /// Predictions overlapping a gold span.
    pub boundary_errors: Vec<Item>,
    /// Predictions touching no gold span.
    pub spurious: Vec<Item>,
    /// Missed gold mentions, by cause.
    pub missed: BTreeMap<MissCause, Vec<Item>>,
    /// Correct because the gold entity was among the candidates.
    pub ambiguous: Vec<Item>,
    /// Correct with a tolerated title or head word.
    pub tolerated: Vec<Item>,
    /// Gold ids still marked `missing:` although the gazetteer now has the entity.
    pub stale_missing: Vec<String>,
    /// The unlisted names' scores, when they were asked for (see [`score_unlisted`]).
    pub unlisted: Option<UnlistedScore>,
}

/// How well unlisted names (names no list holds, proposed by their context) find the gold mentions
/// that the gazetteer lacks. An unlisted name is right when its span is the span of a gold mention
/// whose id is `missing:…`, with the same type. Scored apart: the other scores count gazetteer
/// mentions only.
#[derive(Clone, Debug, Default)]
pub struct UnlistedScore {
    /// Unlisted names proposed.
    pub predicted: usize,
    /// Of them, right (span and type of a `missing:` gold mention).
    pub correct: usize,
    /// Of the others, the span and type of a gold mention of a known entity (a variant the gazetteer
    /// lacks): not counted right, but not a false alarm either.
    pub known_entity: usize,
    /// Gold `missing:` mentions.
    pub gold_missing: usize,
    /// Of them, those no gazetteer mention predicts with their span: what is left for unlisted names.
    pub no_list: usize,
    /// Of `no_list`, found by an unlisted name.
    pub no_list_found: usize,
    /// Wrong unlisted names, with their rule and cue.
    pub wrong: Vec<Item>,
    /// Unlisted names with the span of a known entity's gold mention (`known_entity`).
    pub known: Vec<Item>,
    /// `no_list` gold mentions not found.
    pub missed: Vec<Item>,
}

impl UnlistedScore {
    /// Right / proposed.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    /// Found / gold mentions that no list holds.
    pub fn recall(&self) -> f64 {
        ratio(self.no_list_found, self.no_list)
    }
}

/// Scores the unlisted names of every text (tagged with [`Options::unlisted`]).
#[allow(dead_code)] // used by examples/eval.rs
pub fn score_unlisted(tagger: &Tagger, docs: &[Doc]) -> UnlistedScore {
    let mut score = UnlistedScore::default();
    let options = Options { unlisted: true, ..Options::default() };
    for doc in docs {
        let text = doc.text.as_str();
        let tagged = tagger.tag_with(text, &options);
        let missing: Vec<&Gold> = doc.gold.iter().filter(|g| g.id.starts_with(MISSING)).collect();
        score.gold_missing += missing.len();
        let by_list = |g: &Gold| {
            tagged.mentions.iter().any(|m| same_span(text, (m.start, m.end), (g.start, g.end)).is_some())
        };
        let mut found = vec![false; missing.len()];
        for u in &tagged.unlisted {
            score.predicted += 1;
            let kind = u.kind.as_str();
            let gold =
                doc.gold.iter().find(|g| same_span(text, (u.start, u.end), (g.start, g.end)).is_some());
            match gold {
                Some(g) if g.kind == kind && g.id.starts_with(MISSING) => {
                    score.correct += 1;
                    if let Some(i) = missing.iter().position(|m| std::ptr::eq(*m, g)) {
                        found[i] = true;
                    }
                }
                Some(g) if g.kind == kind => {
                    score.known_entity += 1;
                    score.known.push(Item {
                        doc: doc.id.clone(),
                        what: format!(
                            "{} {} by {} {}; gold {}",
                            Q(u.surface(text)),
                            kind,
                            u.rule.as_str(),
                            u.cue.as_str(),
                            g.id
                        ),
                        context: context(text, u.start, u.end),
                    });
                }
                _ => {
                    let what = match gold {
                        Some(g) => format!("gold {} → {} ({})", Q(&g.surface), g.id, g.kind),
                        None => match doc.gold.iter().find(|g| u.start < g.end && g.start < u.end) {
                            Some(g) => format!("overlaps gold {} → {} ({})", Q(&g.surface), g.id, g.kind),
                            None => "no gold mention".to_string(),
                        },
                    };
                    score.wrong.push(Item {
                        doc: doc.id.clone(),
                        what: format!(
                            "{} {} by {} {} ({}); {what}",
                            Q(u.surface(text)),
                            kind,
                            u.rule.as_str(),
                            u.cue.as_str(),
                            Q(&text[u.cue_start..u.cue_end])
                        ),
                        context: context(text, u.start, u.end),
                    });
                }
            }
        }
        for (g, found) in missing.iter().zip(found) {
            if by_list(g) {
                continue;
            }
            score.no_list += 1;
            if found {
                score.no_list_found += 1;
            } else {
                score.missed.push(Item {
                    doc: doc.id.clone(),
                    what: format!("{} → {} ({})", Q(&g.surface), g.id, g.kind),
                    context: context(text, g.start, g.end),
                });
            }
        }
    }
    score
}

/// One prediction of the tagger's default output ([`Options::default`]): a gazetteer mention, or a name
/// no list holds (no entity). An unlisted name is right where the gold marks the entity `missing:`
/// (the gazetteer lacks it) with the same span and type; on a known entity's span it is a linking error.
struct Pred {
    start: usize,
    end: usize,
    kind: &'static str,
    /// The entity's id; `None` for an unlisted name.
    id: Option<String>,
    /// How the report names it: `→ id (name)` or `unlisted, by <rule>`.
    label: String,
    /// Every entity the spelling may refer to (empty for an unlisted name).
    candidates: Vec<String>,
    possible: bool,
    /// The spelling that matched (a gazetteer mention) or the cue (an unlisted name).
    variant: String,
}

/// The tagger's output for `text` with `options`, in text order.
fn predictions(tagger: &Tagger, text: &str, options: &Options) -> Vec<Pred> {
    let gazetteer = tagger.gazetteer();
    let tagged = tagger.tag_with(text, options);
    let mut out: Vec<Pred> = tagged
        .mentions
        .iter()
        .map(|m| {
            let entity = tagger.entity(m);
            Pred {
                start: m.start,
                end: m.end,
                kind: entity.kind.as_str(),
                id: Some(entity.id.clone()),
                label: format!("→ {} ({})", entity.id, entity.name),
                candidates: m.candidates.iter().map(|&c| gazetteer.entity(c).id.clone()).collect(),
                possible: m.possible,
                variant: tagger.variant(m).text.clone(),
            }
        })
        .collect();
    out.extend(tagged.unlisted.iter().map(|u| Pred {
        start: u.start,
        end: u.end,
        kind: u.kind.as_str(),
        id: None,
        label: format!("unlisted {}, by {} {}", u.kind.as_str(), u.rule.as_str(), u.cue.as_str()),
        candidates: vec![],
        possible: false,
        variant: text[u.cue_start..u.cue_end].to_string(),
    }));
    out.sort_by_key(|p| p.start);
    out
}

impl Pred {
    fn surface<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Whether it names gold mention `g`'s entity (an unlisted name: one the gazetteer lacks, of the
    /// gold type: a person proposed as a place names nobody).
    fn links(&self, g: &Gold) -> bool {
        match &self.id {
            Some(id) => id == g.entity_id(),
            None => g.id.starts_with(MISSING) && self.kind == g.kind,
        }
    }
}

/// Tags every text as the bindings do by default ([`Options::default`]) and scores it; `title` names
/// the set in the report.
pub fn evaluate(tagger: &Tagger, docs: &[Doc], title: &str) -> Evaluation {
    evaluate_with(tagger, docs, title, &Options::default())
}

/// [`evaluate`] with other options (`Options::MENTIONS_ONLY`: the gazetteer's mentions alone).
pub fn evaluate_with(tagger: &Tagger, docs: &[Doc], title: &str, options: &Options) -> Evaluation {
    let gazetteer = tagger.gazetteer();
    let mut ev = Evaluation {
        title: title.to_string(),
        gazetteer: format!("{} ({} entities)", gazetteer.stats().version, gazetteer.entities().len()),
        ..Evaluation::default()
    };
    for doc in docs {
        let text = doc.text.as_str();
        let lang = ev.by_lang.entry(doc.lang.clone()).or_default();
        lang.texts += 1;
        ev.all.texts += 1;
        let predictions = predictions(tagger, text, options);
        let mut gold_found = vec![false; doc.gold.len()];
        let bump = |ev: &mut Evaluation, kind: &str, f: &dyn Fn(&mut Counts)| {
            f(&mut ev.all);
            f(ev.by_lang.get_mut(&doc.lang).expect("language slice"));
            f(ev.by_type.entry(kind.to_string()).or_default());
        };
        let overlaps = |p: &Pred, g: &Gold| p.start < g.end && g.start < p.end;
        for g in &doc.gold {
            bump(&mut ev, &g.kind, &|c| c.gold += 1);
            if predictions.iter().any(|p| overlaps(p, g) && p.kind == g.kind) {
                bump(&mut ev, &g.kind, &|c| c.lenient_gold_found += 1);
            }
        }
        for p in &predictions {
            let ptype = p.kind;
            bump(&mut ev, ptype, &|c| c.predicted += 1);
            if doc.gold.iter().any(|g| overlaps(p, g) && g.kind == ptype) {
                bump(&mut ev, ptype, &|c| c.lenient_predicted_ok += 1);
            }
            let matched = doc.gold.iter().enumerate().find_map(|(i, g)| {
                same_span(text, (p.start, p.end), (g.start, g.end)).map(|tolerated| (i, tolerated))
            });
            let shown = format!("{} {}", Q(p.surface(text)), p.label);
            let flags = if p.possible { " [possible]" } else { "" };
            let Some((gi, tolerated)) = matched else {
                let overlapping = doc.gold.iter().find(|g| p.start < g.end && g.start < p.end);
                match overlapping {
                    Some(g) => {
                        bump(&mut ev, ptype, &|c| c.boundary += 1);
                        ev.boundary_errors.push(Item {
                            doc: doc.id.clone(),
                            what: format!("predicted {shown}{flags}; gold {} → {}", Q(&g.surface), g.id),
                            context: context(text, p.start.min(g.start), p.end.max(g.end)),
                        });
                    }
                    None => {
                        bump(&mut ev, ptype, &|c| c.spurious += 1);
                        let what = if p.id.is_some() { "variant" } else { "cue" };
                        ev.spurious.push(Item {
                            doc: doc.id.clone(),
                            what: format!("{shown}{flags}, {what} {}", Q(&p.variant)),
                            context: context(text, p.start, p.end),
                        });
                    }
                }
                continue;
            };
            let g = &doc.gold[gi];
            gold_found[gi] = true;
            if g.kind == ptype {
                bump(&mut ev, &g.kind, &|c| c.span_correct += 1);
            }
            let gid = g.entity_id();
            let item =
                |what: String| Item { doc: doc.id.clone(), what, context: context(text, g.start, g.end) };
            if p.links(g) {
                bump(&mut ev, &g.kind, &|c| c.correct += 1);
            } else if p.candidates.iter().any(|c| c == gid) {
                bump(&mut ev, &g.kind, &|c| {
                    c.correct += 1;
                    c.ambiguous += 1;
                });
                ev.ambiguous.push(item(format!(
                    "{}: gold {}, candidates {}",
                    Q(&g.surface),
                    g.id,
                    p.candidates.join(", ")
                )));
            } else {
                bump(&mut ev, &g.kind, &|c| c.linking += 1);
                ev.linking_errors.push(item(format!("{shown}{flags}; gold {}", g.id)));
            }
            if tolerated {
                ev.tolerated.push(item(format!("predicted {}, gold {}", Q(p.surface(text)), Q(&g.surface))));
            }
        }
        for (g, _) in doc.gold.iter().zip(&gold_found).filter(|(_, &found)| !found) {
            bump(&mut ev, &g.kind, &|c| c.missed += 1);
            let cause = if predictions.iter().any(|p| p.start < g.end && g.start < p.end) {
                MissCause::Boundary
            } else if gazetteer.get(g.entity_id()).is_none() {
                MissCause::NotInGazetteer
            } else if found_alone(tagger, &g.surface, g.entity_id())
                || found_alone(tagger, &restore_article(text, g), g.entity_id())
            {
                MissCause::MissedInContext
            } else {
                MissCause::MissingVariant
            };
            ev.missed.entry(cause).or_default().push(Item {
                doc: doc.id.clone(),
                what: format!("{} → {} ({})", Q(&g.surface), g.id, g.kind),
                context: context(text, g.start, g.end),
            });
        }
    }
    let mut stale: Vec<String> = docs
        .iter()
        .flat_map(|d| &d.gold)
        .filter(|g| g.id.starts_with(MISSING) && gazetteer.get(g.entity_id()).is_some())
        .map(|g| g.id.clone())
        .collect();
    stale.sort();
    stale.dedup();
    ev.stale_missing = stale;
    ev
}

/// One text with its gold and predicted mentions merged in text order, one line each: `ok`, `ambig`
/// (correct among several candidates), `link` (wrong entity), `bound` (overlapping spans), `extra`
/// (prediction only), `miss` (gold only).
#[allow(dead_code)] // used by examples/eval.rs
pub fn show(tagger: &Tagger, doc: &Doc) -> String {
    let text = doc.text.as_str();
    let predictions = predictions(tagger, text, &Options::default());
    let mut lines: Vec<(usize, String)> = vec![];
    let mut used = vec![false; predictions.len()];
    for g in &doc.gold {
        let same =
            predictions.iter().position(|p| same_span(text, (p.start, p.end), (g.start, g.end)).is_some());
        let overlapping = predictions.iter().position(|p| p.start < g.end && g.start < p.end);
        let line = match same.or(overlapping) {
            None => format!("miss   {} {}", Q(&g.surface), g.id),
            Some(i) => {
                used[i] = true;
                let p = &predictions[i];
                let label = if same.is_none() {
                    "bound "
                } else if p.links(g) {
                    "ok    "
                } else if p.candidates.iter().any(|c| c == g.entity_id()) {
                    "ambig "
                } else {
                    "link  "
                };
                format!("{label} {} {}; gold {} {}", Q(p.surface(text)), p.label, Q(&g.surface), g.id)
            }
        };
        lines.push((g.start, line));
    }
    for (p, _) in predictions.iter().zip(&used).filter(|(_, &u)| !u) {
        lines.push((p.start, format!("extra  {} {}", Q(p.surface(text)), p.label)));
    }
    lines.sort_by_key(|(start, _)| *start);
    let mut out = format!("== {} ({})\n{}\n\n", doc.id, doc.lang, text);
    for (_, line) in lines {
        let _ = writeln!(out, "  {line}");
    }
    out
}

/// Whether `surface`, tagged on its own, is one mention of `id` (or has it among its candidates). For an
/// Arabic mention the surface may start with `ال` (see `restore_article`): then only its end must match.
fn found_alone(tagger: &Tagger, surface: &str, id: &str) -> bool {
    let options = Options { possible: true, unlisted: false };
    tagger.tag_with(surface, &options).mentions.iter().any(|m| {
        m.end == surface.len()
            && (m.start == 0 || surface[..m.start] == *"ال")
            && m.candidates.iter().any(|&c| tagger.gazetteer().entity(c).id == id)
    })
}

/// An Arabic gold surface written after `لل` (ل + article, as in للجيش المالي) with its article put back
/// (الجيش المالي): the spelling the gazetteer lists.
fn restore_article(text: &str, g: &Gold) -> String {
    if text[..g.start].ends_with("لل") {
        format!("ال{}", g.surface)
    } else {
        g.surface.clone()
    }
}

/// `Some(tolerated)` when a predicted span is the gold span: equal, or equal but for a tolerated word
/// (and the space after it) at the start of one of them.
fn same_span(text: &str, (ps, pe): (usize, usize), (gs, ge): (usize, usize)) -> Option<bool> {
    if (ps, pe) == (gs, ge) {
        return Some(false);
    }
    if pe != ge {
        return None;
    }
    let extra = &text[ps.min(gs)..ps.max(gs)];
    let word = extra.trim_end();
    let tolerated = word.len() < extra.len() && {
        let word = fold(word);
        TOLERATED_PREFIXES.iter().any(|t| fold(t) == word)
    };
    tolerated.then_some(true)
}

/// A surface in quotes, as written (`{:?}` would escape Arabic marks), line breaks shown as ⏎.
struct Q<'a>(&'a str);

impl std::fmt::Display for Q<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "\"{}\"", self.0.replace('\n', "⏎"))
    }
}

/// About 40 characters each side, the span in brackets, line breaks shown as ⏎.
fn context(text: &str, start: usize, end: usize) -> String {
    let before: String = text[..start].chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
    let after: String = text[end..].chars().take(40).collect();
    format!("…{before}[{}]{after}…", &text[start..end]).replace('\n', "⏎")
}

impl Evaluation {
    /// The full report: tables, then every error with its context.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let w = &mut out;
        let _ = writeln!(w, "sahel-tagger development evaluation: {}", self.title);
        let _ = writeln!(w, "gazetteer {}", self.gazetteer);
        let _ = writeln!(w);
        let _ = writeln!(
            w,
            "{:<13} {:>5} {:>5} {:>5} {:>7} {:>5} {:>5} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}",
            "slice",
            "texts",
            "gold",
            "pred",
            "correct",
            "ambig",
            "link",
            "bound",
            "FP",
            "FN",
            "P",
            "R",
            "F1",
            "det.R",
            "span.P",
            "span.R",
            "spanF1",
            "len.P",
            "len.R",
            "len.F1"
        );
        let row = |w: &mut String, name: &str, c: &Counts| {
            let texts = if c.texts > 0 { c.texts.to_string() } else { String::new() };
            let _ = writeln!(
                w,
                "{:<13} {:>5} {:>5} {:>5} {:>7} {:>5} {:>5} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3}",
                name,
                texts,
                c.gold,
                c.predicted,
                c.correct,
                c.ambiguous,
                c.linking,
                c.boundary,
                c.false_positives(),
                c.missed,
                c.precision(),
                c.recall(),
                c.f1(),
                c.detection_recall(),
                c.span_precision(),
                c.span_recall(),
                c.span_f1(),
                c.lenient_precision(),
                c.lenient_recall(),
                c.lenient_f1()
            );
        };
        row(w, "all", &self.all);
        let known = ["fr", "en", "ar"];
        let others = self.by_lang.keys().map(String::as_str).filter(|l| !known.contains(l));
        for lang in known.into_iter().chain(others) {
            if let Some(c) = self.by_lang.get(lang) {
                row(w, &format!("lang {lang}"), c);
            }
        }
        for kind in EntityType::ALL {
            if let Some(c) = self.by_type.get(kind.as_str()) {
                row(w, kind.as_str(), c);
            }
        }
        let _ = writeln!(
            w,
            "\nP = correct/pred, R = correct/gold; FP = pred − correct (linking + boundary + spurious); \
             FN = gold without a prediction of its span; det.R = spans found whatever the entity.\n\
             Exact span (span.*): the gold span and type, whatever the entity (the usual \"strict\" NER score).\n\
             Lenient (len.*): a prediction is right when it overlaps a gold mention of the same type, a gold \
             mention found when a prediction of its type overlaps it (span and entity may differ).\n\
             A type's pred/FP count the predicted type, its gold/correct/FN the gold type."
        );
        let _ = writeln!(
            w,
            "\nFalse alarms (predictions that overlap no gold mention of their type): {}",
            self.all.predicted - self.all.lenient_predicted_ok
        );
        if let Some(u) = &self.unlisted {
            let _ = writeln!(
                w,
                "Unlisted: {} proposed, {} right, P {:.3} ({} more with the span of a known entity); {} gold \
                 `missing:` mentions, {} not found by a gazetteer mention, of which {} found: R {:.3}",
                u.predicted,
                u.correct,
                u.precision(),
                u.known_entity,
                u.gold_missing,
                u.no_list,
                u.no_list_found,
                u.recall()
            );
        }
        let list = |w: &mut String, title: &str, items: &[Item]| {
            let _ = writeln!(w, "\n{title} ({})", items.len());
            for it in items {
                let _ = writeln!(w, "  {:<6} {}\n         {}", it.doc, it.what, it.context);
            }
        };
        list(w, "LINKING ERRORS: right span, wrong entity", &self.linking_errors);
        list(w, "BOUNDARY ERRORS: prediction overlaps a gold span", &self.boundary_errors);
        list(w, "FALSE POSITIVES: prediction touches no gold span", &self.spurious);
        let missed: usize = self.missed.values().map(Vec::len).sum();
        let _ = writeln!(w, "\nFALSE NEGATIVES ({missed}), by cause");
        for (cause, items) in &self.missed {
            list(w, &format!("- {}", cause.title()), items);
        }
        list(
            w,
            "AMBIGUOUS, counted correct: the gold entity is a candidate but not the first",
            &self.ambiguous,
        );
        list(w, "TOLERATED: correct but for a title or generic head word", &self.tolerated);
        if let Some(u) = &self.unlisted {
            list(w, "UNLISTED, WRONG: span or type of no `missing:` gold mention", &u.wrong);
            list(
                w,
                "UNLISTED, KNOWN ENTITY: the span of a gold mention the gazetteer has (a missing variant?)",
                &u.known,
            );
            list(w, "UNLISTED, MISSED: gold `missing:` mentions that neither a gazetteer nor an unlisted name found", &u.missed);
        }
        if !self.stale_missing.is_empty() {
            let _ = writeln!(
                w,
                "\nThe gazetteer now has these entities: drop the `missing:` prefix in the annotations: {}",
                self.stale_missing.join(", ")
            );
        }
        out
    }
}
