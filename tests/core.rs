//! The tagging core as a user meets it: the embedded gazetteer on texts we wrote, checked mention by
//! mention (surface, entity id, offsets).

use sahel_tagger::{fold::fold, EntityType, Gazetteer, GazetteerBuilder, Options, Tagger, Tier};

fn default_tagger() -> &'static Tagger {
    use std::sync::OnceLock;
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(Tagger::default)
}

/// `(surface, entity id)` of every mention.
fn tags(tagger: &Tagger, text: &str) -> Vec<(String, String)> {
    tagger.tag(text).iter().map(|m| (m.surface(text).to_string(), tagger.entity(m).id.clone())).collect()
}

fn ids(text: &str) -> Vec<String> {
    tags(default_tagger(), text).into_iter().map(|(_, id)| id).collect()
}

fn custom(toml: &str) -> Tagger {
    let mut builder = GazetteerBuilder::new();
    builder.add_toml("test.toml", toml, Tier::Curated);
    Tagger::new(builder.build().expect("valid test gazetteer"))
}

#[test]
fn embedded_gazetteer_is_valid_and_covers_the_source_articles() {
    let gazetteer = Gazetteer::embedded();
    // Every entity named in the project's source articles, by a spelling a reader meets.
    let required = [
        "JNIM",
        "GSIM",
        "Jnim",
        "Groupe de soutien à l'islam et aux musulmans",
        "Jama'at Nasr al-Islam wal-Muslimin",
        "AQMI",
        "Katiba Macina",
        "Katiba Serma",
        "Ansar Dine",
        "FLM",
        "Al-Mourabitoune",
        "État islamique",
        "FLA",
        "Front de libération de l'Azawad",
        "FAMa",
        "Forces armées maliennes",
        "Famas",
        "armée malienne",
        "Wagner",
        "Africa Corps",
        "Corps africain",
        "MINUSMA",
        "Sadio Camara",
        "Iyad Ag Ghali",
        "Amadou Koufa",
        "Az-Zallaqa",
        "RFI",
        "France 24",
        "Djoura",
        "Dioura",
        "Mopti",
        "Macina",
        "Kidal",
        "Azawad",
        "Bamako",
        "Niafunké",
        "Niafounké",
        "Goundam",
        "Tombouctou",
        "Timbuktu",
        "Soumpi",
        "Sofara",
        "Boulikessi",
        "Boulkessi",
        "Mondoro",
        "Bodio",
        "Bandiagara",
        "Boni",
        "Gao",
        "Djibo",
        "Mali",
        "Burkina Faso",
        "Niger",
        "Sénégal",
        "Mauritanie",
    ];
    let tagger = default_tagger();
    // Alone, a name has no context: doubtful ones ("Boni") are asked for too.
    let options = Options { possible: true, ..Options::default() };
    for name in required {
        let mentions = tagger.tag_with(name, &options).mentions;
        assert_eq!(mentions.len(), 1, "{name:?} should be one mention, got {mentions:?}");
        assert_eq!(mentions[0].surface(name), name, "{name:?} should match whole");
    }
    assert!(gazetteer.entities().len() >= 60);
}

#[test]
fn spelling_pairs_link_to_one_entity() {
    let pairs = [
        ("Djoura", "Dioura"),
        ("Niafunké", "Niafounké"),
        ("Niafunké", "NIAFUNKE"),
        ("Niafunké", "niafunke"),
        ("JNIM", "Jnim"),
        ("JNIM", "GSIM"),
        ("JNIM", "Jama’at Nusrat al-Islam wal-Muslimin"),
        ("JNIM", "جماعة نصرة الإسلام والمسلمين"),
        ("Boulkessi", "Boulikessi"),
        ("Tombouctou", "Timbuktu"),
        ("Tombouctou", "تمبكتو"),
        ("Az-Zallaqa", "Az Zallaqa"),
        ("Az-Zallaqa", "Az‑Zallaqa"),
        ("Forces armées maliennes", "FORCES ARMEES MALIENNES"),
    ];
    for (a, b) in pairs {
        let (ia, ib) = (ids(a), ids(b));
        assert_eq!(ia.len(), 1, "{a:?} → {ia:?}");
        assert_eq!(ia, ib, "{a:?} and {b:?} should link to the same entity");
    }
}

