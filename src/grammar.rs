//! Descriptive names of forces: a small grammar for the phrases that name an army by its territory.
//!
//! News rarely calls a national army by its proper name: it writes *armée malienne*, *forces armées du
//! Mali*, *Mali's army*, *the army of Niger*, *الجيش المالي*, *جيش النيجر*, and a rebel movement's army
//! *armée azawadienne*, *forces armées de l'Azawad*, *جيش أزواد*. The annotation guidelines make such a
//! phrase one mention of the force ("a noun for an army or its soldiers with a nationality adjective or
//! 'of <country>'"), the territory inside it not being tagged alone.
//!
//! Listing every such phrase as a variant misses word orders and forms (plural and feminine adjectives,
//! the long name of the country). Instead this module combines a few *rules* per language, each a head
//! noun (armée, forces armées, army, troops, جيش, القوات, جنود, ...) joined to a territory by a
//! connector or an adjective, with a *table of territories* (`gazetteer/grammar/territories.toml`: for
//! each territory its names, adjectives and the force entity they name). The language the grammar
//! generates is finite, so it is expanded once, when a tagger is built, into phrases that the matcher
//! compiles with the gazetteer's variants: matching them costs nothing more, a phrase that is also a
//! variant is reported as that variant, and the longest-match rule is what keeps the inner territory
//! name from being tagged on its own. A phrase misspelt by one letter (*armée azawadiene*) is found by
//! tolerant matching ([`crate::tolerant`]) like any long name.
//!
//! Rules (H a head, A an adjective, N a name of the territory):
//!
//! | language | rules | examples |
//! |---|---|---|
//! | French | H A · H de N | armée malienne, forces armées de la République du Mali, soldats du Niger |
//! | English | A H · N's H · N H · H of N · H from N | Malian army, Mali's army, Azawad army, army of the Azawad, soldiers from Mali |
//! | Arabic | H N · H-ال ال-A · Hالمسلحة ل-N · Hالمسلحة في N · Hالمسلحة ب-N · الجيش في N · indefinite soldiers · soldiers من N | جيش أزواد، الجيش الأزوادي، القوات المسلحة لمالي، القوات المسلحة في بوركينا فاسو، القوات المسلحة بمالي، الجيش في بوركينا فاسو، جنديا نيجريا، جنديا من النيجر |
//!
//! Agreement between head and adjective is not checked (a misspelt agreement still names the army), and
//! `N H` in English leaves out *forces*, which after a country name is as often a verb ("Mali forces
//! the ...").

use rustc_hash::FxHashSet;

use crate::fold::fold;
use crate::gazetteer::{EntityIndex, Gazetteer, Variant};

/// French heads: the army, its forces, its soldiers.
/// A soldier alone is the army too ("un soldat malien", as the guidelines' "جنديًا نيجريًا"); not the
/// singular "militaire", which is also the adjective ("le camp militaire malien").
/// Special forces are the army's ("forces spéciales françaises"), except where the gazetteer lists a
/// country's own (Burkina Faso's, Niger's: a listed spelling is ranked before the grammar's phrase).
const FR_HEADS: &[&str] = &[
    "armée",
    "armée nationale",
    "forces",
    "forces armées",
    "forces spéciales",
    "forces gouvernementales",
    "troupes",
    "soldats",
    "soldat",
    "militaires",
];
/// English heads.
/// "Nigerien ground and air forces": the army's branches together are the army.
const EN_HEADS: &[&str] = &[
    "army",
    "national army",
    "armed forces",
    "forces",
    "troops",
    "military",
    "soldiers",
    "soldier",
    "ground and air forces",
    "air and ground forces",
    "special forces",
    "commandos",
    "service members",
    "government forces",
    "government troops",
    "government soldiers",
];
/// English heads that may follow a bare country name ("Mali army"); *forces* is left out (a verb there).
const EN_HEADS_AFTER_NAME: &[&str] =
    &["army", "national army", "armed forces", "troops", "military", "soldiers"];
