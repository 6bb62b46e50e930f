//! Cues: the words around a name that say what kind of name it is, in French, English and Arabic, and
//! the small text-reading helpers both context steps share.
//!
//! Two steps read the words around a name: [`crate::context`] decides whether a doubtful gazetteer
//! match ("Son", a village that is also a French word) is a name at all, and [`crate::unlisted`]
//! proposes names the gazetteer lacks ("la localité de Doumam"). Both rely on the same observation:
//! journalists introduce a name with a word that tells its kind — a place designator ("village",
//! "the town of", "قرية"), a distance phrase ("à 30 km de"), a locative preposition ("à", "in", "في"),
//! a rank or role ("le général", "spokesman", "الناطق باسم"), a company or media head ("la société",
//! "the newspaper", "وكالة"). This module holds those words, once, so that a name found by one step
//! is read the same way by the other.
//!
//! Cue phrases are written folded (see [`crate::fold`]: lowercase, no accents, apostrophes dropped,
//! hyphens as spaces) and compared word by word with the folded words of the text, so "à 30 km de",
//! "A 30 KM DE" and "à 30 km de" read alike. The one exception is the French preposition "à", which
//! folds to the English article "a": it is recognised on the original text.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::fold::{fold_word, is_word_char};
use crate::gazetteer::EntityType;

/// What a cue says about the name after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    /// A place designator: "le village de", "la localité de", "the town of", "قرية", "بلدة".
    Designator,
    /// A plural place designator, before a list: "les villages de", "the villages of", "قرى".
    Designators,
    /// Nearness or distance: "près de", "à 30 km de", "near", "close to", "قرب", "كيلومترا من".
    Proximity,
    /// A locative preposition: "à", "in", "at", "في". Weaker than the others: it also comes before
    /// months ("in May") and people ("à Moussa"), so it is not enough for every name.
    Preposition,
    /// A rank, title or role: "le général", "le porte-parole", "spokesman", "الجنرال", "الناطق باسم".
    Role,
    /// A company: "la société", "the company", "the firm", "شركة".
    Company,
    /// A news outlet: "le journal", "the newspaper", "وكالة", "صحيفة".
    Outlet,
    /// A military operation: "l'opération", "operation" (the word belongs to the name: "opération
    /// Serval").
    Operation,
    /// An armed group: "la katiba", "تنظيم", "جماعة".
    Group,
    /// A byline: "Reporting:", "write", "editing by": the names after it are people.
    Byline,
    /// A listed name that starts a longer capitalized name ("Dosso Kourégou", "Tahoua Special Forces
    /// Battalion"): the name's type is its head word's, or the listed name's.
    Name,
    /// A name and its acronym side by side, one in parentheses ("Collectif de défense des militaires
    /// (CDM)"): each is the other's cue.
    Acronym,
}

impl Cue {
    /// The kind of entity a name after this cue is.
    pub fn entity_type(self) -> EntityType {
        match self {
            Cue::Designator | Cue::Designators | Cue::Proximity | Cue::Preposition => EntityType::Place,
            Cue::Role | Cue::Byline => EntityType::Person,
            Cue::Name => EntityType::Place,
            Cue::Acronym => EntityType::Organization,
            Cue::Company => EntityType::Organization,
            Cue::Outlet => EntityType::Media,
            Cue::Operation => EntityType::Force,
            Cue::Group => EntityType::ArmedGroup,
        }
    }

    /// The cue's name in reports (`--details`).
    pub fn as_str(self) -> &'static str {
        match self {
            Cue::Designator => "designator",
            Cue::Designators => "plural designator",
            Cue::Proximity => "proximity",
            Cue::Preposition => "preposition",
            Cue::Role => "role",
            Cue::Company => "company",
            Cue::Outlet => "outlet",
            Cue::Operation => "operation",
            Cue::Group => "group",
            Cue::Byline => "byline",
            Cue::Name => "listed name",
            Cue::Acronym => "acronym",
        }
    }
}