#[test]
fn offsets_are_exact_in_the_original_text() {
    let text = "Le 3 mai, l’armée malienne (FAMa) a repris NIAFUNKÉ\u{00A0}; à Tombouctou, calme.";
    let tagger = default_tagger();
    let mentions = tagger.tag(text);
    let surfaces: Vec<&str> = mentions.iter().map(|m| m.surface(text)).collect();
    assert_eq!(surfaces, ["armée malienne", "FAMa", "NIAFUNKÉ", "Tombouctou"]);
    // Code point offsets, as the CLI reports them.
    let spans = Tagger::char_spans(text, &mentions);
    let chars: Vec<char> = text.chars().collect();
    for ((start, end), m) in spans.iter().zip(&mentions) {
        assert_eq!(chars[*start..*end].iter().collect::<String>(), m.surface(text));
    }
    // UTF-16 offsets, as JavaScript counts them.
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for ((start, end), m) in Tagger::utf16_spans(text, &mentions).iter().zip(&mentions) {
        assert_eq!(String::from_utf16(&utf16[*start..*end]).unwrap(), m.surface(text));
    }
}

#[test]
fn decomposed_accents_stay_inside_the_mention() {
    // "Niafunke" + combining acute: the mark belongs to the mention, not after it.
    let text = "à Niafunke\u{301}, hier";
    let m = &default_tagger().tag(text)[0];
    assert_eq!(m.surface(text), "Niafunke\u{301}");
}

#[test]
fn names_never_match_inside_other_words() {
    for text in [
        "les soldats maliens et le gouvernement malien",
        "Nigeria, Nigérien, nigériens",
        "Bonifacio et Bonito",
        "Gaoussou Traoré",
        "Kidalois",
        "Bamakois",
    ] {
        let found = tags(default_tagger(), text);
        assert!(
            found
                .iter()
                .all(|(s, _)| !["Mali", "Niger", "Boni", "Gao", "Kidal", "Bamako"].contains(&s.as_str())),
            "{text:?} → {found:?}"
        );
    }
    // ... but they do match next to punctuation, digits aside, possessives and hyphens.
    assert_eq!(ids("Mali’s junta"), ["mali"]);
    assert_eq!(ids("(Niger)"), ["niger"]);
    assert_eq!(ids("l'axe Gao-Kidal"), ["gao", "kidal"]);
}

#[test]
fn longest_valid_match_wins() {
    assert_eq!(ids("la Katiba Macina a frappé"), ["katiba_macina"]);
    let tagger = custom(
        r#"
[[entity]]
id = "nioro"
name = "Nioro"
type = "place"

[[entity]]
id = "nioro_du_sahel"
name = "Nioro du Sahel"
type = "place"

[[entity]]
id = "sahel"
name = "Sahel"
type = "place"

[[entity]]
id = "katiba_macina"
name = "Katiba Macina"
type = "armed_group"

[[entity]]
id = "macina"
name = "Macina"
type = "place"
"#,
    );
    assert_eq!(tags(&tagger, "à Nioro du Sahel"), [("Nioro du Sahel".into(), "nioro_du_sahel".into())]);
    // The longer candidate fails its boundary check ("Sahelien"): the shorter valid one survives.
    assert_eq!(tags(&tagger, "Nioro du Sahelien"), [("Nioro".into(), "nioro".into())]);
    assert_eq!(tags(&tagger, "la Katiba Macinaise, le Macina"), [("Macina".into(), "macina".into())]);
}

#[test]
fn arabic_tashkeel_tatweel_and_proclitics() {
    let tagger = default_tagger();
    // Tashkeel and tatweel inside the name.
    let text = "وصلت القوات إلى تُمْبُكـتُو أمس";
    let found = tags(tagger, text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "timbuktu");
    assert_eq!(found[0].0, "تُمْبُكـتُو");
    // A glued preposition is left out of the mention.
    let text = "هجوم بتمبكتو وكيدال";
    let found = tags(tagger, text);
    assert_eq!(found, [("تمبكتو".into(), "timbuktu".into()), ("كيدال".into(), "kidal".into())]);
    // The adjective "Malian" (article + مالي) is not the country; the country with a clitic is.
    let found = ids("الرئيس المالي في مالي وبمالي");
    assert_eq!(found, ["mali", "mali"]);
}