/// English heads that "from" joins to the country: "soldiers from Nigeria" (not "forces from": a
/// force may come from a country it does not belong to as often).
const EN_HEADS_FROM: &[&str] = &["troops", "soldiers"];
/// Arabic heads in the construct state, followed by a name: جيش مالي, قوات أزواد.
const AR_CONSTRUCT_HEADS: &[&str] = &["جيش", "قوات", "جنود"];
/// Arabic definite heads, followed by the definite relational adjective: الجيش المالي.
/// الجيش الوطني: "the national army" (الجيش الوطني المالي); الجيش النظامي: "the regular army"; القوات البرية: "the land forces"; الوحدات
/// العسكرية: "the military units"; العسكريين: "the military men" (العسكريين الماليين); القوة, الوحدة: "the
/// force", "the unit" (القوة التشادية, الوحدة التشادية: Chad's contingent); القوات الخاصة: "the special
/// forces" (القوات الخاصة الفرنسية); القوات الحكومية, الجيش الحكومي: "the government forces, army".
const AR_DEFINITE_HEADS: &[&str] = &[
    "الجيش",
    "الجيش الوطني",
    "الجيش النظامي",
    "القوات",
    "القوة",
    "الوحدة",
    "القوات البرية",
    "الجنود",
    "العسكريين",
    "العسكريون",
    "القوات المسلحة",
    "الوحدات العسكرية",
    "القوات الخاصة",
    "القوات الحكومية",
    "الجيش الحكومي",
];
/// Arabic endings of the relational adjective after a definite head: masculine, feminine (also the
/// agreement of broken plurals such as قوات), and the human plurals.
const AR_DEFINITE_ENDINGS: &[&str] = &["", "ة", "ين", "ون"];
/// Arabic indefinite soldiers, with the ending the adjective takes after each: جندي مالي، جنديا نيجريا
/// (after numbers 11 to 99), جنود ماليين، جنوداً ماليين (the plural as an object), جنود فرنسيون (as a
/// subject), جنديين ماليين, the
/// dual's subject form جنديان ماليان, indefinite forces: قوات فرنسية, special forces: قوات خاصة فرنسية,
/// military units: وحدات عسكرية مالية,
/// and military men in the plural:
/// عسكريين ماليين، عسكريون نيجريون, or after a number, عسكرياً مالياً (the singular عسكري in the
/// nominative is also the adjective "military": مصدر عسكري مالي is a Malian military source).
const AR_INDEFINITE_SOLDIERS: &[(&str, &str)] = &[
    ("جندي", ""),
    ("جنديا", "ا"),
    ("جنود", "ين"),
    ("جنودا", "ين"),
    ("عسكريا", "ا"),
    ("عسكريين", "ين"),
    ("عسكريون", "ون"),
    ("جنديين", "ين"),
    ("جنديان", "ان"),
    ("قوات", "ة"),
    ("قوات خاصة", "ة"),
    ("وحدات عسكرية", "ة"),
    ("جنود", "ون"),
];
/// The Arabic singular military man, which numbers from a hundred up count (1400 عسكري فرنسي, ثلاثة آلاف
/// عسكري فرنسي): the same words are a military source or statement after another noun (مصدر عسكري
/// مالي), so its phrases are *counted*: a mention of one is kept only after a number
/// ([`Grammar::counted`]).
const AR_COUNTED_SOLDIER: &str = "عسكري";
/// Arabic indefinite soldiers that "من" (from) joins to the country: جنديا من النيجر, جنود من مالي.
const AR_SOLDIERS_FROM: &[&str] = &["جنديا", "جنود", "جنودا"];

/// One row of the table of territories, `gazetteer/grammar/territories.toml` (see the file's header for
/// the meaning of each field). build.rs reads the file and writes the rows as these statics, checking
/// every field, so that no TOML is parsed when a tagger starts.
struct Territory {
    #[allow(dead_code)] // documents the row; the tests check it names a place
    id: &'static str,
    force: &'static str,
    fr: &'static [&'static str],
    fr_adjectives: &'static [&'static str],
    en: &'static [&'static str],
    en_adjectives: &'static [&'static str],
    ar: &'static [&'static str],
    ar_nisba: &'static [&'static str],
}

