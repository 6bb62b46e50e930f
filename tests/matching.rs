//! Tolerant matching of long names and the grammar of descriptive force names, as a user meets them:
//! the embedded gazetteer on sentences we wrote, checked mention by mention (surface, entity, how it
//! matched, the variant or phrase it stands for), and never a tolerant match in ordinary words.

use std::sync::OnceLock;

use sahel_tagger::{EntityType, GazetteerBuilder, MatchKind, Matching, Options, Tagger, Tier};

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(Tagger::default)
}

/// `(surface, entity id, match kind, variant)` of every mention.
fn tags(tagger: &Tagger, text: &str) -> Vec<(String, String, MatchKind, String)> {
    tagger
        .tag(text)
        .iter()
        .map(|m| {
            let variant = tagger.variant(m).text.clone();
            (m.surface(text).to_string(), tagger.entity(m).id.clone(), m.kind, variant)
        })
        .collect()
}

/// The one mention of `text` that is not exact, as `(surface, id, kind, variant)`.
fn only_inexact(text: &str) -> (String, String, MatchKind, String) {
    let inexact: Vec<_> = tags(tagger(), text).into_iter().filter(|m| m.2 != MatchKind::Exact).collect();
    assert_eq!(inexact.len(), 1, "{text}: {inexact:?}");
    inexact.into_iter().next().unwrap()
}

fn custom(toml: &str, tier: Tier) -> Tagger {
    let mut builder = GazetteerBuilder::new();
    builder.add_toml("test.toml", toml, tier);
    Tagger::new(builder.build().expect("valid test gazetteer"))
}

fn tolerant(surface: &str, id: &str, variant: &str) -> (String, String, MatchKind, String) {
    (surface.to_string(), id.to_string(), MatchKind::Tolerant, variant.to_string())
}

fn grammar(surface: &str, id: &str, phrase: &str) -> (String, String, MatchKind, String) {
    (surface.to_string(), id.to_string(), MatchKind::Grammar, phrase.to_string())
}

// ---------------------------------------------------------------------------------------------------
// Tolerant matching

#[test]
fn a_word_missing_inside_a_long_french_group_name() {
    let gsim = "Groupe de soutien à l'islam et aux musulmans";
    assert_eq!(
        only_inexact("Le Groupe de soutien à l'islam et musulmans a revendiqué l'attaque."),
        tolerant("Groupe de soutien à l'islam et musulmans", "jnim", gsim)
    );
    // Two adjacent function words ("et aux"), in a name with four content words.
    assert_eq!(
        only_inexact("Le Groupe de soutien à l'islam musulmans (GSIM) a revendiqué."),
        tolerant("Groupe de soutien à l'islam musulmans", "jnim", gsim)
    );
}

#[test]
fn other_particles_in_transliterations_of_the_jnim_name() {
    // "ul-Islam" is a listed variant now; "il-Islam" is not.
    let text = "Jama'at Nusrat il-Islam wal-Muslimin claimed the attack; Jama'at Nusrat el-Islam \
                wal-Muslimin said so too, as did Jamaat Nusrat al-Islam wa Muslimin.";
    let jnim = "Jama'at Nusrat al-Islam wal-Muslimin";
    assert_eq!(
        tags(tagger(), text),
        [
            tolerant("Jama'at Nusrat il-Islam wal-Muslimin", "jnim", jnim),
            tolerant("Jama'at Nusrat el-Islam wal-Muslimin", "jnim", jnim),
            // One slip from two variants ("wal" for "wa", or "al" left out): the first listed.
            tolerant("Jamaat Nusrat al-Islam wa Muslimin", "jnim", jnim),
        ]
    );
}

#[test]
fn a_doubled_or_dropped_letter_in_a_long_word() {
    // A media name: a doubled consonant, a doubled vowel.
    assert_eq!(
        only_inexact("Un communiqué diffusé par Az-Zallaqqa Foundation mardi."),
        tolerant("Az-Zallaqqa Foundation", "az_zallaqa", "Az-Zallaqa Foundation")
    );
    assert_eq!(
        only_inexact("selon la Fondation Az-Zallaaqa, organe du JNIM"),
        tolerant("Fondation Az-Zallaaqa", "az_zallaqa", "Fondation Az-Zallaqa")
    );
    // A place: one letter dropped in the town's name of the cercle.
    assert_eq!(
        only_inexact("Le camp de Boulkessi, dans le cercle de Douenza, a été attaqué."),
        tolerant("cercle de Douenza", "douentza_cercle", "Cercle de Douentza")
    );
    // A group: one letter changed.
    assert_eq!(
        only_inexact("le Mouvement national pour la libération de l'Azawed (MNLA)"),
        tolerant(
            "Mouvement national pour la libération de l'Azawed",
            "mnla",
            "Mouvement national pour la libération de l'Azawad"
        )
    );
}

