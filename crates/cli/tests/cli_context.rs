//! The CLI's context options (issue 11): doubtful names dropped without evidence (`--possible` keeps
//! them, flagged), names no list holds (by default; `--no-unlisted` leaves them out), and the
//! decisions in `--details`.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

/// Runs `sahel-tagger tag ARGS` on the curated gazetteer, one JSON line in, the output line parsed.
fn tag(args: &[&str], text: &str) -> Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sahel-tagger"))
        .env("SAHEL_TAGGER_GEONAMES", "off")
        .arg("tag")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let line = format!("{}\n", json!({"id": "t", "text": text}));
    child.stdin.take().unwrap().write_all(line.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).expect("one JSON line")
}

fn surfaces(line: &Value) -> Vec<&str> {
    line["mentions"].as_array().unwrap().iter().map(|m| m["surface"].as_str().unwrap()).collect()
}

// "Boni" (a village of the curated gazetteer) is also a first name: flagged possible. At the start of
// a sentence, with no cue, it has no evidence; "à 20 km de" is one.
const TEXT: &str =
    "Boni a été attaquée. Les villages de Doumsiré et Kelbadji sont vides, dit le porte-parole \
                    Jean Badouno.";
const CUED: &str = "Une attaque à 20 km de Boni.";

#[test]
fn doubtful_names_need_evidence_and_possible_keeps_them_flagged() {
    let line = tag(&["--no-unlisted"], TEXT);
    assert_eq!(surfaces(&line), Vec::<&str>::new());
    assert!(line.get("dropped").is_none(), "decisions are listed with --details only");
    assert_eq!(surfaces(&tag(&[], CUED)), ["Boni"]);
    let line = tag(&["--possible", "--no-unlisted"], TEXT);
    assert_eq!(surfaces(&line), ["Boni"]);
    assert_eq!(line["mentions"][0]["unconfirmed"], true);
    assert!(tag(&["--possible"], CUED)["mentions"][0].get("unconfirmed").is_none());
}

#[test]
fn details_say_what_kept_or_dropped_a_name() {
    let kept = &tag(&["--details"], CUED)["mentions"][0]["check"];
    assert_eq!(kept["verdict"], "kept");
    assert_eq!(kept["reason"], "cue");
    assert_eq!(kept["cue"], "proximity");
    assert_eq!(kept["words"], "km de");
    let line = tag(&["--details"], TEXT);
    let dropped = &line["dropped"][0];
    assert_eq!(dropped["surface"], "Boni");
    assert_eq!(dropped["start"], 0);
    assert_eq!(dropped["check"]["verdict"], "dropped");
    assert_eq!(dropped["check"]["reason"], "no evidence");
}

#[test]
fn unlisted_names_have_no_id_and_the_type_of_their_cue() {
    let line = tag(&[], TEXT);
    assert_eq!(line, tag(&["--unlisted"], TEXT));
    assert_eq!(line, tag(&["--no-unlisted", "--unlisted"], TEXT), "the last flag wins");
    let mentions = line["mentions"].as_array().unwrap();
    let unlisted: Vec<(&str, &str)> = mentions
        .iter()
        .filter(|m| m["unlisted"] == true)
        .map(|m| (m["surface"].as_str().unwrap(), m["type"].as_str().unwrap()))
        .collect();
    assert_eq!(unlisted, [("Doumsiré", "place"), ("Kelbadji", "place"), ("Jean Badouno", "person")]);
    assert!(mentions.iter().filter(|m| m["unlisted"] == true).all(|m| m["id"].is_null()));
    // In text order with the gazetteer mentions, with code point offsets.
    let starts: Vec<u64> = mentions.iter().map(|m| m["start"].as_u64().unwrap()).collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    assert_eq!(mentions[0]["surface"], "Doumsiré");
    assert_eq!(mentions[0]["start"], 37);
    // --details shows the cue.
    let line = tag(&["--details"], TEXT);
    let first = &line["mentions"][0];
    assert_eq!(first["cue"], "villages de");
    assert_eq!(first["cue_kind"], "plural designator");
    assert_eq!(first["rule"], "after cue");
    // With --no-unlisted: none, and the gazetteer's mentions are the same.
    let listed = tag(&["--no-unlisted"], TEXT);
    let listed = listed["mentions"].as_array().unwrap();
    assert!(listed.iter().all(|m| m.get("unlisted").is_none()));
    let known: Vec<_> = mentions.iter().filter(|m| m.get("unlisted").is_none()).collect();
    assert_eq!(listed.iter().collect::<Vec<_>>(), known);
}

#[test]
fn help_documents_the_options() {
    let output = Command::new(env!("CARGO_BIN_EXE_sahel-tagger")).args(["tag", "--help"]).output().unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    for option in ["--possible", "--no-unlisted", "--details"] {
        assert!(help.contains(option), "{option} missing from --help:\n{help}");
    }
}