/// The table of territories, embedded.
static TERRITORIES: &[Territory] = include!(concat!(env!("OUT_DIR"), "/territories.rs"));

/// The phrases of the grammar for one gazetteer, each linked to a force entity.
#[derive(Clone, Debug, Default)]
pub(crate) struct Grammar {
    /// Each phrase as a (case-insensitive, certain) variant, and the entity it names.
    phrases: Vec<(EntityIndex, Variant)>,
    /// The indexes of the phrases that name a force only after a number ([`AR_COUNTED_SOLDIER`]).
    counted: FxHashSet<u32>,
}

impl Grammar {
    /// Expands the rules over the territories whose force `gazetteer` holds.
    pub fn new(gazetteer: &Gazetteer) -> Grammar {
        let mut phrases = vec![];
        let mut counted = FxHashSet::default();
        let mut seen = FxHashSet::default();
        let staffs = general_staffs(gazetteer);
        for territory in TERRITORIES {
            let Some(force) = gazetteer.index_of(territory.force) else { continue };
            let all = territory.phrases().into_iter().map(|p| (force, p, false));
            let counted_phrases = territory.counted_phrases().map(|p| (force, p, true));
            // The general staff of the territory's army, where the gazetteer lists one.
            let staff = staffs
                .iter()
                .find(|(_, parent)| *parent == territory.force)
                .map(|&(staff, _)| staff)
                .into_iter()
                .flat_map(|staff| territory.staff_phrases().into_iter().map(move |p| (staff, p, false)));
            for (entity, phrase, is_counted) in all.chain(counted_phrases).chain(staff) {
                if seen.insert(fold(&phrase)) {
                    if is_counted {
                        counted.insert(phrases.len() as u32);
                    }
                    phrases.push((entity, Variant::new(phrase)));
                }
            }
        }
        Grammar { phrases, counted }
    }

    /// A grammar that generates nothing (tagging with the gazetteer's variants only).
    pub fn empty() -> Grammar {
        Grammar::default()
    }

    /// Every phrase with the entity it names; a phrase's index is its position here.
    pub fn phrases(&self) -> &[(EntityIndex, Variant)] {
        &self.phrases
    }

    /// The phrase at `index`.
    pub fn phrase(&self, index: u32) -> &Variant {
        &self.phrases[index as usize].1
    }

    /// Whether the phrase at `index` names a force only after a number (1400 عسكري فرنسي).
    pub fn counted(&self, index: u32) -> bool {
        self.counted.contains(&index)
    }
}

/// The Arabic relational adjectives of the territories, as written (مالي, نيجري): where one is also
/// the territory's name (مالي), an adjective after a noun is not the place ([`crate::matcher`]).
pub(crate) fn arabic_nisbas() -> impl Iterator<Item = &'static str> {
    TERRITORIES.iter().flat_map(|t| t.ar_nisba.iter().copied())
}

