#![cfg(not(target_arch = "wasm32"))]
//! The CLI contract, exercised the way other tools use it: JSON Lines through a pipe, files as
//! arguments, exit codes, and the exact shape of every output line.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

/// The binary, on the curated gazetteer only (the village layer depends on files outside the project;
/// its own test below turns it on).
fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sahel-tagger"));
    command.env("SAHEL_TAGGER_EXTENDED", "off");
    command
}

fn run_with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sahel-tagger-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn json_lines_in_json_lines_out_with_code_point_offsets() {
    let text = "😀 Selon RFI, le JNIM a attaqué Dioura; هاجمت جماعة نصرة الإسلام والمسلمين تمبكتو.";
    let input = format!(
        "{}\n{}\n{}\n",
        json!({"id": "a-1", "text": text, "source": "ignored"}),
        json!({"id": 42, "text": "Rien ici."}),
        json!({"id": {"doc": 7}, "text": "Niafunké"}),
    );
    let output = run_with_stdin(&["tag"], &input);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let out = lines(&output);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["id"], "a-1");
    assert_eq!(out[1], json!({"id": 42, "mentions": []}));
    assert_eq!(out[2]["id"], json!({"doc": 7}));
    let chars: Vec<char> = text.chars().collect();
    let mentions = out[0]["mentions"].as_array().unwrap();
    let ids: Vec<&str> = mentions.iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["rfi", "jnim", "djoura", "jnim", "timbuktu"]);
    for m in mentions {
        // Exactly the contract's fields.
        let mut keys: Vec<&str> = m.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["end", "id", "name", "start", "surface", "type"]);
        let (start, end) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[start..end].iter().collect::<String>(), m["surface"].as_str().unwrap());
    }
    assert_eq!(mentions[2]["surface"], "Dioura");
    assert_eq!(mentions[2]["name"], "Djoura");
    assert_eq!(mentions[2]["type"], "place");
    assert_eq!(mentions[1]["type"], "armed_group");
}

#[test]
fn a_bad_line_is_reported_with_its_number_and_the_rest_is_tagged() {
    let input = "{\"id\": 1, \"text\": \"Gao\"}\nnot json\n\n{\"id\": 3}\n{\"id\": 4, \"text\": 5}\n{\"id\": 5, \"text\": \"Kidal\"}";
    let output = run_with_stdin(&["tag"], input);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2: invalid JSON"), "{stderr}");
    assert!(stderr.contains("line 4: missing \"text\""), "{stderr}");
    assert!(stderr.contains("line 5: \"text\" must be a string"), "{stderr}");
    let out = lines(&output);
    // One output line per non-empty input line, in order; bad lines carry an error and no mentions.
    assert_eq!(out.len(), 5);
    assert_eq!(out[0]["mentions"][0]["id"], "gao");
    assert_eq!(out[1]["id"], Value::Null);
    assert!(out[1]["error"].as_str().unwrap().starts_with("line 2:"));
    assert_eq!(out[2]["id"], 3);
    assert_eq!(out[4]["mentions"][0]["id"], "kidal");
}

#[test]
fn files_are_read_in_order_and_many_lines_keep_their_order() {
    let many: String =
        (0..3000).map(|i| format!("{}\n", json!({"id": i, "text": format!("Mopti {i}")}))).collect();
    let a = temp_file("a.jsonl", &many);
    let b = temp_file("b.jsonl", "{\"id\": \"last\", \"text\": \"Bamako\"}\n");
    let output = bin().arg("tag").arg(&a).arg(&b).output().unwrap();
    assert!(output.status.success());
    let out = lines(&output);
    assert_eq!(out.len(), 3001);
    for (i, line) in out.iter().take(3000).enumerate() {
        assert_eq!(line["id"], i);
        assert_eq!(line["mentions"][0]["id"], "mopti");
    }
    assert_eq!(out[3000]["mentions"][0]["id"], "bamako");
}

#[test]
fn details_add_variant_and_flags() {
    let output = run_with_stdin(&["tag", "--details"], "{\"id\": 1, \"text\": \"Boulikessi\"}\n");
    let m = &lines(&output)[0]["mentions"][0];
    assert_eq!(m["id"], "boulkessi");
    assert_eq!(m["variant"], "Boulikessi");
    assert_eq!(m["ambiguous"], false);
}

#[test]
fn a_text_file_gives_a_readable_table() {
    let path = temp_file("article.txt", "Les FAMa et Africa Corps sont entrés à Kidal.\n");
    let output = bin().args(["tag", "--text"]).arg(&path).output().unwrap();
    assert!(output.status.success());
    let table = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<&str> = table.lines().collect();
    assert!(rows[0].starts_with("start") && rows[0].contains("surface"), "{table}");
    assert!(rows.iter().any(|r| r.contains("africa_corps") && r.contains("[Africa Corps]")), "{table}");
    assert!(rows.last().unwrap().starts_with("3 mention(s)"), "{table}");
}