/// [`Cue::Designator`] phrases.
#[rustfmt::skip]
const DESIGNATOR: &[&str] = &[
    // French
    "village de", "village d", "localite de", "localite d", "hameau de", "hameau d", "bourgade de",
    "bourgade d", "ville de", "ville d", "commune rurale de", "commune rurale d", "site de", "site d",
    "zone de", "zone d", "secteur de", "secteur d", "plateau de", "plateau d", "foret de", "foret d",
    // Natural places, named with their head as the forest is: "le lac Télé", "la colline de Bonkoré".
    "lac", "colline de", "colline d", "mare de", "mare d",
    "mine de", "mine d", "camp de", "camp d", "quartier de", "quartier d", "quartier", "lieu dit",
    // Niger's regroupment sites, villages that people of the area moved to: "le site de regroupement
    // de Soumatt".
    "regroupement de", "regroupement d",
    // Units, inside their name ("le département de Korsimoro", "the district of Arbinda"); a listed
    // town there is found by the designator module.
    "departement de", "departement d", "cercle de", "cercle d", "province de", "province d", "province du",
    "district de", "district d", "department of", "district of", "province of",
    // A commune is outside its name, as a village is: "la commune de Madougou".
    "commune de", "commune d", "commune urbaine de", "commune urbaine d", "commune of", "municipality of",
    // Where someone comes from: "originaire de Natchambouri", "a native of Dori".
    "originaire de", "originaire d", "originaires de", "originaires d", "natif de", "natif d", "native de",
    "native d", "native of",
    // Places named by the post, office or market they hold: "la brigade de Guiré", "les gendarmes de
    // Kimparana", "le camp militaire de Kwala", "le marché de Badori", "les Koglweogo de Malpoa".
    "brigade de", "brigade d", "commissariat de", "commissariat d", "gendarmerie de", "gendarmerie d",
    "gendarmes de", "gendarmes d", "mairie de", "mairie d", "prefecture de", "prefecture d",
    "sous prefecture de", "sous prefecture d", "marche de", "marche d", "camp militaire de",
    "camp militaire d", "base militaire de", "base militaire d", "poste militaire de",
    "poste militaire d", "koglweogo de", "koglweogo d", "dozos de", "dozos d",
    // A place by the post of its mayor, prefect or village councillor: "le maire de Soboundou", "le
    // sous-préfet de Ouo", "conseiller villageois de Younoumba", "the mayor of Tondikiwindi".
    "maire de", "maire d", "prefet de", "prefet d", "sous prefet de", "sous prefet d",
    "conseiller villageois de", "conseiller villageois d", "conseillere villageoise de",
    "conseillere villageoise d", "chef du village de", "chef du village d", "chef de village de",
    "chef de village d", "mayor of", "village chief of",
    // A place "called" so: "le site appelé Ebandagh", "a village called Kobou".
    "site appele", "site denomme", "localite appelee", "localite denommee", "village appele",
    "village denomme", "lieu appele", "endroit appele", "village called", "town called", "place called",
    "area called", "village named", "town named",
    // English
    "village of", "town of", "city of", "locality of", "hamlet of", "settlement of", "area of",
    "inhabitants of", "residents of",
    "habitants de", "habitants d",
    // Arabic
    "قريه", "بلده", "مدينه", "منطقه", "بلديه", "مخيم", "منجم", "غابه", "سكان", "اهالي", "مقاطعه", "دايره",
    "محافظه", "اقليم", "ولايه",
    // An area ("في ناحية إينانباغاريت"; "من ناحية أخرى", on the other hand, takes no name).
    "ناحيه",
    // A military base or camp named by its place: "قاعدة أغاندو", "معسكر بولكيسي", "ثكنة نيونو".
    "قاعده", "معسكر", "ثكنه",
    // A sector ("قطاع سيرما"), and a place "known as" ("موضع يعرف باسم تيفولات"; not "جمعية تعرف
    // باسم", an association).
    "قطاع", "موضع يعرف باسم", "مكان يعرف باسم", "موقع يعرف باسم", "حي يعرف باسم", "منطقه تعرف باسم",
    "قريه تعرف باسم", "بلده تعرف باسم", "مدينه تعرف باسم",
];

/// [`Cue::Designators`] phrases.
#[rustfmt::skip]
const DESIGNATORS: &[&str] = &[
    "villages de", "villages d", "localites de", "localites d", "hameaux de", "hameaux d", "villes de",
    "villes d", "communes de", "communes d", "villages of", "towns of", "localities of", "hamlets of",
    // Lists introduced by examples: "communities such as Bansi, Mognori…", "des villages comme …".
    "communities such as", "villages such as", "towns such as", "localities such as", "villages comme",
    "localites comme", "villages tels que", "localites telles que", "regroupements", "sites de regroupement",
    "قري",
    "بلدات", "مدن", "مناطق",
    // The dual in the construct state: "قريتي ليبي ومانكاو" (the two villages of), "بلدتي توري وديالساغو".
    "قريتي", "بلدتي", "مدينتي", "منطقتي",
    // "the countries of": "دول الساحل", "بلدان الساحل".
    "دول", "بلدان",
];

/// [`Cue::Proximity`] phrases.
#[rustfmt::skip]
const PROXIMITY: &[&str] = &[
    // French
    "pres de", "pres d", "non loin de", "non loin d", "a proximite de", "a proximite d", "aux abords de",
    "aux abords d", "autour de", "autour d", "aux alentours de", "aux alentours d", "en direction de",
    "en direction d", "vers", "km de", "km d", "kilometres de", "kilometres d", "au nord de", "au nord d",
    "au sud de", "au sud d", "a l est de", "a l est d", "a l ouest de", "a l ouest d", "au nord est de",
    "au nord ouest de", "au sud est de", "au sud ouest de", "entre", "a peu de distance de",
    "a peu de distance d", "a quelques kilometres de", "a quelques kilometres d",
    // English
    "near", "close to", "outside", "around", "km from", "kilometres from", "kilometers from", "miles from",
    "km of", "kilometres of", "kilometers of", "north of", "south of", "east of", "west of", "northeast of",
    "northwest of", "southeast of", "southwest of", "between",
    // Arabic
    "قرب", "بالقرب من", "علي مقربه من", "كيلومترا من", "كيلومترات من", "كلم من", "كم من", "ضواحي", "شمال",
    "جنوب", "شرق", "غرب",
];

/// [`Cue::Preposition`] phrases.
#[rustfmt::skip]
const PREPOSITION: &[&str] = &[
    // "à" is recognised on the original text (it folds to "a"); see [`is_preposition_a`].
    "in", "at", "dans", "في", "الي", "نحو",
];

