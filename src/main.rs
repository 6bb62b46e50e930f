//! The `sahel-tagger` command: batch tagging of JSON Lines, tagging of text files, and gazetteer tools.
//!
//! Only translation lives here (arguments, files, JSON); the tagging itself is the library's.
//!
//! There is no command line in WebAssembly: on `wasm32` the binary is an empty `main`, so that
//! `wasm-pack test` (which builds every target of the package) compiles without clap.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
use clap::{Parser, Subcommand};

/// Tags armed groups, forces, places, people and media in Sahel conflict news (French, English, Arabic).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Parser)]
#[command(name = "sahel-tagger", version, about, long_about = None)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[cfg(not(target_arch = "wasm32"))]
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

#[cfg(not(target_arch = "wasm32"))]
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

#[cfg(target_arch = "wasm32")]
fn main() {}
