//! `sahel-tagger gazetteer export`: the generated Arabic spellings (see the core's
//! `arabic_spelling`) are listed with their provenance in JSON, and left out of TSV.

use sahel_tagger::Gazetteer;

fn generated(g: &Gazetteer) -> Vec<(&str, &str, &str, &str)> {
    g.entities()
        .iter()
        .flat_map(|e| {
            e.variants.iter().filter_map(move |v| {
                v.derived.as_ref().map(|d| (e.id.as_str(), v.text.as_str(), d.from.as_str(), d.rule.as_str()))
            })
        })
        .collect()
}

/// `sahel-tagger gazetteer export` lists every generated spelling with its source and rule (JSON), and
/// leaves them out of the TSV layer, which generates them again when loaded.
#[test]
fn export_lists_generated_spellings_with_their_rule() {
    let run = |format: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sahel-tagger"))
            .args(["gazetteer", "export", "--format", format])
            .output()
            .expect("the binary runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let gao = json.as_array().unwrap().iter().find(|e| e["id"] == "gao").unwrap();
    let derived: Vec<&serde_json::Value> =
        gao["variants"].as_array().unwrap().iter().filter(|v| v.get("derived").is_some()).collect();
    assert!(!derived.is_empty(), "{gao}");
    for v in &derived {
        assert!(v["derived"]["from"].is_string() && v["derived"]["rule"].is_string(), "{v}");
    }
    let exported = Gazetteer::embedded();
    let count = generated(&exported).len();
    let json_count: usize = json
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["variants"].as_array().unwrap().iter().filter(|v| v.get("derived").is_some()).count())
        .sum();
    assert_eq!(json_count, count, "every generated spelling is exported");
    let tsv = run("tsv");
    let generated_text = &derived[0]["text"].as_str().unwrap();
    let gao_line = tsv.lines().find(|l| l.starts_with("gao\t")).unwrap();
    assert!(!gao_line.contains(generated_text), "TSV lists listed spellings only: {gao_line}");
}