#[test]
fn arabic_names_with_the_article() {
    let tagger = custom(
        r#"
[[entity]]
id = "niger"
name = "Niger"
type = "place"
variants = ["النيجر"]
"#,
    );
    for (text, surface) in
        [("في النيجر", "النيجر"), ("والنيجر", "النيجر"), ("بالنيجر", "النيجر"), ("للنيجر", "نيجر")]
    {
        let found = tags(&tagger, text);
        assert_eq!(found, [(surface.to_string(), "niger".to_string())], "{text}");
    }
    // Not after an article (impossible form) and not inside another word.
    assert!(tags(&tagger, "النيجري").is_empty());
}

#[test]
fn case_sensitive_acronyms_only_match_in_their_case() {
    let tagger = custom(
        r#"
[[entity]]
id = "ei"
name = "État islamique"
type = "armed_group"
acronyms = ["EI"]

[[entity]]
id = "cma"
name = "Coordination des mouvements de l'Azawad"
type = "armed_group"
acronyms = ["CMA"]

[[entity]]
id = "boni"
name = "Boni"
type = "place"
variants = [{ text = "Boni", case = "capitalized", possible = true }]
"#,
    );
    assert_eq!(tags(&tagger, "L’EI et la CMA"), [("EI".into(), "ei".into()), ("CMA".into(), "cma".into())]);
    assert!(tags(&tagger, "ei, Ei, cma, Cma").is_empty());
    let mentions = tagger.tag("à Boni, boni");
    assert_eq!(mentions.len(), 1);
    assert!(mentions[0].possible);
    assert_eq!(mentions[0].surface("à Boni, boni"), "Boni");
}

#[test]
fn shared_variants_list_every_candidate() {
    let tagger = custom(
        r#"
[[entity]]
id = "niger"
name = "Niger"
type = "place"

[[entity]]
id = "niger_river"
name = "Niger River"
type = "place"
variants = ["Niger"]
"#,
    );
    let mentions = tagger.tag("le Niger");
    assert_eq!(mentions.len(), 1);
    assert!(mentions[0].is_ambiguous());
    let candidates: Vec<&str> =
        mentions[0].candidates.iter().map(|&c| tagger.gazetteer().entity(c).id.as_str()).collect();
    assert_eq!(candidates, ["niger", "niger_river"]);
}

#[test]
fn names_do_not_cross_paragraphs_but_do_cross_line_wraps() {
    let tagger = default_tagger();
    let wrapped = "la Katiba\nMacina";
    assert_eq!(tags(tagger, wrapped)[0].1, "katiba_macina");
    let split = "la Katiba\n\nMacina";
    assert!(tags(tagger, split).iter().all(|(_, id)| id != "katiba_macina"));
}

#[test]
fn long_texts_give_the_same_mentions_as_their_parts() {
    let paragraph = "Le JNIM a revendiqué l’attaque de Boulkessi, près de Mondoro, tandis que les FAMa \
                     et Africa Corps patrouillaient entre Sévaré et Bandiagara. وصلت القوات إلى تمبكتو. \
                     😀 Niafunké, Dioura et Djibo restent sous pression.\n";
    let tagger = default_tagger();
    let per_paragraph = tagger.tag(paragraph).len();
    assert!(per_paragraph >= 10);
    // More than one folding window (1 MiB), with multi-byte characters at the window edges.
    let text = paragraph.repeat(3 * (1 << 20) / paragraph.len() + 1);
    let mentions = tagger.tag(&text);
    assert_eq!(mentions.len(), per_paragraph * (text.len() / paragraph.len()));
    for pair in mentions.windows(2) {
        assert!(pair[0].end <= pair[1].start);
    }
}