/// [`Cue::Role`] phrases.
#[rustfmt::skip]
const ROLE: &[&str] = &[
    // Ranks (French, English, abbreviations) and the Arabic ranks.
    "general", "colonel", "colonel major", "lieutenant colonel", "lieutenant", "commandant", "capitaine",
    "captain", "capt", "col", "gen", "lt", "sgt", "major", "sergent", "sergeant", "adjudant", "caporal",
    "corporal", "marechal", "marshal",
    // The plural before two names ("colonels Sadio Camara and Modibo Koné").
    "generals", "generaux", "colonels", "capitaines", "captains", "lieutenants", "commandants",
    "الجنرال", "العقيد", "النقيب", "الرايد", "المقدم", "الملازم", "العميد", "اللواء", "الفريق", "المشير", "الرقيب",
    // French and English ranks as Arabic outlets write them: "الكولونيل سالفو كابوريه", "الكابتن تراوري".
    "الكولونيل", "كولونيل", "الكومندان", "القبطان", "الكابتن", "كابتن", "الليوتنان", "الليوتنان كولونيل",
    "الكولونيل ميجور", "كولونيل ميجور", "ميجور",
    // Titles and roles.
    "president", "presidente", "premier ministre", "prime minister", "ministre", "minister", "porte parole",
    "spokesman", "spokeswoman", "spokesperson", "gouverneur", "gouverneure", "governor", "maire", "mayor",
    "prefet", "prefect", "haut commissaire", "commissaire", "commissioner", "depute", "deputy",
    "correspondant", "correspondante",
    "correspondent", "journaliste", "journalist", "reporter", "chercheur", "chercheuse", "researcher",
    "analyste", "analyst", "imam", "cheikh", "sheikh", "emir", "directeur", "directrice", "director",
    "secretaire general", "secretary general", "commander", "leader", "chef", "chief", "m", "mme", "mr",
    "mrs", "ms", "dr", "monsieur", "madame", "hajiya", "professeur", "professor", "pr", "الرييس", "الوزير", "وزير",
    "وزيره", "الناطق", "المتحدث", "الناطق باسم", "المتحدث باسم", "المتحدث العسكري", "الناطق العسكري",
    "الحاكم", "حاكم", "محافظ", "الوالي", "العمده", "الشيخ", "الامام", "الامير", "زعيم", "قايد", "مراسل", "الباحث",
    "المحلل", "النايب", "الصحفي", "الصحافي", "الامين العام",
    // Clergy: "Fr Victor Ouedraogo", "l'abbé Joël Yougbaré", "الكاهن سيمون يامبا".
    "pere", "abbe", "fr", "father", "rev", "reverend", "pasteur", "pastor", "mgr", "monseigneur", "bishop",
    "eveque", "cure", "الكاهن", "القس", "الاب", "المطران",
    // Arabic honorifics and titles before a name: "السيد الحسيني سانو", "الدكتور ألفوسيني دياوارا",
    // "الطبيب غربا حكيمي".
    "السيد", "السيده", "الدكتور", "الدكتوره", "الطبيب", "المهندس", "الاستاذ", "البروفيسور", "البروفسور",
    // "رئيس" in the construct state, before its body: "رئيس الوزراء بول كابا تيبا".
    "رييس",
    // Who leads a group: "بقيادة يورو ولد دحا", "الذي يتزعمه ولد سيداتي".
    "بقياده", "بزعامه", "يتزعمه", "يتزعمها", "يقوده", "يقودها",
    // A nickname: "surnommé Ladji Yoro", "alias Abou Dardar".
    "surnomme", "surnommee", "alias", "nicknamed", "الملقب", "الملقبه", "يلقب", "بلقب", "المكني",
    // … with the preposition apart ("يُلقَّب بـ”الصحراوي”").
    "الملقب ب", "الملقبه ب", "يلقب ب", "المكني ب",
    // Named: "un certain Moussa", "le dénommé Moussa", "المدعو", "شاب يُدعى X" (called), "عامل إغاثة
    // اسمه X" (whose name is: "ألا يذكر اسمه خوفا", that his name not be given for fear, is followed by
    // no name), "قدّم نفسه باسم «غريغ»" (introduced himself as).
    "un certain", "une certaine", "denomme", "denommee", "المدعو", "يدعي", "تدعي", "اسمه", "واسمه", "اسمها",
    "واسمها", "نفسه باسم", "نفسها باسم",
    // Lawyers: "Me Mountaga Tall" (maître), "محاميه منتقى تال" (his lawyer).
    "me", "maitre", "avocat", "lawyer", "attorney", "المحامي", "محاميه", "محاميها", "محاميهم",
    // … and as Arabic outlets write "Maître": "مايتر دريسا تراوري".
    "مايتر", "ميتر",
    // Succeeding or replacing someone: "succède à Sié Edgar Sou" ("à" is no place there).
    "succede a", "succedera a", "succeder a", "succedant a", "a la place de", "la releve de",
];