impl Territory {
    /// Every phrase the rules make from this territory.
    fn phrases(&self) -> Vec<String> {
        let mut out = vec![];
        // French: H A, H de N.
        for head in FR_HEADS {
            for adjective in self.fr_adjectives {
                // "militaires" takes the plural only: "militaires malienne" would be one letter from
                // the adjective "militaire malienne" ("une source militaire malienne"), which tolerant
                // matching would then find.
                // Nor its feminine plural: "les bases militaires maliennes" are Malian military
                // bases ("militaires" the adjective of a feminine noun), soldiers being "militaires
                // maliens".
                let plural = format!("{adjective}s");
                let feminine_plural = ["nnes", "ises", "ines"].iter().any(|e| adjective.ends_with(e));
                if *head == "militaires" && (self.fr_adjectives.contains(&plural.as_str()) || feminine_plural)
                {
                    continue;
                }
                out.push(format!("{head} {adjective}"));
            }
            for name in self.fr {
                out.push(format!("{head} {}", french_de(name)));
            }
        }
        // English: A H, N's H, N H, H of N.
        for head in EN_HEADS {
            for adjective in self.en_adjectives {
                out.push(format!("{adjective} {head}"));
            }
            for name in self.en {
                let bare = name.strip_prefix("the ").unwrap_or(name);
                out.push(format!("{bare}'s {head}"));
                out.push(format!("{head} of {name}"));
                if EN_HEADS_FROM.contains(head) {
                    out.push(format!("{head} from {name}"));
                }
                if EN_HEADS_AFTER_NAME.contains(head) {
                    out.push(format!("{bare} {head}"));
                }
            }
        }
        // Arabic: H N, H-ال ال-A, القوات المسلحة ل-N, القوات المسلحة في N, القوات المسلحة ب-N (ب "in"
        // glued to the name), الجيش في N, indefinite soldiers.
        for name in self.ar {
            for head in AR_CONSTRUCT_HEADS {
                out.push(format!("{head} {name}"));
            }
            out.push(format!("القوات المسلحة {}", arabic_li(name)));
            out.push(format!("القوات المسلحة في {name}"));
            out.push(format!("القوات المسلحة ب{name}"));
            out.push(format!("الجيش في {name}"));
            // Soldiers "from" the country, as in English: "46 جنديا من النيجر".
            for head in AR_SOLDIERS_FROM {
                out.push(format!("{head} من {name}"));
            }
        }
        for nisba in self.ar_nisba {
            for head in AR_DEFINITE_HEADS {
                for ending in AR_DEFINITE_ENDINGS {
                    out.push(format!("{head} ال{nisba}{ending}"));
                }
            }
            for (head, ending) in AR_INDEFINITE_SOLDIERS {
                out.push(format!("{head} {nisba}{ending}"));
            }
            // The adjectives the other way round: القوات المالية المسلحة.
            out.push(format!("القوات ال{nisba}ة المسلحة"));
            // The government's forces: قوات الحكومة المالية.
            out.push(format!("قوات الحكومة ال{nisba}ة"));
        }
        out
    }

    /// The phrases that name the general staff of this territory's army: a staff noun before the
    /// army's phrase ("état-major général des forces armées nigériennes", "هيئة أركان الجيش المالي",
    /// "رئاسة أركان الجيش البوركيني") or with the adjective ("état-major malien", "هيئة الأركان
    /// المالية"). Not "أركان" alone: "رئيس أركان الجيش" is the chief of staff, a role.
    fn staff_phrases(&self) -> Vec<String> {
        let mut out = vec![];
        for head in FR_STAFF_HEADS {
            for army in FR_STAFF_ARMIES {
                for adjective in self.fr_adjectives {
                    out.push(format!("{head} {army} {adjective}"));
                }
                for name in self.fr {
                    out.push(format!("{head} {army} {}", french_de(name)));
                }
            }
        }
        for adjective in self.fr_adjectives {
            out.push(format!("état-major {adjective}"));
        }
        for nisba in self.ar_nisba {
            for head in AR_STAFF_HEADS {
                out.push(format!("{head} الجيش ال{nisba}"));
                out.push(format!("{head} القوات المسلحة ال{nisba}ة"));
                out.push(format!("{head} الجيوش ال{nisba}ة"));
            }
            for head in AR_STAFF_DEFINITE {
                out.push(format!("{head} ال{nisba}ة"));
                out.push(format!("{head} للجيش ال{nisba}"));
                out.push(format!("{head} للجيوش ال{nisba}ة"));
                out.push(format!("{head} للقوات المسلحة ال{nisba}ة"));
            }
        }
        for name in self.ar {
            for head in AR_STAFF_HEADS {
                out.push(format!("{head} جيش {name}"));
                out.push(format!("{head} الجيش في {name}"));
            }
            for head in AR_STAFF_DEFINITE {
                out.push(format!("{head} للجيوش في {name}"));
                out.push(format!("{head} للجيش في {name}"));
            }
        }
        out
    }