#[test]
fn a_name_cut_by_a_window_edge_is_found_whole() {
    // Folding collapses the 3,000 spaces (and drops the marks and soft hyphens), so each name is one
    // short match however long it is in the original; placed across the first window edge (1 MiB)
    // at several offsets, it must be found whole, as in a text folded at once.
    let tagger = default_tagger();
    let whole = Tagger::new(Gazetteer::embedded()).with_window(usize::MAX);
    let filler = "Des civils ont fui vers Mopti après l’attaque, selon l’ONU.\n";
    let names = [
        ("burkina_faso", format!("Burkina{}Faso", " ".repeat(3_000))),
        ("burkina_faso", format!("Burkina{}\r\n\t{}Faso", " ".repeat(1_500), "\u{A0}".repeat(700))),
        ("niafunke", format!("Niafunk{}e{}", "\u{AD}".repeat(800), "\u{301}".repeat(1_500))),
        ("katiba_macina", format!("Katiba{}Macina", " \u{200B}".repeat(900))),
    ];
    for (id, name) in &names {
        for before_edge in [1, 5, 700, 1_600, 2_900] {
            let mut text = filler.repeat((1 << 20) / filler.len());
            text.truncate((1 << 20) - before_edge);
            text.push(' ');
            let start = text.len();
            text.push_str(name);
            text.push_str(". ");
            text.push_str(&filler.repeat(20));
            let found: Vec<_> = tagger.tag(&text).into_iter().filter(|m| m.start >= start - 1).collect();
            assert_eq!(
                (found[0].start, found[0].end, tagger.entity(&found[0]).id.as_str()),
                (start, start + name.len(), *id),
                "{id} placed {before_edge} bytes before the edge"
            );
            assert_eq!(
                tagger.tag(&text),
                whole.tag(&text),
                "{id} placed {before_edge} bytes before the edge"
            );
        }
    }
}

#[test]
fn folding_matches_the_gazetteer_readme() {
    assert_eq!(fold("Jama’at"), fold("Jamaat"));
    assert_eq!(fold("Œuvre"), "oeuvre");
    assert_eq!(fold("ی ک ى ة ؤ ئ أ إ آ ٱ"), "ي ك ي ه و ي ا ا ا ا");
}

