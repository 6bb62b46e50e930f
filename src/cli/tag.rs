//! `sahel-tagger tag`: JSON Lines in, JSON Lines out (the fixed contract), or one text file as a table.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use sahel_tagger::offsets::OffsetCounter;
use sahel_tagger::{MatchKind, Mention, Tagger};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{read_text, GazetteerArgs};

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
    /// approximated, subtype, candidates, possible/ambiguous flags.
    #[arg(long)]
    details: bool,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
}

/// One input line. Other fields are ignored.
#[derive(Deserialize)]
struct Input<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    text: Option<serde_json::Value>,
}

/// One output mention: the contract's six fields, plus details on request.
#[derive(Serialize)]
struct OutMention<'a> {
    start: usize,
    end: usize,
    surface: &'a str,
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    details: Option<Details<'a>>,
}

#[derive(Serialize)]
struct Details<'a> {
    /// `exact`, `tolerant` (then `variant` is the variant approximated) or `grammar` (a descriptive
    /// force name; `variant` is the grammar's phrase).
    #[serde(rename = "match")]
    match_kind: &'static str,
    variant: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    subtype: Option<&'a str>,
    candidates: Vec<&'a str>,
    ambiguous: bool,
    possible: bool,
    case_sensitive: bool,
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a RawValue,
    mentions: Vec<OutMention<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// Runs `tag`.
pub fn run(args: TagArgs) -> Result<ExitCode, String> {
    let gazetteer = args.gazetteer.load()?;
    let tagger = Tagger::new(gazetteer);
    if let Some(path) = &args.text {
        let text = read_text(path)?;
        print_table(&tagger, &text, args.details).map_err(|e| e.to_string())?;
        return Ok(ExitCode::SUCCESS);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = 0usize;
    let inputs = if args.inputs.is_empty() { vec![PathBuf::from("-")] } else { args.inputs.clone() };
    for input in &inputs {
        let (name, reader): (String, Box<dyn Read>) = if input.as_os_str() == "-" {
            ("stdin".into(), Box::new(io::stdin().lock()))
        } else {
            let file =
                std::fs::File::open(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
            (input.display().to_string(), Box::new(file))
        };
        failed +=
            tag_stream(&tagger, &name, BufReader::with_capacity(1 << 16, reader), &mut out, args.details)
                .map_err(|e| format!("{name}: {e}"))?;
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

/// Tags every line of `reader`, writing one output line per non-empty input line. Returns the number
/// of lines that could not be tagged.
fn tag_stream(
    tagger: &Tagger,
    name: &str,
    mut reader: impl BufRead,
    out: &mut impl Write,
    details: bool,
) -> io::Result<usize> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let mut failed = 0;
    let mut line_number = 0usize;
    let mut batch: Vec<(usize, String)> = Vec::with_capacity(BATCH);
    let mut eof = false;
    while !eof {
        batch.clear();
        while batch.len() < BATCH {
            let mut line = String::new();
            let mut raw = Vec::new();
            if reader.read_until(b'\n', &mut raw)? == 0 {
                eof = true;
                break;
            }
            line_number += 1;
            match String::from_utf8(raw) {
                Ok(s) => line = s,
                Err(_) => line.push('\u{FFFD}'), // reported as invalid JSON below
            }
            if line.trim().is_empty() {
                continue;
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
                            lines.iter().map(|(n, l)| tag_line(tagger, l, *n, details)).collect::<Vec<_>>()
                        })
                    })
                    .collect();
                handles.into_iter().flat_map(|h| h.join().expect("tagging thread")).collect()
            })
        } else {
            batch.iter().map(|(n, l)| tag_line(tagger, l, *n, details)).collect()
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

/// Tags one JSON line; returns the output line and, for a bad line, the error. A bad line still yields
/// an output line (with empty mentions and an `error`), so outputs stay aligned with inputs.
fn tag_line(tagger: &Tagger, line: &str, line_number: usize, details: bool) -> (String, Option<String>) {
    let null = RawValue::from_string("null".into()).expect("null is JSON");
    let fail = |id: &RawValue, message: String| {
        let error = format!("line {line_number}: {message}");
        let output = Output { id, mentions: vec![], error: Some(error.clone()) };
        (serde_json::to_string(&output).expect("serializable"), Some(error))
    };
    let input: Input = match serde_json::from_str(line.trim_end_matches(['\n', '\r'])) {
        Ok(input) => input,
        Err(e) => return fail(&null, format!("invalid JSON ({e})")),
    };
    let id = input.id.unwrap_or(&null);
    let text = match input.text {
        Some(serde_json::Value::String(text)) => text,
        Some(_) => return fail(id, "\"text\" must be a string".into()),
        None => return fail(id, "missing \"text\"".into()),
    };
    let mentions = tagger.tag(&text);
    let output = Output { id, mentions: out_mentions(tagger, &text, &mentions, details), error: None };
    (serde_json::to_string(&output).expect("serializable"), None)
}

fn out_mentions<'a>(
    tagger: &'a Tagger,
    text: &'a str,
    mentions: &[Mention],
    details: bool,
) -> Vec<OutMention<'a>> {
    let mut counter = OffsetCounter::new(text);
    mentions
        .iter()
        .map(|m| {
            let entity = tagger.entity(m);
            let variant = tagger.variant(m);
            OutMention {
                start: counter.position(m.start).char,
                end: counter.position(m.end).char,
                surface: &text[m.start..m.end],
                id: &entity.id,
                name: &entity.name,
                kind: entity.kind.as_str(),
                details: details.then(|| Details {
                    match_kind: m.kind.as_str(),
                    variant: &variant.text,
                    subtype: entity.subtype.as_deref(),
                    candidates: m
                        .candidates
                        .iter()
                        .map(|&c| tagger.gazetteer().entity(c).id.as_str())
                        .collect(),
                    ambiguous: m.is_ambiguous(),
                    possible: m.possible,
                    case_sensitive: variant.case != sahel_tagger::CaseMode::Insensitive,
                }),
            }
        })
        .collect()
}

/// Prints the mentions of a text file as an aligned table with a short context for each.
fn print_table(tagger: &Tagger, text: &str, details: bool) -> io::Result<()> {
    let mentions = tagger.tag(text);
    let rows = out_mentions(tagger, text, &mentions, details);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let headers = ["start", "end", "type", "id", "name", "surface", "context"];
    let table: Vec<[String; 7]> = rows
        .iter()
        .zip(&mentions)
        .map(|(r, m)| {
            let mut surface = r.surface.replace(['\n', '\r', '\t'], " ");
            if m.is_ambiguous() {
                surface.push_str(" (ambiguous)");
            }
            if m.possible {
                surface.push_str(" (possible)");
            }
            match m.kind {
                MatchKind::Exact => {}
                MatchKind::Tolerant => surface.push_str(&format!(" (close to: {})", tagger.variant(m).text)),
                MatchKind::Grammar => surface.push_str(" (descriptive name)"),
            }
            [
                r.start.to_string(),
                r.end.to_string(),
                r.kind.to_string(),
                r.id.to_string(),
                r.name.to_string(),
                surface,
                context(text, m.start, m.end, 30),
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
    writeln!(out, "{} mention(s) of {} entit(y/ies)", mentions.len(), {
        let mut ids: Vec<_> = mentions.iter().map(|m| m.entity).collect();
        ids.sort();
        ids.dedup();
        ids.len()
    })?;
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
    format!("…{before}[{}]{after}…", &text[start..end]).replace(['\n', '\r', '\t'], " ")
}