#[test]
fn user_gazetteer_files_add_and_override() {
    let user = temp_file(
        "user.toml",
        "[[entity]]\nid = \"ogossagou\"\nname = \"Ogossagou (user)\"\ntype = \"place\"\nvariants = [\"Ogossagou\"]\n\n[[entity]]\nid = \"katiba_x\"\nname = \"Katiba X\"\ntype = \"armed_group\"\n",
    );
    let output = run_with_stdin(
        &["tag", "-g", user.to_str().unwrap()],
        "{\"id\": 1, \"text\": \"Ogossagou et la Katiba X\"}\n",
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let m = &lines(&output)[0]["mentions"];
    assert_eq!(m[0]["name"], "Ogossagou (user)");
    assert_eq!(m[1]["id"], "katiba_x");
    let patterns = temp_file(
        "patterns.jsonl",
        "{\"label\": \"GPE\", \"pattern\": \"Tinzaouatene\", \"id\": \"tinza\"}\n",
    );
    let output = run_with_stdin(
        &["tag", "-g", patterns.to_str().unwrap()],
        "{\"id\": 1, \"text\": \"à Tinzaouatene\"}\n",
    );
    assert_eq!(lines(&output)[0]["mentions"][0]["id"], "tinza");
    // spaCy token patterns are skipped, each with a warning naming its line; the phrase patterns load.
    let mixed = temp_file(
        "mixed.jsonl",
        "{\"label\": \"GPE\", \"pattern\": [{\"LOWER\": \"tinza\"}]}\n{\"label\": \"GPE\", \"pattern\": \"Tinzaouatene\", \"id\": \"tinza\"}\n{\"label\": \"ORG\", \"pattern\": [{\"TEXT\": \"X\"}, {\"TEXT\": \"Y\"}]}\n",
    );
    let output = run_with_stdin(
        &["tag", "-g", mixed.to_str().unwrap()],
        "{\"id\": 1, \"text\": \"à Tinzaouatene\"}\n",
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(lines(&output)[0]["mentions"][0]["id"], "tinza");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let name = mixed.display().to_string();
    for line in [1, 3] {
        assert!(stderr.contains(&format!("{name}:{line}: warning: token pattern skipped")), "{stderr}");
    }
}

#[test]
fn gazetteer_check_reports_lines_and_fails_on_errors() {
    let output = bin().args(["gazetteer", "check", "--quiet"]).output().unwrap();
    assert!(
        output.status.success(),
        "the embedded gazetteer is valid: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    let bad = temp_file(
        "bad.toml",
        "[[entity]]\nid = \"a\"\nname = \"A\"\ntype = \"city\"\n\n[[entity]]\nid = \"b\"\nname = \"\"\ntype = \"place\"\n\n[[entity]]\nid = \"b\"\nname = \"B\"\ntype = \"place\"\n\n[[entity]]\nid = \"c\"\nname = \"C\"\ntype = \"place\"\nvariants = [\"Cc\", \"CC\"]\n",
    );
    let output = bin().args(["gazetteer", "check", "--alone"]).arg(&bad).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let name = bad.display().to_string();
    for expected in [
        format!("{name}:4: error: entity \"a\": unknown type \"city\""),
        format!("{name}:6: error: entity \"b\" has an empty name"),
        format!("{name}:11: error: duplicate id \"b\""),
        format!("{name}:20: error: entity \"c\": variant \"CC\" is listed twice"),
    ] {
        assert!(stdout.contains(&expected), "missing {expected:?} in:\n{stdout}");
    }
    // Variants that would match everywhere: errors without a letter or digit, warnings for one letter.
    let loose = temp_file(
        "loose.toml",
        "[[entity]]\nid = \"x\"\nname = \"X town\"\ntype = \"place\"\nvariants = [\"a\", \".\", \"«\", \"\\u0000\", { text = \"Y\", case = \"exact\" }]\n",
    );
    let output = bin().args(["gazetteer", "check", "--alone"]).arg(&loose).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let name = loose.display().to_string();
    for expected in [
        format!("{name}:5: warning: entity \"x\": one-letter variant \"a\""),
        format!("{name}:5: error: entity \"x\": variant \".\" has no letter or digit"),
        format!("{name}:5: error: entity \"x\": variant \"«\" has no letter or digit"),
        format!("{name}:5: error: entity \"x\": variant \"\\0\" has no letter or digit"),
    ] {
        assert!(stdout.contains(&expected), "missing {expected:?} in:\n{stdout}");
    }
    assert!(stdout.contains("3 error(s), 1 warning(s)"), "{stdout}");
    // A value of the wrong type: what was expected, in words, on its line.
    let typed = temp_file(
        "typed.toml",
        "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"place\"\nvariants = [\n  \"Xx\",\n  12,\n]\n",
    );
    let output = bin().args(["gazetteer", "check"]).arg(&typed).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let expected = format!(
        "{}:7: error: variant must be a string or a table with `text` (found integer `12`)",
        typed.display()
    );
    assert!(stdout.contains(&expected), "missing {expected:?} in:\n{stdout}");
    // A syntax error names its line too.
    let broken = temp_file("broken.toml", "[[entity]]\nid = \"a\"\nname = \"A\ntype = \"place\"\n");
    let output = bin().args(["gazetteer", "check"]).arg(&broken).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stdout).unwrap().contains("broken.toml:3: error"));
}

#[test]
fn the_village_layer_is_loaded_automatically_when_available() {
    let built = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/data/geonames.tsv");
    let dumps = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/geonames/ML.txt");
    if !built.is_file() && !dumps.is_file() {
        eprintln!("neither www/data/geonames.tsv nor the GeoNames dumps are here: skipping");
        return;
    }
    // Kokorou (Niger) is a village the curated tier does not have; "Oumar Diarra" is a person, not
    // the village Diarra.
    let input = "{\"id\": 1, \"text\": \"Des civils tués à Kokorou, selon Oumar Diarra.\"}\n";
    let mut auto = bin();
    auto.env("SAHEL_TAGGER_EXTENDED", "auto");
    let mut child = auto.arg("tag").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = lines(&child.wait_with_output().unwrap());
    let found: Vec<&str> =
        out[0]["mentions"].as_array().unwrap().iter().map(|m| m["surface"].as_str().unwrap()).collect();
    assert_eq!(found, ["Kokorou"]);
    assert!(out[0]["mentions"][0]["id"].as_str().unwrap().starts_with("gn:"));
    let off = run_with_stdin(&["tag"], input);
    assert!(lines(&off)[0]["mentions"].as_array().unwrap().is_empty());
}
