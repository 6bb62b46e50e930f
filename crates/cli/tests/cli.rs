//! The CLI contract, exercised the way other tools use it: JSON Lines through a pipe, files as
//! arguments, exit codes, and the exact shape of every output line.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

/// The binary, on the curated gazetteer only (the GeoNames layer depends on files outside the project;
/// its own test below turns it on).
fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sahel-tagger"));
    command.env("SAHEL_TAGGER_GEONAMES", "off");
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
    // A command that does not read its standard input (its input is a file) may exit before the
    // write: a broken pipe then is no failure of the test.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "writing the input: {e}");
    }
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
    let input = "{\"id\": 1, \"text\": \"Gao\"}\nnot json\n\n{\"id\": 3}\n{\"id\": 4, \"text\": 5}\n{\"id\": 5, \"text\": \"Kidal\"}\n{\"id\": 6, \"text\": null}";
    let output = run_with_stdin(&["tag"], input);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2: invalid JSON"), "{stderr}");
    assert!(stderr.contains("line 4: missing \"text\""), "{stderr}");
    assert!(stderr.contains("line 5: \"text\" is not a string (a number)"), "{stderr}");
    assert!(stderr.contains("line 7: \"text\" is not a string (null)"), "{stderr}");
    assert!(stderr.contains("4 input line(s) could not be tagged"), "{stderr}");
    let out = lines(&output);
    // One output line per input line, in order; bad lines carry an error and no mentions, the blank
    // line is not an error.
    assert_eq!(out.len(), 7);
    assert_eq!(out[0]["mentions"][0]["id"], "gao");
    assert_eq!(out[1]["id"], Value::Null);
    assert!(out[1]["error"].as_str().unwrap().starts_with("line 2:"));
    assert_eq!(out[2], json!({"id": null, "mentions": []}));
    assert_eq!(out[3]["id"], 3);
    assert_eq!(out[5]["mentions"][0]["id"], "kidal");
    assert_eq!(out[6], json!({"id": 6, "mentions": [], "error": "line 7: \"text\" is not a string (null)"}));
}

#[test]
fn every_input_line_gives_one_output_line_blank_and_crlf_lines_included() {
    let record = |id: usize, text: &str| json!({"id": id, "text": text}).to_string();
    for eol in ["\n", "\r\n"] {
        let input_lines = [
            record(1, "Gao"),
            String::new(),
            "  \t ".into(),
            record(4, "Kidal"),
            String::new(),
            record(6, "Mopti"),
        ];
        // With and without a line break after the last line.
        for end in ["", eol] {
            let input = input_lines.join(eol) + end;
            let output = run_with_stdin(&["tag"], &input);
            assert!(output.status.success(), "{eol:?}: {}", String::from_utf8_lossy(&output.stderr));
            let stdout = String::from_utf8(output.stdout.clone()).unwrap();
            assert!(!stdout.contains('\r'), "{stdout:?}");
            let out = lines(&output);
            assert_eq!(out.len(), input_lines.len(), "{eol:?} {end:?}: {stdout}");
            let blank = json!({"id": null, "mentions": []});
            assert_eq!([&out[1], &out[2], &out[4]], [&blank, &blank, &blank]);
            assert_eq!(
                [0, 3, 5].map(|i| out[i]["mentions"][0]["surface"].as_str().unwrap().to_string()),
                ["Gao", "Kidal", "Mopti"]
            );
        }
    }
    // A blank line at the very end is a line too.
    assert_eq!(lines(&run_with_stdin(&["tag"], "{\"text\": \"Gao\"}\n\n")).len(), 2);
}

#[test]
fn a_utf8_bom_is_skipped_and_utf16_is_refused_with_its_name() {
    let record = "{\"id\": \"first\", \"text\": \"Gao\"}\n{\"id\": \"second\", \"text\": \"Kidal\"}\n";
    let with_bom = temp_file("bom.jsonl", &format!("\u{FEFF}{record}"));
    let output = bin().arg("tag").arg(&with_bom).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let out = lines(&output);
    assert_eq!((out[0]["id"].as_str(), out[0]["mentions"][0]["id"].as_str()), (Some("first"), Some("gao")));
    let utf16 = |big_endian: bool, bom: bool| {
        let mut bytes = vec![];
        if bom {
            bytes.extend(if big_endian { [0xFE, 0xFF] } else { [0xFF, 0xFE] });
        }
        for unit in record.encode_utf16() {
            bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        bytes
    };
    for (big_endian, bom, name) in [
        (false, true, "UTF-16 (little-endian, with a byte order mark)"),
        (true, true, "UTF-16 (big-endian, with a byte order mark)"),
        (false, false, "UTF-16 (little-endian)"),
        (true, false, "UTF-16 (big-endian)"),
    ] {
        let path = temp_file("utf16.jsonl", "");
        std::fs::write(&path, utf16(big_endian, bom)).unwrap();
        // A good file first: nothing is written when one input is unusable.
        let good = temp_file("good.jsonl", record);
        let output = bin().arg("tag").arg(&good).arg(&path).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(output.stdout.is_empty(), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(&format!("utf16.jsonl: the input is {name} text, not UTF-8")), "{stderr}");
        let mut child = bin()
            .arg("tag")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&utf16(big_endian, bom)).unwrap();
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(String::from_utf8_lossy(&output.stderr).contains(&format!("stdin: the input is {name} text")));
    }
}