/// [`Cue::Company`] phrases.
#[rustfmt::skip]
const COMPANY: &[&str] = &[
    "societe", "entreprise", "compagnie", "firme", "groupe minier", "company", "firm", "miner", "corporation",
    "شركه", "جمعيه", "منظمه",
    // Institutions named after someone, the head inside the name: "l'hôpital Somino Dolo".
    "hopital", "universite", "lycee", "clinique",
];

/// [`Cue::Outlet`] phrases.
#[rustfmt::skip]
const OUTLET: &[&str] = &[
    "journal", "quotidien", "hebdomadaire", "agence", "agence de presse", "radio", "chaine", "site",
    "site d information", "newspaper", "daily", "weekly", "news agency", "agency", "broadcaster", "website",
    "news site", "outlet", "magazine", "صحيفه", "جريده", "وكاله", "موقع", "قناه", "اذاعه", "مجله",
];

/// [`Cue::Operation`] phrases.
#[rustfmt::skip]
const OPERATION: &[&str] = &[
    "operation",
    // With its kind: "l'opération antiterroriste « Otapuanou »".
    "operation antiterroriste", "operation militaire", "operation conjointe", "operation speciale",
];

/// [`Cue::Group`] phrases.
#[rustfmt::skip]
const GROUP: &[&str] = &[
    "katiba", "تنظيم", "جماعه",
];

/// [`Cue::Byline`] phrases.
#[rustfmt::skip]
const BYLINE: &[&str] = &[
    "reporting", "reporting by", "writing by", "editing", "editing by", "write", "writes", "photo by",
    "photograph by", "par nos correspondants",
    // "بقلم علي رجب" (by the pen of), "كتبه: علي رجب" (written by).
    "بقلم", "كتبه",
];

/// Cue phrases, folded, by kind. Articles and elided articles before a designator do not need to be
/// listed: "le village de" and "village de" both end in "village de", and a cue is matched on the
/// words right before a name.
const CUES: &[(Cue, &[&str])] = &[
    (Cue::Designator, DESIGNATOR),
    (Cue::Designators, DESIGNATORS),
    (Cue::Proximity, PROXIMITY),
    (Cue::Preposition, PREPOSITION),
    (Cue::Role, ROLE),
    (Cue::Company, COMPANY),
    (Cue::Outlet, OUTLET),
    (Cue::Operation, OPERATION),
    (Cue::Group, GROUP),
    (Cue::Byline, BYLINE),
];

/// Cues indexed by their last word, for matching the words right before a name.
struct CueIndex {
    by_last_word: FxHashMap<&'static str, Vec<(Vec<&'static str>, Cue)>>,
}

fn index() -> &'static CueIndex {
    static INDEX: OnceLock<CueIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut by_last_word: FxHashMap<&'static str, Vec<(Vec<&'static str>, Cue)>> = FxHashMap::default();
        for &(cue, phrases) in CUES {
            for phrase in phrases {
                let words: Vec<&'static str> = phrase.split(' ').collect();
                let last = *words.last().expect("cue phrases are not empty");
                by_last_word.entry(last).or_default().push((words, cue));
            }
        }
        for list in by_last_word.values_mut() {
            // Longest first: "le porte-parole" before "parole", "au nord est de" before "de".
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        CueIndex { by_last_word }
    })
}

/// Whether a folded phrase is a rank or title ([`Cue::Role`]): "general", "lieutenant colonel",
/// "العقيد".
pub fn is_role(folded: &str) -> bool {
    ROLE.contains(&folded)
}

/// The cue a single word is by itself ("général", "spokesman"), if any.
pub fn single_word_cue(folded: &str) -> Option<Cue> {
    index().by_last_word.get(folded)?.iter().find(|(words, _)| words.len() == 1).map(|(_, cue)| *cue)
}

/// A word of the original text: its byte range and its folded form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Start, in bytes.
    pub start: usize,
    /// End (exclusive), in bytes.
    pub end: usize,
    /// Folded.
    pub folded: String,
}

/// Characters that may stand between two words of one phrase: spaces, apostrophes (elision: "l'",
/// "d'") and hyphens ("porte-parole", "nord-est"). Anything else (punctuation, a line break) ends a
/// phrase.
fn joins_words(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\t' | '\'' | '’' | 'ʼ' | '‘' | '-' | '‐' | '‑')
}

/// Abbreviations written with a period that still belong to the phrase after them ("M. Diallo",
/// "Gen. Tiani"). Folded.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "m", "mme", "mr", "mrs", "ms", "dr", "gen", "capt", "col", "lt", "sgt", "maj", "st",
];

/// Whether the word starting at byte `start` of `text`, folded `folded`, is an abbreviation written
/// with a period ([`ABBREVIATIONS`]): not when it is the last letter of a dotted one ("6:30 p.m.
/// Early", "a.m.").
pub fn is_abbreviation(text: &str, start: usize, folded: &str) -> bool {
    is_listed(ABBREVIATIONS, folded) && !text[..start].ends_with('.')
}

