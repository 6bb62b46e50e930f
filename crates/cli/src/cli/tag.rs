//! `sahel-tagger tag`: JSON Lines in, JSON Lines out (the fixed contract), or one text file as a table.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use sahel_tagger::{MatchKind, MentionView, Offsets, Options, Tagger, Viewer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{read_text, utf8_reader, GazetteerArgs};

/// Arguments of `tag`.
#[derive(Args)]
pub struct TagArgs {
    /// JSON Lines files to tag, in order (`-` or none: standard input).
    #[arg(value_name = "FILES")]
    inputs: Vec<PathBuf>,
    /// Tag one plain text file and print a readable table instead.
    #[arg(long, value_name = "FILE", conflicts_with = "inputs")]
    text: Option<PathBuf>,
    /// Add details to each mention: how it matched (exact, tolerant, grammar), the variant matched or
    /// approximated, subtype, candidates, possible/ambiguous flags, and for a doubtful name (also a
    /// word, a common name, very short, or from GeoNames) the evidence that kept it; list the doubtful
    /// names that were dropped, and why, under "dropped".
    #[arg(long)]
    details: bool,
    /// Also emit doubtful names for which the text gives no evidence (a capital at the start of a
    /// sentence, no designator, no place of the same region nearby), flagged "unconfirmed": true.
    #[arg(long)]
    possible: bool,
    /// Leave out the names no list holds. By default they are emitted, proposed by their context ("le
    /// village de X", "the company X", "le porte-parole X Y", "قرية X"), with "id": null,
    /// "unlisted": true and the type their cue gives.
    #[arg(long, overrides_with = "unlisted")]
    no_unlisted: bool,
    /// Emit the names no list holds (the default; the last of --unlisted and --no-unlisted wins).
    #[arg(long, overrides_with = "no_unlisted")]
    unlisted: bool,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
}

/// One input line. Other fields are ignored.
#[derive(Deserialize)]
struct Input<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    /// `None` when absent; `Some(Value::Null)` for `"text": null`.
    #[serde(default, deserialize_with = "present")]
    text: Option<serde_json::Value>,
}

/// Deserializes a field that is there, `null` included (serde reads a `null` option as absent).
fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(deserializer).map(Some)
}

/// What to write besides the contract's fields.
#[derive(Clone, Copy, Debug, Default)]
struct Show {
    details: bool,
    possible: bool,
    unlisted: bool,
}