#[test]
fn invalid_utf8_in_a_line_keeps_its_id() {
    let mut input = b"{\"id\": \"a-7\", \"text\": \"Ga\xE9o \xFF\"}\n".to_vec();
    input.extend(b"{\"id\": \"\xE9t\xE9\", \"text\": \"Gao\"}\n{\"id\": 3, \"text\": \"Gao\"}\n");
    let mut child =
        bin().arg("tag").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = lines(&output);
    assert_eq!(out.len(), 3);
    let error = "line 1: invalid UTF-8 (byte 0xE9 at byte 26 of the line); the line is not tagged";
    assert_eq!(out[0], json!({"id": "a-7", "mentions": [], "error": error}));
    // An id that is itself damaged is not echoed half-way.
    assert_eq!(out[1]["id"], Value::Null);
    assert!(out[1]["error"].as_str().unwrap().starts_with("line 2: invalid UTF-8"));
    assert_eq!(out[2]["mentions"][0]["id"], "gao");
}

#[test]
fn help_states_the_one_line_per_input_line_contract() {
    let output = bin().args(["tag", "--help"]).output().unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    for words in ["exactly one line per input line", "blank", "{\"id\": null, \"mentions\": []}", "UTF-16"] {
        assert!(help.contains(words), "missing {words:?} in:\n{help}");
    }
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
fn details_say_how_a_mention_matched() {
    let text =
        "{\"text\": \"Le Groupe de soutien à l'islam et musulmans et l'armée azawadienne à Kidal.\"}\n";
    let output = run_with_stdin(&["tag", "--details", "--geonames", "off"], text);
    let found: Vec<(String, String, String)> = lines(&output)[0]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["surface"].as_str().unwrap().into(),
                m["match"].as_str().unwrap().into(),
                m["variant"].as_str().unwrap().into(),
            )
        })
        .collect();
    let expected = [
        (
            "Groupe de soutien à l'islam et musulmans",
            "tolerant",
            "Groupe de soutien à l'islam et aux musulmans",
        ),
        ("armée azawadienne", "grammar", "armée azawadienne"),
        ("Kidal", "exact", "Kidal"),
    ];
    assert_eq!(found, expected.map(|(s, k, v)| (s.to_string(), k.to_string(), v.to_string())));
    // The table says it too.
    let path =
        temp_file("tolerant.txt", "Le Groupe de soutien à l'islam et musulmans et l'armée azawadienne.\n");
    let output = bin().args(["tag", "--geonames", "off", "--text"]).arg(&path).output().unwrap();
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(table.contains("(close to: Groupe de soutien à l'islam et aux musulmans)"), "{table}");
    assert!(table.contains("armée azawadienne (descriptive name)"), "{table}");
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
    let last = rows.len() - 1;
    assert!(rows[last - 1].starts_with("3 mention(s)"), "{table}");
    assert_eq!(rows[last], "0 unlisted name(s)", "{table}");
}