/// Up to `max` words before byte `pos` (which should start a word), nearest first, as long as only
/// spaces, apostrophes and hyphens separate them from each other and from `pos`. Opening quotes right
/// before `pos` are skipped (`la localité de « Doumam »`), and so is the period of an abbreviation
/// (`Gen. Tiani`; not the last letter of "p.m.").
pub fn words_before(text: &str, pos: usize, max: usize) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(max);
    let mut end = pos;
    while out.len() < max {
        let before = &text[..end];
        let mut trimmed =
            before.trim_end_matches(|c: char| joins_words(c) || (out.is_empty() && is_opening_quote(c)));
        if let Some(stem) = trimmed.strip_suffix('.') {
            let word_start =
                stem.char_indices().rev().take_while(|&(_, c)| is_word_char(c)).last().map(|(i, _)| i);
            if word_start.is_some_and(|i| is_abbreviation(stem, i, &fold_word(&stem[i..])))
                && trimmed.len() < before.len()
            {
                trimmed = stem;
            }
        }
        if trimmed.len() == before.len() && end != pos {
            break; // the previous word is glued to punctuation
        }
        let start = trimmed
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c))
            .last()
            .map_or(trimmed.len(), |(i, _)| i);
        if start == trimmed.len() {
            break;
        }
        out.push(Word { start, end: trimmed.len(), folded: fold_word(&text[start..trimmed.len()]) });
        end = start;
    }
    out
}

/// The longest cue phrase made of the words `nearest_first` (the word right before a name first, then
/// the one before it...), with its number of words. The farthest word of a phrase may carry Arabic
/// proclitics (`بمنطقة`, "in the region of").
pub fn match_cue(nearest_first: &[&str]) -> Option<(Cue, usize)> {
    let first = nearest_first.first()?;
    let candidates = index().by_last_word.get(first).or_else(|| {
        // A one-word Arabic cue with its proclitics: بمنطقة, لوكالة.
        index().by_last_word.get(strip_proclitics(first))
    })?;
    candidates.iter().find_map(|(phrase, cue)| {
        let n = phrase.len();
        let fits = n <= nearest_first.len()
            && phrase
                .iter()
                .rev()
                .zip(nearest_first)
                .enumerate()
                .all(|(k, (p, w))| *p == *w || (k + 1 == n && *p == strip_proclitics(w)));
        fits.then_some((*cue, n))
    })
}

/// A folded Arabic word without the conjunction and preposition glued before it (`و ف`, then `ب ل
/// ك`), when at least three letters remain; any other word as it is.
pub fn strip_proclitics(word: &str) -> &str {
    /// Strips one of `letters` (two-byte UTF-8, as every Arabic letter) from the start of `word` when
    /// three letters or more remain: compared as bytes, since this runs on most Arabic words.
    fn strip<'w>(word: &'w str, letters: &[[u8; 2]]) -> &'w str {
        match word.as_bytes() {
            [a, b, ..] if letters.contains(&[*a, *b]) && word[2..].chars().nth(2).is_some() => &word[2..],
            _ => word,
        }
    }
    // و ف (U+0648, U+0641), then ب ل ك (U+0628, U+0644, U+0643).
    strip(strip(word, &[[0xD9, 0x88], [0xD9, 0x81]]), &[[0xD8, 0xA8], [0xD9, 0x84], [0xD9, 0x83]])
}

/// The longest cue phrase that ends right before `pos` (the start of a word), with the byte offset
/// where it starts. The French "à" is recognised there too, as [`Cue::Preposition`].
pub fn cue_before(text: &str, pos: usize) -> Option<(Cue, usize)> {
    let words = words_before(text, pos, 5);
    let folded: Vec<&str> = words.iter().map(|w| w.folded.as_str()).collect();
    if let Some((cue, n)) = match_cue(&folded) {
        return Some((cue, words[n - 1].start));
    }
    let first = words.first()?;
    is_preposition_a(&text[first.start..first.end]).then_some((Cue::Preposition, first.start))
}

/// Whether a word of the original text is the French preposition "à" (which folds to "a", the
/// English article).
pub fn is_preposition_a(word: &str) -> bool {
    matches!(word, "à" | "À" | "a\u{300}" | "A\u{300}")
}

/// Whether `c` opens a quotation.
pub fn is_opening_quote(c: char) -> bool {
    // "”" too: Arabic outlets open with it as often as they close with it ("يُلقَّب بـ”الصحراوي”").
    matches!(c, '«' | '"' | '“' | '„' | '‹' | '\'' | '‘' | '”')
}

/// Whether `c` closes a quotation.
pub fn is_closing_quote(c: char) -> bool {
    matches!(c, '»' | '"' | '”' | '›' | '\'' | '’')
}

/// Whether the name at `start..end` stands between quotation marks (spaces allowed inside):
/// `«القاعدة»`, `« Moura »`, `"سايت"`.
pub fn is_quoted(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\u{00A0}', '\u{202F}']);
    let after = text[end..].trim_start_matches([' ', '\u{00A0}', '\u{202F}']);
    before.chars().next_back().is_some_and(is_opening_quote)
        && after.chars().next().is_some_and(is_closing_quote)
}

/// Whether a word starting at `start` begins a sentence: nothing but spaces, quotes, brackets and
/// dashes between it and the start of the text, a line break, or a sentence end (`. ! ? … :`). A
/// capital letter there is the sentence's, not the name's. (A period after an abbreviation, "Gen.",
/// counts as a sentence end too: that only makes the capital say less.)
pub fn starts_sentence(text: &str, start: usize) -> bool {
    // Quotes and brackets on either side are skipped: `« Son avis compte. » Some`, `(Tondobi`.
    let before = text[..start].trim_end_matches(|c: char| {
        matches!(
            c,
            ' ' | '\u{00A0}' | '\u{202F}' | '\t' | '(' | '[' | ')' | ']' | '—' | '–' | '-' | '*' | '•'
        ) || is_opening_quote(c)
            || is_closing_quote(c)
    });
    match before.chars().next_back() {
        None => true,
        Some(c) => matches!(c, '\n' | '\r' | '.' | '!' | '?' | '…' | ':' | '\u{2029}'),
    }
}