    /// The phrases that name this territory's force only after a number: عسكري فرنسي.
    fn counted_phrases(&self) -> impl Iterator<Item = String> + '_ {
        self.ar_nisba.iter().map(|nisba| format!("{AR_COUNTED_SOLDIER} {nisba}"))
    }
}

/// French staff nouns before an army's phrase ("état-major général des armées maliennes").
const FR_STAFF_HEADS: &[&str] = &["état-major", "état-major général"];
/// The army after a French staff noun, "of" included.
const FR_STAFF_ARMIES: &[&str] = &["des forces armées", "des armées", "de l'armée"];
/// Arabic staff nouns in the construct state before the army's phrase: هيئة أركان الجيش المالي.
const AR_STAFF_HEADS: &[&str] = &["هيئة أركان", "رئاسة أركان", "قيادة أركان"];
/// Arabic definite staff nouns, with the adjective or ل before the army: هيئة الأركان المالية, هيئة
/// الأركان العامة للجيوش المالية.
const AR_STAFF_DEFINITE: &[&str] =
    &["هيئة الأركان", "رئاسة الأركان", "قيادة الأركان", "هيئة الأركان العامة", "قيادة الأركان العامة"];

/// The general staffs the gazetteer lists (entities of subtype "general staff"), each with the id of
/// its parent, the army it commands.
fn general_staffs(gazetteer: &Gazetteer) -> Vec<(EntityIndex, &str)> {
    let entities = gazetteer.entities().iter().enumerate();
    entities
        .filter(|(_, e)| e.subtype.as_deref() == Some("general staff"))
        .filter_map(|(i, e)| Some((EntityIndex(i as u32), e.parent.as_deref()?)))
        .collect()
}

/// French "de" + a name with its article: de + le → du, de + les → des, de + la/l' kept.
fn french_de(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("le ") {
        format!("du {rest}")
    } else if let Some(rest) = name.strip_prefix("les ") {
        format!("des {rest}")
    } else {
        format!("de {name}")
    }
}