impl Show {
    fn options(self) -> Options {
        Options { possible: self.possible, unlisted: self.unlisted }
    }
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a RawValue,
    /// The mentions as the core shows them (contract fields first; details with `--details`).
    mentions: Vec<MentionView>,
    /// With `--details`: the doubtful names that were not emitted, with their decision.
    #[serde(skip_serializing_if = "Option::is_none")]
    dropped: Option<Vec<MentionView>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// Runs `tag`.
pub fn run(args: TagArgs) -> Result<ExitCode, String> {
    let gazetteer = args.gazetteer.load()?;
    let tagger = Tagger::new(gazetteer);
    let show = Show { details: args.details, possible: args.possible, unlisted: !args.no_unlisted };
    if let Some(path) = &args.text {
        let text = read_text(path)?;
        print_table(&tagger, &text, show).map_err(|e| e.to_string())?;
        return Ok(ExitCode::SUCCESS);
    }
    // Every input is opened and its encoding checked before anything is written, so that an unusable
    // file stops the run (exit 2) with no partial output.
    let inputs = if args.inputs.is_empty() { vec![PathBuf::from("-")] } else { args.inputs.clone() };
    let mut readers = Vec::with_capacity(inputs.len());
    for input in &inputs {
        let (name, reader): (String, Box<dyn Read>) = if input.as_os_str() == "-" {
            ("stdin".into(), Box::new(io::stdin().lock()))
        } else {
            let file =
                std::fs::File::open(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
            (input.display().to_string(), Box::new(file))
        };
        let reader = utf8_reader(reader).map_err(|e| format!("{name}: {e}"))?;
        readers.push((name, reader));
    }
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = 0usize;
    for (name, reader) in readers {
        failed += tag_stream(&tagger, &name, reader, &mut out, show).map_err(|e| format!("{name}: {e}"))?;
    }
    out.flush().map_err(|e| e.to_string())?;
    if failed > 0 {
        eprintln!("sahel-tagger: {failed} input line(s) could not be tagged (see the messages above)");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Lines tagged together; each batch is split over the available cores.
const BATCH: usize = 512;

/// Tags every line of `reader`, writing exactly one output line per input line, blank lines
/// included. Returns the number of lines that could not be tagged.
///
/// A line ends at `\n`; a `\r` before it belongs to the line break (CRLF files). A blank line (only
/// spaces, tabs or nothing) is not an error: its output line is `{"id":null,"mentions":[]}`.
fn tag_stream(
    tagger: &Tagger,
    name: &str,
    mut reader: impl BufRead,
    out: &mut impl Write,
    show: Show,
) -> io::Result<usize> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let mut failed = 0;
    let mut line_number = 0usize;
    let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH);
    let mut eof = false;
    while !eof {
        batch.clear();
        while batch.len() < BATCH {
            let mut line = Vec::new();
            if reader.read_until(b'\n', &mut line)? == 0 {
                eof = true;
                break;
            }
            line_number += 1;
            if line.last() == Some(&b'\n') {
                line.pop();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
            }
            batch.push((line_number, line));
        }
        let results: Vec<(String, Option<String>)> = if threads > 1 && batch.len() > 1 {
            let chunk = batch.len().div_ceil(threads);
            std::thread::scope(|scope| {
                let handles: Vec<_> = batch
                    .chunks(chunk)
                    .map(|lines| {
                        scope.spawn(move || {
                            lines.iter().map(|(n, l)| tag_line(tagger, l, *n, show)).collect::<Vec<_>>()
                        })
                    })
                    .collect();
                handles.into_iter().flat_map(|h| h.join().expect("tagging thread")).collect()
            })
        } else {
            batch.iter().map(|(n, l)| tag_line(tagger, l, *n, show)).collect()
        };
        for (json, error) in results {
            if let Some(error) = error {
                failed += 1;
                eprintln!("sahel-tagger: {name}: {error}");
            }
            out.write_all(json.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    Ok(failed)
}

/// The output line of a blank input line.
const BLANK: &str = r#"{"id":null,"mentions":[]}"#;

/// Tags one JSON line (without its line break); returns the output line and, for a bad line, the
/// error. A bad line still yields an output line (with empty mentions and an `error`), so outputs stay
/// aligned with inputs.
fn tag_line(tagger: &Tagger, line: &[u8], line_number: usize, show: Show) -> (String, Option<String>) {
    if line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\x0B' | b'\x0C')) {
        return (BLANK.to_string(), None);
    }
    let null = RawValue::from_string("null".into()).expect("null is JSON");
    let fail = |id: &RawValue, message: String| {
        let error = format!("line {line_number}: {message}");
        let output = Output { id, mentions: vec![], dropped: None, error: Some(error.clone()) };
        (serde_json::to_string(&output).expect("serializable"), Some(error))
    };
    let line = match std::str::from_utf8(line) {
        Ok(line) => line,
        Err(e) => {
            // Not tagged, but its id is kept when the rest of the line is readable JSON and the id
            // itself is intact.
            let at = e.valid_up_to();
            let message = format!(
                "invalid UTF-8 (byte 0x{:02X} at byte {} of the line); the line is not tagged",
                line[at],
                at + 1
            );
            let lossy = String::from_utf8_lossy(line);
            let id = serde_json::from_str::<Input>(&lossy)
                .ok()
                .and_then(|input| input.id)
                .filter(|id| !id.get().contains(char::REPLACEMENT_CHARACTER))
                .map(|id| id.to_owned());
            return fail(id.as_deref().unwrap_or(&null), message);
        }
    };
    let input: Input = match serde_json::from_str(line) {
        Ok(input) => input,
        Err(e) => return fail(&null, format!("invalid JSON ({e})")),
    };
    let id = input.id.unwrap_or(&null);
    let text = match input.text {
        Some(serde_json::Value::String(text)) => text,
        Some(other) => return fail(id, format!("\"text\" is not a string ({})", json_type(&other))),
        None => return fail(id, "missing \"text\"".into()),
    };
    let tagged = tagger.tag_with(&text, &show.options());
    let dropped = show.details.then(|| tagger.dropped_views(&text, &tagged, Offsets::CodePoints, true));
    let mentions = tagger.views_with(&text, &tagged, Offsets::CodePoints, show.details);
    let output = Output { id, mentions, dropped, error: None };
    (serde_json::to_string(&output).expect("serializable"), None)
}

/// The JSON type of a value, in words.
fn json_type(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Prints the mentions of a text file as an aligned table with a short context for each.
fn print_table(tagger: &Tagger, text: &str, show: Show) -> io::Result<()> {
    let tagged = tagger.tag_with(text, &show.options());
    // Each row with its byte span and its flags, gazetteer mentions and unlisted names in text order.
    let mut viewer = Viewer::new(tagger, text, Offsets::CodePoints, show.details);
    let mut rows: Vec<(usize, usize, String, MentionView)> = tagged
        .mentions
        .iter()
        .map(|m| (viewer.mention(m), m))
        .map(|(r, m)| {
            let mut flags = String::new();
            if m.is_ambiguous() {
                flags.push_str(" (ambiguous)");
            }
            if m.possible {
                flags.push_str(" (possible)");
            }
            if m.is_unconfirmed() {
                flags.push_str(" (unconfirmed)");
            }
            match m.kind {
                MatchKind::Exact => {}
                MatchKind::Tolerant => flags.push_str(&format!(" (close to: {})", tagger.variant(m).text)),
                MatchKind::Grammar => flags.push_str(" (descriptive name)"),
            }
            (m.start, m.end, flags, r)
        })
        .collect();
    if show.unlisted {
        let mut viewer = Viewer::new(tagger, text, Offsets::CodePoints, show.details);
        for u in &tagged.unlisted {
            let r = viewer.unlisted(u);
            let flags = format!(" (unlisted, {} {:?})", u.cue.as_str(), &text[u.cue_start..u.cue_end]);
            rows.push((u.start, u.end, flags, r));
        }
        rows.sort_by_key(|(start, ..)| *start);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let headers = ["start", "end", "type", "id", "name", "surface", "context"];
    let table: Vec<[String; 7]> = rows
        .iter()
        .map(|(start, end, flags, r)| {
            let surface = format!("{}{flags}", printable(&r.surface));
            [
                r.start.to_string(),
                r.end.to_string(),
                printable(r.kind.as_str()),
                printable(r.id.as_deref().unwrap_or("-")),
                printable(&r.name),
                surface,
                context(text, *start, *end, 30),
            ]
        })
        .collect();
    let mut widths = headers.map(|h| h.chars().count());
    for row in &table {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let write_row = |out: &mut dyn Write, cells: [&str; 7]| -> io::Result<()> {
        let mut line = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let pad = w - cell.chars().count();
            if i < 2 {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                if i < 6 {
                    line.push_str(&" ".repeat(pad));
                }
            }
            if i < 6 {
                line.push_str("  ");
            }
        }
        writeln!(out, "{}", line.trim_end())
    };
    write_row(&mut out, headers)?;
    for row in &table {
        write_row(&mut out, [&row[0], &row[1], &row[2], &row[3], &row[4], &row[5], &row[6]])?;
    }
    writeln!(out, "{} mention(s) of {} entit(y/ies)", tagged.mentions.len(), {
        let mut ids: Vec<_> = tagged.mentions.iter().map(|m| m.entity).collect();
        ids.sort();
        ids.dedup();
        ids.len()
    })?;
    if show.unlisted {
        writeln!(out, "{} unlisted name(s)", tagged.unlisted.len())?;
    }
    if show.details {
        for m in &tagged.dropped {
            let check = m.check.map(|c| viewer.check(c));
            let reason = check.as_ref().map_or("", |c| c.reason.as_str());
            writeln!(out, "dropped: {} ({reason}) {}", m.surface(text), context(text, m.start, m.end, 30))?;
        }
    }
    out.flush()
}

/// Up to `width` characters on each side of a mention, on one line, with the mention in brackets.
fn context(text: &str, start: usize, end: usize, width: usize) -> String {
    let before: String = {
        let mut chars: Vec<char> = text[..start].chars().rev().take(width).collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    let after: String = text[end..].chars().take(width).collect();
    printable(&format!("…{before}[{}]{after}…", &text[start..end]))
}

/// A table cell that a terminal shows as it is: line breaks and tabs become spaces, and characters a
/// terminal would act on rather than show (C0 and C1 controls, among them ESC, which starts escape
/// sequences; DEL; the bidirectional controls that reorder a line) are written as `\u{XXXX}`.
fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => out.push(' '),
            '\0'..='\u{1F}'
            | '\u{7F}'..='\u{9F}'
            | '\u{61C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}