/// Function words that may start a capitalized phrase without being part of a name ("À Sokoura",
/// "The town", "Les villages"), and pronouns and determiners that start sentences. Folded.
#[rustfmt::skip]
pub static FUNCTION_WORDS: WordSet = WordSet::new(&[
    "a", "au", "aux", "apres", "avant", "chez", "contre", "dans", "de", "depuis", "des", "du", "en", "entre",
    "et", "la", "le", "les", "l", "d", "ou", "par", "pour", "pres", "sur", "vers", "un", "une", "ce", "ces",
    "cet", "cette", "son", "sa", "ses", "leur", "leurs", "il", "elle", "ils", "elles", "on", "nous", "vous",
    "je", "tu", "selon", "mais", "donc", "or", "ni", "car", "puis", "alors", "ainsi", "tous", "tout", "toute",
    "toutes", "aucun", "aucune", "plusieurs", "certains", "quelques", "qui", "que", "quand", "lors", "after",
    "and", "around", "at", "before", "between", "by", "for", "from", "in", "into", "near", "of", "on", "or",
    "the", "to", "toward", "towards", "outside", "inside", "an", "this", "that", "these", "those", "his",
    "her", "its", "their", "our", "your", "my", "he", "she", "it", "they", "we", "you", "i", "all", "some",
    "any", "many", "most", "several", "both", "each", "every", "no", "not", "but", "so", "yet", "if", "when",
    "while", "as", "with", "without", "since", "until", "during", "after", "according", "over", "under",
    "about", "against", "there", "here", "what", "who", "which",
]);

/// Words that English or French always capitalize although they are not names of places, people or
/// groups: months and days (English), religions, and the peoples and languages of the region. A
/// capital letter on them says nothing, so it is no evidence that a village of the same name is meant
/// ("in May", "Islam", "Mossi villagers"). Folded.
#[rustfmt::skip]
pub static CAPITALIZED_WORDS: WordSet = WordSet::joined(&[
    // Months and days (English capitalizes them; French does not, and "Mai" is a French first name).
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    // French days and months, capitalized where they start a sentence ("Jeudi, un village de la
    // région a été attaqué").
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "fevrier",
    "avril", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
    // Religions and their followers.
    "islam", "christianity", "christian", "christians", "muslim", "muslims", "musulman", "musulmans",
    "catholic", "catholique", "protestant", "sunni", "shia", "ramadan", "tabaski", "aid",
    // Peoples and languages of the region (the guidelines: ethnic groups are not mentions).
    "peul", "peuls", "peulh", "peulhs", "fulani", "fula", "fulbe", "foulani", "dogon", "dogons", "touareg",
    "touaregs", "tuareg", "tuaregs", "mossi", "bambara", "bambaras", "songhai", "songhay", "sonrai",
    "haoussa", "hausa", "djerma", "zarma", "zerma", "bella", "bozo", "bozos", "arabe", "arabes", "arab",
    "arabs", "maure", "maures", "moor", "moors", "gourmantche", "gourmantches", "bobo", "bobos", "senoufo",
    "dioula", "dyula", "malinke", "soninke", "kanouri", "kanuri", "toubou", "tamasheq", "imghad", "ifoghas",
    "daoussahak", "berabiche", "kounta", "mossis", "kouroumba", "kurumba", "koromba", "fulse", "gourounsi",
    "gurunsi",
    // Nationalities, which English capitalizes ("Russian reinforcements").
    "french", "english", "british", "american", "russian", "chinese", "turkish", "german", "italian",
    "spanish", "canadian", "ukrainian", "european", "african", "malian", "malians", "nigerien", "nigeriens",
    "burkinabe", "burkinabes", "chadian", "algerian", "moroccan", "mauritanian", "libyan", "nigerian",
    "senegalese", "ivorian", "guinean", "beninese", "togolese", "ghanaian", "sudanese", "egyptian",
    "tunisian", "arabic", "islamist", "islamists", "jihadist", "jihadists", "western", "eastern", "northern",
    "southern", "central",
    // French writes its nationality nouns capitalized ("un camp de Maliens", "des Nigériens").
    "malien", "maliens", "malienne", "maliennes", "nigerienne", "nigeriennes", "francais",
    "francaise", "francaises", "americain", "americains", "russes", "tchadien", "tchadiens", "mauritanien",
    "mauritaniens", "algerien", "algeriens", "senegalais", "ivoirien", "ivoiriens", "guineen", "guineens",
    "beninois", "togolais", "ghaneen", "ghaneens", "libyen", "libyens", "marocain", "marocains",
    "nigerians", "europeens", "africains", "occidentaux",
    // and the honorifics, joined ([`HONORIFICS`]).
], HONORIFICS);