/// Arabic ل ("of, for") glued to a name: لمالي, and ل + ال written لل (للنيجر).
fn arabic_li(name: &str) -> String {
    match name.strip_prefix("ال") {
        Some(rest) => format!("لل{rest}"),
        None => format!("ل{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases_of(id: &str) -> Vec<String> {
        TERRITORIES.iter().find(|t| t.id == id).expect("territory").phrases()
    }

    #[test]
    fn militaires_takes_the_plural_and_the_army_may_be_in_its_country() {
        let mali = phrases_of("mali");
        assert!(mali.contains(&"militaires maliens".to_string()));
        assert!(!mali.contains(&"militaires malien".to_string()));
        assert!(!mali.contains(&"militaires malienne".to_string()));
        assert!(!mali.contains(&"militaires maliennes".to_string()), "bases militaires maliennes");
        assert!(mali.contains(&"الجيش في مالي".to_string()));
        assert!(mali.contains(&"عسكريا ماليا".to_string()));
        assert!(mali.contains(&"العسكريين الماليين".to_string()));
        // An adjective without a plural of its own goes with "militaires" ("militaires burkinabè").
        assert!(phrases_of("burkina_faso").contains(&"militaires burkinabè".to_string()));
    }

    #[test]
    fn the_rules_make_the_phrases_of_each_language() {
        let azawad = phrases_of("azawad");
        for phrase in [
            "armée azawadienne",
            "forces armées azawadiennes",
            "forces armées de l'Azawad",
            "armée de l'Azaouad",
            "Azawadi army",
            "Azawad's army",
            "Azawad army",
            "army of the Azawad",
            "جيش أزواد",
            "قوات الأزواد",
            "الجيش الأزوادي",
            "القوات الأزوادية",
            "القوات المسلحة لأزواد",
            "القوات المسلحة للأزواد",
        ] {
            assert!(azawad.iter().any(|p| p == phrase), "{phrase} not in {azawad:?}");
        }
        let mali = phrases_of("mali");
        for phrase in [
            "forces armées de la République du Mali",
            "soldats du Mali",
            "armed forces of the Republic of Mali",
            // The national army: "armée nationale", "national army", "الجيش الوطني".
            "armée nationale malienne",
            "Malian national army",
            "Mali national army",
            "الجيش الوطني المالي",
        ] {
            assert!(mali.iter().any(|p| p == phrase), "{phrase}");
        }
        let niger = phrases_of("niger");
        for phrase in ["جنديا نيجريا", "جنود نيجريين", "القوات المسلحة للنيجر", "القوات المسلحة في النيجر"]
        {
            assert!(niger.iter().any(|p| p == phrase), "{phrase}");
        }
        // "forces" after a bare name is a verb as often as a noun.
        assert!(!mali.iter().any(|p| p == "Mali forces"));
        assert!(mali.iter().any(|p| p == "Mali's forces"));
    }

    #[test]
    fn the_general_staff_is_its_own_entity_and_the_chief_of_staff_a_role() {
        let tagger = crate::Tagger::default();
        let ids = |text: &str| -> Vec<(String, String)> {
            tagger
                .tag(text)
                .iter()
                .map(|m| (m.surface(text).to_string(), tagger.entity(m).id.clone()))
                .collect()
        };
        let pair = |surface: &str, id: &str| (surface.to_string(), id.to_string());
        // A staff noun before the army's phrase names the staff, in the construct state or with "of".
        for (text, surface, id) in [
            (
                "Selon l'état-major général des forces armées nigériennes, le convoi est rentré.",
                "état-major général des forces armées nigériennes",
                "emga_niger",
            ),
            (
                "Un communiqué de l'état-major des armées maliennes l'annonce.",
                "état-major des armées maliennes",
                "emga_mali",
            ),
            ("أفادت هيئة أركان الجيش المالي بأن الدورية عادت.", "هيئة أركان الجيش المالي", "emga_mali"),
            (
                "وكشفت قيادة الأركان العامة للجيوش المالية أن المواقع استهدفت.",
                "قيادة الأركان العامة للجيوش المالية",
                "emga_mali",
            ),
            (
                "وأعلنت قيادة أركان جيش بوركينا فاسو عن العملية.",
                "قيادة أركان جيش بوركينا فاسو",
                "emga_burkina",
            ),
        ] {
            assert!(ids(text).contains(&pair(surface, id)), "{text}: {:?}", ids(text));
        }
        // "أركان" alone after "رئيس" is the chief of staff: the army stays the army.
        let text = "قال رئيس أركان الجيش المالي إن الدورية عادت.";
        assert!(ids(text).contains(&pair("الجيش المالي", "fama")), "{:?}", ids(text));
    }

    #[test]
    fn contractions() {
        assert_eq!(french_de("le Mali"), "du Mali");
        assert_eq!(french_de("les Pays-Bas"), "des Pays-Bas");
        assert_eq!(french_de("la France"), "de la France");
        assert_eq!(french_de("l'Azawad"), "de l'Azawad");
        assert_eq!(arabic_li("النيجر"), "للنيجر");
        assert_eq!(arabic_li("مالي"), "لمالي");
    }

    #[test]
    fn the_table_names_places_and_forces_of_the_embedded_gazetteer() {
        let gazetteer = Gazetteer::embedded();
        let tagger = crate::Tagger::with_matching(gazetteer.clone(), crate::Matching::EXACT);
        for territory in TERRITORIES {
            let place = gazetteer.get(territory.id).unwrap_or_else(|| panic!("no place {}", territory.id));
            assert_eq!(place.kind, crate::EntityType::Place, "{}", territory.id);
            let force =
                gazetteer.get(territory.force).unwrap_or_else(|| panic!("no entity {}", territory.force));
            assert!(
                matches!(force.kind, crate::EntityType::Force | crate::EntityType::ArmedGroup),
                "{} names {}, a {}",
                territory.id,
                force.id,
                force.kind
            );
            // Each name, alone, is the territory (the article aside).
            for name in territory.fr.iter().chain(territory.en).chain(territory.ar) {
                let mentions = tagger.tag(name);
                assert_eq!(mentions.len(), 1, "{name}");
                assert_eq!(tagger.entity(&mentions[0]).id, territory.id, "{name}");
            }
        }
    }

    #[test]
    fn the_grammar_agrees_with_the_variants_it_meets() {
        // A phrase that is also a variant names that variant's entity (one of them, for a spelling the
        // lists share on purpose: Arabic "النيجيري" is written for Niger as for Nigeria): the grammar
        // and the lists say the same, and the grammar makes the national armies' phrases the lists have.
        let gazetteer = Gazetteer::embedded();
        let grammar = Grammar::new(&gazetteer);
        let mut met = 0;
        for (entity, phrase) in grammar.phrases() {
            let folded = fold(&phrase.text);
            let listed: Vec<u32> = (0..gazetteer.entities().len() as u32)
                .filter(|&e| {
                    gazetteer.entity(EntityIndex(e)).variants.iter().any(|v| fold(&v.text) == folded)
                })
                .collect();
            // Special forces are the army's unless the lists give a country's their own entity
            // (Mali's battalion, Burkina Faso's): the listed spelling is then ranked first (below).
            let special = ["forces speciales", "special forces", "القوات الخاصه", "قوات خاصه"]
                .iter()
                .any(|head| folded.starts_with(head) || folded.ends_with(head));
            if !listed.is_empty() && !special {
                let ids: Vec<&str> =
                    listed.iter().map(|&e| gazetteer.entity(EntityIndex(e)).id.as_str()).collect();
                assert!(listed.contains(&entity.0), "{} is a variant of {ids:?}", phrase.text);
                met += 1;
            }
        }
        let tagger = crate::Tagger::default();
        for (phrase, id) in [
            ("forces spéciales maliennes", "bafs_mali"),
            ("Mali's special forces", "bafs_mali"),
            ("القوات الخاصة المالية", "bafs_mali"),
            ("forces spéciales burkinabè", "fs_burkina"),
            ("forces spéciales françaises", "french_forces"),
        ] {
            let mentions = tagger.tag(phrase);
            assert_eq!(tagger.entity(&mentions[0]).id, id, "{phrase}");
        }
        assert!(met >= 60, "only {met} phrases are variants too");
        let phrases: FxHashSet<String> = grammar.phrases().iter().map(|(_, v)| fold(&v.text)).collect();
        for variant in [
            "armée malienne",
            "Forces armées maliennes",
            "Forces armées du Mali",
            "Malian army",
            "Mali's army",
            "Armed Forces of Mali",
            "الجيش المالي",
            "القوات المسلحة المالية",
            "القوات المسلحة لمالي",
            "armée du Burkina Faso",
            "Burkina's army",
            "جيش بوركينا فاسو",
            "جيش بوركينافاسو",
            "جنديان ماليان",
            "القوات المالية المسلحة",
            "قوات فرنسية",
            "soldiers from Mali",
            "soldats nigériens",
            "Niger's military",
            "جيش النيجر",
            "French troops",
            "الجيش التشادي",
            "armée nigériane",
        ] {
            assert!(phrases.contains(&fold(variant)), "{variant}");
        }
    }

    #[test]
    fn territories_without_their_force_in_the_gazetteer_are_skipped() {
        let mut builder = crate::GazetteerBuilder::new();
        builder.add_toml(
            "t.toml",
            "[[entity]]\nid = \"fla\"\nname = \"FLA\"\ntype = \"armed_group\"\n",
            crate::Tier::User,
        );
        let grammar = Grammar::new(&builder.build().unwrap());
        assert!(!grammar.phrases().is_empty());
        assert!(grammar.phrases().iter().all(|(e, _)| e.0 == 0));
        assert!(grammar.phrases().iter().any(|(_, v)| v.text == "armée azawadienne"));
        assert!(!grammar.phrases().iter().any(|(_, v)| v.text == "armée malienne"));
    }
}