#[test]
fn arabic_a_conjunction_dropped() {
    assert_eq!(
        only_inexact("أعلنت جماعة نصرة الإسلام المسلمين مسؤوليتها"),
        tolerant("جماعة نصرة الإسلام المسلمين", "jnim", "جماعة نصرة الإسلام والمسلمين")
    );
}

#[test]
fn a_nested_exact_name_gives_way_to_the_longer_tolerant_one() {
    // "Jama'at Nusrat al-Islam" is a variant; the whole name with one letter added wins over it.
    let text = "Jama'at Nusrat al-Islam wal-Mouslimin a revendiqué.";
    assert_eq!(
        tags(tagger(), text),
        [tolerant("Jama'at Nusrat al-Islam wal-Mouslimin", "jnim", "Jama'at Nusrat al-Islam wal-Muslimin")]
    );
}

#[test]
fn never_single_words_short_words_or_short_names() {
    for text in [
        "Un camion ravitaillait Tomboctou mardi.",    // one word
        "Ibrahim Traore was sworn in in Ouagadougo.", // one word
        "les combattants de la Katiba Macinna",       // two words, 12 letters
        "à Nioro du Sahell et Nioro du Saheel",       // a word of five letters
        "Jama'at Nusrat al-Islem wal-Muslimin",       // "Islam": five letters
        "Ansar Dine au sud de Tombouctou",            // not "Ansar Dine Sud" with "au" added
    ] {
        let inexact: Vec<_> = tags(tagger(), text).into_iter().filter(|m| m.2 != MatchKind::Exact).collect();
        assert!(inexact.is_empty(), "{text}: {inexact:?}");
    }
    // Two slips are not one: "il" and "Muslimeen" leave only the shorter name with one slip.
    assert_eq!(
        tags(tagger(), "Jama'at Nusrat il-Islam wa al-Muslimeen"),
        [tolerant("Jama'at Nusrat il-Islam", "jnim", "Jama'at Nusrat al-Islam")]
    );
}

#[test]
fn tolerant_matches_keep_the_case_rules_tiers_and_flags() {
    let toml = r#"
[[entity]]
id = "katiba_x"
name = "Katiba X"
type = "armed_group"
variants = [
  { text = "Brigade du Grand Zorgalistan", case = "capitalized" },
  { text = "Front uni des Zorgaliens libres", possible = true },
]
"#;
    let tagger = custom(toml, Tier::Curated);
    let found = |text: &str| tags(&tagger, text).into_iter().map(|m| (m.0, m.2)).collect::<Vec<_>>();
    assert_eq!(
        found("la Brigade du Grand Zorgallistan"),
        [("Brigade du Grand Zorgallistan".into(), MatchKind::Tolerant)]
    );
    assert_eq!(found("la brigade du grand zorgallistan"), [], "capitalized only");
    assert_eq!(found("le Front uni des Zorgalliens libres"), [], "a possible variant is not approximated");
    // Only at word boundaries.
    assert_eq!(found("laBrigade du Grand Zorgallistan"), []);
    // A generated layer (GeoNames villages) is never approximated.
    let tagger = custom(toml, Tier::Geonames);
    assert_eq!(tags(&tagger, "la Brigade du Grand Zorgallistan"), []);
    // Exact matching only, when asked.
    let mut builder = GazetteerBuilder::new();
    builder.add_toml("test.toml", toml, Tier::Curated);
    let exact = Tagger::with_matching(builder.build().unwrap(), Matching::EXACT);
    assert_eq!(exact.tag("la Brigade du Grand Zorgallistan"), []);
    assert_eq!(exact.tag("la Brigade du Grand Zorgalistan").len(), 1);
}

/// Texts made of the words of a word list: every word in the list's order (neighbours are near
/// spellings of one another: *soutien soutiens*), in title case too, and pairs and triples of words
/// drawn at random. Yields texts of about 2,000 words.
fn word_list_texts(words: &[&str]) -> Vec<String> {
    let mut texts = vec![];
    for chunk in words.chunks(2000) {
        texts.push(chunk.join(" "));
        texts.push(chunk.iter().map(|w| title_case(w)).collect::<Vec<_>>().join(" "));
    }
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..words.len() / 1000 {
        let mut text = String::new();
        for _ in 0..700 {
            for _ in 0..2 + next(2) {
                text.push_str(words[next(words.len())]);
                text.push(' ');
            }
            text.push_str(". ");
        }
        texts.push(text);
    }
    texts
}

fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[test]
fn a_tolerant_match_never_fires_in_ordinary_words() {
    for list in ["/usr/share/dict/french", "/usr/share/dict/american-english"] {
        let Ok(content) = std::fs::read_to_string(list) else {
            println!("word list {list} missing (installed by .ci/setup): not checked");
            continue;
        };
        let words: Vec<&str> = content.lines().map(str::trim).filter(|w| !w.is_empty()).collect();
        let (mut bytes, mut mentions) = (0, 0);
        for text in word_list_texts(&words) {
            bytes += text.len();
            let found = tagger().tag(&text);
            mentions += found.len();
            let tolerant: Vec<_> = found
                .iter()
                .filter(|m| m.kind == MatchKind::Tolerant)
                .map(|m| (m.surface(&text), tagger().variant(m).text.as_str()))
                .collect();
            assert!(tolerant.is_empty(), "{list}: tolerant matches in ordinary words: {tolerant:?}");
        }
        assert!(bytes > 1_000_000, "{list}: {bytes} bytes of text");
        println!(
            "{list}: {} words, {bytes} bytes tagged, {mentions} exact mentions, no tolerant one",
            words.len()
        );
    }
}

// ---------------------------------------------------------------------------------------------------
// Descriptive force names

/// The mentions of `text` that are not places.
fn forces(text: &str) -> Vec<(String, String, MatchKind, String)> {
    let places: Vec<&str> = tagger()
        .tag(text)
        .iter()
        .filter(|m| tagger().entity(m).kind == EntityType::Place)
        .map(|m| m.surface(text))
        .collect();
    tags(tagger(), text).into_iter().filter(|m| !places.contains(&m.0.as_str())).collect()
}

#[test]
fn french_the_army_of_a_territory_by_adjective_or_name() {
    let text = "L'armée azawadienne a repris Anéfis. Les forces armées de l'Azawad, que l'armée \
                azawadiene (sic) appelle ainsi, tiennent Kidal. Les Forces armées de la République du Mali \
                ont riposté avec les soldats du Niger.";
    assert_eq!(
        forces(text),
        [
            grammar("armée azawadienne", "fla", "armée azawadienne"),
            grammar("forces armées de l'Azawad", "fla", "forces armées de l'Azawad"),
            // Misspelt: found by tolerant matching, still the grammar's phrase.
            grammar("armée azawadiene", "fla", "armée azawadienne"),
            grammar(
                "Forces armées de la République du Mali",
                "fama",
                "forces armées de la République du Mali"
            ),
            grammar("soldats du Niger", "fan_niger", "soldats du Niger"),
        ]
    );
}

#[test]
fn english_word_orders() {
    let text = "Azawad's army and the army of the Azawad are one; the Azawad army fought Malian forces \
                near Kidal, with Azawadi troops.";
    assert_eq!(
        forces(text),
        [
            grammar("Azawad's army", "fla", "Azawad's army"),
            grammar("army of the Azawad", "fla", "army of the Azawad"),
            grammar("Azawad army", "fla", "Azawad army"),
            grammar("Malian forces", "fama", "Malian forces"),
            grammar("Azawadi troops", "fla", "Azawadi troops"),
        ]
    );
    // The army's branches together are the army.
    assert_eq!(
        forces("It was repelled by Nigerien ground and air forces near Makalondi."),
        [grammar("Nigerien ground and air forces", "fan_niger", "Nigerien ground and air forces")]
    );
}

#[test]
fn arabic_construct_and_relational_adjective() {
    let text = "اشتبك جيش أزواد مع الجيش المالي، وقالت القوات الأزوادية إن للجيش الأزوادي مواقع قرب كيدال.";
    assert_eq!(
        forces(text),
        [
            grammar("جيش أزواد", "fla", "جيش أزواد"),
            // A gazetteer variant is reported as the variant.
            ("الجيش المالي".into(), "fama".into(), MatchKind::Exact, "الجيش المالي".into()),
            grammar("القوات الأزوادية", "fla", "القوات الأزوادية"),
            // After لل the mention starts after it, as for any name with the article.
            grammar("جيش الأزوادي", "fla", "الجيش الأزوادي"),
        ]
    );
}

#[test]
fn the_territory_inside_the_phrase_is_not_tagged_alone() {
    for text in ["les forces armées de l'Azawad", "the army of Azawad", "جيش أزواد", "the Azawad army"]
    {
        let ids: Vec<String> = tags(tagger(), text).into_iter().map(|m| m.1).collect();
        assert_eq!(ids, ["fla"], "{text}");
    }
}

#[test]
fn no_force_without_its_territory_next_to_it() {
    let text = "L'armée a repris le contrôle de la ville, dans l'Azawad. Les Azawadiens ont fui; \
                Azawadi activists protested. The army said Mali forces the pace.";
    let found: Vec<(String, String)> = tags(tagger(), text).into_iter().map(|m| (m.0, m.1)).collect();
    assert_eq!(
        found,
        [("Azawad".to_string(), "azawad".to_string()), ("Mali".to_string(), "mali".to_string())],
        "generic army, an adjective for people, a verb after a country name"
    );
}