/// Honorifics before a name, folded: capitalized, and no part of it ("Sa Majesté Naaba Yemdé", "Son
/// Excellence M. Paul Folmsbee", "l'Honorable Adama Sawadogo"). Words of [`CAPITALIZED_WORDS`] too.
pub const HONORIFICS: &[&str] = &["majeste", "excellence", "eminence", "altesse", "honorable"];

/// Capitalized names that are not names of the kinds the tagger finds (the annotation guidelines):
/// continents and broad world regions, social-media platforms, God ("s'en remettant à Dieu"), a staff
/// ("the General Staff", where "General" is no rank). Folded, one word each.
#[rustfmt::skip]
pub static NOT_NAMES: WordSet = WordSet::new(&[
    "afrique", "africa", "europe", "asie", "asia", "amerique", "america", "americas", "oceanie", "occident",
    "orient", "maghreb", "telegram", "facebook", "twitter", "whatsapp", "youtube", "tiktok", "instagram",
    "internet", "dieu", "god", "افريقيا", "اوروبا", "تويتر", "فيسبوك", "يوتيوب", "تلغرام", "تيليغرام", "واتساب",
    "انستغرام", "staff",
]);

/// Whether a folded word is in `list` (a short list: longer ones, which the rules ask about most
/// capitalized words, are [`WordSet`]s).
pub fn is_listed(list: &[&str], folded: &str) -> bool {
    list.contains(&folded)
}

/// A fixed list of folded words, looked up in a hash set built on first use: the context rules ask
/// the lists of a hundred words and more about nearly every capitalized word of a text, where
/// comparing the word with each entry came to a tenth of the time spent proposing unlisted names.
pub struct WordSet {
    words: &'static [&'static str],
    /// A smaller list that other rules read alone too ([`WordSet::joined`]).
    more: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    /// The set of `words` (folded).
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet::joined(words, &[])
    }

    /// The set of `words` and of `more` (folded), a list that some rule also reads alone.
    pub const fn joined(words: &'static [&'static str], more: &'static [&'static str]) -> WordSet {
        WordSet { words, more, set: OnceLock::new() }
    }

    /// Whether the folded word `folded` is one of the words.
    pub fn contains(&self, folded: &str) -> bool {
        self.set.get_or_init(|| self.words.iter().chain(self.more).copied().collect()).contains(folded)
    }

    /// The words, as listed first (not those of the list joined to them).
    #[cfg(test)]
    pub(crate) fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// Words of a list written otherwise than folded: they would never be found, since texts are compared
/// folded (an Arabic `رئيس` folds to `رييس`, `قائد` to `قايد`).
#[cfg(test)]
pub(crate) fn unfolded<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    words.into_iter().filter(|w| crate::fold::fold(w) != *w).collect()
}

/// The character boundary at or before byte `i` (`str::floor_char_boundary`, stable only since 1.91).
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The character boundary at or after byte `i`.
fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The longest line, in bytes, that may be a headline ([`in_title_case_line`]): about 200 Latin or 100
/// Arabic letters, longer than any headline of the development sets.
const MAX_HEADLINE_BYTES: usize = 400;