#[test]
fn every_variant_standing_alone_is_found_whole_and_linked_to_its_entity() {
    let tagger = default_tagger();
    let mut failures = vec![];
    // Alone, a spelling has no context: doubtful ones (also a word, a common name) are asked for too.
    let options = Options { possible: true, ..Options::default() };
    for entity in tagger.gazetteer().entities() {
        for variant in &entity.variants {
            let mentions = tagger.tag_with(&variant.text, &options).mentions;
            // A person's rank or title is left out ("capitaine Traoré" → "Traoré").
            let whole = |surface: &str| {
                surface == variant.text
                    || (entity.kind == EntityType::Person && variant.text.ends_with(&format!(" {surface}")))
            };
            let ok = mentions.len() == 1
                && whole(mentions[0].surface(&variant.text))
                && mentions[0].candidates.iter().any(|&c| tagger.gazetteer().entity(c).id == entity.id);
            if !ok {
                failures.push(format!("{} / {:?} → {:?}", entity.id, variant.text, mentions));
            }
        }
    }
    assert!(failures.is_empty(), "{} variants not found alone:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn multi_word_arabic_names_after_lil() {
    // ل + الجيش المالي is written للجيش المالي: the name loses its alef, the mention keeps the rest.
    let text = "تصريح للجيش المالي وللأمم المتحدة";
    let found = tags(default_tagger(), text);
    assert_eq!(found[0], ("جيش المالي".to_string(), "fama".to_string()), "{found:?}");
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn variants_may_begin_or_end_with_punctuation() {
    let tagger = custom(
        r##"
[[entity]]
id = "jnim"
name = "JNIM"
type = "armed_group"
variants = ["#JNIM", "«Jnim»"]
"##,
    );
    assert_eq!(
        tags(&tagger, "Le tag #JNIM circule; «Jnim» aussi; x#JNIM non."),
        [("#JNIM".into(), "jnim".into()), ("«Jnim»".into(), "jnim".into()), ("JNIM".into(), "jnim".into())]
    );
}

/// A name glued after combining marks that carry no letter (here U+11A01) is glued to a word: the
/// marks are no Arabic proclitic (found by the gazetteer-field property test).
#[test]
fn marks_alone_are_no_proclitic() {
    let tagger = custom(
        "[[entity]]\nid = \"p\"\nname = \"Gao\"\ntype = \"place\"\nvariants = [\"\u{11a01}\u{1ee67}\"]\n",
    );
    for text in ["Gao \u{b7} \u{11a01}\u{1ee67} \u{b7} \u{11a01}\u{1ee67}", "x\u{0301}\u{1ee67}"] {
        sahel_tagger::invariants::tagging(&tagger, text).unwrap();
    }
}

#[test]
fn mention_views_are_what_every_binding_shows() {
    use sahel_tagger::{Offsets, Options};
    let tagger = Tagger::default();
    let text = "😀 Le JNIM à Tombouctou ; les villages de Doumsiré et Kelbadji.";
    let tagged = tagger.tag_with(text, &Options { possible: false, unlisted: true });
    let views = tagger.views(text, &tagged, Offsets::CodePoints);
    let chars: Vec<char> = text.chars().collect();
    for v in &views {
        assert_eq!(chars[v.start..v.end].iter().collect::<String>(), v.surface);
    }
    let jnim = views.iter().find(|v| v.id.as_deref() == Some("jnim")).unwrap();
    assert_eq!(jnim.kind, sahel_tagger::EntityType::ArmedGroup);
    assert_eq!(jnim.match_kind, Some(sahel_tagger::MatchKind::Exact));
    assert_eq!(jnim.candidates.as_deref(), Some(&["jnim".to_string()][..]));
    let tombouctou = views.iter().find(|v| v.id.as_deref() == Some("timbuktu")).unwrap();
    assert!(tombouctou.lat.is_some() && tombouctou.country.as_deref() == Some("ML"));
    let unlisted: Vec<_> = views.iter().filter(|v| v.unlisted).collect();
    assert!(!unlisted.is_empty() && unlisted.iter().all(|v| v.id.is_none() && v.cue.is_some()));
    // UTF-16 offsets: the emoji counts two units.
    let utf16 = tagger.views(text, &tagged, Offsets::Utf16);
    assert_eq!(utf16[0].start, views[0].start + 1);
    // Without details: the contract fields and flags only.
    let short = tagger.views_with(text, &tagged, Offsets::CodePoints, false);
    let json = serde_json::to_string(&short[0]).unwrap();
    assert_eq!(
        json,
        r#"{"start":5,"end":9,"surface":"JNIM","id":"jnim","name":"JNIM","type":"armed_group"}"#
    );
    assert!(short.iter().all(|v| v.match_kind.is_none() && v.candidates.is_none() && v.cue.is_none()));
}

/// A parent chain that loops through an entity that is not a place (user data: the precompiled-layer
/// fuzz target found it) ends: ranking reads a place's ancestors within a bounded number of steps.
#[test]
fn a_parent_cycle_through_a_group_ends() {
    let tagger = custom(concat!(
        "[[entity]]\nid = \"kelmoura\"\nname = \"Kelmoura\"\ntype = \"place\"\nsubtype = \"village\"\n",
        "country = \"ML\"\nparent = \"g\"\n\n",
        "[[entity]]\nid = \"g\"\nname = \"Groupe\"\ntype = \"armed_group\"\nparent = \"g\"\n",
        "variants = [\"Groupe Kel\"]\n",
    ));
    let text = "Kelmoura a été attaqué. Les habitants de Kelmoura ont fui vers Tombouctou.";
    let mentions = tagger.tag(text);
    assert!(mentions.iter().any(|m| m.surface(text) == "Kelmoura"), "{mentions:?}");
    sahel_tagger::invariants::tagging(&tagger, text).unwrap();
}

#[test]
fn a_persons_rank_or_title_is_left_out_of_the_mention() {
    let tagger = default_tagger();
    let text = "Le capitaine Ibrahim Traoré a reçu le général d'armée Assimi Goïta, puis l'imam Dicko. \
                Capt. Ibrahim Traore spoke; Lieutenant-colonel Damiba did not. وقال النقيب إبراهيم تراوري. \
                تأييدا للنقيب إبراهيم تراوري. Cheikh Modibo Diarra a parlé. At the burial of Lieutenant Maman Namewa, who led the patrol.";
    let tagged = tagger.tag_with(text, &Options::default());
    let people: Vec<&str> = tagged
        .mentions
        .iter()
        .filter(|m| tagger.entity(m).kind == EntityType::Person)
        .map(|m| m.surface(text))
        .collect();
    assert_eq!(
        people,
        [
            "Ibrahim Traoré",
            "Assimi Goïta",
            "Dicko",
            "Ibrahim Traore",
            "Damiba",
            "إبراهيم تراوري",
            "إبراهيم تراوري",
            "Cheikh Modibo Diarra"
        ]
    );
    // A capitalized "Cheikh" is a first name as often as a title: it stays. An unlisted person too
    // starts at the name.
    let unlisted: Vec<&str> = tagged.unlisted.iter().map(|u| u.surface(text)).collect();
    assert!(unlisted.contains(&"Maman Namewa"), "{unlisted:?}");
}