#[test]
fn a_text_table_never_writes_terminal_control_characters() {
    // ESC sequences (colour, cursor moves, window title), C1 controls (U+009B is a one-character CSI),
    // DEL, and bidirectional overrides and isolates, around and inside mentions.
    let text = "\u{1B}]0;pwned\u{7}Le \u{1B}[2J\u{1B}[31m JNIM \u{1B}[0m a attaqué \u{202E}Gao\u{202C} et \u{2067}Kidal\u{2069}\u{9B}6n\u{7F}, \u{200F}Mopti\u{8}.\r\n";
    let path = temp_file("control.txt", text);
    let output = bin().args(["tag", "--text"]).arg(&path).output().unwrap();
    assert!(output.status.success());
    let table = String::from_utf8(output.stdout).unwrap();
    let bad: Vec<char> = table
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    assert!(bad.is_empty(), "{bad:?} in:\n{table}");
    assert!(table.contains("\\u{1B}[31m JNIM \\u{1B}[0m"), "{table}");
    assert!(table.contains("\\u{202E}[Gao]\\u{202C}"), "{table}");
    assert!(table.lines().any(|l| l.starts_with("4 mention(s)")), "{table}");
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
    let built = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/data/geonames.tsv");
    let dumps = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/geonames/ML.txt");
    if !built.is_file() && !dumps.is_file() {
        eprintln!("neither www/data/geonames.tsv nor the GeoNames dumps are here: skipping");
        return;
    }
    // Tomaré (Niger) is a village the curated tier does not have; "Oumar Diarra" is a person (curated),
    // never the village Diarra.
    let input = "{\"id\": 1, \"text\": \"Des civils tués à Tomaré, selon Oumar Diarra.\"}\n";
    let mut auto = bin();
    auto.env("SAHEL_TAGGER_GEONAMES", "auto");
    let mut child = auto.arg("tag").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = lines(&child.wait_with_output().unwrap());
    let found: Vec<(&str, &str)> = out[0]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["surface"].as_str().unwrap(), m["type"].as_str().unwrap()))
        .collect();
    assert_eq!(found, [("Tomaré", "place"), ("Oumar Diarra", "person")]);
    assert!(out[0]["mentions"][0]["id"].as_str().unwrap().starts_with("gn:"));
    // Without the layer, Tomaré is still a place ("à Tomaré"), proposed as a name no list holds.
    let off = lines(&run_with_stdin(&["tag"], input));
    let found: Vec<(&str, bool)> = off[0]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["surface"].as_str().unwrap(), m["id"].is_null()))
        .collect();
    assert_eq!(found, [("Tomaré", true), ("Oumar Diarra", false)], "no village without the layer");
}

#[test]
fn the_former_names_of_the_geonames_option_still_work() {
    // --extended is a hidden alias of --geonames.
    let output = run_with_stdin(&["tag", "--extended", "off"], "{\"text\": \"Kidal\"}\n");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(lines(&output)[0]["mentions"][0]["id"], "kidal");
    let help = String::from_utf8(bin().args(["tag", "--help"]).output().unwrap().stdout).unwrap();
    assert!(help.contains("--geonames") && !help.contains("--extended"), "{help}");
    // $SAHEL_TAGGER_EXTENDED is read when $SAHEL_TAGGER_GEONAMES is not set.
    let missing = "/nonexistent/layer.tsv";
    let mut old = Command::new(env!("CARGO_BIN_EXE_sahel-tagger"));
    old.env_remove("SAHEL_TAGGER_GEONAMES").env("SAHEL_TAGGER_EXTENDED", missing);
    let output = old.args(["gazetteer", "stats"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains(missing));
}

#[test]
fn details_give_a_place_its_coordinates_country_and_admin_units() {
    let text = "{\"id\": 1, \"text\": \"Des civils ont été tués à Karma, dans le nord du pays.\"}\n";
    let out = lines(&run_with_stdin(&["tag", "--details"], text));
    let karma = &out[0]["mentions"][0];
    assert_eq!(karma["id"], "karma");
    assert_eq!(
        (&karma["country"], &karma["admin1"], &karma["admin2"], &karma["lat"], &karma["lon"]),
        (&json!("BF"), &json!("Nord"), &json!("Yatenga"), &json!(13.70816), &json!(-2.35369)),
        "{karma}"
    );
    // Without --details, the contract fields only.
    let out = lines(&run_with_stdin(&["tag"], text));
    assert!(out[0]["mentions"][0].get("admin1").is_none());
}

#[test]
fn a_village_of_the_generated_layer_has_its_region_and_cercle() {
    let dir = std::env::var_os("SAHEL_GEONAMES_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/geonames"));
    if !dir.join("ML.txt").is_file() {
        eprintln!("GeoNames dumps not found at {}: skipping", dir.display());
        return;
    }
    let layer = temp_file("layer.tsv", "");
    let made =
        bin().args(["gazetteer", "geonames", "--dir"]).arg(&dir).arg("--out").arg(&layer).output().unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    // Bladi (GeoNames 2362373): a village of the Bankass cercle, Mopti region, in the dump's codes.
    let text = "{\"id\": 1, \"text\": \"Des hommes armés ont attaqué le village de Bladi.\"}\n";
    let out = lines(&run_with_stdin(&["tag", "--details", "--geonames", layer.to_str().unwrap()], text));
    let bladi = &out[0]["mentions"][0];
    assert_eq!(bladi["id"], "gn:2362373", "{bladi}");
    assert_eq!(
        (&bladi["admin1"], &bladi["admin2"], &bladi["country"]),
        (&json!("Mopti"), &json!("Bankass"), &json!("ML"))
    );
    assert_eq!((&bladi["lat"], &bladi["lon"]), (&json!(13.43134), &json!(-3.27575)));
}

