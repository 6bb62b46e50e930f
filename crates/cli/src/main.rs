//! The `sahel-tagger` command: batch tagging of JSON Lines, tagging of text files, and gazetteer tools.
//!
//! Only translation lives here (arguments, files, JSON); the tagging itself is the core library's
//! (`sahel_tagger`, the package at the repository root), and each mention is written as the core's
//! `MentionView`.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Tags armed groups, forces, places, people and media in Sahel conflict news (French, English, Arabic).
#[derive(Parser)]
#[command(name = "sahel-tagger", version, about, long_about = None)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Tag JSON Lines (`{"id": ..., "text": "..."}` per line) from files or stdin, or one text file.
    ///
    /// Writes exactly one line per input line, in order: `{"id": <same>, "mentions": [{"start", "end",
    /// "surface", "id", "name", "type"}]}`, with start/end in Unicode code points of `text`. A blank
    /// input line gives `{"id": null, "mentions": []}` (not an error); a line that cannot be tagged
    /// gives `{"id": <same or null>, "mentions": [], "error": "line N: ..."}`, is reported on stderr,
    /// and makes the exit status 1. Lines end with LF or CRLF.
    ///
    /// Input is UTF-8 (a byte order mark at the start is skipped); UTF-16 or UTF-32 input is refused
    /// with exit status 2 before anything is written. `--text` tables show control characters of the
    /// text as `\u{...}` escapes, never raw.
    Tag(cli::tag::TagArgs),
    /// Gazetteer tools: validate files, show counts, export, generate the GeoNames layer.
    #[command(subcommand)]
    Gazetteer(cli::gazetteer::GazetteerCommand),
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Command::Tag(tag) => cli::tag::run(tag),
        Command::Gazetteer(command) => cli::gazetteer::run(command),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("sahel-tagger: {message}");
            ExitCode::from(2)
        }
    }
}