/// Whether the line around `pos` is written in title case ("Islamic State Claims Deadly Attack Near
/// Kokorou"): at least four words that are not function words, and at most one in six of them in
/// lower case.
/// There, as at the start of a sentence, a capital letter says nothing about one word.
pub fn in_title_case_line(text: &str, pos: usize) -> bool {
    // A title-case line is a headline, and a headline is short: a longer line is prose, found without
    // reading it all (a text without line breaks would otherwise be read whole for every name).
    let back = floor_boundary(text, pos.saturating_sub(MAX_HEADLINE_BYTES));
    let Some(line_start) = text[back..pos].rfind('\n').map(|i| back + i + 1).or((back == 0).then_some(0))
    else {
        return false;
    };
    // At `pos` at least (`back` may be a few bytes further back than MAX_HEADLINE_BYTES).
    let ahead = ceil_boundary(text, (line_start + MAX_HEADLINE_BYTES).min(text.len())).max(pos);
    let Some(line_end) =
        text[pos..ahead].find('\n').map(|i| pos + i).or((ahead == text.len()).then_some(text.len()))
    else {
        return false;
    };
    let mut words = 0;
    let mut lower = 0;
    for word in text[line_start..line_end].split(|c: char| !is_word_char(c)) {
        let Some(first) = word.chars().next() else { continue };
        if !first.is_alphabetic() || !(first.is_uppercase() || first.is_lowercase()) {
            continue; // digits, scripts without case
        }
        if FUNCTION_WORDS.contains(&fold_word(word)) {
            continue;
        }
        words += 1;
        lower += usize::from(first.is_lowercase());
    }
    words >= 4 && lower * 6 <= words
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of the lists is written folded, as the text's words are compared.
    #[test]
    fn the_lists_are_written_folded() {
        let cue_words = CUES.iter().flat_map(|(_, phrases)| phrases.iter().flat_map(|p| p.split(' ')));
        assert_eq!(unfolded(cue_words), Vec::<&str>::new());
        for set in [&FUNCTION_WORDS, &CAPITALIZED_WORDS, &NOT_NAMES] {
            assert_eq!(unfolded(set.words().iter().copied()), Vec::<&str>::new());
        }
        assert_eq!(unfolded(HONORIFICS.iter().copied()), Vec::<&str>::new());
    }

    fn cue(text: &str, name: &str) -> Option<(Cue, &'static str)> {
        let pos = text.find(name).unwrap();
        cue_before(text, pos).map(|(c, start)| {
            let phrase = text[start..pos].trim_end_matches(|c: char| c == ' ' || is_opening_quote(c));
            let phrase: &'static str = Box::leak(phrase.to_string().into_boxed_str());
            (c, phrase)
        })
    }

    /// The byte comparison of `strip_proclitics` is the rule it implements, written on characters:
    /// each of the two sets in turn, one letter at most, three letters left at least.
    #[test]
    fn proclitics_are_stripped_as_the_rule_says() {
        fn by_chars(word: &str) -> &str {
            let mut rest = word;
            for set in [&['\u{0648}', '\u{0641}'][..], &['\u{0628}', '\u{0644}', '\u{0643}'][..]] {
                if let Some(r) = rest.strip_prefix(set) {
                    if r.chars().count() >= 3 {
                        rest = r;
                    }
                }
            }
            rest
        }
        let letters = ["و", "ف", "ب", "ل", "ك", "ا", "م", "ت", "ـ", "e", "é"];
        let mut words = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> =
                words.iter().flat_map(|w| letters.iter().map(move |l| format!("{w}{l}"))).collect();
            words.extend(longer);
        }
        words.extend(["وبمنطقة", "فلوكالة", "بمالي", "ولد", "وفي", "كيدال"].map(String::from));
        for word in &words {
            assert_eq!(strip_proclitics(word), by_chars(word), "{word:?}");
        }
        assert_eq!(strip_proclitics("وبمنطقة"), "منطقة");
    }

    #[test]
    fn cues_are_read_on_the_words_right_before_a_name() {
        assert_eq!(cue("le village de Doumam", "Doumam"), Some((Cue::Designator, "village de")));
        assert_eq!(cue("la localité d’Acharane", "Acharane"), Some((Cue::Designator, "localité d’")));
        assert_eq!(cue("à 30 km de Gao", "Gao"), Some((Cue::Proximity, "km de")));
        assert_eq!(cue("au nord-est de Gao", "Gao"), Some((Cue::Proximity, "au nord-est de")));
        assert_eq!(cue("tués à Kourakou", "Kourakou"), Some((Cue::Preposition, "à")));
        assert_eq!(cue("the town of Djibo", "Djibo"), Some((Cue::Designator, "town of")));
        assert_eq!(cue("le porte-parole Jean Badoun", "Jean"), Some((Cue::Role, "porte-parole")));
        assert_eq!(cue("داهم مسلحون قرية كاونجو", "كاونجو"), Some((Cue::Designator, "قرية")));
        assert_eq!(cue("la localité de « Doumam »", "Doumam"), Some((Cue::Designator, "localité de")));
        // Punctuation between the cue and the name breaks it; "a" (English article) is no "à".
        assert_eq!(cue("le village. Doumam", "Doumam"), None);
        assert_eq!(cue("a Doumam", "Doumam"), None);
        assert_eq!(cue("Doumam", "Doumam"), None);
        // An abbreviation's period joins it to the name; the last letter of "p.m." is no "M.".
        assert_eq!(cue("selon M. Pafadnam", "Pafadnam"), Some((Cue::Role, "M.")));
        assert_eq!(cue("at about 6:30 p.m. Early accounts", "Early"), None);
    }

    #[test]
    fn sentence_starts_and_title_case_lines() {
        assert!(starts_sentence("Son communiqué", 0));
        assert!(starts_sentence("la province. Son communiqué", 13));
        let text = "titre\n« Son communiqué";
        assert!(starts_sentence(text, text.find("Son").unwrap()));
        assert!(!starts_sentence("tués à Son, hier", 8));
        let headline = "Islamic State Claims Deadly Attack Near Kokorou\nThe group said";
        assert!(in_title_case_line(headline, 40));
        assert!(!in_title_case_line(headline, 50));
        assert!(!in_title_case_line("Burkina Faso : 44 civils tués à Kourakou et Tondobi", 35));
        // A line longer than a headline is prose, whatever its case, and is judged without reading it
        // all; the lines around it are judged on their own.
        let long = "Gao Kidal Mopti Tombouctou ".repeat(40);
        assert!(!in_title_case_line(&long, long.len() / 2));
        let text = format!("{long}\nIslamic State Claims Deadly Attack Near Kokorou\n{long}");
        assert!(in_title_case_line(&text, long.len() + 10));
        assert!(!in_title_case_line(&text, 10) && !in_title_case_line(&text, text.len() - 10));
        // Near the bounds, inside multi-byte characters: no panic, no headline.
        for text in ["€".repeat(300), format!("a{}", "😀".repeat(200)), "ب".repeat(400)] {
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                assert!(!in_title_case_line(&text, pos));
            }
        }
    }

    #[test]
    fn quotes() {
        assert!(is_quoted("موالية لـ«القاعدة» و", "موالية لـ«".len(), "موالية لـ«القاعدة".len()));
        assert!(is_quoted("la zone « Moura » hier", 11, 16));
        assert!(!is_quoted("la zone Moura hier", 8, 13));
    }
}