#[test]
fn military_before_rulers_is_an_adjective_and_the_country_a_place() {
    let text =
        "Niger's military rulers (and Niger's military courts); Niger's military said it would resist.";
    let found: Vec<(String, String)> =
        tags(tagger(), text).into_iter().map(|(s, id, _, _)| (s, id)).collect();
    assert_eq!(
        found,
        [
            ("Niger".to_string(), "niger".to_string()),
            ("Niger".to_string(), "niger".to_string()),
            ("Niger's military".to_string(), "fan_niger".to_string())
        ]
    );
}

#[test]
fn a_conjunction_before_a_name_is_no_slip_of_it() {
    // "and the Tahoua region": the exact name after و, not a tolerant match taking و in; the same for a
    // name found by its skeleton (طاهوا for تاهوا).
    for (text, surface) in
        [("وهاجموا وولاية تاهوا أمس", "ولاية تاهوا"), ("وهاجموا وولاية طاهوا أمس", "ولاية طاهوا")]
    {
        let found = tags(tagger(), text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!((found[0].0.as_str(), found[0].1.as_str()), (surface, "tahoua_region"), "{text}");
    }
}

#[test]
fn mali_after_a_person_or_an_adjective_is_the_adjective() {
    // مالي is both the country and "Malian": after a person, a source or another relational adjective it
    // is the adjective ("a Malian military source", "a Malian officer", "a Malian refugee", with a
    // proclitic on the word before too); after a noun that takes the country as a genitive it is Mali.
    let text = "قال مصدر عسكري مالي إن ضابط مالي ولاجئ مالي فرّا، وأكد رئيس مالي أن شمال مالي وأراضي مالي \
                آمنة، كما قال جندي مالي.";
    let found: Vec<(String, String)> =
        tags(tagger(), text).into_iter().map(|(s, id, _, _)| (s, id)).collect();
    assert_eq!(
        found,
        [
            ("مالي".to_string(), "mali".to_string()),
            ("مالي".to_string(), "mali".to_string()),
            ("مالي".to_string(), "mali".to_string()),
            ("جندي مالي".to_string(), "fama".to_string()),
        ]
    );
}

#[test]
fn a_short_word_that_turns_the_sense_around_is_no_slip() {
    // "soldiers out of Niger" are not "soldiers of Niger" (the grammar's phrase with a word added).
    let found = tags(tagger(), "France is pulling its soldiers out of Niger.");
    let ids: Vec<&str> = found.iter().map(|m| m.1.as_str()).collect();
    assert_eq!(ids, ["france", "niger"], "{found:?}");
}

/// A name the context says is a place, written with other vowels than any listed spelling, is the
/// listed place that sounds like it (its consonants, one slip off; two in a long name); a short
/// name, another consonant, or a country is not approximated.
#[test]
fn places_named_by_the_context_are_found_by_their_sound() {
    for (text, surface, id) in [
        ("Les assaillants ont frappé à Yattakala dans la nuit.", "Yattakala", "yatakala"),
        ("Des hommes armés sont entrés à Pételkol, dans l’Oudalan.", "Pételkol", "petelkole"),
        ("The attack took place in Chinagoder, near the border.", "Chinagoder", "chinegodar"),
    ] {
        let found = tags_with_unlisted(text);
        let m = found.iter().find(|m| m.0 == surface).unwrap_or_else(|| panic!("{text}: {found:?}"));
        assert_eq!((m.1.as_str(), m.2), (id, MatchKind::Tolerant), "{text}");
    }
    for text in [
        "Les assaillants ont frappé à Torodo dans la nuit.", // Torodi: three consonants
        "Les assaillants ont frappé à Diakoro dans la nuit.", // Dakoro: three consonants
        "Les assaillants ont frappé à Diongoni dans la nuit.", // Dioungani: two slips in eight letters
        "Les assaillants ont frappé à Dan Marké dans la nuit.", // Denmark: a country
    ] {
        let inexact: Vec<_> =
            tags_with_unlisted(text).into_iter().filter(|m| m.2 != MatchKind::Exact).collect();
        assert!(inexact.is_empty(), "{text}: {inexact:?}");
    }
}

/// Like [`tags`], with the names no list holds proposed (as the page and the CLI do by default).
fn tags_with_unlisted(text: &str) -> Vec<(String, String, MatchKind, String)> {
    let options = Options { unlisted: true, ..Options::MENTIONS_ONLY };
    let tagger = tagger();
    tagger
        .tag_with(text, &options)
        .mentions
        .iter()
        .map(|m| {
            (m.surface(text).to_string(), tagger.entity(m).id.clone(), m.kind, tagger.variant(m).text.clone())
        })
        .collect()
}