#[test]
fn never_rules_given_with_g_drop_the_spellings_they_name() {
    let articles = temp_file(
        "never-articles.jsonl",
        "{\"id\": 1, \"text\": \"Le JNIM a attaqué Djibo puis DJIBO encore, près de Boulkessi.\"}\n",
    );
    let ids = |output: &Output| -> Vec<String> {
        lines(output)[0]["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["surface"].as_str().unwrap().to_string())
            .collect()
    };
    let plain = bin().arg("tag").arg(&articles).output().unwrap();
    assert!(plain.status.success());
    assert_eq!(ids(&plain), ["JNIM", "Djibo", "DJIBO", "Boulkessi"]);
    // The rules file as the page exports it.
    let rules = temp_file(
        "never-rules.toml",
        "# sahel-tagger rules: \"never tag this spelling\"\n[[never]]\ntext = \"djibo\"\n\n[[never]]\ntext = \"Boulkessi\"\nentity = \"boulkessi\"\n",
    );
    let output = bin().arg("tag").arg("--no-unlisted").arg("-g").arg(&rules).arg(&articles).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(ids(&output), ["JNIM"]);
    // A rule naming an entity unlinks the spelling from it, it does not say the text names nothing
    // there: "près de Boulkessi" is still proposed as a place no list holds. A rule without an entity
    // ("djibo") drops the unlisted names spelled so too.
    let output = bin().arg("tag").arg("-g").arg(&rules).arg(&articles).output().unwrap();
    let mentions = lines(&output)[0]["mentions"].clone();
    let found: Vec<(&str, bool)> = mentions
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["surface"].as_str().unwrap(), m["id"].is_null()))
        .collect();
    assert_eq!(found, [("JNIM", false), ("Boulkessi", true)]);
    // `gazetteer check` validates a rules file, with its lines.
    let output = bin().args(["gazetteer", "check", "--quiet"]).arg(&rules).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    let bad = temp_file("never-bad.toml", "[[never]]\ntext = \"Djibo\"\n\n[[never]]\ntexte = \"Gao\"\n");
    let output = bin().args(["gazetteer", "check"]).arg(&bad).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let all =
        format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(
        all.contains("never-bad.toml:5: error: unknown key `texte` (expected `text` or `entity`)"),
        "{all}"
    );
}

#[test]
fn a_precompiled_layer_is_read_as_its_text_source_is() {
    // A layer in the generated TSV format, compiled by `gazetteer compile`, then given to --geonames
    // and to -g: the same mentions as the TSV; a gzipped file is refused with a way out.
    let tsv = temp_file(
        "small-layer.tsv",
        "#sahel-tagger-tsv 1\tTest layer\n\
         gn:1\tKelmoura\tplace\tvillage\tML\t\t14.1\t-3.2\t1\t\tKelmoura|Kelmoura Peul\n",
    );
    let bin_path = tsv.with_extension("bin");
    let made = bin().args(["gazetteer", "compile"]).arg(&tsv).arg("--out").arg(&bin_path).output().unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let input =
        "{\"id\": 1, \"text\": \"Des hommes armés ont attaqué le village de Kelmoura Peul, près de Gao.\"}\n";
    let ids = |args: &[&str]| -> Vec<String> {
        let output = run_with_stdin(args, input);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        lines(&output)[0]["mentions"].as_array().unwrap().iter().map(|m| m["id"].to_string()).collect()
    };
    let from_text = ids(&["tag", "--geonames", tsv.to_str().unwrap()]);
    assert_eq!(from_text, ["\"gn:1\"", "\"gao\""]);
    assert_eq!(ids(&["tag", "--geonames", bin_path.to_str().unwrap()]), from_text);
    assert_eq!(ids(&["tag", "--geonames", "off", "-g", bin_path.to_str().unwrap()]), from_text);
    let gz = temp_file("small-layer.bin.gz", "");
    std::fs::write(&gz, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0]).unwrap();
    let output = run_with_stdin(&["tag", "--geonames", gz.to_str().unwrap()], input);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("gzip-compressed: decompress it first"));
}
