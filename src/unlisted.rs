//! Names no list holds: capitalized names that a cue introduces but the gazetteer lacks, typed by the
//! cue.
//!
//! News is full of villages, officials and companies that no gazetteer has, GeoNames included. They
//! are introduced the way known names are (see [`crate::cues`]): "les villages de Hamou, Kakassobon et
//! Bolgadjé", "la localité de Doumam", "à 17 km de Kouakourou", "the town of Tabaram", "قرية كاونجو";
//! "le porte-parole Jean Paul Badoun", "le maire de Bankass, Allaye Guindo", "General Abdoulaye
//! Coulibaly", "الجنرال كيبا سانغاري"; "la société Semafo", "the company Endeavour Mining", "شركة …";
//! "l'opération Niya". This step reads those patterns and proposes the name after the cue as an
//! [`Unlisted`] name of the cue's type. It proposes, it does not link: an unlisted name has no entity.
//!
//! The patterns ([`Rule`]):
//!
//! * **after a cue**: the cue right before the name (any cue of [`Cue`]); a role may take a
//!   complement before a comma ("le gouverneur de la région de Mopti, Abdoulaye Coulibaly", "حاكم
//!   منطقة تيلابيري، تيجاني إبراهيم كاتيلا"); a few cue words are part of the name ("forêt de Sama",
//!   "Katiba Salaheddine"); after a preposition, a name ending with a name of the region's people
//!   after a given name or a word in title case is a person ("revient à Raymond David Valentin
//!   Ouédraogo", "la seconde à Sayouba Sawadogo"; not a Hausa village, "à Dan Issa"); after a byline,
//!   "علي" is Ali ("كتبه: علي رجب");
//! * **a list** after a cue: "les villages de A, B et C", "near A and B": each item is a name of the
//!   cue's type (items the gazetteer knows are skipped, the list goes on);
//! * **a cue after the name**, in apposition: "Doumam, une localité …", "Baba Dakono, an analyst …",
//!   "Tirana Hassan, who …", "Semafo, a company …", "A, B and C, three villages …", "X، الأمين العام",
//!   "X الذي يرأس …" (who heads, with or without the comma);
//! * **a given name** of the region before a capitalized surname: "Abdoulaye Pafadnam", with a first
//!   given name no list holds before it ("Faty Amadou Barry"), or after the surname that lists of
//!   people write first ("Diandé Issa"); in Arabic, one of the region's common
//!   given names before a word that may be a name: "سليمان ميغا", "أبو يحيى صلاحين"; and in both
//!   scripts two names joined by a patronymic particle, whatever the names ("Kamo Ag Minani",
//!   "هنون ولد علي", "حسن آغ فغاغا");
//! * **repeated**: a proposed name written again elsewhere in the text, and a person's surname alone
//!   after the full name ("Pafadnam added");
//! * **a longer name**: a listed name followed, one space away, by capitalized words that are not a
//!   role, a designator, a day or month, a given name or another mention: "Dosso Kourégou" (a village,
//!   not the town of Dosso), "Tassia Sun Badjo", "Tahoua Special Forces Battalion", "Al Jazeera News".
//!   Its type is its head word's ([`LONGER_HEADS`]), else the listed name's; a word that makes a thing
//!   named after a place ("Algiers Agreement", "Gao Airport", [`NOT_LONGER`]) ends nothing. The
//!   listed name alone is then not a mention; so are a listed person's name after the head of an
//!   institution named after them ("Université Thomas Sankara") and a listed place inside a body's
//!   capitalized name ("Comité Union Tillabéri pour la Paix et la Cohésion Sociale"), both
//!   organizations;
//! * **an acronym**: a name and the acronym of its initials side by side, one in parentheses
//!   ("Mouvement Burkinabé des Droits de l'Homme et des Peuples (MBDHP)", "le CDM (Collectif de défense
//!   des militaires)"): both are proposed, typed by the name's head word ([`ACRONYM_HEADS`], else an
//!   organization), and the acronym alone is then found again as a repeated name. A listed place
//!   inside the name is part of it ("… du Cercle de Bankass (MPUSCB)");
//! * **a credit**: a byline line ("By Armel BAILY", "Par Ousmane M. Traoré"), a name next to an
//!   outlet across a slash, as photographs are credited ("KENA BETANCUR / AFP"), a correspondent
//!   beside their town ("Boa, Ouagadougou" closing the text, "كيدال/ عمر الانصاري"), the author alone
//!   on the last line ("Ambroise AMETOWONA"): a person, in any case; and the outlet opening a
//!   dateline with its town in parentheses ("التيار (نيامي) -");
//! * **a number or an address**: a national road by its number ("RN15", "route nationale 16",
//!   "الطريق الوطني رقم 1"), a place; a site by its address ("Sahelien.com"), an outlet;
//! * **a unit** named after a listed town that the gazetteer does not list: the town with a
//!   designator of a department, prefecture, cercle, province or district ("département de Thiou",
//!   "Bittou province"), found by [`crate::designator::Designators`] for the tagger. With the longer
//!   names and the acronyms, the only rules whose names overlap a mention (the tagger drops it).
//!
//! A name is, in Latin script, a run of up to five capitalized words joined by spaces or hyphens
//! (with the particles of the region's names inside: "Ag", "ould", "ben"; a middle initial,
//! "Ousmane M. Traoré"; an elided one, "M’Bouna"); in Arabic, where nothing is capitalized, the
//! words after the cue up to punctuation or a word that cannot be part of a name (a function word,
//! a word with the article, an accusative ending, "و" and a verb: "سيمبوريه وأخذ") — and never
//! after a bare preposition, which in Arabic would take any noun; a verb in the present or a
//! nationality alone after a role is no name ("الرئيس يعزل", "رئيس موريتاني سابق"), and a place's
//! compound is two words whatever follows ("قرية دار النعيم هذه"). Words that are capitalized
//! without being names (function words at the start of a sentence, months, peoples, continents) are
//! never proposed, and a proposed name never overlaps a gazetteer mention, but by the longer-name
//! rule.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::arabic::is_arabic_letter;
use crate::cues::{self, Cue, WordSet, CAPITALIZED_WORDS, FUNCTION_WORDS, NOT_NAMES};
use crate::fold::{fold, fold_word_into, is_word_char};
use crate::gazetteer::EntityType;
use crate::tagger::Mention;

/// How a cue proposed an unlisted name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// The cue stands right before the name (or before a role's complement and a comma).
    After,
    /// The name is an item of a list that the cue introduces.
    List,
    /// The cue follows the name, in apposition ("Doumam, une localité").
    Apposition,
    /// A given name of the region starts the name, or a patronymic particle joins two names ("Agali
    /// Ag ALMOGAMAR").
    GivenName,
    /// The name was proposed elsewhere in the text (the cue is there).
    Repeated,
    /// A listed name starts it ([`Cue::Name`]): "Dosso Kourégou", "Tassia Sun Badjo", and a person's
    /// single name that is one of the region's Arabic given names before a surname ("إيسوفو لابو").
    /// The listed name alone is not a mention there (the tagger drops it).
    Longer,
    /// The name and its acronym written side by side, one in parentheses, the acronym spelling the
    /// name's initials: "Collectif de défense des militaires (CDM)", "le CDM (Collectif …)". Both are
    /// proposed; a listed place inside the name ("… du Cercle de Bankass (MPUSCB)") is part of it and
    /// not a mention there (the tagger drops it).
    Acronym,
    /// A listed town next to a designator of a unit the gazetteer does not list ("département de
    /// Thiou", "Bittou province"): the unit is the name; the town alone is not a mention there (the
    /// tagger drops it).
    Unit,
    /// A byline or a credit: a line "By X" / "Par X", or a name next to an outlet across a slash
    /// ("KENA BETANCUR / AFP"). The name is a person's whatever its case.
    Credit,
}

impl Rule {
    /// Its name in reports (`--details`).
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::After => "after cue",
            Rule::List => "list",
            Rule::Apposition => "apposition",
            Rule::GivenName => "given name",
            Rule::Repeated => "repeated",
            Rule::Longer => "longer name",
            Rule::Acronym => "acronym",
            Rule::Unit => "unit",
            Rule::Credit => "credit",
        }
    }
}

/// A name the gazetteer does not hold, proposed by a cue (see the module documentation). Offsets are
/// bytes of the text, like a [`Mention`]'s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Unlisted {
    /// Start of the name, in bytes.
    pub start: usize,
    /// End of the name (exclusive), in bytes.
    pub end: usize,
    /// Its type, from the cue.
    pub kind: EntityType,
    /// The cue that proposed it (for [`Rule::GivenName`]: [`Cue::Role`]).
    pub cue: Cue,
    /// How the cue proposed it.
    pub rule: Rule,
    /// Start of the cue's words in the text (for a repeated name, of the first occurrence's cue).
    pub cue_start: usize,
    /// End of the cue's words.
    pub cue_end: usize,
}

impl Unlisted {
    /// The name's text in `text`.
    pub fn surface<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Whether the name may hold gazetteer mentions, which are then not mentions there: a longer name
    /// a listed one starts ([`Rule::Longer`]), a name defined by its acronym ([`Cue::Acronym`]), a
    /// unit named after a listed town ([`Rule::Unit`]). Other names are proposed only where no
    /// mention is.
    pub fn replaces_mentions(&self) -> bool {
        matches!(self.rule, Rule::Longer | Rule::Unit) || self.cue == Cue::Acronym
    }

    /// The name before the domain of a site named by its address ("rfi" of "rfi.fr", "news.aBamako"
    /// of "news.aBamako.com"); `None` for any other proposal.
    pub(crate) fn site_name<'t>(&self, text: &'t str) -> Option<&'t str> {
        if !(self.cue == Cue::Outlet && self.rule == Rule::Apposition && self.cue_end == self.end)
            || self.cue_start <= self.start
        {
            return None;
        }
        text[self.start..self.cue_start].strip_suffix('.').filter(|name| !name.is_empty())
    }
}

/// What separates a token from the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    /// Spaces, apostrophes or hyphens only (one phrase).
    Join,
    /// A comma (with spaces).
    Comma,
    /// An opening quotation mark (with spaces).
    Quote,
    /// Anything else: other punctuation, a line break, the start of the text.
    Break,
}

#[derive(Clone, Copy, Debug)]
struct Token<'a> {
    start: usize,
    end: usize,
    /// Its folding ([`fold_word`]), borrowed from the text when the word is already folded (plain
    /// lower-case ASCII, most words), else from the words' common buffer (see [`tokenize`]).
    folded: &'a str,
    gap: Gap,
    /// Latin script, first letter upper case.
    capitalized: bool,
    /// Joined to the previous token by a hyphen alone ("Nia-ouro").
    hyphenated: bool,
    /// After an initial and its period ("Ousmane M. Traoré": "Traoré").
    after_initial: bool,
    /// Joined to the previous token by an apostrophe alone ("M’Bouna": "Bouna").
    after_apostrophe: bool,
    /// Arabic, starting with a hamza's alef and lam and written as a name (a long vowel after them, no
    /// final alef maksura): "ألاء", "ألاسان", "ألفا". The article is never written with a hamza, so
    /// "ال" is not one there (it folds the same); the verbs "ألقى", "ألغى" end in alef maksura.
    hamza_al: bool,
    /// All its letters upper case, two or more ("SITE", "BARRY").
    all_caps: bool,
    arabic: bool,
    /// Arabic, and written in a way a name is not: ending in ta marbuta (a feminine noun or
    /// adjective: "قرية", "مسلحة") or with an accusative ending ("رئيساً").
    arabic_common: bool,
    /// Written with letters that folding changes ("Somé", "Ségou").
    accented: bool,
    /// Arabic, with a hamza on a yeh or waw seat ("أُنشئت", "مسؤول"): Arabic words, which the
    /// transliterated names of the region never write.
    hamza_seat: bool,
}

/// Where a token's folding is while the buffer is filled: in the text, or in the buffer.
enum FoldedAt {
    Text,
    Buffer(usize, usize),
}

/// The words of `text`, each with its folding. Foldings that differ from the word are written one
/// after another into `buffer` (the caller's, so that tokens can borrow it): one string for the
/// whole text instead of one per word.
fn tokenize<'a>(text: &'a str, buffer: &'a mut String) -> Vec<Token<'a>> {
    // About one word per six bytes of news: reserved once rather than grown word by word.
    let mut tokens: Vec<Token<'a>> = Vec::with_capacity(text.len() / 6);
    let mut at: Vec<FoldedAt> = Vec::with_capacity(text.len() / 6);
    let mut scratch = vec![];
    let mut prev_end = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if !is_word_char(d) {
                break;
            }
            end = j + d.len_utf8();
            iter.next();
        }
        let word = &text[i..end];
        let between = &text[prev_end..i];
        let gap = if tokens.is_empty() {
            Gap::Break
        } else if between == " " || between.chars().all(joins) {
            Gap::Join
        } else if between.chars().filter(|&c| c == ',' || c == '،').count() == 1
            && between.chars().all(|c| c == ',' || c == '،' || is_space(c))
        {
            Gap::Comma
        } else if between.chars().any(cues::is_opening_quote)
            && between.chars().all(|c| cues::is_opening_quote(c) || is_space(c))
        {
            Gap::Quote
        } else {
            Gap::Break
        };
        // Most words are lower-case ASCII, their own folding: borrowed from the text.
        if word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
            at.push(FoldedAt::Text);
        } else {
            let from = buffer.len();
            fold_word_into(word, &mut scratch, buffer);
            at.push(FoldedAt::Buffer(from, buffer.len()));
        }
        let first = word.chars().next().unwrap_or(' ');
        let arabic = is_arabic_letter(first);
        let arabic_common = arabic
            && (word.trim_end_matches(is_arabic_mark).ends_with('\u{0629}')
                || word.contains(['\u{064B}', '\u{064C}', '\u{064D}']));
        let hamza_seat = arabic && word.contains(['\u{0624}', '\u{0626}']);
        tokens.push(Token {
            start: i,
            end,
            folded: "",
            gap,
            hyphenated: matches!(between, "-" | "‐" | "‑"),
            after_apostrophe: matches!(between, "'" | "’" | "ʼ"),
            hamza_al: matches!(word.chars().next(), Some('\u{0623}' | '\u{0625}'))
                && word.chars().nth(1) == Some('\u{0644}')
                && !word.trim_end_matches(is_arabic_mark).ends_with('\u{0649}')
                && word.chars().skip(2).any(|c| LONG_VOWELS.contains(&c)),
            after_initial: matches!(between, ". " | ".\u{00A0}")
                && tokens.last().is_some_and(|t: &Token| {
                    t.end - t.start == 1 && text.as_bytes()[t.start].is_ascii_uppercase()
                }),
            capitalized: first.is_uppercase(),
            all_caps: all_capitals(word),
            arabic,
            arabic_common,
            hamza_seat,
            accented: !word.is_ascii(),
        });
        prev_end = end;
    }
    let buffer: &'a String = buffer;
    for (token, at) in tokens.iter_mut().zip(at) {
        token.folded = match at {
            FoldedAt::Text => &text[token.start..token.end],
            FoldedAt::Buffer(from, to) => &buffer[from..to],
        };
    }
    tokens
}

/// Whether `word` has two letters or more and all are capitals ("SITE", "BARRY"): at its first small
/// letter, no. ASCII and Arabic letters (never capitals) are answered without Unicode tables, which a
/// third of the words of a text would otherwise search.
fn all_capitals(word: &str) -> bool {
    let mut capitals = 0;
    for c in word.chars() {
        if c.is_ascii() {
            if c.is_ascii_uppercase() {
                capitals += 1;
            } else if c.is_ascii_lowercase() {
                return false;
            }
        } else if is_arabic_letter(c) && !matches!(c, '\u{06FD}' | '\u{06FE}') {
            return false;
        } else if c.is_uppercase() {
            capitals += 1;
        } else if c.is_alphabetic() {
            return false;
        }
    }
    capitals >= 2
}

fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\t')
}

fn joins(c: char) -> bool {
    is_space(c) || matches!(c, '\'' | '’' | 'ʼ' | '-' | '‐' | '‑')
}

/// Arabic spellings of given names common in the region's news, which start a person's name when a
/// word that may be a name follows ("عثمان سيديبي", "هارونا علي"): names no ordinary word is spelled
/// like. Folded.
#[rustfmt::skip]
static ARABIC_GIVEN_NAMES: WordSet = WordSet::new(&[
    "ابراهيم", "ابوبكر", "احمد", "اداما", "ادريس", "ادما", "اسماعيل", "امادو", "امينو", "اياد", "ايسوفو",
    "باكاري", "بوبا", "بوبكر", "تيجاني", "حمادو", "حمدو", "زكريا", "ساليف", "ساليفو", "سليمان", "سيدو", "سيكو",
    "عبدولاي", "عثمان", "عمر", "عيسي", "مامادو", "ماهامادو", "ماهامان", "محمد", "محمدو", "مصطفي", "موديبو", "موسي",
    "هارونا", "يحيي", "يعقوب", "يوسف",
    // Women's names ("خديجة بازوم", "فاطمة سيسي").
    "خديجه", "فاطمه", "عايشه", "زينب", "مريم", "اميناتا", "اميناتو", "هديزا", "رقيه", "حليمه",
    // With the article, which these names keep ("السيد الحسيني سانو", "الكولونيل الحسن بانا"); as an
    // adjective ("الأداء الحسن", "the good performance") they follow a definite noun and the words after
    // them are not names.
    "الحسن", "الحسين", "العباس", "الحسيني", "البشير", "الطاهر", "المهدي", "المختار", "الصادق", "الياس", "الهادي",
    "المصطفي",
]);

/// Cue words that are part of the name they introduce (the guidelines: a designator of a place's usual
/// name is inside, "forêt de Sama", "camp de Mbera", "مخيم امبره", and a unit's, "département de
/// Korsimoro"; "Katiba Salaheddine" is the group's name), unlike "village de", "la ville de", "قرية", and "منطقة", as often "the area of" as a region.
/// Folded.
#[rustfmt::skip]
const INSIDE_THE_NAME: &[&str] = &[
    "foret", "camp", "katiba", "مخيم", "غابه", "hopital", "universite", "lycee", "clinique", "lac",
    "colline", "mare", "departement", "cercle", "province", "district", "department",
    // An Arabic unit: "مقاطعة ديونديو", "دائرة آنسغو", "محافظة سوم", "ولاية سوكوتو" (the unit, by its
    // official name; not "منطقة", as often "the area of").
    "مقاطعه", "دايره", "محافظه", "اقليم", "ولايه",
];

/// Arabic adjectives that place a place's name, after it: "المحاذية للنيجر" (bordering Niger), "الواقعة
/// في", "التابعة ل", "القريبة من". Folded.
const ARABIC_PLACING: &[&str] = &[
    "المحاذيه",
    "المحاذي",
    "الواقعه",
    "الواقع",
    "التابعه",
    "التابع",
    "القريبه",
    "القريب",
    "المجاوره",
    "المجاور",
    "الحدوديه",
    "الحدودي",
];

/// Arabic designators of administrative units, the complement of a role ("حاكم منطقة تيلابيري"). Folded.
#[rustfmt::skip]
const ARABIC_UNITS: &[&str] = &[
    "منطقه", "ولايه", "اقليم", "مقاطعه", "دايره", "بلديه", "محافظه",
];

/// Arabic words for "nicknamed", folded: "الملقب", "يُلقَّب", "يُعرف بلقب", "المكنى".
const ARABIC_NICKNAME: &[&str] = &["يلقب", "الملقب", "الملقبه", "المكني", "بلقب"];

/// Where a quoted nickname after an Arabic word for "nicknamed" ends, when the quotation closes within
/// four words: the whole quotation is the name, article and all ("يُعرف بلقب «جليبيب الأنصاري»").
fn quoted_nickname_end(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    // The preposition apart, with a tatweel: "يُلقَّب بـ”الصحراوي”".
    let nickname = |t: &Token| ARABIC_NICKNAME.contains(&t.folded);
    let after_nickname = i > 0
        && (nickname(&tokens[i - 1])
            || i > 1 && tokens[i - 1].folded == "\u{0628}" && nickname(&tokens[i - 2]));
    if !after_nickname {
        return None;
    }
    quotation_end(text, tokens, i)
}

/// Where a quotation that opens at token `i` ends, when it closes within four words: after a
/// word for "nicknamed" or an outlet's head ("صحيفة “أوجوردوي أو فاسو”", "بإذاعة “فيمينا إف إم”"),
/// the whole quotation is the name, whatever words it holds.
fn quotation_end(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    if tokens[i].gap != Gap::Quote {
        return None;
    }
    let closes = |j: usize| {
        text[tokens[j - 1].end..]
            .trim_start_matches(is_space)
            .chars()
            .next()
            .is_some_and(cues::is_closing_quote)
    };
    (i + 1..=(i + 4).min(tokens.len()))
        .take_while(|&j| j == i + 1 || (tokens[j - 1].gap == Gap::Join && tokens[j - 1].arabic))
        .find(|&j| closes(j))
}

/// Whether the name at token `i` follows an Arabic word for "nicknamed" and carries its preposition
/// "ب" glued ("يُلقَّب بإيبون أناسي", "الملقب بأبي حمزة"): the name starts after it. Only before a
/// hamza's alif, which no name glued after "ب" begins without: "الملقب “بوبالا”" is the name itself.
fn nickname_with_ba(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0
        && tokens[i].gap == Gap::Join
        && ARABIC_NICKNAME.contains(&tokens[i - 1].folded)
        && text[tokens[i].start..tokens[i].end]
            .strip_prefix('ب')
            .is_some_and(|rest| rest.starts_with(['أ', 'إ', 'آ']))
}

/// Where a cue word starts once the Arabic proclitics glued to it are left out ("بمنطقة": after "ب").
fn after_proclitics(text: &str, token: &Token) -> usize {
    let bare = cues::strip_proclitics(token.folded);
    let proclitics = token.folded.chars().count() - bare.chars().count();
    let word = &text[token.start..token.end];
    let mut letters = 0;
    for (i, c) in word.char_indices() {
        // Marks and the tatweel ("لـ") belong to the letter before them.
        let attached = unicode_normalization::char::is_combining_mark(c) || c == '\u{0640}';
        if letters == proclitics && !attached {
            return token.start + i;
        }
        if !attached {
            letters += 1;
        }
    }
    token.start
}

/// Lower-case particles inside names of the region ("Ahmad Ag Zidou", "Mohamed ould Cheikh"). Not the
/// French "dit" of a nickname: "Abou Youssouf dit Bodédjo" is a name and a nickname, two mentions.
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "ag", "ould", "ben", "bin", "ibn", "el", "al", "ou",
];

/// Arabic words that start a compound name with the next word, a person's ("عبد الله", "أبو بكر", "سيدي
/// محمد") or a place's, and the French "dit" of a nickname ("جان تشارلز ديت ينابونو سوم"); the words
/// that start places' names only are [`PLACE_COMPOUNDS`], and [`arabic_compound`] reads both. Folded.
#[rustfmt::skip]
const ARABIC_COMPOUNDS: &[&str] = &[
    "عبد", "ابو", "ابي", "بن", "ابن", "ولد", "اغ", "ام", "بنت", "سيدي", "ديت",
    // "son of" as Hassaniya writes it ("قالي ول ميدي").
    "ول",
];

/// The compound words that start places' names only ("عين صالح", "دار النعيم"; "عين" before a person is
/// "appointed"). Folded.
const PLACE_COMPOUNDS: &[&str] = &["دار", "عين", "بير", "حاسي", "راس", "تل", "وادي"];

/// Whether a folded Arabic word starts a compound name, a person's or a place's.
fn arabic_compound(folded: &str) -> bool {
    cues::is_listed(ARABIC_COMPOUNDS, folded) || cues::is_listed(PLACE_COMPOUNDS, folded)
}

/// Nationalities, folded, without the article.
const ARABIC_NATIONALITIES: &[&str] = &[
    "موريتاني",
    "نيجري",
    "بوركيني",
    "جزايري",
    "مغربي",
    "ليبي",
    "تشادي",
    "سنغالي",
    "فرنسي",
    "امريكي",
    "روسي",
    "تونسي",
    "مصري",
    "سوداني",
    "نيجيري",
    "مالي",
];

/// Arabic words that end a name: function words, common verbs of reporting. Folded.
#[rustfmt::skip]
static ARABIC_STOPS: WordSet = WordSet::joined(&[
    "في", "من", "الي", "علي", "عن", "مع", "بعد", "قبل", "منذ", "حيث", "وهي", "وهو", "هي", "هو", "ان", "او",
    "ثم", "كما", "اما", "واما", "قد", "لم", "لا", "ما", "بين", "عند", "حتي", "يوم", "امس", "قال", "قالت", "اكد", "اكدت",
    "افاد", "افادت", "اعلن", "اعلنت", "ذكر", "ذكرت", "الذي", "التي", "الذين", "نحو", "قرب", "بعيد", "وفق",
    "بحسب", "حسب", "خلال", "ضد", "لدي", "فيها", "فيه", "منها", "منه", "عليها", "عليه", "رييسا", "نايبا",
    "باسم", "بلسان", "غير", "هذا", "هذه", "ذلك", "تلك", "كل", "بعض", "عده", "جميع", "اغلب", "اكبر", "اكثر", "احد",
    "هم", "هما", "وهم", "وهما", "بينهم", "منهم", "كشف", "كشفت", "اوضح", "اوضحت", "صرح", "صرحت", "اشار",
    "اشارت", "اضاف", "اضافت",
    // The same verbs in the plural ("سكان أكدوا": residents who confirmed), and words for "himself",
    // "statements", "brother", "departure", "headquarters" that come before a name or after a role.
    "اكدوا", "افادوا", "اعلنوا", "ذكروا", "اوضحوا", "صرحوا", "اشاروا", "اضافوا", "قالوا", "كشفوا", "رووا",
    // "in the hand of" ("احتفظت … بيد X": kept in X's hands), "with the rank of" ("الضابط برتبة
    // مقدم"), and verbs of calling on and condemning before a name ("ودعا أغ شمد", "أدان أيوب").
    "بيد", "برتبه", "دعا", "ودعا", "ادان", "وادان", "ندد", "حذر",
    // "in place of" ("وحلّ العقيد X محل العقيد Y": X replaced Y).
    "محل",
    "نفسه", "نفسها", "ذاته", "ذاتها", "تصريحات", "تصريح", "شقيق", "شقيقه", "رحيل", "مقر", "طالبا", "منهما",
    "اممي", "امميه", "اعداء",
    // Nouns a role takes as its complement ("قائد أركان القوات", "رئيس وزراء").
    "اركان", "وزراء", "مجلس", "قوات", "فوج", "جيش", "حزب", "مكتب", "مركز", "ديوان", "اتحاد", "تنظيم",
    // Tribes a chief leads ("زعيم قبائل إيفوغاس").
    "قبايل", "قبيله", "عشاير",
    "احدي", "بصفته", "بصفتها", "بوصفه", "بوصفها", "ذات", "ذو", "ذي",
    // Roles in the accusative, without their tanwin, after a name in lists of appointments ("ساني كاشي
    // عيسى أمينا عاما", "محمد ساني كياو رئيسا لأركان"); and the coup a leader leads ("قائد انقلاب").
    "امينا", "وزيرا", "مديرا", "قايدا", "مستشارا", "سفيرا", "عضوا", "ناطقا", "حاكما", "محافظا", "مسوولا",
    "انقلاب",
    // Adjectives after a camp, a base or a mine ("معسكر مؤقت": a temporary camp; "منجم تقليدي": an
    // artisanal mine).
    "موقت", "موقته", "تقليدي", "تقليديه", "عشوايي", "عشواييه",
    // A minister's portfolio without its article ("وزير دفاع النيجر"), or with "his" / "her" ("وزير
    // دفاعه": his defence minister), and "also" ("كذلك أهالي X").
    "دفاع", "عدل", "اقتصاد", "اعلام", "امن", "كذلك", "دفاعه", "دفاعها", "خارجيته", "خارجيتها", "داخليته",
    "داخليتها", "عدله", "اعلامه", "ماليته", "ماليتها",
    "جنوب", "شمال", "شرق", "غرب", "غربي", "شرقي", "جنوبي", "شمالي", "وسط", "حوالي", "قرابه", "اضافه", "اي",
    "التابعه", "الواقعه", "المحاذيه", "تابع", "تابعه", "تابعا", "حين", "بينما", "لكن", "اذ", "اذا", "لان", "بان", "وان", "اخري", "اخر",
    "اول", "ثاني", "ثالث", "لاجيين", "نازحين",
    // Pronouns ("هما أوسيني سايدو، الوالي": "they are"; "خصّ به مراد مسعودان، الصحفي": "gave him").
    "هما", "هم", "هن", "انه", "انها", "انهم", "به", "بها", "بهم", "له", "لها", "لهم",
    // Two of a kind ("سكان قريتين": the inhabitants of two villages) and a generic "news" ("وكالة
    // أنباء": a news agency).
    "قريتين", "قريتان", "بلدتين", "بلدتان", "مدينتين", "مدينتان", "منطقتين", "منطقتان", "انباء",
    // Surroundings: "ثكنة بنواحي تمبكتو" ("a barracks around Timbuktu").
    "نواحي", "بنواحي", "ضواحي", "بضواحي", "اطراف", "باطراف", "محيط", "بمحيط",
    // Inside and outside ("آخر بلدة داخل النيجر": the last town inside Niger), "lies" ("وتقع كلها
    // في": and all lie in), and a companion after a name ("الصحفي X وزميله Y": and his colleague).
    "داخل", "خارج", "تقع", "يقع", "زميل", "زميله", "زميلها", "زملاوه", "رفيقه", "رفيقها", "زوجته",
    "زوجها", "ابنه", "ابنها", "نجله", "نجلها",
    // What a council hands a member ("أوكلت إلى X ملف العلاقات": gave X the file of; "كُلّف X
    // بشؤون الدفاع": charged X with the affairs of; "حقيبة", "مهام": portfolio, duties).
    "ملف", "بملف", "ملفات", "شوون", "بشوون", "حقيبه", "بحقيبه", "مهام", "بمهام",
    // What kind of organization ("بتنظيم إجرامي": a criminal organization; "إرهابي", "جهادي", "متطرف").
    "اجرامي", "اجراميه", "ارهابي", "ارهابيه", "جهادي", "جهاديه", "متطرف", "متطرفه",
    // A meeting, in quotes after "in" ("جمعوا الأعيان في \"اجتماع\"": gathered them in a meeting).
    "اجتماع", "لقاء", "موتمر",
    // What an area designator takes besides a name: "مناطق نفوذ القاعدة" (areas of influence), "منطقة
    // عمليات", "مناطق انتشار", "مناطق النزاع".
    "نفوذ", "النفوذ", "انتشار", "نشاط", "تمركز", "تواجد", "وجود", "عمليات", "العمليات", "النزاع", "الصراع",
    "القتال", "المواجهات", "الاشتباكات", "التوتر", "الحدود", "التماس", "العبور", "الحرب",
    // Around: "الطرق الملتفة حول يوري".
    "حول", "بحول",
    // Terrain before its name ("منطقة جبال تيساليت": the Tessalit mountains; "سلسلة جبال").
    "جبال", "تلال", "هضاب", "سلسله",
    // A movement's wing ("فصيل موال لجناح ولد سيدي محمد": loyal to the wing of), its elements ("بقيادة
    // عناصر من فاغنر": led by elements of Wagner), "having" ("سكان ذوو أصول": residents of origins),
    // and "what" with a preposition ("نوّه بما أبدته": praised what … showed).
    "جناح", "لجناح", "عناصر", "عنصر", "ذوو", "ذوي", "بما", "لما",
    // "with him, with her" ("الوالي ومعه ضابط": the governor, and with him an officer).
    "معه", "ومعه", "معها", "ومعها", "معهم", "ومعهم",
    // A mission ("رئيس بعثته": the head of its mission) and the verbs "did", "held" around a name
    // ("قام أنطونيو غوتيريز بزيارة", "أبولينير كيليم أجرى اتصالا").
    "بعثه", "بعثته", "بعثتها", "قام", "قامت", "اجري", "اجرت",
    // A source's words ("نقلت عن مسؤول يدعى X قوله": quoted an official called X as saying); and
    // the verbs of an attack before its target, joined below ([`ATTACK_VERBS`]).
    "قوله", "قولها", "قولهم",
    // Verbs of office around a name ("رئيس البلاد أدخل تغييرات": made changes; "X تسلّم إدارة": took
    // over; "حلّ X … بالعاصمة": arrived), a process led ("بقيادة مسار الحوار"), and numbers after a
    // plural ("مناطق أربع": four regions).
    "ادخل", "تسلم", "تولي", "حل", "مسار", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر",
    // What befell a person, before the name ("مقتل باكورة": the killing of Bakura), and a faction a
    // leader leads ("زعيم فصيل من بوكو حرام").
    "مقتل", "اغتيال", "اعتقال", "اختطاف", "تصفيه", "تحييد", "فصيل",
    // Peoples, which follow "قرية" as adjectives ("قرية فولاني", a Fulani village).
    "فولاني", "فلاني", "فلان", "بيول", "دوغون", "دوغونز", "دوجون", "طوارق", "بامبارا", "سونغاي", "هوسا",
    "بمبارا", "سوننكي", "عرب",
    // Adjectives after a role: "قائد ميداني" (a field commander), "مسؤول محلي".
    "ميداني", "عسكري", "امني", "محلي", "سابق", "بارز", "كبير", "اقليمي", "جديد", "جديده",
    // and after "residents" ("سكان محليون": local residents).
    "محليون", "محليين", "مدنيون", "مدنيين", "اصليون", "اصليين",
    // A leader's counterparts and companions ("بحضور نظيريه", in the presence of his two counterparts;
    // "العمدة ومرافقوه", the mayor and his companions), and "via" ("الناطق … عبر").
    "حضور", "بحضور", "نظيره", "نظيريه", "نظراوه", "نظرايه", "مرافقوه", "مرافقيه", "مساعدوه", "مساعديه", "عبر",
    // Both of them ("بلدتي … كلتاهما"), fighters and gunmen ("يقوده مقاتلون"), a ballot ("تنظيم
    // اقتراع": organizing a vote).
    "كلتاهما", "كلاهما", "كليهما", "كلتيهما", "مقاتلون", "مقاتلين", "مسلحون", "مسلحين", "اقتراع",
    // A minister delegate ("وزير منتدب").
    "منتدب", "منتدبا", "المنتدب",
    // Notables ("سكان وأعيان المنطقة"), and prepositions of place ("موضوعتين تحت تصرفه").
    "اعيان", "تحت", "فوق", "امام", "خلف",
    // "To be", and "following", "because of", "despite" ("أحمد إثر تقارير", "معسكر كانوا يتدربون فيه").
    "كان", "كانت", "كانوا", "يكون", "تكون", "ليس", "ليست", "اثر", "عقب", "جراء", "بسبب", "رغم",
    // What a base or a post holds: "قاعدة إمداد" (a supply base), "مركز إسناد".
    "امداد", "اسناد", "تموين",
    // "Within", and a preposition glued to a relative ("انتقاما للنبي محمد ممن أساؤوا": "on those
    // who"; "وجاء في كلمة المتحدث ضمن التسجيل": "in the recording").
    "ضمن", "ممن", "مما", "عما", "فيما",
    // Adverbs in the accusative, written without their tanwin ("في قرية دينانكو تحديدا").
    "تحديدا", "بالتحديد", "خصوصا", "ايضا", "تقريبا", "حاليا", "سابقا", "موخرا", "اساسا", "شمالا", "جنوبا",
    "شرقا", // not "غربا", also a name ("الطبيب غربا حكيمي")
    // Adjectives after a group's noun ("تنظيم إرهابي", a terrorist organization).
    "ارهابي", "ارهابيه", "متطرف", "متطرفه", "جهادي", "جهاديه", "مسلح", "مسلحه",
    // Numbers and people ("قُتل فيها سبعة أشخاص، وهي قرية": seven people were killed in it, a village).
    "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "عشرات", "ميات", "الاف", "اشخاص",
    "قتلي", "جرحي", "مدنيين",
    // Farms and fields beside villages ("قرى ومزارع"); "major", "minor" ("مدينة كبرى أخرى").
    "مزارع", "حقول", "مراعي", "كبري", "صغري",
    // Beside ("إلى جانب مامادو دياوارا"), and a brigade ("قائد لواء الدرك": the gendarmerie brigade's
    // commander; the rank is written with the article, "اللواء").
    "جانب", "لواء",
    // Months, as the Mashriq, the Maghreb and the Levant name them ("الموافق لفاتح غشت").
    "يناير", "فبراير", "مارس", "ابريل", "يونيو", "يوليو", "يوليوز", "اغسطس", "غشت", "سبتمبر", "شتنبر",
    "اكتوبر", "نوفمبر", "نونبر", "ديسمبر", "دجنبر", "جانفي", "فيفري", "افريل", "جوان", "جويليه", "اوت",
    "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "ايلول", "تشرين",
], ATTACK_VERBS);

/// Verbs of an attack, before its target ("اعتداء منفصل استهدف ريتكولغا، الواقعة في": an assault
/// that targeted Retkoulga, which lies in): the place's name starts after one. Folded; words of
/// [`ARABIC_STOPS`] too.
const ATTACK_VERBS: &[&str] = &["استهدف", "استهدفت", "استهدفوا", "هاجم", "هاجمت", "هاجموا"];

/// Nouns that, after a comma and an optional article, say what the name before them is (the
/// apposition rule). Folded; the last word of a longer noun phrase.
#[rustfmt::skip]
const APPOSITION_PLACE: &[&str] = &[
    "localite", "village", "bourgade", "commune", "ville", "hameau", "locality", "town", "hamlet",
    "settlement", "city", "community", "قريه", "بلده", "مدينه", "منطقه",
    // Where it lies: "Dibéri, située dans le cercle de Douentza", "ديبيري، الواقعة في".
    "situe", "situee", "located", "الواقعه", "الواقع",
];
#[rustfmt::skip]
const APPOSITION_PLACES: &[&str] = &[
    "localites", "villages", "hameaux", "villes", "communes", "towns", "hamlets", "localities",
    "communities",
];
#[rustfmt::skip]
const APPOSITION_PERSON: &[&str] = &[
    "analyst", "analyste", "researcher", "chercheur", "chercheuse", "spokesman", "spokeswoman",
    "spokesperson", "porte", "mayor", "maire", "governor", "gouverneur", "deputy", "depute", "minister",
    "ministre", "secretary", "secretaire", "resident", "habitant", "habitante", "head", "chief", "chef",
    "leader", "commander", "commandant", "colonel", "lieutenant", "general", "captain", "capitaine",
    "correspondent", "correspondant", "correspondante", "journalist", "journaliste", "reporter", "director",
    "directeur", "directrice", "founder", "fondateur", "president", "presidente", "elu", "official",
    "responsable", "imam", "emir", "man", "woman", "homme", "femme", "farmer", "herder", "eleveur",
    "titulaire", "membre", "member", "representant", "representante", "representative", "conseiller",
    "conseillere", "adviser", "advisor", "coordinateur", "coordinatrice", "coordinator", "militant",
    "militante", "activist", "activiste", "notable", "expert", "experte", "chairman", "chairwoman",
    "lawmaker", "legislator", "politician", "politicien", "politicienne",
    // Occupations of the witnesses news quotes ("Selon Agaliou Maïga, enseignant originaire de …").
    "enseignant", "enseignante", "teacher", "instituteur", "institutrice", "commercant", "commercante",
    "trader", "cultivateur", "agriculteur", "agricultrice", "etudiant", "etudiante", "student", "medecin",
    "doctor", "infirmier", "infirmiere", "nurse", "temoin", "witness", "survivant", "survivante",
    "survivor", "rescape", "rescapee",
    "الامين", "حاكم", "الحاكم", "وزير", "وزيره", "الناطق", "المتحدث", "رييس", "قايد", "زعيم",
    "مدير", "الباحث", "المحلل", "مراسل", "عمده", "العمده", "نايب", "محافظ", "الوالي", "الصحفي",
    // Not "والي" (governor) alone: "وإلى" (and to) folds to it.
    "الصحافي", "القيادي", "سكرتير",
];
/// Arabic directions that, after a comma, place the name before them ("أورسي، شمالي بوركينا فاسو").
/// Folded.
const ARABIC_DIRECTIONS: &[&str] =
    &["شمالي", "جنوبي", "شرقي", "غربي", "شمال", "جنوب", "شرق", "غرب", "بشمال", "بجنوب", "بشرق", "بغرب"];

/// Arabic roles that take a body or a portfolio as their complement before the name ("وزير الدفاع X",
/// "رئيس الوزراء X", "الوزير الأول X"). Folded.
const ARABIC_ROLES_OF: &[&str] =
    &["وزير", "الوزير", "رييس", "الرييس", "قايد", "مدير", "زعيم", "نايب", "الناطق", "المتحدث", "امين"];

/// Arabic nouns that say a person, in apposition after a comma or "، وهو" ("and he is"): ranks and
/// trades written without the article, and "أحد" ("one of"). Folded.
#[rustfmt::skip]
const ARABIC_PERSON_NOUNS: &[&str] = &[
    "عقيد", "جنرال", "ضابط", "طبيب", "مزارع", "قيادي", "صحفي", "ناشط", "ناشطه", "زعيم", "مستشار", "احد",
    "امراه", "رجل", "ام", "اب", "شاب", "تاجر", "راعي", "معلم",
    // Witnesses, officials and trades ("، وهو شاهد ثانٍ", "، وهو مسؤول محلي"), and ranks as Arabic
    // outlets write the French and English ones ("، وهو ميجر جنرال").
    "شاهد", "مسوول", "موظف", "سايق", "مهندس", "مدرس", "استاذ", "باحث", "خبير", "محلل", "مراسل", "جندي",
    "عسكري", "مقاتل", "قاضي", "عضو", "نايب", "ميجر", "كولونيل", "نقيب", "رقيب", "ممرض",
];
#[rustfmt::skip]
const APPOSITION_COMPANY: &[&str] = &[
    "company", "firm", "miner", "societe", "entreprise", "compagnie", "academy", "university", "ngo", "ong",
];
#[rustfmt::skip]
const APPOSITION_OUTLET: &[&str] = &[
    "newspaper", "journal", "quotidien", "broadcaster", "agency", "agence", "website",
];
/// Verbs of holding a post, after "الذي" in apposition (folded): "يتولى", "يترأس", "يشغل", "يقود",
/// "يرأس", "يتزعم", "يحكم" (governs), "يدير" (runs).
const ARABIC_HOLDS: &[&str] = &["يتولي", "يتراس", "يشغل", "يقود", "يراس", "يتزعم", "يحكم", "يدير"];

/// Whether tokens `i..` read "الذي" (who), "كان" (was) perhaps, then a verb of holding a post
/// ([`ARABIC_HOLDS`]); the token after the verb when they do.
fn who_holds(tokens: &[Token], i: usize) -> Option<usize> {
    if tokens.get(i)?.folded != "الذي" {
        return None;
    }
    let mut j = i + 1;
    if tokens.get(j).is_some_and(|t| t.gap == Gap::Join && t.folded == "كان") {
        j += 1;
    }
    let verb = tokens.get(j).filter(|v| v.gap == Gap::Join)?;
    ARABIC_HOLDS.contains(&cues::strip_proclitics(verb.folded)).then_some(j + 1)
}

/// Articles, numerals and adjectives that may stand between the comma and the noun. Folded.
#[rustfmt::skip]
const APPOSITION_FILLERS: &[&str] = &[
    "a", "an", "the", "un", "une", "le", "la", "l", "les", "two", "three", "four", "five", "several", "deux",
    "trois", "quatre", "cinq", "plusieurs",
    // "and it is": "ألغا، وهي بلدة تتبع محافظة بام".
    "وهي", "وهو",
];

/// Common first names of the reporters, analysts, researchers and diplomats that Sahel news quotes
/// and credits ("Nicolas Haque, reporting for Al Jazeera", "Tim Cocks contributed", "Reporting by
/// Sarah …"), folded. None is an ordinary word of the French or English word lists but those in
/// [`GIVEN_NAMES_ALSO_WORDS`] (a test checks both against the word lists).
#[rustfmt::skip]
const INTERNATIONAL_GIVEN_NAMES: &[&str] = &[
    "adam", "alain", "alan", "albert", "alex", "alexander", "alexandre", "alice", "amanda", "andrew",
    "anne", "anthony", "antoine", "arnaud", "aurelien", "benjamin", "bernard", "bruno", "camille",
    "caroline", "catherine", "cecile", "charles", "charlotte", "christian", "christine", "christophe",
    "claire", "claude", "daniel", "david", "denis", "didier", "dominique", "edouard", "edward", "elian",
    "elisabeth", "elizabeth", "emily", "emma", "emmanuel", "eric", "ernest", "etienne", "fabien",
    "fernand", "florence", "francois", "frederic", "gabriel", "george", "georges", "gerard", "gilbert",
    "gilles", "guillaume", "helene", "henri", "hubert", "hugo", "isabelle", "jacques", "james", "jason",
    "jean", "jeremy", "jerome", "jessica", "john", "jonathan", "joseph", "julia", "julien", "justin",
    "karen", "katherine", "kevin", "laura", "laurent", "lea", "leon", "louis", "luc", "lucas", "lucien",
    "marc", "marcel", "marie", "martin", "mathieu", "matt", "matthew", "maurice", "maxime", "michael",
    "michel", "michelle", "nathalie", "nicholas", "nick", "nicolas", "olivier", "pascal", "patrick",
    "paul", "peter", "philippe", "pierre", "rachel", "raphael", "raymond", "rebecca", "remi", "rene",
    "richard", "robert", "roger", "romain", "ruth", "samuel", "sarah", "sebastien", "simon", "sofia",
    "sophie", "stephane", "stephen", "steven", "susan", "sylvie", "tanguy", "thierry", "thomas", "tim",
    "timothy", "tom", "valerie", "vincent", "william", "yann", "yves",
];

/// Common first names of the region that the gazetteer's people may lack ("Abdoul Wahab Ag Ahmed
/// Mahammad", "Daouda Maïga"), folded: none is an ordinary word of the French or English word lists (a
/// test checks), so "Baba", "Sidi" and "Lamine" are not here.
#[rustfmt::skip]
const SAHEL_GIVEN_NAMES: &[&str] = &[
    "abba", "abdel", "abdelkader", "abdallah", "abdoul", "ahmed", "ahmad", "mohammed", "muhammad", "abdoulahi", "abdoulaziz", "abdoulkadri", "abdourahamane",
    "abdramane", "aboubacar", "aboubacrine", "adiza", "ahmadou", "aissa", "aissata", "alassane", "alhassane",
    "alhousseini", "alhousseyni", "aliou", "almahady", "almoustapha", "amidou", "aminatou", "assane",
    "bachir", "bintou", "boubakar", "chaibou", "bourama", "boureima", "daouda", "djibril", "djibrilla", "drissa",
    "fanta", "fousseyni", "hadiza", "halidou", "hamadoun", "hamady", "hamed", "harouna", "hassan", "hawa",
    "housseini", "ibrahima", "illias", "inoussa", "issiaka", "kadiatou", "kadidia", "kadidiatou", "karim",
    "lassana", "lassina", "madou", "mahamane", "mahamat", "mahamoud", "maimouna", "mamane", "mamoudou",
    "mariama", "moctar", "mohamadou", "moumouni", "mountaga", "nouhou", "nouhoum", "oumarou", "oumou",
    "ousseini", "rakiatou", "ramatou", "rasmane", "safiatou", "saidou", "salamata", "salifou", "seidou",
    "sekou", "siaka", "sidiki", "soumaila", "soumana", "tidiane", "tiemoko", "yahaya", "yaya", "youssouf",
    "zakaria", "zeinabou", "zoumana",
];

/// The names of [`INTERNATIONAL_GIVEN_NAMES`] that a word list also has in lower case ("jean",
/// "pierre", "martin", "marc"): kept, because the rule needs the name capitalized and followed by a
/// capitalized surname, and a capitalized "Pierre Dupont" is a person. ("Marine", as in "Marine
/// Corps", is left out for that reason.)
#[rustfmt::skip]
#[cfg_attr(not(test), allow(dead_code))] // the list the test checks; the names are in the list above
const GIVEN_NAMES_ALSO_WORDS: &[&str] = &[
    "benjamin", "bernard", "charlotte", "claire", "claude", "denis", "florence", "guillaume", "jacques", "jean",
    "john", "joseph", "julien", "laura", "laurent", "lea", "louis", "marc", "marie", "martin", "mathieu",
    "matt", "maxime", "nick", "olivier", "pascal", "peter", "pierre", "rene", "richard", "roger", "romain",
    "tom",
];

/// The first names that start an unlisted person's name: the region's common personal names (see
/// `gazetteer::geonames::personal_names`, given as `names`, and [`SAHEL_GIVEN_NAMES`]) and
/// [`INTERNATIONAL_GIVEN_NAMES`], without
/// the words that are roles or function words.
pub(crate) fn given_names(mut names: FxHashSet<String>) -> FxHashSet<String> {
    names.extend(INTERNATIONAL_GIVEN_NAMES.iter().chain(SAHEL_GIVEN_NAMES).map(|n| n.to_string()));
    names.retain(|n| !n.contains(' ') && cues::single_word_cue(n).is_none() && !FUNCTION_WORDS.contains(n));
    names
}

/// Whether `folded` is a common given name: of the region ([`SAHEL_GIVEN_NAMES`], the Arabic ones,
/// GeoNames' personal names) or of the reporters and diplomats news quotes
/// ([`INTERNATIONAL_GIVEN_NAMES`]). Unlike the tagger's given names, not the gazetteer's people's.
pub(crate) fn common_given_name(folded: &str) -> bool {
    SAHEL_GIVEN_NAMES.contains(&folded)
        || INTERNATIONAL_GIVEN_NAMES.contains(&folded)
        || ARABIC_GIVEN_NAMES.contains(folded)
        || crate::gazetteer::geonames::PERSONAL_NAMES.contains(&folded)
}

/// Whether an Arabic word, without the proclitics glued to it ("وخديجة"), is a common given name: the
/// Arabic stand-in for a capital before a surname (another person's name, "خديجة بازوم").
pub(crate) fn arabic_given_name(folded: &str) -> bool {
    common_given_name(cues::strip_proclitics(folded))
}

/// Byte spans already taken, disjoint, for overlap tests in logarithmic time.
#[derive(Default)]
struct Taken(BTreeMap<usize, usize>);

impl Taken {
    fn overlaps(&self, start: usize, end: usize) -> bool {
        // The span starting last before `end` is the only one that can reach into `start..end`.
        self.0.range(..end).next_back().is_some_and(|(_, &e)| e > start)
    }

    fn insert(&mut self, start: usize, end: usize) {
        self.0.insert(start, end);
    }
}

/// The proposed name (of `found`, sorted and disjoint) that overlaps `start..end`, if any.
fn overlapping(found: &[Unlisted], start: usize, end: usize) -> Option<&Unlisted> {
    found.get(found.partition_point(|u| u.end <= start)).filter(|u| u.start < end)
}

/// Head words (folded) that give a longer name ([`Rule::Longer`]) its type.
pub const LONGER_HEADS: &[(&str, EntityType)] = &[
    ("union", EntityType::Organization),
    ("alliance", EntityType::Organization),
    ("council", EntityType::Organization),
    ("commission", EntityType::Organization),
    ("foundation", EntityType::Organization),
    ("association", EntityType::Organization),
    ("company", EntityType::Organization),
    ("board", EntityType::Organization),
    ("service", EntityType::Organization),
    ("agency", EntityType::Organization),
    ("authority", EntityType::Organization),
    ("organization", EntityType::Organization),
    ("organisation", EntityType::Organization),
    ("battalion", EntityType::Force),
    ("brigade", EntityType::Force),
    ("regiment", EntityType::Force),
    ("bataillon", EntityType::Force),
    ("news", EntityType::Media),
    ("radio", EntityType::Media),
    ("tv", EntityType::Media),
    ("television", EntityType::Media),
    // Newspapers' heads: "Mali Tribune", "Niger Times", "Burkina Express".
    ("tribune", EntityType::Media),
    ("times", EntityType::Media),
    ("post", EntityType::Media),
    ("journal", EntityType::Media),
    ("herald", EntityType::Media),
    ("express", EntityType::Media),
    ("observer", EntityType::Media),
    ("hebdo", EntityType::Media),
    ("actu", EntityType::Media),
    ("infos", EntityType::Media),
];

/// Words (folded) that, after a listed name, make a thing named after it rather than a longer name:
/// "Algiers Agreement", "Gao Airport", "Mali Government" (the listed name stays a mention, as the
/// guidelines have it: "the Algiers agreement" → Algiers).
#[rustfmt::skip]
pub const NOT_LONGER: &[&str] = &[
    "agreement", "accord", "accords", "peace", "process", "declaration", "conference", "summit",
    "talks", "airport", "road", "highway", "axis", "border", "bridge", "government", "junta",
    "authorities", "regime", "state", "republic", "police", "army", "military", "forces", "troops",
    "soldiers", "war", "crisis", "conflict", "attack", "attacks", "massacre", "offensive", "operation",
    "mission", "university", "hospital", "prison", "stadium", "mine", "dam", "river", "lake", "basin",
    "delta", "region", "zone", "area", "north", "south", "east", "west", "city", "town", "village",
    "camp", "people", "residents", "officials", "leaders", "leader", "president", "minister", "court",
];

/// A longer name that the listed `mentions[k]` starts ([`Rule::Longer`]): capitalized Latin words
/// right after it, one space away, none of them another mention.
fn longer_name(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    kinds: &[EntityType],
    k: usize,
    given_names: &FxHashSet<String>,
) -> Option<Unlisted> {
    let m = &mentions[k];
    // A person's name goes on with other names of the person; a phrase of the grammar or a designator
    // is not a name.
    if kinds[k] == EntityType::Person || m.kind == crate::MatchKind::Grammar || m.designator {
        return None;
    }
    let first = tokens.partition_point(|t| t.end <= m.start);
    let t = tokens.get(first)?;
    if t.start != m.start {
        return None;
    }
    // The word right after the listed name.
    let next = tokens.partition_point(|t| t.start < m.end);
    let n = tokens.get(next)?;
    let ends_word = tokens[next - 1].end == m.end;
    let longer = |end: usize, kind: EntityType| Unlisted {
        start: m.start,
        end,
        kind,
        cue: Cue::Name,
        rule: Rule::Longer,
        cue_start: m.start,
        cue_end: m.end,
    };
    // In Arabic, a listed name and a transliterated "news", "media" or "info": an outlet ("الساحل
    // نيوز").
    if t.arabic {
        let outlet = ends_word && n.gap == Gap::Join && ARABIC_OUTLET_ENDINGS.contains(&n.folded);
        // "وكالة ازواد للأنباء" (the Azawad news agency): "agency", a listed name, "for news".
        // Where "agency" starts: "وكالة" itself begins with و, which is no proclitic there.
        let for_news = ends_word && n.gap == Gap::Join && t.gap == Gap::Join && n.folded == "للانباء";
        let before = first.checked_sub(1).filter(|_| for_news).map(|i| &tokens[i]);
        let agency = before.and_then(|a| match a.folded {
            "وكاله" => Some(a.start),
            w if cues::strip_proclitics(w) == "وكاله" => Some(after_proclitics(text, a)),
            _ => None,
        });
        if let Some(start) = agency {
            return Some(Unlisted { start, ..longer(n.end, EntityType::Media) });
        }
        return outlet.then(|| longer(n.end, EntityType::Media));
    }
    if !t.capitalized || t.all_caps {
        return None;
    }
    // A listed place and a compass point joined by a hyphen: another place ("Inekar-Est").
    if n.hyphenated
        && n.start == m.end + 1
        && ends_word
        && kinds[k] == EntityType::Place
        && n.capitalized
        && matches!(
            n.folded,
            "est" | "ouest" | "nord" | "sud" | "centre" | "east" | "west" | "north" | "south"
        )
    {
        return Some(longer(n.end, EntityType::Place));
    }
    // A capitalized word right before: the name starts earlier, where this rule does not look.
    if first > 0 && t.gap == Gap::Join && tokens[first - 1].capitalized {
        return None;
    }
    if !ends_word || n.gap != Gap::Join || n.hyphenated || n.start != m.end + 1 {
        return None;
    }
    // A listed name and a radio's band or "TV": a station ("Ouaga FM", "Sahel TV").
    let next_ends = tokens.get(next + 1).is_none_or(|w| w.gap != Gap::Join || !w.capitalized);
    if n.all_caps && matches!(n.folded, "fm" | "tv") && next_ends {
        return Some(longer(n.end, EntityType::Media));
    }
    if !n.capitalized || n.all_caps || given_names.contains(n.folded) {
        return None;
    }
    let end = latin_name(tokens, next);
    if end == next || !acceptable(tokens, next, end) {
        return None;
    }
    let words = &tokens[next..end];
    // A head word at the end decides ("Tahoua Special Forces Battalion"); without one, no word may make
    // a thing named after the listed name ("Mali Security Forces").
    let head = LONGER_HEADS.iter().find(|(w, _)| *w == words[words.len() - 1].folded).map(|&(_, kind)| kind);
    // A police or an army is a force whatever its last word ("Ghana Police Service").
    let head =
        if head.is_some() && words.iter().any(|w| matches!(w.folded, "police" | "gendarmerie" | "army")) {
            Some(EntityType::Force)
        } else {
            head
        };
    if words.iter().any(|w| {
        w.all_caps
            || !title_case(&text[w.start..w.end])
            || CAPITALIZED_WORDS.contains(w.folded)
            || head.is_none() && cues::is_listed(NOT_LONGER, w.folded)
            // "Bankass Mayor Moulaye Guindo", "Tillabéri Governor X": a role, then a person.
            || cues::single_word_cue(w.folded) == Some(Cue::Role)
    }) {
        return None;
    }
    let name_end = words[words.len() - 1].end;
    if covered(&mentions[k + 1..], m.end, name_end) {
        return None;
    }
    // A listed name, then names ending with a given name: a person written surname first, as
    // official lists do ("Zabré Douniwangda Raymond").
    let surname_first = words.len() >= 2 && given_names.contains(words[words.len() - 1].folded);
    // After a rank or a title, a person: "Gen. Nema Sagara" (Néma is a town).
    let after_role = matches!(cues::cue_before(text, m.start), Some((Cue::Role, _)));
    let kind = if surname_first || after_role { EntityType::Person } else { head.unwrap_or(kinds[k]) };
    Some(longer(name_end, kind))
}

/// Transliterated words that end Arabic outlets' names ("صحراء ميديا", "الساحل نيوز", "مورينيوز",
/// "كيدال انفو"), folded.
const ARABIC_OUTLET_ENDINGS: &[&str] = &["نيوز", "ميديا", "انفو", "بريس"];

/// Whether an unlisted Arabic name is an outlet's by its last word or its end ("مورينيوز").
fn arabic_outlet_name(name: &str) -> bool {
    let last = fold(name.rsplit(' ').next().unwrap_or(name));
    last.chars().next().is_some_and(is_arabic_letter)
        && ARABIC_OUTLET_ENDINGS.iter().any(|e| last.ends_with(e))
}

/// Words (folded) that an acronym leaves out of a name's initials: articles, prepositions,
/// conjunctions ("Mouvement pour le Salut de l'Azawad", MSA).
#[rustfmt::skip]
const ACRONYM_SKIPS: &[&str] = &[
    "de", "des", "du", "d", "la", "le", "les", "l", "pour", "et", "a", "au", "aux", "en", "sur", "par",
    "contre", "avec", "sans", "of", "the", "for", "and", "in", "on", "to", "against", "with",
];

/// Head words (folded) of bodies that news also writes in lower case before their acronym ("au
/// collectif contre l'impunité et la stigmatisation des communautés (CISC)"): with one of them, a name
/// of three initials or more may start in lower case.
#[rustfmt::skip]
const ACRONYM_BODIES: &[&str] = &[
    "collectif", "comite", "association", "mouvement", "coordination", "union", "conseil", "federation",
    "syndicat", "ligue", "reseau", "observatoire", "plateforme", "front", "alliance", "fondation",
    "commission", "agence", "office", "societe", "direction", "coalition", "cellule",
];

/// Head words (folded) that make a name defined by its acronym a force or an outlet; a head that is a
/// cue word gives its cue's type ("Katiba", an armed group); other names so defined are organizations
/// ("Collectif", "Mouvement", "Société", "Association"…).
#[rustfmt::skip]
pub const ACRONYM_HEADS: &[(&str, EntityType)] = &[
    ("forces", EntityType::Force), ("force", EntityType::Force), ("compagnie", EntityType::Force),
    ("garde", EntityType::Force), ("gendarmerie", EntityType::Force), ("armee", EntityType::Force),
    ("army", EntityType::Force), ("bataillon", EntityType::Force), ("battalion", EntityType::Force),
    ("brigade", EntityType::Force), ("groupement", EntityType::Force), ("regiment", EntityType::Force),
    ("escadron", EntityType::Force), ("police", EntityType::Force), ("guard", EntityType::Force),
    ("radio", EntityType::Media), ("television", EntityType::Media), ("radiodiffusion", EntityType::Media),
    ("journal", EntityType::Media),
];

/// Words (folded) in the name of an agency that gives news ([`acronyms`]): press, information, news.
const PRESS_WORDS: &[&str] =
    &["presse", "press", "information", "informations", "info", "infos", "news", "nouvelles", "journalistes"];

/// Head words (folded) of kinds of things that news writes with their acronym without naming one
/// body: "Groupes armés terroristes (GAT)", "Collège d'enseignement général (CEG)", "Centre de santé
/// et de promotion sociale (CSPS)", "Personnes déplacées internes (PDI)".
#[rustfmt::skip]
const ACRONYM_KINDS: &[&str] = &[
    "groupes", "groups", "engins", "personnes", "college", "lycee", "ecole", "school", "centre",
    "centres", "center", "centers", "poste", "postes", "zone", "zones", "unites", "units", "index", "indice",
    "device", "devices", "persons", "people",
];

/// The longest acronym read, in letters, and the most words of a name it may stand for.
const ACRONYM_LETTERS: usize = 8;
const ACRONYM_WORDS: usize = 16;
/// The most bytes between two parentheses that may hold an acronym or the name it stands for (far
/// more than [`ACRONYM_WORDS`] words take): the closing one is looked for that far only, so that a
/// text of opening parentheses never closed is read once.
const ACRONYM_BYTES: usize = 512;

/// Whether the words spell `letters` (folded initials, in order): each word an acronym does not
/// skip ([`ACRONYM_SKIPS`]) gives the next letter, and the first word gives the first.
fn spells(letters: &[char], words: &[Token]) -> bool {
    !words.iter().any(|w| w.arabic) && initials_spell(letters, words.iter().map(|w| w.folded))
}

/// Whether folded words spell `letters` as [`spells`] reads them.
fn initials_spell<'w>(letters: &[char], words: impl IntoIterator<Item = &'w str>) -> bool {
    let mut left = letters.iter();
    for (n, w) in words.into_iter().enumerate() {
        if n > 0 && cues::is_listed(ACRONYM_SKIPS, w) {
            continue;
        }
        match (left.next(), w.chars().next()) {
            (Some(&letter), Some(initial)) if letter == initial => {}
            _ => return false,
        }
    }
    left.next().is_none()
}

/// The span of the acronym in parentheses right after a name that it spells, the name from `start` to
/// `end` ("11e Régiment d'infanterie commando (RIC)": "RIC"): two words or more give its letters as
/// [`spells`] reads them, a leading number ("11e") apart. The acronym is in capitals, two to
/// [`ACRONYM_LETTERS`] letters.
pub(crate) fn acronym_after(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let rest = &text[end..];
    let opened = rest.trim_start_matches(' ').strip_prefix('(')?;
    let acronym = &opened[..opened.find(')')?];
    let letters: Vec<char> = fold(acronym).chars().collect();
    if !(2..=ACRONYM_LETTERS).contains(&letters.len()) || !acronym.chars().all(char::is_uppercase) {
        return None;
    }
    // Folded word by word: folding a phrase drops its apostrophes ("d'infanterie").
    let words: Vec<String> = text[start..end]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip_while(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        .map(fold)
        .collect();
    let acronym_start = end + rest.len() - opened.len();
    (words.len() >= 2 && initials_spell(&letters, words.iter().map(String::as_str)))
        .then_some((acronym_start, acronym_start + acronym.len()))
}

/// Names written beside their acronym ([`Rule::Acronym`]), in either order: the name and the acronym,
/// both proposed. The acronym is one word in capitals (digits and hyphens allowed: "M5-RFP") with two
/// to [`ACRONYM_LETTERS`] capitals; the name, words joined by spaces or apostrophes, its first word
/// capitalized (or a body's head word, [`ACRONYM_BODIES`]). Neither may be a listed name, and the name
/// may hold only listed places.
fn acronyms(text: &str, tokens: &[Token], mentions: &[Mention], kinds: &[EntityType]) -> Vec<Unlisted> {
    let mut out = vec![];
    for (open, _) in text.match_indices('(') {
        // A byte search: ')' is ASCII, so where it is found is a character's boundary.
        let window = &text.as_bytes()[open..text.len().min(open + ACRONYM_BYTES)];
        let Some(close) = window.iter().position(|&b| b == b')').map(|c| open + c) else { continue };
        let inside = (open + 1, close);
        // Tokens inside the parentheses, and the run of words joined before them.
        let first_in = tokens.partition_point(|t| t.start < inside.0);
        let end_in = tokens.partition_point(|t| t.start < inside.1);
        if first_in == end_in || first_in == 0 || tokens[first_in].start != inside.0 {
            continue;
        }
        if tokens[end_in - 1].end != inside.1 || !matches!(&text[tokens[first_in - 1].end..open], " " | "") {
            continue;
        }
        let acronym_letters = |word: &str| -> Option<Vec<char>> {
            let capitals: String = word.chars().filter(|c| c.is_uppercase()).collect();
            let ok = word.starts_with(char::is_uppercase)
                && !word.contains(char::is_whitespace)
                && word.chars().all(|c| c.is_alphanumeric() || c == '-')
                && (2..=ACRONYM_LETTERS).contains(&capitals.chars().count());
            ok.then(|| crate::fold::fold_word(&capitals).chars().collect())
        };
        let last_before = first_in - 1;
        // Which side is the acronym: the parentheses' word, or the word before them.
        let (name, acronym) = if let Some(letters) = acronym_letters(&text[inside.0..inside.1]) {
            // "Long Name (ACRONYM)": the name ends before the parenthesis; find where it starts.
            let mut found = None;
            let mut s = last_before;
            loop {
                if last_before - s >= ACRONYM_WORDS || tokens[s].arabic {
                    break;
                }
                let may_start = tokens[s].capitalized
                    || letters.len() >= 3 && cues::is_listed(ACRONYM_BODIES, tokens[s].folded);
                if may_start && spells(&letters, &tokens[s..=last_before]) {
                    found = Some(s);
                    break;
                }
                if s == 0 || tokens[s].gap != Gap::Join {
                    break;
                }
                s -= 1;
            }
            let Some(s) = found else { continue };
            ((tokens[s].start, tokens[last_before].end), inside)
        } else {
            // "ACRONYM (Long Name)": the word before the parenthesis, the name the whole inside.
            let before = &tokens[last_before];
            let Some(letters) = acronym_letters(&text[before.start..before.end]) else { continue };
            if last_before > 0 && before.gap == Gap::Join && tokens[last_before - 1].hyphenated {
                continue;
            }
            let words = &tokens[first_in..end_in];
            if !words[0].capitalized || words[1..].iter().any(|t| t.gap != Gap::Join) {
                continue;
            }
            if !spells(&letters, words) {
                continue;
            }
            ((inside.0, inside.1), (before.start, before.end))
        };
        if covered(mentions, acronym.0, acronym.1) {
            continue;
        }
        if !holds_only_places(mentions, kinds, name.0, name.1) {
            continue;
        }
        let head = &tokens[tokens.partition_point(|t| t.start < name.0)];
        // English puts the head last: "Human Development Index (HDI)".
        let last = &tokens[tokens.partition_point(|t| t.end < name.1)];
        if cues::is_listed(ACRONYM_KINDS, head.folded) || cues::is_listed(ACRONYM_KINDS, last.folded) {
            continue;
        }
        // The head's type ("Compagnie", a force), or that of the cue it is ("Katiba", a group;
        // "Société", a company); else an organization.
        let cue_kind = cues::single_word_cue(head.folded)
            .map(Cue::entity_type)
            .filter(|k| !matches!(k, EntityType::Person | EntityType::Place));
        let mut kind = ACRONYM_HEADS
            .iter()
            .find(|(w, _)| *w == head.folded)
            .map(|&(_, kind)| kind)
            .or(cue_kind)
            .unwrap_or(EntityType::Organization);
        // An agency is an outlet when its name says it gives news ("Agence nigérienne de presse"),
        // else a public body ("Agence française de développement", AFD).
        if kind == EntityType::Media && matches!(head.folded, "agence" | "agency") {
            let words = &tokens
                [tokens.partition_point(|t| t.start < name.0)..tokens.partition_point(|t| t.end <= name.1)];
            if !words.iter().any(|t| PRESS_WORDS.contains(&t.folded)) {
                kind = EntityType::Organization;
            }
        }
        let unlisted = |(start, end): (usize, usize), (cue_start, cue_end): (usize, usize)| Unlisted {
            start,
            end,
            kind,
            cue: Cue::Acronym,
            rule: Rule::Acronym,
            cue_start,
            cue_end,
        };
        out.push(unlisted(name, acronym));
        out.push(unlisted(acronym, name));
    }
    out.sort_by_key(|u| u.start);
    out
}

/// Whether the gazetteer mentions (sorted, `kinds[i]` being `mentions[i]`'s type) that overlap
/// `start..end` are all places inside it: a name that holds other listed names may take them in only
/// then ("… du Cercle de Bankass (MPUSCB)", "Comité Union Tillabéri …").
fn holds_only_places(mentions: &[Mention], kinds: &[EntityType], start: usize, end: usize) -> bool {
    let from = mentions.partition_point(|m| m.end <= start);
    mentions[from..]
        .iter()
        .zip(&kinds[from..])
        .take_while(|(m, _)| m.start < end)
        .all(|(m, &kind)| kind == EntityType::Place && m.start >= start && m.end <= end)
}

/// Head words (folded) of institutions named after a person: "l'hôpital Gabriel Touré", "Université
/// Thomas Sankara", "lycée Philippe Zinda Kaboré".
const NAMED_AFTER_HEADS: &[&str] = &["hopital", "universite", "university", "lycee", "clinique"];

/// An institution named after the listed person `mentions[k]` ([`Rule::Longer`]): one of
/// [`NAMED_AFTER_HEADS`] right before the name, one space away. An organization, which the person's
/// name is not a mention inside.
fn named_after(tokens: &[Token], mentions: &[Mention], kinds: &[EntityType], k: usize) -> Option<Unlisted> {
    let m = &mentions[k];
    if kinds[k] != EntityType::Person {
        return None;
    }
    let first = tokens.partition_point(|t| t.end <= m.start);
    let (head, t) = (tokens.get(first.checked_sub(1)?)?, tokens.get(first)?);
    if t.start != m.start || t.gap != Gap::Join || !cues::is_listed(NAMED_AFTER_HEADS, head.folded) {
        return None;
    }
    Some(Unlisted {
        start: head.start,
        end: m.end,
        kind: EntityType::Organization,
        cue: Cue::Name,
        rule: Rule::Longer,
        cue_start: m.start,
        cue_end: m.end,
    })
}

/// Words (folded) that join the capitalized words of a body's name: "Coordination des Associations de
/// Tombouctou", "Comité Union Tillabéri pour la Paix et la Cohésion Sociale".
const BODY_PARTICLES: &[&str] =
    &["de", "des", "du", "d", "la", "l", "le", "les", "pour", "et", "of", "the", "for", "and"];

/// A body named with the listed place `mentions[k]` inside ([`Rule::Longer`]): a capitalized head of
/// [`ACRONYM_BODIES`] ("Comité", "Coordination", "Association"…), then capitalized words and
/// particles up to the place, and on while capitalized words follow ("Comité Union Tillabéri pour la
/// Paix et la Cohésion Sociale"). An organization, which the place is not a mention inside; the other
/// mentions inside must be places too.
fn body_with_a_place(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    kinds: &[EntityType],
    k: usize,
) -> Option<Unlisted> {
    let m = &mentions[k];
    if kinds[k] != EntityType::Place || tokens.is_empty() {
        return None;
    }
    let first = tokens.partition_point(|t| t.end <= m.start);
    let last = tokens.partition_point(|t| t.start < m.end).checked_sub(1)?;
    if tokens.get(first)?.start != m.start || tokens[last].end != m.end || tokens[first].gap != Gap::Join {
        return None;
    }
    let word = |t: &Token| t.capitalized && !t.all_caps && title_case(&text[t.start..t.end]);
    let particle = |t: &Token| !t.capitalized && cues::is_listed(BODY_PARTICLES, t.folded);
    // Back to the farthest head, over four words at most ("Comité Union Tillabéri": Comité).
    let (mut h, mut head) = (first, None);
    while h > 0 && first - h < 5 && tokens[h].gap == Gap::Join {
        h -= 1;
        let t = &tokens[h];
        if word(t) && cues::is_listed(ACRONYM_BODIES, t.folded) {
            head = Some(h);
        } else if !(word(t) || particle(t)) {
            break;
        }
    }
    let head = head?;
    // On over particles and capitalized words, ending at a capitalized word.
    let (mut end, mut j) = (last, last + 1);
    while j < tokens.len() && tokens[j].gap == Gap::Join && (word(&tokens[j]) || particle(&tokens[j])) {
        if word(&tokens[j]) {
            end = j;
        }
        j += 1;
    }
    let (start, stop) = (tokens[head].start, tokens[end].end);
    if !holds_only_places(mentions, kinds, start, stop) {
        return None;
    }
    Some(Unlisted {
        start,
        end: stop,
        kind: EntityType::Organization,
        cue: Cue::Name,
        rule: Rule::Longer,
        cue_start: m.start,
        cue_end: m.end,
    })
}

/// Adjectives of "وكالة الأنباء" that say what kind of agency, not whose: official, governmental,
/// national, local, international, world, regional, main. Folded.
const GENERIC_AGENCIES: &[&str] =
    &["الرسميه", "الحكوميه", "الوطنيه", "المحليه", "الدوليه", "العالميه", "الاقليميه", "الرييسيه"];

/// A country's news agency, as Arabic names it: "وكالة الأنباء" and the country's adjective ("وكالة
/// الأنباء السعودية", "وكالة الأنباء الجزائرية"), a media outlet. Listed agencies are the matcher's; an
/// adjective that is also the country's name (*السعودية*) is no mention inside it ([`Rule::Longer`]).
fn news_agencies(text: &str, tokens: &[Token], mentions: &[Mention]) -> Vec<Unlisted> {
    const AGENCY: &str = "\u{0648}\u{0643}\u{0627}\u{0644}\u{0647}"; // وكاله
    const NEWS: &str = "\u{0627}\u{0644}\u{0627}\u{0646}\u{0628}\u{0627}\u{0621}"; // الانباء
    let mut out = vec![];
    for w in tokens.windows(3) {
        let adjective = w[2].folded;
        // "وكالة", or with one proclitic glued: "ووكالة", "بوكالة", "لوكالة".
        let proclitic = w[0].folded.strip_suffix(AGENCY).filter(|p| p.chars().count() <= 1);
        let Some(proclitic) = proclitic else { continue };
        if w[1].folded == NEWS
            && w.iter().all(|t| t.arabic)
            && w[1..].iter().all(|t| t.gap == Gap::Join)
            && adjective.starts_with("\u{0627}\u{0644}")
            && adjective.ends_with("\u{064A}\u{0647}")
            && adjective.chars().count() >= 6
            && !GENERIC_AGENCIES.contains(&adjective)
        {
            let start = text[w[0].start..w[0].end]
                .char_indices()
                .nth(proclitic.chars().count())
                .map_or(w[0].start, |(k, _)| w[0].start + k);
            if covered(mentions, start, w[1].end) {
                continue;
            }
            let listed = covered(mentions, w[2].start, w[2].end);
            out.push(Unlisted {
                start,
                end: w[2].end,
                kind: EntityType::Media,
                cue: if listed { Cue::Name } else { Cue::Outlet },
                rule: if listed { Rule::Longer } else { Rule::After },
                cue_start: start,
                cue_end: w[1].end,
            });
        }
    }
    out
}

/// The phrases that name a national road by its number, folded word by word ("route nationale 15",
/// "national highway 1", "الطريق الوطني رقم 1"); "RN15" and "RN 15" are read apart.
#[rustfmt::skip]
const ROAD_HEADS: &[&[&str]] = &[
    &["route", "nationale"], &["national", "road"], &["national", "highway"], &["الطريق", "الوطني"],
];

/// Words between a road's head and its number: "n°", "no", "numéro", "رقم".
const ROAD_NUMBER_WORDS: &[&str] = &["n", "no", "numero", "number", "رقم"];

/// National roads named by their number, places of the guidelines ("la RN15", "route nationale 16",
/// "الطريق الوطني رقم 1"): the head and the number are the name.
fn roads(text: &str, tokens: &[Token]) -> Vec<Unlisted> {
    let number =
        |t: &Token| (1..=3).contains(&t.folded.len()) && t.folded.bytes().all(|b| b.is_ascii_digit());
    // What may separate a number word or the number from the word before: spaces, "°", a hyphen.
    let close = |k: usize| {
        k > 0
            && text[tokens[k - 1].end..tokens[k].start].chars().all(|c| is_space(c) || matches!(c, '°' | '-'))
    };
    let mut out = vec![];
    for (i, t) in tokens.iter().enumerate() {
        let written = &text[t.start..t.end];
        // "RN15", "RN 15", "RN-15".
        let (start, end) = if let Some(digits) = written.strip_prefix("RN") {
            if !digits.is_empty()
                && (1..=3).contains(&digits.len())
                && digits.bytes().all(|b| b.is_ascii_digit())
            {
                (t.start, t.end)
            } else if digits.is_empty() && tokens.get(i + 1).is_some_and(number) && close(i + 1) {
                (t.start, tokens[i + 1].end)
            } else {
                continue;
            }
        } else {
            let Some(head) = ROAD_HEADS.iter().find(|head| {
                cues::strip_proclitics(t.folded) == head[0]
                    && head[1..].iter().enumerate().all(|(k, w)| {
                        tokens.get(i + 1 + k).is_some_and(|n| n.folded == *w && n.gap == Gap::Join)
                    })
            }) else {
                continue;
            };
            let mut k = i + head.len();
            if tokens.get(k).is_some_and(|n| ROAD_NUMBER_WORDS.contains(&n.folded)) && close(k) {
                k += 1;
            }
            if !(tokens.get(k).is_some_and(number) && close(k)) {
                continue;
            }
            (after_proclitics(text, t), tokens[k].end)
        };
        out.push(Unlisted {
            start,
            end,
            kind: EntityType::Place,
            cue: Cue::Designator,
            rule: Rule::After,
            cue_start: start,
            cue_end: end,
        });
    }
    out
}

/// Top-level domains of the sites news names (folded; "كوم" as Arabic writes ".com").
const DOMAINS: &[&str] = &[
    "com", "net", "org", "info", "ml", "bf", "ne", "sn", "mr", "ci", "gn", "td", "dz", "ma", "fr", "tv",
    "africa", "كوم", "نت",
];

/// Whether an address ends at byte `end`: no letter, "@" or further label after it; a full stop may
/// end the sentence ("selon Sahelien.com."), not a further label ("site.com.ml").
fn address_ends(text: &str, end: usize) -> bool {
    let mut after = text[end..].chars();
    match after.next() {
        None => true,
        Some('.') => after.next().is_none_or(|c| !is_word_char(c)),
        Some(c) => !is_word_char(c) && c != '@',
    }
}

/// The end of the domain that follows a name ending at byte `end` with no space, when there is one
/// (".fr" in "rfi.fr", ".info" in "sidwaya.info"): a site's address, of which the name is the outlet.
pub(crate) fn domain_after(text: &str, end: usize) -> Option<usize> {
    let label = text[end..].strip_prefix('.')?;
    let len = label.find(|c: char| !is_word_char(c)).unwrap_or(label.len());
    let domain_end = end + 1 + len;
    (len > 0 && DOMAINS.contains(&fold(&label[..len]).as_str()) && address_ends(text, domain_end))
        .then_some(domain_end)
}

/// Sites named by their address ("Sahelien.com", "news.aBamako.com", "نيوز.كوم"): outlets, the domain
/// a cue after the name. The words joined by dots before the domain, with no space, are the name.
fn websites(text: &str, tokens: &[Token]) -> Vec<Unlisted> {
    let dotted = |k: usize| k > 0 && &text[tokens[k - 1].end..tokens[k].start] == ".";
    let mut out = vec![];
    for k in 1..tokens.len() {
        if !(DOMAINS.contains(&tokens[k].folded) && dotted(k) && address_ends(text, tokens[k].end)) {
            continue;
        }
        let mut first = k - 1;
        while dotted(first) {
            first -= 1;
        }
        // Not an e-mail address ("redaction@site.com"), nor a number ("10.30").
        if text[..tokens[first].start].ends_with('@') || !tokens[first].folded.contains(char::is_alphabetic) {
            continue;
        }
        out.push(Unlisted {
            start: tokens[first].start,
            end: tokens[k].end,
            kind: EntityType::Media,
            cue: Cue::Outlet,
            rule: Rule::Apposition,
            cue_start: tokens[k].start,
            cue_end: tokens[k].end,
        });
    }
    out
}

/// The most words a credited name takes before an outlet ("OLYMPIA DE MAISMONT / AFP").
const CREDIT_WORDS: usize = 4;

/// Whether `pos` starts its line: only spaces between it and the line break (or the text's start).
fn starts_line(text: &str, pos: usize) -> bool {
    text[..pos].chars().rev().take_while(|&c| c != '\n').all(is_space)
}

/// The one to three words that open a line and end at byte `end` (a word's end), as the token indices
/// of the first and the last: a dateline's outlet, a signature's name.
fn line_opening(text: &str, tokens: &[Token], end: usize) -> Option<(usize, usize)> {
    let last = tokens.partition_point(|t| t.end < end);
    if tokens.get(last).is_none_or(|t| t.end != end) {
        return None;
    }
    let first = (last.saturating_sub(2)..=last).rev().find(|&k| starts_line(text, tokens[k].start))?;
    Some((first, last))
}

/// Bylines and credits, whose names are people whatever their case ([`Rule::Credit`]):
///
/// * a line that starts with "By" or "Par" and a name, the name ending the line or followed by
///   punctuation ("By Armel BAILY", "Par Ousmane M. Traoré (stagiaire)", "By Jason Burke, who…"),
///   with more names after "and" / "et";
/// * a name next to a listed outlet across a slash, as photographs are credited ("KENA BETANCUR /
///   AFP", "AFP/MICHELE CATTANI", "(Baba Ahmed/AP)"), or before it in parentheses after a comma
///   ("(Issouf Sanogo, AFP)"): two words at least, so that a dateline ("(Bamako, AFP)") is none.
///
/// and the outlet that opens a dateline with its town in parentheses ("التيار (نيامي) -"), a medium.
///
/// Capitals say nothing there (credits are often in capitals), so these are proposed even where
/// other rules read no name.
fn credits(text: &str, tokens: &[Token], mentions: &[Mention], kinds: &[EntityType]) -> Vec<Unlisted> {
    let mut out = vec![];
    let person = |start: usize, end: usize, cue_start: usize, cue_end: usize| Unlisted {
        start,
        end,
        kind: EntityType::Person,
        cue: Cue::Byline,
        rule: Rule::Credit,
        cue_start,
        cue_end,
    };
    // 1. Bylines.
    for (i, by) in tokens.iter().enumerate() {
        if !(by.capitalized && matches!(by.folded, "by" | "par") && starts_line(text, by.start)) {
            continue;
        }
        let mut first = i + 1;
        while tokens.get(first).is_some_and(|t| t.gap == Gap::Join && !t.arabic) {
            let Some(end) = name_at(tokens, first, EntityType::Person) else { break };
            let rest = &text[tokens[end - 1].end..];
            let rest = rest.trim_start_matches(is_space);
            let line_ends = rest.is_empty() || rest.starts_with(['\n', '\r']);
            let punctuated = rest.starts_with([',', '(', '-', '–', '—', '|', '/', ';']);
            let and = tokens.get(end).filter(|t| t.gap == Gap::Join && matches!(t.folded, "and" | "et"));
            // One word is a name only when the line holds nothing else ("By Soukaina").
            let whole = end - first >= 2 || line_ends && first == i + 1;
            if !(line_ends || punctuated || and.is_some()) || !whole {
                break;
            }
            let (start, name_end) = (tokens[first].start, tokens[end - 1].end);
            if !covered(mentions, start, name_end) {
                out.push(person(start, name_end, by.start, by.end));
            }
            match and {
                Some(_) => first = end + 1,
                None => break,
            }
        }
    }
    // 2. An outlet opening a dateline: a line's one to three words, then a listed place in
    // parentheses and a dash.
    for (m, _) in mentions.iter().zip(kinds).filter(|(_, &k)| k == EntityType::Place) {
        let Some(before) = text[..m.start].strip_suffix('(') else { continue };
        let Some(after) = text[m.end..].strip_prefix(')') else { continue };
        if !after.trim_start_matches(is_space).starts_with(['-', '–', '—']) {
            continue;
        }
        let Some((first, last)) = line_opening(text, tokens, before.trim_end_matches(is_space).len()) else {
            continue;
        };
        if tokens[first + 1..=last].iter().any(|t| t.gap != Gap::Join) {
            continue;
        }
        let (start, end) = (tokens[first].start, tokens[last].end);
        let words = &tokens[first..=last];
        let arabic = words.iter().all(|t| t.arabic && !ARABIC_STOPS.contains(t.folded));
        let latin = words.iter().all(|t| t.capitalized) && acceptable(tokens, first, last + 1);
        if !covered(mentions, start, end) && (arabic || latin) {
            out.push(Unlisted {
                start,
                end,
                kind: EntityType::Media,
                cue: Cue::Outlet,
                rule: Rule::Credit,
                cue_start: m.start,
                cue_end: m.end,
            });
        }
    }
    // 3. A correspondent's name beside their town: after it and a slash at a line's start ("كيدال/ عمر
    // الانصاري", the dateline), or before it and a comma on the text's last line ("Boa, Ouagadougou").
    let line_end = |pos: usize| text[pos..].find('\n').map_or(text.len(), |n| pos + n);
    let closes_line =
        |pos: usize| text[pos..line_end(pos)].trim_matches(|c: char| is_space(c) || c == '.').is_empty();
    for (k, (m, _)) in
        mentions.iter().zip(kinds).enumerate().filter(|(_, (_, &kind))| kind == EntityType::Place)
    {
        let after = &text[m.end..];
        let name_from = after.strip_prefix('/').map(|a| text.len() - a.trim_start_matches(is_space).len());
        if let Some(from) = name_from.filter(|_| starts_line(text, m.start)) {
            // The words to the line's end: an Arabic name keeps its article there ("الانصاري").
            let first = tokens.partition_point(|t| t.start < from);
            let end = tokens.partition_point(|t| t.start < line_end(from));
            let words = tokens.get(first..end).unwrap_or_default();
            let arabic = words.iter().all(|t| t.arabic && !ARABIC_STOPS.contains(t.folded));
            let latin = name_at(tokens, first, EntityType::Person) == Some(end);
            if (1..=4).contains(&words.len()) && words[0].start == from && (arabic || latin) {
                let (start, end) = (words[0].start, words[words.len() - 1].end);
                if closes_line(end) && !covered(mentions, start, end) {
                    out.push(person(start, end, m.start, m.end));
                }
            }
        }
        let last_line =
            k + 1 == mentions.len() && closes_line(m.end) && text[line_end(m.end)..].trim().is_empty();
        let before = text[..m.start].trim_end_matches(is_space);
        if let Some(name) = before.strip_suffix(',').filter(|_| last_line) {
            if let Some((first, last)) = line_opening(text, tokens, name.len()) {
                let latin = tokens[first..=last]
                    .iter()
                    .all(|t| t.capitalized && t.gap != Gap::Break || t.start == tokens[first].start);
                if latin
                    && name_at(tokens, first, EntityType::Person) == Some(last + 1)
                    && !covered(mentions, tokens[first].start, name.len())
                {
                    out.push(person(tokens[first].start, name.len(), m.start, m.end));
                }
            }
        }
    }
    // The author's name alone on the text's last line, the surname in capitals ("Ambroise AMETOWONA").
    let last_line = text.trim_end().rfind('\n').map_or(0, |n| n + 1);
    let first = tokens.partition_point(|t| t.start < last_line);
    if let Some(end) = name_at(tokens, first, EntityType::Person).filter(|&end| end == tokens.len()) {
        let words = &tokens[first..end];
        let signed = (2..=4).contains(&words.len())
            && !words[0].all_caps
            && words[1..].iter().any(|t| t.all_caps)
            && text[words[words.len() - 1].end..].trim().is_empty();
        let (start, name_end) = (words[0].start, words[words.len() - 1].end);
        if signed && !covered(mentions, start, name_end) {
            out.push(person(start, name_end, start, start));
        }
    }
    // 4. Credits next to an outlet.
    for (m, _) in mentions.iter().zip(kinds).filter(|(_, &k)| k == EntityType::Media) {
        // Before it: "KENA BETANCUR / AFP", "(Issouf Sanogo, AFP)".
        let before = text[..m.start].trim_end_matches(is_space);
        let slash = before.strip_suffix('/');
        let comma = before.strip_suffix(',').filter(|_| text[m.end..].starts_with(')'));
        if let Some(name) = slash.or(comma).map(|b| b.trim_end_matches(is_space)) {
            let last = tokens.partition_point(|t| t.end < name.len());
            if tokens.get(last).is_some_and(|t| t.end == name.len() && t.capitalized) {
                let mut s = last;
                while s > 0
                    && last - s + 1 < CREDIT_WORDS
                    && tokens[s].gap == Gap::Join
                    && tokens[s - 1].capitalized
                {
                    s -= 1;
                }
                let opened =
                    comma.is_none() || text[..tokens[s].start].trim_end_matches(is_space).ends_with('(');
                let (start, end) = (tokens[s].start, tokens[last].end);
                if last > s && opened && acceptable(tokens, s, last + 1) && !covered(mentions, start, end) {
                    out.push(person(start, end, m.start, m.end));
                }
            }
        }
        // After it: "AFP/MICHELE CATTANI".
        let after = text[m.end..].trim_start_matches(is_space);
        if let Some(name) = after.strip_prefix('/').map(|a| a.trim_start_matches(is_space)) {
            let from = text.len() - name.len();
            let first = tokens.partition_point(|t| t.start < from);
            let at = tokens.get(first).is_some_and(|t| t.start == from);
            if let Some(end) =
                name_at(tokens, first, EntityType::Person).filter(|&end| at && end - first >= 2)
            {
                let (start, end) = (tokens[first].start, tokens[end - 1].end);
                if !covered(mentions, start, end) {
                    out.push(person(start, end, m.start, m.end));
                }
            }
        }
    }
    out
}

/// Whether `word` is written as a name's word: a capital, then no other ("Kourégou", not "JaVaScRiPt").
fn title_case(word: &str) -> bool {
    word.chars().skip(1).all(|c| !c.is_uppercase())
}

/// Whether a gazetteer mention (sorted, disjoint) overlaps `start..end`.
fn covered(mentions: &[Mention], start: usize, end: usize) -> bool {
    let i = mentions.partition_point(|m| m.end <= start);
    mentions.get(i).is_some_and(|m| m.start < end)
}

/// Proposes unlisted names in `text`, around the gazetteer `mentions` already found (sorted).
pub(crate) fn find(
    text: &str,
    mentions: &[Mention],
    kinds: &[EntityType],
    given_names: &FxHashSet<String>,
) -> Vec<Unlisted> {
    let mut buffer = String::new();
    let tokens = tokenize(text, &mut buffer);
    let covered = |s: usize, e: usize| covered(mentions, s, e);
    let mut out: Vec<Unlisted> = vec![];
    let mut taken = Taken::default();
    // Where capitals say nothing (a title-case headline, a line in capitals), no name is proposed; but
    // a byline ("Reporting: Edward Brown, Anne Martin and …; editing: …") is a line of capitalized
    // names by nature, and its cue says what they are.
    let readable = |u: &Unlisted| {
        !crate::matcher::in_all_caps_run(text, u.start, u.end)
            && (u.cue == Cue::Byline || !cues::in_title_case_line(text, u.start))
    };
    // 0. A name and its acronym, and a listed name that starts a longer name, which no other rule may
    // then take a part of.
    for u in acronyms(text, &tokens, mentions, kinds) {
        if readable(&u) && !taken.overlaps(u.start, u.end) {
            taken.insert(u.start, u.end);
            out.push(u);
        }
    }
    for k in 0..mentions.len() {
        let longer = longer_name(text, &tokens, mentions, kinds, k, given_names);
        let named = || named_after(&tokens, mentions, kinds, k);
        let body = || body_with_a_place(text, &tokens, mentions, kinds, k);
        if let Some(u) = longer.or_else(named).or_else(body) {
            if readable(&u) && !taken.overlaps(u.start, u.end) {
                taken.insert(u.start, u.end);
                out.push(u);
            }
        }
    }
    let found =
        news_agencies(text, &tokens, mentions).into_iter().chain(credits(text, &tokens, mentions, kinds));
    let named = websites(text, &tokens).into_iter().chain(roads(text, &tokens));
    for u in found.chain(named.filter(|u| !covered(u.start, u.end))) {
        if !taken.overlaps(u.start, u.end) {
            taken.insert(u.start, u.end);
            out.push(u);
        }
    }
    let mut push = |u: Unlisted, out: &mut Vec<Unlisted>| {
        if (!covered(u.start, u.end) || u.replaces_mentions())
            && !taken.overlaps(u.start, u.end)
            && readable(&u)
        {
            taken.insert(u.start, u.end);
            out.push(u);
        }
    };
    for i in 0..tokens.len() {
        // 1. A cue right before a name, and a list after it. A name does not start with a cue word of
        // its own: "in Katiba Salaheddine" is the group the next cue finds, not a place.
        let starts_a_cue = tokens[i].capitalized
            && cues::single_word_cue(tokens[i].folded).is_some()
            && !tuareg_in(&tokens, i)
            && !elided_initial(&tokens, i);
        // "المجلس الوطني الحاكم": after a definite noun, "الحاكم" is "ruling", no governor.
        let adjective = |&(_, first): &(Cue, usize)| {
            tokens[first].folded == "الحاكم"
                && first > 0
                && tokens[first].gap == Gap::Join
                && tokens[first - 1].folded.starts_with("\u{0627}\u{0644}")
        };
        // "فضّل ألا يُذكر اسمه خوفا", "رفض الكشف عن اسمها": "his name" after a verb of giving it is no cue.
        let withheld = |&(_, first): &(Cue, usize)| {
            matches!(tokens[first].folded, "اسمه" | "اسمها")
                && first > 0
                && matches!(
                    cues::strip_proclitics(tokens[first - 1].folded),
                    "يذكر"
                        | "تذكر"
                        | "ذكر"
                        | "يكشف"
                        | "تكشف"
                        | "كشف"
                        | "عن"
                        | "ينشر"
                        | "نشر"
                        | "تسميه"
                )
        };
        if let Some((cue, first)) =
            cue_ending_before(text, &tokens, i).filter(|c| !starts_a_cue && !adjective(c) && !withheld(c))
        {
            let cue_start = tokens[first].start;
            let cue_end = tokens[i - 1].end;
            // In Arabic a preposition or a word of nearness comes before any noun: only a quoted name
            // follows it as a name. "دول" and "بلدان" ("the countries of") are evidence for a known
            // name, not a place designator for a new one.
            // "موقع" is as often "a position" as "the website": only a quoted name follows it as one.
            // "رئيس جمعية لشباب الدوغون": an association "for" something, no name.
            let for_something = cue == Cue::Company
                && tokens[i].arabic
                && tokens[i].gap != Gap::Quote
                && tokens[i].folded.starts_with('\u{0644}');
            let arabic_preposition = for_something
                || tokens[i].arabic
                    && ((matches!(cue, Cue::Preposition | Cue::Proximity)
                        || cues::strip_proclitics(tokens[i - 1].folded) == "موقع")
                        && tokens[i].gap != Gap::Quote
                        || matches!(cues::strip_proclitics(tokens[i - 1].folded), "دول" | "بلدان"));
            // Not when the name is quoted apart from it: "l'opération « Ndoofu »" names "Ndoofu".
            // ("camp de Wanzarbé", but "le camp militaire de Kwala" names Kwala).
            let inside = (cue == Cue::Operation
                || cues::is_listed(INSIDE_THE_NAME, cues::strip_proclitics(tokens[first].folded))
                    && i - first <= 2)
                && tokens[i].gap != Gap::Quote;
            // A quoted name after an Arabic preposition is the whole quotation: "إلى “تحالف من
            // الجماعات المسلحة”" quotes a phrase, not a name.
            let quoted_phrase = |end: usize| {
                tokens[i].arabic
                    && tokens[i].gap == Gap::Quote
                    && matches!(cue, Cue::Preposition | Cue::Proximity)
                    && !text[tokens[end - 1].end..]
                        .trim_start_matches(|c: char| is_space(c))
                        .chars()
                        .next()
                        .is_some_and(cues::is_closing_quote)
            };
            if !arabic_preposition {
                // After a byline, "علي" is Ali, not "on": "كتبه: علي رجب".
                let ali = || {
                    tokens.get(i + 1).filter(|t| t.arabic && t.gap == Gap::Join)?;
                    let end = arabic_name(&tokens, i + 1, EntityType::Person);
                    (cue == Cue::Byline && tokens[i].folded == "علي" && end > i + 1).then_some(end)
                };
                if let Some(end) = quoted_nickname_end(text, &tokens, i)
                    .or_else(|| {
                        // Not after "موقع", as often "a position", and whose quotes hold platforms
                        // ("موقع «يوتيوب»").
                        let site = cues::strip_proclitics(tokens[i - 1].folded) == "موقع";
                        let arabic = tokens[i].arabic && cue == Cue::Outlet;
                        (arabic && !site).then(|| quotation_end(text, &tokens, i)).flatten()
                    })
                    .or_else(|| name_at(&tokens, i, cue.entity_type()).filter(|&end| !quoted_phrase(end)))
                    .or_else(ali)
                {
                    let end = if cue == Cue::Designator { numbered(&tokens, end) } else { end };
                    let start = if inside {
                        after_proclitics(text, &tokens[first])
                    } else if nickname_with_ba(text, &tokens, i) {
                        tokens[i].start + 'ب'.len_utf8()
                    } else {
                        tokens[i].start
                    };
                    let whole = (start, tokens[end - 1].end);
                    if !covered(tokens[i].start, tokens[end - 1].end) {
                        // After a preposition ("succède à", "revient à"), a name ending with a name of
                        // the region's people after a given name or another word in title case is a
                        // person's: "à Raymond David Valentin Ouédraogo", "à Sayouba Sawadogo"
                        // (villages are named after people too, with a Hausa "son of" or "town of" or
                        // a Tuareg "place of": "à Dan Issa", "à Malam Boulamari, un village"); so is a
                        // given name before a surname in capitals, as French writes people ("à Moussa
                        // MAYDIAKI"), and a name with a patronymic particle ("à Kamo Ag Minani").
                        let given = |t: &Token| given_names.contains(t.folded);
                        let first_name = title_case(&text[tokens[i].start..tokens[i].end])
                            && !PLACE_PREFIXES.contains(&tokens[i].folded);
                        let person = cue == Cue::Preposition
                            && !tokens[i].arabic
                            && end - i >= 2
                            && ((tokens[i..end - 1].iter().any(given) || first_name)
                                && given(&tokens[end - 1])
                                || given(&tokens[i]) && !tokens[i].all_caps && tokens[end - 1].all_caps
                                || tokens[i + 1..end - 1].iter().any(patronymic));
                        // After a preposition, a name that ends with a body's or an outlet's head is
                        // that ("senior editor at Medafrica Times").
                        let head = (cue == Cue::Preposition && !tokens[i].arabic && end - i >= 2)
                            .then(|| LONGER_HEADS.iter().find(|(w, _)| *w == tokens[end - 1].folded))
                            .flatten();
                        let kind = match head {
                            _ if person => EntityType::Person,
                            Some(&(_, kind)) => kind,
                            None => cue.entity_type(),
                        };
                        push(
                            Unlisted {
                                start: whole.0,
                                end: whole.1,
                                kind,
                                cue,
                                rule: Rule::After,
                                cue_start,
                                cue_end,
                            },
                            &mut out,
                        );
                    }
                    // The list goes on after this name, known or not. In Arabic, where "و" glued to any
                    // word is "and", only after a plural designator ("قرى أ وب").
                    let listing = if tokens[i].arabic {
                        cue == Cue::Designators
                    } else {
                        matches!(
                            cue,
                            Cue::Designators
                                | Cue::Designator
                                | Cue::Proximity
                                | Cue::Preposition
                                | Cue::Byline
                        ) || (cue == Cue::Role && is_plural_role(tokens[i - 1].folded))
                    };
                    // A dual in the construct state names two: "مدينتي كاي ونيورو ومنعت" (the two towns of
                    // Kayes and Nioro, and [it] prevented).
                    let dual = tokens[i].arabic
                        && i > 0
                        && cues::is_listed(ARABIC_DUALS, cues::strip_proclitics(tokens[i - 1].folded));
                    let max_items = if dual { 1 } else { usize::MAX };
                    // "Between" names two places ("entre Petel Tiamé et Toula Diarra"), whatever their words.
                    let between = matches!(tokens[first].folded, "entre" | "between");
                    let people = (!between).then_some(given_names);
                    if listing {
                        for (s, e) in
                            list_after(text, &tokens, end, mentions, cue.entity_type(), people, max_items)
                        {
                            let u = Unlisted {
                                start: s,
                                end: e,
                                kind: cue.entity_type(),
                                cue,
                                rule: Rule::List,
                                cue_start,
                                cue_end,
                            };
                            push(u, &mut out);
                        }
                    }
                } else if cue.entity_type() == EntityType::Person {
                    // A role with a complement, then a comma: "le maire de Bankass, Allaye Guindo".
                    if let Some(j) = after_complement(&tokens, i) {
                        if let Some(end) = name_at(&tokens, j, EntityType::Person) {
                            let u = Unlisted {
                                start: tokens[j].start,
                                end: tokens[end - 1].end,
                                kind: EntityType::Person,
                                cue,
                                rule: Rule::After,
                                cue_start,
                                cue_end,
                            };
                            push(u, &mut out);
                        }
                    }
                }
            }
        }
        // 1b. A role, a comma, then the name: "its spokesman, Dmitry Peskov, said".
        if tokens[i].gap == Gap::Comma && tokens[i].capitalized && i >= 2 && tokens[i - 1].gap == Gap::Join {
            let role = cues::single_word_cue(tokens[i - 1].folded) == Some(Cue::Role);
            let determiner = matches!(
                tokens[i - 2].folded,
                "its" | "his" | "her" | "their" | "the" | "son" | "sa" | "leur"
            );
            if role && determiner {
                if let Some(end) = name_at(&tokens, i, EntityType::Person).filter(|&end| end - i >= 2) {
                    let u = Unlisted {
                        start: tokens[i].start,
                        end: tokens[end - 1].end,
                        kind: EntityType::Person,
                        cue: Cue::Role,
                        rule: Rule::After,
                        cue_start: tokens[i - 1].start,
                        cue_end: tokens[i - 1].end,
                    };
                    push(u, &mut out);
                }
            }
        }
        // 2. A name followed by a cue in apposition: Latin names start a capitalized run, Arabic ones
        // are read back from the comma.
        // An honorific before it is no part of the name ("Sa Majesté Naaba Yemdé").
        let run_start = i == 0
            || tokens[i].gap != Gap::Join
            || !tokens[i - 1].capitalized
            || FUNCTION_WORDS.contains(tokens[i - 1].folded)
            || cues::HONORIFICS.contains(&tokens[i - 1].folded);
        if tokens[i].capitalized && run_start {
            if let Some(end) = name_at(&tokens, i, EntityType::Place) {
                // 2b. An English place noun after the name: "a mosque of Manda village"; a forest's
                // and a unit's noun is its name's ("the Yorsala forest", as "la forêt de Sama"; "Titao
                // department").
                let inside = |f: &str| matches!(f, "forest" | "department" | "district" | "province");
                if let Some(noun) = tokens.get(end).filter(|t| {
                    t.gap == Gap::Join
                        && !t.capitalized
                        && (matches!(t.folded, "village" | "hamlet") || inside(t.folded))
                }) {
                    let name_end = if inside(noun.folded) { noun.end } else { tokens[end - 1].end };
                    let start = tokens[i].start;
                    let u = Unlisted {
                        start,
                        end: name_end,
                        kind: EntityType::Place,
                        cue: Cue::Designator,
                        rule: Rule::Apposition,
                        cue_start: noun.start,
                        cue_end: noun.end,
                    };
                    push(u, &mut out);
                }
                if let Some((kind, cue, cue_start, cue_end)) = apposition_after(&tokens, end) {
                    // One word before ", qui" or a role is too weak for a person; "who" is enough.
                    if kind != EntityType::Person || end - i >= 2 || tokens[end].folded == "who" {
                        let (start, end) = (tokens[i].start, tokens[end - 1].end);
                        push(
                            Unlisted { start, end, kind, cue, rule: Rule::Apposition, cue_start, cue_end },
                            &mut out,
                        );
                    }
                }
            }
        }
        if tokens[i].arabic {
            if let Some((kind, cue, cue_start, cue_end)) = apposition_after(&tokens, i) {
                // A place of one word after a preposition: "في ديبيري، الواقعة في …", or after the verb
                // of an attack on it: "اعتداء استهدف ريتكولغا، الواقعة في …".
                let one_place = || {
                    let (p, name) = (tokens.get(i.wrapping_sub(2))?, &tokens[i - 1]);
                    let preposition = matches!(cues::match_cue(&[p.folded]), Some((Cue::Preposition, _)))
                        || ATTACK_VERBS.contains(&p.folded);
                    (kind == EntityType::Place
                        && preposition
                        && name.gap == Gap::Join
                        && arabic_name(&tokens, i - 1, kind) == i)
                        .then_some(i - 1)
                };
                if let Some(s) = arabic_name_before(&tokens, i).or_else(one_place) {
                    let (start, end) = (tokens[s].start, tokens[i - 1].end);
                    push(
                        Unlisted { start, end, kind, cue, rule: Rule::Apposition, cue_start, cue_end },
                        &mut out,
                    );
                }
            }
        }
        // 3. A given name before a capitalized surname, and a first given name the list lacks before
        // it ("Faty Amadou Barry", "Abdoulkadri Amadou Daouda"); a surname before the given name that
        // ends the name ("Diandé Issa").
        if tokens[i].capitalized && given_names.contains(tokens[i].folded) {
            let end = latin_name(&tokens, i);
            let span = if end >= i + 2 {
                let extra = given_name_before(&tokens, i) && !covered(tokens[i - 1].start, tokens[i - 1].end);
                // A name and a particle before the given name: "Enaderfé Ag Mohamed Elmoctar".
                let particle = i >= 2
                    && tokens[i].gap == Gap::Join
                    && tokens[i - 1].gap == Gap::Join
                    && crate::surname::PARTICLES.contains(&tokens[i - 1].folded)
                    && tokens[i - 2].capitalized
                    && !tokens[i - 2].all_caps
                    && !covered(tokens[i - 2].start, tokens[i - 1].end);
                Some((
                    if particle {
                        i - 2
                    } else if extra {
                        i - 1
                    } else {
                        i
                    },
                    end,
                ))
            } else if name_word_before(&tokens, i)
                && !given_names.contains(tokens[i - 1].folded)
                && title_case(&text[tokens[i - 1].start..tokens[i - 1].end])
                && !covered(tokens[i - 1].start, tokens[i - 1].end)
            {
                // A surname, then the given name ending the name, as lists of people are written
                // ("six hommes : Diandé Ganni, Diandé Issa et …").
                Some((i - 1, i + 1))
            } else {
                None
            };
            if let Some((first, end)) = span.filter(|&(first, end)| !names_a_prize(&tokens, first, end)) {
                let u = Unlisted {
                    start: tokens[first].start,
                    end: tokens[end - 1].end,
                    kind: EntityType::Person,
                    cue: Cue::Role,
                    rule: Rule::GivenName,
                    cue_start: tokens[i].start,
                    cue_end: tokens[i].end,
                };
                push(u, &mut out);
            }
        }
        // 3c. Two names joined by a patronymic particle, "son of" (Tuareg "Ag", Moorish "Ould"): a
        // person's name whatever the names, as lists of hostages and commanders write them ("Agali Ag
        // ALMOGAMAR", "Kamo Ag Minani"). The particle in lower or title case ("AG" in capitals is
        // another word), the first name not in capitals, and no longer name listed around it.
        if i + 2 < tokens.len()
            && patronymic(&tokens[i + 1])
            && tokens[i + 1].gap == Gap::Join
            && tokens[i + 2].gap == Gap::Join
            && tokens[i].capitalized
            && !tokens[i].all_caps
            && tokens[i + 2].capitalized
            && !FUNCTION_WORDS.contains(tokens[i].folded)
            && cues::single_word_cue(tokens[i].folded).is_none()
        {
            let end = latin_name(&tokens, i + 2);
            let u = Unlisted {
                start: tokens[i].start,
                end: tokens[end - 1].end,
                kind: EntityType::Person,
                cue: Cue::Role,
                rule: Rule::GivenName,
                cue_start: tokens[i + 1].start,
                cue_end: tokens[i + 1].end,
            };
            push(u, &mut out);
        }
    }
    // 3d. A nickname after a name and the French "dit" ("Almogamar dit Kadhafi", "Abou Youssouf dit
    // Bodédjo"): a person, the name before it being another mention of the same man. Not after a
    // word in capitals or a function word ("il dit", "LE MALI DIT"), nor before one.
    for i in 1..tokens.len().saturating_sub(1) {
        let (before, dit, after) = (&tokens[i - 1], &tokens[i], &tokens[i + 1]);
        if dit.folded == "dit"
            && !dit.capitalized
            && dit.gap == Gap::Join
            && after.gap == Gap::Join
            && [before, after]
                .iter()
                .all(|t| t.capitalized && !t.all_caps && !t.arabic && !FUNCTION_WORDS.contains(t.folded))
            && cues::single_word_cue(after.folded).is_none()
        {
            let end = latin_name(&tokens, i + 1);
            let u = Unlisted {
                start: after.start,
                end: tokens[end - 1].end,
                kind: EntityType::Person,
                cue: Cue::Role,
                rule: Rule::After,
                cue_start: dit.start,
                cue_end: dit.end,
            };
            push(u, &mut out);
        }
    }
    // 3e. Two Arabic names joined by a patronymic particle, "son of" ("هنون ولد علي", "حسن آغ فغاغا",
    // "العزة ولد يحيى", and the Hassaniya "ول": "قالي ول ميدي"): a person's name whatever the names,
    // as in Latin script (3c). The first may
    // have the article or end like a feminine noun, as Moorish names do; "ولد" is also "was born"
    // ("الذي ولد في", "ولد عام 1970": a stop word before or after it).
    for i in 0..tokens.len().saturating_sub(2) {
        let (first, particle) = (&tokens[i], &tokens[i + 1]);
        if !(first.arabic
            && particle.arabic
            && particle.gap == Gap::Join
            && ARABIC_PATRONYMICS.contains(&particle.folded))
        {
            continue;
        }
        // Only "و" is taken for a proclitic: the first name is no known word ("باباه" keeps its ب).
        let waw = first.folded.starts_with('\u{0648}') && first.folded.chars().count() > 4;
        let bare = if waw { &first.folded['\u{0648}'.len_utf8()..] } else { first.folded };
        let name_like = bare.chars().count() >= 2
            && !ARABIC_STOPS.contains(bare)
            && !ARABIC_STOPS.contains(first.folded)
            && cues::match_cue(&[bare]).is_none()
            && !present_verb(bare)
            && !verbal_noun(bare)
            && !pronoun_suffix(bare);
        let end = arabic_name(&tokens, i + 1, EntityType::Person);
        // "ولد" is also a boy: "قتل ولد صغير" (a young boy was killed) has a short verb before it and
        // an adjective after it.
        let boy = particle.folded == "ولد"
            && (bare.chars().count() < 4 && !ARABIC_GIVEN_NAMES.contains(bare)
                || tokens
                    .get(i + 2)
                    .is_some_and(|t| matches!(t.folded, "صغير" | "صغيرا" | "يتيم" | "قاصر" | "اخر")));
        let born = tokens.get(i + 2).is_some_and(|t| matches!(t.folded, "عام" | "سنه" | "يوم" | "شهر"));
        if name_like && !born && !boy && end >= i + 3 {
            // A compound's first word joined before the first name is the name's ("عبد الوهاب آغ …").
            let start = if compound_before(&tokens, i) {
                after_proclitics(text, &tokens[i - 1])
            } else if waw {
                text[first.start..].chars().next().map_or(first.start, |c| first.start + c.len_utf8())
            } else {
                first.start
            };
            if !covered(start, tokens[end - 1].end) {
                let u = Unlisted {
                    start,
                    end: tokens[end - 1].end,
                    kind: EntityType::Person,
                    cue: Cue::Role,
                    rule: Rule::GivenName,
                    cue_start: particle.start,
                    cue_end: particle.end,
                };
                push(u, &mut out);
            }
        }
    }
    // 3b. An Arabic given name of the region before a surname: "سليمان ميغا", "وأمادو يارو"; and the
    // Tuareg "son of" starting a name written without the given name ("أغ أساريد", Ag Assarid; not
    // "بن", which starts places and epithets as well: "بن قردان", "بن لادن افريقيا").
    for i in 0..tokens.len() {
        let given =
            ARABIC_GIVEN_NAMES.contains(cues::strip_proclitics(tokens[i].folded)) || tokens[i].folded == "اغ";
        if tokens[i].arabic && given {
            let end = arabic_name(&tokens, i, EntityType::Person);
            if end < i + 2 {
                continue;
            }
            // A compound's first word joined before it is the name's ("أبو يحيى صلاحين"); not one of
            // the words that start places' names only ("عين", a spring, is also "appointed").
            let first = if compound_before(&tokens, i) { i - 1 } else { i };
            // A doubtful person's single name that is this given name ("الكولونيل إيسوفو لابو":
            // إيسوفو is Issoufou's surname too) starts another person's longer name here
            // ([`Rule::Longer`]); the tagger drops it.
            let given_as_surname = first == i && {
                let k = mentions.partition_point(|m| m.end <= tokens[i].start);
                mentions.get(k).is_some_and(|m| {
                    (m.possible || m.check.is_some())
                        && kinds[k] == EntityType::Person
                        && m.start <= tokens[i].start
                        && m.end == tokens[i].end
                        && !covered(tokens[i].end, tokens[end - 1].end)
                })
            };
            // The surname alone of a person named earlier, at the end of this longer name ("إبراهيم
            // ايكاسا مايغا" after "شوغيل كوكالا مايغا"), is this person's surname here.
            let (s, e) = (tokens[first].start, tokens[end - 1].end);
            let inside = &mentions
                [mentions.partition_point(|m| m.end <= s)..mentions.partition_point(|m| m.start < e)];
            let surname_inside = end >= i + 3
                && !inside.is_empty()
                && inside.iter().all(|m| {
                    m.start > tokens[i].end && matches!(m.reason, Some(crate::rank::Reason::Surname { .. }))
                });
            if end >= i + 2 && (given_as_surname || surname_inside || !covered(s, e)) {
                let start = after_proclitics(text, &tokens[first]);
                let (cue, rule) = if given_as_surname || surname_inside {
                    (Cue::Name, Rule::Longer)
                } else {
                    (Cue::Role, Rule::GivenName)
                };
                let u = Unlisted {
                    start,
                    end: tokens[end - 1].end,
                    kind: EntityType::Person,
                    cue,
                    rule,
                    cue_start: start,
                    cue_end: tokens[i].end,
                };
                push(u, &mut out);
            }
        }
    }
    // 3f. The two ends of a road, joined by a hyphen after "axe", "route" or "piste" ("l'axe
    // ILLIBA-ZAKAT", "la route Tarparko-Tougouri"; "the Boni-Hombori axis" is the matcher's when
    // both are listed): two places.
    for w in tokens.windows(3) {
        let axis = matches!(w[0].folded, "axe" | "axis" | "troncon" | "route" | "piste") && !w[0].capitalized;
        if axis && w[1].gap == Gap::Join && w[2].hyphenated && w[1].capitalized && w[2].capitalized {
            for t in &w[1..] {
                if !FUNCTION_WORDS.contains(t.folded) && t.folded.chars().count() >= 3 {
                    let u = Unlisted {
                        start: t.start,
                        end: t.end,
                        kind: EntityType::Place,
                        cue: Cue::Designator,
                        rule: Rule::After,
                        cue_start: w[0].start,
                        cue_end: w[0].end,
                    };
                    push(u, &mut out);
                }
            }
        }
    }
    // Plural appositions after a list: "Dambam, Guevara and Tokabangou, three villages".
    out.extend(lists_before_plural(&tokens, mentions));
    // English designators after the name: "the Amasrakad neighbourhood", "the Wendou camp".
    out.extend(designated_after(&tokens, mentions).into_iter().filter(|u| readable(u)));
    // "وهي قرية ولد شعيب" (the village of Ould Chouaib): a name that opens with "son of" is a
    // person's, whatever the cue before it took it for.
    out.retain(|u| u.kind == EntityType::Person || !opens_with_son_of(u.surface(text)));
    // "مجموعة أهل عيسى ترمز" (the Ahl Issa Tarmaz group): "أهل" (the people of) before a person's
    // name makes a family or a tribe, which is no mention.
    out.retain(|u| {
        u.kind != EntityType::Person
            || crate::fold::raw_word_before(text, u.start)
                .is_none_or(|w| cues::strip_proclitics(&crate::fold::fold_word(w)) != "اهل")
    });
    // "la structure dénommée Office national de la sécurité routière": a body's head word opens no
    // person's name, whatever the cue took it for.
    out.retain(|u| {
        u.kind != EntityType::Person || !ACRONYM_BODIES.contains(&first_word(u.surface(text)).as_str())
    });
    // "إلى ”مورينيوز”": an Arabic name ending with "news" or "media" is an outlet's, whatever the cue.
    for u in out.iter_mut().filter(|u| u.kind != EntityType::Media && arabic_outlet_name(u.surface(text))) {
        u.kind = EntityType::Media;
    }
    dedup(&mut out);
    // 4. Repeated names.
    let repeats = repeated(text, &tokens, &out, mentions);
    out.extend(repeats);
    dedup(&mut out);
    // 5. The other items of a list of places: "Gouari, Djimdo, Panga Dougpou et Dialakanda ont été
    // visés", where one is a known or proposed place.
    let more: Vec<Unlisted> = lists_with_a_place(&tokens, mentions, kinds, &out, given_names)
        .into_iter()
        .filter(|u| readable(u))
        .collect();
    if !more.is_empty() {
        out.extend(more);
        dedup(&mut out);
    }
    out
}

/// Whether an Arabic name opens with a word for "son of" or "daughter of": a person's name.
fn opens_with_son_of(name: &str) -> bool {
    son_of(&first_word(name))
}

/// The first word of a name, folded.
fn first_word(name: &str) -> String {
    fold(name.split(|c: char| !is_word_char(c)).next().unwrap_or(""))
}

/// Whether a folded Arabic word is "son of" or "daughter of" ("ولد", "آغ", "بن", "ابن", "بنت").
fn son_of(folded: &str) -> bool {
    matches!(folded, "ولد" | "اغ" | "بن" | "ابن" | "بنت")
}

/// Lists of three names or more ("A, B, C et D", "A, B and C"), Latin script, where one item is a
/// place (a gazetteer mention of a place, `kinds[i]` being `mentions[i]`'s type, or a proposed
/// unlisted place) and no item is a name of another type: the other items are proposed as places
/// ([`Rule::List`], the place's cue). An item that starts with a given name is left alone (a person
/// listed with places is rare, but a person is the likelier reading of "Moussa Diallo").
fn lists_with_a_place(
    tokens: &[Token],
    mentions: &[Mention],
    kinds: &[EntityType],
    found: &[Unlisted],
    given_names: &FxHashSet<String>,
) -> Vec<Unlisted> {
    let coordinator = |t: &Token| matches!(t.folded, "et" | "and" | "ou" | "or");
    let item_at = |pos: usize| -> Option<usize> {
        let t = tokens.get(pos)?;
        if !t.capitalized || t.arabic || t.all_caps {
            return None;
        }
        let mut e = pos + 1;
        while e < tokens.len() && e - pos < 4 && tokens[e].gap == Gap::Join && tokens[e].capitalized {
            e += 1;
        }
        acceptable(tokens, pos, e).then_some(e)
    };
    let mut out = vec![];
    let mut i = 0;
    while i < tokens.len() {
        let Some(mut e) = item_at(i) else {
            i += 1;
            continue;
        };
        let mut items = vec![(i, e)];
        let mut closed = false;
        loop {
            if e < tokens.len() && tokens[e].gap == Gap::Comma {
                match item_at(e) {
                    Some(next) => {
                        items.push((e, next));
                        e = next;
                        continue;
                    }
                    None => break,
                }
            }
            if e + 1 < tokens.len()
                && coordinator(&tokens[e])
                && matches!(tokens[e].gap, Gap::Join | Gap::Comma)
                && tokens[e + 1].gap == Gap::Join
            {
                if let Some(next) = item_at(e + 1) {
                    items.push((e + 1, next));
                    e = next;
                    closed = true;
                }
            }
            break;
        }
        i = e.max(i + 1);
        if !closed || items.len() < 3 {
            continue;
        }
        // What each item is: a gazetteer mention's type, a proposed name's, or nothing yet.
        let span = |(s, e): (usize, usize)| (tokens[s].start, tokens[e - 1].end);
        let mut place: Option<(Cue, usize, usize)> = None;
        let mut other = false;
        for &item in &items {
            let (s, e) = span(item);
            let k = mentions.partition_point(|m| m.end <= s);
            if mentions.get(k).is_some_and(|m| m.start < e) {
                let kind = kinds.get(k).copied();
                if kind == Some(EntityType::Place) {
                    place = place.or(Some((Cue::Designators, s, e)));
                } else {
                    other = true;
                }
            } else if let Some(u) = overlapping(found, s, e) {
                if u.kind == EntityType::Place {
                    place = Some((u.cue, u.cue_start, u.cue_end));
                } else {
                    other = true;
                }
            }
        }
        let Some((cue, cue_start, cue_end)) = place.filter(|_| !other) else { continue };
        for &item in &items {
            let (s, e) = span(item);
            if covered(mentions, s, e)
                || overlapping(found, s, e).is_some()
                || given_names.contains(tokens[item.0].folded)
            {
                continue;
            }
            out.push(Unlisted {
                start: s,
                end: e,
                kind: EntityType::Place,
                cue,
                rule: Rule::List,
                cue_start,
                cue_end,
            });
        }
    }
    out
}

/// Sorts and removes overlaps, keeping the first proposed.
fn dedup(out: &mut Vec<Unlisted>) {
    let mut kept: Vec<Unlisted> = vec![];
    let mut taken = Taken::default();
    for u in out.drain(..) {
        if !taken.overlaps(u.start, u.end) {
            taken.insert(u.start, u.end);
            kept.push(u);
        }
    }
    kept.sort_by_key(|u| u.start);
    *out = kept;
}

/// The cue whose last word is token `i - 1`, joined to token `i`, and the index of its first token.
fn cue_ending_before(text: &str, tokens: &[Token], i: usize) -> Option<(Cue, usize)> {
    if i == 0 {
        return None;
    }
    // Only a name (capitalized, or Arabic) or a role's complement ("de", "of") can follow a cue: the
    // other words are not looked up.
    let t = &tokens[i];
    if !t.capitalized && !t.arabic && !matches!(t.folded, "de" | "du" | "des" | "d" | "of" | "for") {
        return None;
    }
    let previous = &tokens[i - 1];
    if previous.all_caps {
        return None; // an acronym ("SITE") is no cue word
    }
    if tuareg_in(tokens, i - 1) {
        return None; // "de In Afarak": the name starts at "In"
    }
    if elided_initial(tokens, i - 1) {
        return None; // "M’Bouna": no "M." (monsieur) there
    }
    if previous.arabic && compound_before(tokens, i - 1) {
        return None; // "ولد الشيخ محمد": a title after "son of" is a name's part
    }
    let byline_colon = matches!(previous.folded, "reporting" | "editing" | "writing" | "كتبه" | "بقلم")
        && text[previous.end..tokens[i].start].trim() == ":";
    if byline_colon {
        return Some((Cue::Byline, i - 1));
    }
    if let Some(first) = introduced_list(text, tokens, i) {
        return Some((Cue::Designators, first));
    }
    if !matches!(tokens[i].gap, Gap::Join | Gap::Quote) && !abbreviation_gap(text, tokens, i) {
        return None;
    }
    // The five words before, nearest first (an array: this runs before most capitalized words).
    let mut words = [""; 5];
    let (mut count, mut j) = (0, i);
    while j > 0 && count < words.len() {
        j -= 1;
        words[count] = tokens[j].folded;
        count += 1;
        if tokens[j].gap != Gap::Join && !abbreviation_gap(text, tokens, j) {
            break;
        }
    }
    if let Some((cue, n)) = cues::match_cue(&words[..count]) {
        return Some((cue, i - n));
    }
    // "quant à X", "grâce à X", "hommage à X": "à" is not locative there.
    let not_locative = i >= 2
        && tokens[i - 1].gap == Gap::Join
        && cues::is_listed(NOT_LOCATIVE_BEFORE_A, tokens[i - 2].folded);
    (cues::is_preposition_a(&text[previous.start..previous.end]) && !not_locative)
        .then_some((Cue::Preposition, i - 1))
}

/// French words (folded) after which "à" does not say where: "quant à" (as for), "grâce à" (thanks
/// to), "contrairement à", "conformément à", "hommage à", "merci à", "appartenant à" (belonging to).
const NOT_LOCATIVE_BEFORE_A: &[&str] =
    &["quant", "grace", "contrairement", "conformement", "hommage", "merci", "appartenant", "appartient"];

/// Plural place nouns that announce a list of places when a list word follows them, folded (Arabic
/// without its proclitics): "plusieurs villages, dont A, B et C", "three villages including A and B",
/// "قرى عدة، منها أ، ب"; with "de"/"of" they are plain designators (`cues::DESIGNATORS`).
#[rustfmt::skip]
const PLACE_PLURALS: &[&str] = &[
    "villages", "localites", "hameaux", "villes", "communes", "towns", "localities", "hamlets",
    "settlements", "قري", "بلدات", "مدن", "القري", "البلدات", "المدن",
];

/// Words between a plural place noun and its list word: numbers and adjectives ("plusieurs", "other",
/// "عدة", "أخرى").
#[rustfmt::skip]
const PLURAL_FILLERS: &[&str] = &[
    "plusieurs", "autres", "voisins", "voisines", "suivants", "suivantes", "deux", "trois", "quatre",
    "cinq", "six", "several", "other", "neighbouring", "neighboring", "nearby", "following", "two",
    "three", "four", "five", "six", "عده", "اخري", "عديده", "مجاوره", "التاليه", "الاخري", "المجاوره",
];

/// The words that open a list after a plural noun: "dont", "notamment", "including", "such as",
/// "namely", "منها", "هي", "مثل" (and the colon, checked on the text).
#[rustfmt::skip]
const LIST_WORDS: &[&[&str]] = &[
    &["dont"], &["notamment"], &["a", "savoir"], &["que", "sont"], &["including"], &["such", "as"], &["namely"],
    &["منها"], &["ومنها"], &["هي"], &["وهي"], &["مثل"], &["بينها"], &["من", "بينها"], &["ومن", "بينها"],
];

/// Relative list words, which may come after a longer qualifier of the plural noun ("plusieurs
/// villages situés au bord du fleuve, parmi lesquels A, B…", "villages along the river, among them
/// A"): the noun is looked for up to [`RELATIVE_REACH`] words back, within the sentence.
#[rustfmt::skip]
const RELATIVE_LIST_WORDS: &[&[&str]] = &[
    &["parmi", "lesquels"], &["parmi", "lesquelles"], &["among", "them"], &["among", "which"],
];

/// How many words a relative list word may be from its plural noun.
const RELATIVE_REACH: usize = 10;

/// A list of places announced by a plural place noun and a list word before token `i`: "plusieurs
/// villages, dont Gouari", "villages including Soro", "قرى عدة، منها تيلي", "مدن أخرى، هي “سابسي”",
/// "trois localités : A". Returns the first token of the plural noun.
fn introduced_list(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    if !matches!(tokens[i].gap, Gap::Join | Gap::Quote | Gap::Break) || i < 2 {
        return None;
    }
    let colon = text[tokens[i - 1].end..tokens[i].start]
        .trim_matches(|c: char| is_space(c) || cues::is_opening_quote(c))
        == ":";
    let mut j = i;
    let ends_with = |words: &[&str]| {
        let n = words.len();
        i >= n
            && tokens[i - n..i].iter().zip(words).all(|(t, w)| t.folded == *w)
            && tokens[i - n + 1..i].iter().all(|t| t.gap == Gap::Join)
    };
    if !colon && tokens[i].gap != Gap::Break {
        if let Some(words) = RELATIVE_LIST_WORDS.iter().find(|w| ends_with(w)) {
            // Back to the plural noun, within the sentence (commas allowed).
            let first = i - words.len();
            for k in (first.saturating_sub(RELATIVE_REACH)..first).rev() {
                if PLACE_PLURALS.contains(&tokens[k].folded) {
                    return Some(k);
                }
                if tokens[k + 1].gap == Gap::Break {
                    return None;
                }
            }
            return None;
        }
    }
    if !colon {
        if tokens[i].gap == Gap::Break {
            return None;
        }
        let n = LIST_WORDS.iter().find(|w| ends_with(w))?.len();
        j = i - n;
    }
    // Back over fillers to the plural noun (commas allowed: "قرى عدة، منها").
    let mut k = j;
    for _ in 0..3 {
        if k == 0 {
            return None;
        }
        k -= 1;
        let t = &tokens[k];
        let word = if t.arabic { cues::strip_proclitics(t.folded) } else { t.folded };
        if PLACE_PLURALS.contains(&word) || PLACE_PLURALS.contains(&t.folded) {
            return Some(k);
        }
        if !PLURAL_FILLERS.contains(&word) && !PLURAL_FILLERS.contains(&t.folded) {
            return None;
        }
    }
    None
}

/// Whether the gap before token `j` is an abbreviation's period ("Gen. Tiani").
fn abbreviation_gap(text: &str, tokens: &[Token], j: usize) -> bool {
    j > 0 && {
        let between = &text[tokens[j - 1].end..tokens[j].start];
        between.starts_with('.')
            && between[1..].chars().all(is_space)
            && between.len() > 1
            && cues::is_abbreviation(text, tokens[j - 1].start, tokens[j - 1].folded)
    }
}

/// Roles in the plural, before several names ("les généraux X et Y").
fn is_plural_role(folded: &str) -> bool {
    matches!(folded, "generaux" | "generals" | "colonels" | "ministres" | "ministers")
}

/// The end (token index, exclusive) of a name starting at token `i`, if one starts there.
fn name_at(tokens: &[Token], i: usize, kind: EntityType) -> Option<usize> {
    let t = tokens.get(i)?;
    let end = if t.arabic { arabic_name(tokens, i, kind) } else { latin_name(tokens, i) };
    (end > i && acceptable(tokens, i, end)).then_some(end)
}

/// Common nouns that French capitalizes in the names of ministries, defence zones and services ("en
/// zone de Défense n°2", "ministère de la Sécurité"): part of such names, never a name alone. Folded.
const PORTFOLIOS: &[&str] = &["defense", "securite", "justice", "interieur", "sante", "finances"];

/// Whether tokens `i..end` may be a name: not a function word, a word always capitalized, a
/// continent or a part of one, a portfolio alone; some letters.
fn acceptable(tokens: &[Token], i: usize, end: usize) -> bool {
    let first = &tokens[i].folded;
    if tuareg_in(tokens, i) && end > i + 1 {
        return true;
    }
    if FUNCTION_WORDS.contains(first) || CAPITALIZED_WORDS.contains(first) || NOT_NAMES.contains(first) {
        return false;
    }
    // A part of a continent: "West Africa", "غرب افريقيا".
    if end > i + 1 && NOT_NAMES.contains(tokens[end - 1].folded) {
        return false;
    }
    if end == i + 1 && (cues::single_word_cue(first).is_some() || first.chars().count() < 3) {
        return false;
    }
    // A portfolio, alone or before a number's sign ("Zone de Défense N°2").
    if PORTFOLIOS.contains(first) && tokens[i + 1..end].iter().all(|t| t.folded.chars().count() <= 2) {
        return false;
    }
    tokens[i..end].iter().any(|t| t.folded.chars().any(char::is_alphabetic))
}

/// Whether token `i` is the "In" that starts Tuareg place names ("In Afarak", "In-Ekar", "In Tillit"),
/// not the English preposition: written "In" after a French preposition ("emparées de In Afarak") or
/// as an item of a list of names ("Ifokaratène, In Araban, Tabankort"); in capitals only with its
/// hyphen ("à 11 km d'IN-AROUNAT").
fn tuareg_in(tokens: &[Token], i: usize) -> bool {
    tokens[i].folded == "in"
        && tokens[i].capitalized
        && (!tokens[i].all_caps || tokens.get(i + 1).is_some_and(|n| n.hyphenated && n.all_caps))
        && i >= 1
        && (tokens[i].gap == Gap::Join
            && matches!(tokens[i - 1].folded, "de" | "d" | "a" | "vers" | "pres" | "du" | "et" | "entre")
            || tokens[i].gap == Gap::Comma && tokens[i - 1].capitalized)
        && tokens.get(i + 1).is_some_and(|n| n.capitalized && n.gap == Gap::Join)
}

/// The end of a place's name that ends at token `end`, with the number that tells twin villages apart
/// when one follows and closes the phrase ("la commune de Dougoutené 2."); a word joined after the
/// number makes it a count ("le village de Sona 3 fois").
fn numbered(tokens: &[Token], end: usize) -> usize {
    let number = tokens.get(end).is_some_and(|t| {
        t.gap == Gap::Join && t.folded.len() <= 2 && t.folded.bytes().all(|b| b.is_ascii_digit())
    });
    let closes = tokens.get(end + 1).is_none_or(|t| t.gap != Gap::Join);
    if number && closes && !tokens[end - 1].arabic {
        end + 1
    } else {
        end
    }
}

/// Whether token `i` is a capital letter elided before the rest of a name ("M’Bouna", "N’Djamena"),
/// not a French article or pronoun ("L’", "D’", "J’", "S’", "C’").
fn elided_initial(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    t.end - t.start == 1
        && t.capitalized
        && !matches!(t.folded, "l" | "d" | "j" | "s" | "c")
        && tokens.get(i + 1).is_some_and(|n| n.after_apostrophe && n.capitalized)
}

/// Whether the capitalized word before token `i`, joined to it, may start a name that goes on at `i`:
/// it follows a comma or a lower-case word — never a sentence's start ("Selon Amadou Barry", "Gunmen
/// Kill Amadou Barry") nor inside a run of capitalized words (a title-case headline) — and is no
/// function word, cue, nationality, month or other word capitalized for its own sake ("the Malian
/// Amadou Barry").
fn name_word_before(tokens: &[Token], i: usize) -> bool {
    if i < 2 || tokens[i].gap != Gap::Join {
        return false;
    }
    let t = &tokens[i - 1];
    let opens = match t.gap {
        Gap::Comma => true,
        Gap::Join => !tokens[i - 2].capitalized && !tokens[i - 2].all_caps,
        Gap::Quote | Gap::Break => false,
    };
    opens
        && t.capitalized
        && !FUNCTION_WORDS.contains(t.folded)
        && !CAPITALIZED_WORDS.contains(t.folded)
        && !NOT_NAMES.contains(t.folded)
        && cues::single_word_cue(t.folded).is_none()
}

/// Whether the word before a given name at `i` is another given name of the same person, one no list
/// holds: a name's word before it ([`name_word_before`]), single and written as a name's ("Faty",
/// "Abdoulkadri"; not "ADJI").
fn given_name_before(tokens: &[Token], i: usize) -> bool {
    name_word_before(tokens, i) && {
        let t = &tokens[i - 1];
        !t.all_caps && !t.hyphenated && t.folded.chars().count() >= 3
    }
}

/// Words that make the person's name next to them the name of a prize ("the Martin-Ennals award",
/// "le prix Martin-Ennals"), which the guidelines do not annotate. Folded.
const PRIZES: &[&str] = &["award", "awards", "prize", "prizes", "medal", "prix", "trophee", "trophy"];

/// Whether the name of tokens `first..end` names a prize: a prize word right after it, or right
/// before it.
fn names_a_prize(tokens: &[Token], first: usize, end: usize) -> bool {
    let prize = |t: &Token| cues::is_listed(PRIZES, t.folded);
    tokens.get(end).is_some_and(|t| t.gap == Gap::Join && prize(t))
        || (first > 0 && tokens[first].gap == Gap::Join && prize(&tokens[first - 1]))
}

/// A Latin-script name: capitalized words joined by spaces or hyphens, particles inside, at most five.
fn latin_name(tokens: &[Token], i: usize) -> usize {
    if !tokens[i].capitalized {
        return i;
    }
    let mut end = i + 1;
    // An initial inside the name joins it to the next word: "Ousmane M. Traoré".
    let joined = |end: usize| tokens[end].gap == Gap::Join || tokens[end].after_initial && end - 1 > i;
    while end < tokens.len() && end - i < 5 && joined(end) {
        let t = &tokens[end];
        // A word that folds like a function word is a name's when written with an accent no English
        // function word has ("Jean Charles Somé": not "some").
        let function_word = FUNCTION_WORDS.contains(t.folded) && !(t.accented && t.folded.len() >= 4);
        // A middle initial, even one that is also a title ("M." for "monsieur"), and an elided one.
        let initial = t.end - t.start == 1 && tokens.get(end + 1).is_some_and(|n| n.after_initial)
            || elided_initial(tokens, end);
        if t.capitalized && !function_word && cues::single_word_cue(t.folded).is_none()
            || t.hyphenated && t.folded.chars().all(char::is_alphabetic)
            || initial
        {
            end += 1;
        } else if cues::is_listed(PARTICLES, t.folded)
            && tokens.get(end + 1).is_some_and(|n| n.capitalized && n.gap == Gap::Join)
        {
            end += 2;
        } else {
            break;
        }
    }
    end
}

/// An Arabic name after a cue: words up to punctuation, a stop word, a word with the article (unless
/// it completes a compound such as "عبد الله"), a word written as a common noun (see
/// `Token::arabic_common`), a cue word; at most four parts (three for a place), a compound counting as
/// one.
fn arabic_name(tokens: &[Token], i: usize, kind: EntityType) -> usize {
    // A nationality without the article opens no person's name: "موفد عن رئيس موريتاني سابق" (a
    // former Mauritanian president). (A place may be so named: "قريتي ليبي ومانكاو".)
    if kind == EntityType::Person && cues::is_listed(ARABIC_NATIONALITIES, tokens[i].folded) {
        return i;
    }
    let max_parts = if kind == EntityType::Person { 4 } else { 3 };
    let mut end = i;
    let mut parts = 0;
    let mut compound = false;
    // Whether the word before this one is "علي" after a compound's first word.
    let mut ali_after_compound = false;
    while end < tokens.len() && parts < max_parts {
        let t = &tokens[end];
        if !t.arabic || (end > i && t.gap != Gap::Join) || !arabic_name_word(t, compound) {
            break;
        }
        if end == i && t.folded.chars().count() < 3 && !ARABIC_PATRONYMICS.contains(&t.folded) {
            break;
        }
        // A verb in the present (ي then a consonant: "يرأس", "يقول") ends it; for a place, it is
        // no name's first word either ("في منطقة ينتشر فيها": an area where … spread).
        if (end > i || kind != EntityType::Person)
            && present_verb(t.folded)
            && !ARABIC_GIVEN_NAMES.contains(t.folded)
        {
            break;
        }
        // So does a verb in the past of a derived form: "شقيقه محمد اعتُقل أمس" (his brother
        // Mohamed was arrested yesterday).
        if end > i && derived_past_verb(t.folded) {
            break;
        }
        // "علي" after "son of" is Ali, and the name ends with him unless "son of" follows again:
        // the same word is "on", whose object comes next ("إبراهيم ولد على هيئات": … Ould Ali [calls]
        // on bodies).
        if ali_after_compound && !arabic_compound(t.folded) {
            break;
        }
        ali_after_compound = compound && t.folded == "علي";
        // For a place, "و" glued to a later word is "and": "قريتي ليبي ومانكاو" lists two. For a
        // person, when a verb follows it, in the present or of three letters ("سيمبوريه ويتسلم",
        // "سيمبوريه وأخذ": and took); transliterated surnames go on with a long vowel ("واتارا").
        if end > i && !compound {
            if let Some(rest) = t.folded.strip_prefix('\u{0648}') {
                // Nor a verbal noun ("ولد شعيب وانعكاس مقتله": and the effect of his death).
                let verb = present_verb(rest) || rest.chars().count() <= 3 || derived_verbal_noun(rest);
                // A given name after "و" starts another person ("ولد شغيب وأحمد ولد علوان").
                if kind == EntityType::Person && ARABIC_GIVEN_NAMES.contains(rest) {
                    break;
                }
                if kind != EntityType::Person
                    || verb && !ARABIC_GIVEN_NAMES.contains(rest) && !arabic_compound(t.folded)
                {
                    break;
                }
            }
        }
        // Places and the like: local names are written with long vowels ("كاونجو", "سولهان"); a word
        // without any is an Arabic noun or verb ("مركز", "تتبع"), as is one with a hamza on a seat
        // ("ثاني دائرة أُنشئت": the second cercle founded).
        if kind != EntityType::Person && (!t.folded.contains(LONG_VOWELS) || t.hamza_seat) {
            break;
        }
        if !compound {
            parts += 1;
        }
        // A compound's first word right after another is a name ("ولد سيدي": son of Sidi), but for
        // "عبد" and "أبو" after "son of", which start the father's name ("آغ عبد الله").
        let fathers_name = compound && matches!(t.folded, "عبد" | "ابو") && end > i && {
            son_of(cues::strip_proclitics(tokens[end - 1].folded))
        };
        compound = (!compound || fathers_name) && arabic_compound(t.folded);
        end += 1;
    }
    // A person's family name of the relational form, with the article, ends the name ("محمود
    // البتاكوشي", "ابراهيم فال الشيباني"); not an adjective that follows names ("الحالي", "المالي").
    if kind == EntityType::Person
        && !compound
        && end > i
        && parts < max_parts
        && tokens.get(end).is_some_and(|t| t.arabic && t.gap == Gap::Join && family_nisba(t.folded))
    {
        return end + 1;
    }
    if compound {
        end -= 1; // a compound's first word cannot end a name
    }
    // A person's one word that reads as a verb in the present is the verb ("الرئيس يعزل وزير": the
    // president dismisses a minister).
    if kind == EntityType::Person
        && end == i + 1
        && present_verb(tokens[i].folded)
        && !ARABIC_GIVEN_NAMES.contains(tokens[i].folded)
    {
        return i;
    }
    // An organization's "international" ends its name ("منظمة إيموهاغ الدولية وجمعية …").
    let international = kind == EntityType::Organization
        && end > i
        && tokens.get(end).is_some_and(|t| t.gap == Gap::Join && matches!(t.folded, "الدوليه" | "الدولي"));
    if international {
        return end + 1;
    }
    // A name of several words other than a person's must end at punctuation ("بيلاي بيري،"), or
    // before an adjective that places it ("سابون بيرني المحاذية للنيجر"): the words after a one-word
    // place name are as often a verb or an adjective.
    // A later word with a proclitic glued to a consonant is another place ("توليه بنامبالا الواقعة":
    // Toulé in Nampala); transliterated names write a vowel after their first letter ("بيرني").
    let glued = |t: &Token| {
        let mut c = t.folded.char_indices();
        let proclitic = c.next().is_some_and(|(_, p)| {
            crate::arabic::classify_prefix(&t.folded[..p.len_utf8()]) == Some(crate::arabic::Prefix::Clitic)
        });
        proclitic && c.next().is_some_and(|(_, n)| !LONG_VOWELS.contains(&n))
    };
    let placed =
        |t: &Token| cues::is_listed(ARABIC_PLACING, t.folded) && !tokens[i + 1..end].iter().any(glued);
    // A place's compound ("دار النعيم", "عين صالح") is two words by construction.
    if kind != EntityType::Person
        && end > i + 1
        && !cues::is_listed(PLACE_COMPOUNDS, tokens[i].folded)
        && tokens.get(end).is_some_and(|t| t.gap == Gap::Join && !placed(t))
    {
        end = i + 1;
    }
    end
}

/// Adjectives of the relational form that follow a person's name without being part of it: "current",
/// "transitional", "second", "former" ("الماضي"), and of an office ("military", "local", "official").
/// Folded, without the article.
const NOT_FAMILY_NISBAS: &[&str] = &[
    "حالي",
    "انتقالي",
    "ثاني",
    "ماضي",
    "جاري",
    "دولي",
    "اممي",
    "عسكري",
    "امني",
    "محلي",
    "رسمي",
    "حكومي",
    "وطني",
    "شرعي",
    "فعلي",
    "رييسي",
    "اعلامي",
    "سياسي",
    "تنفيذي",
    "ميداني",
    "اقليمي",
    "قبلي",
    "ديني",
    "شخصي",
    "نيابي",
    "رياسي",
    "جمهوري",
    "شعبي",
    "مدني",
    "ارهابي",
    "جهادي",
    "اسلامي",
    "عربي",
    "افريقي",
    "غربي",
    "شرقي",
    "جنوبي",
    "شمالي",
    "اوروبي",
    "اجنبي",
];

/// Whether a folded Arabic word with the article is a family name of the relational form ("البتاكوشي",
/// "الشيباني", "الأنصاري"): six letters or more, ending in "ي", neither a nationality nor an adjective
/// of [`NOT_FAMILY_NISBAS`].
fn family_nisba(folded: &str) -> bool {
    let Some(rest) = folded.strip_prefix("\u{0627}\u{0644}") else { return false };
    folded.chars().count() >= 6
        && rest.ends_with('\u{064A}')
        && !cues::is_listed(ARABIC_NATIONALITIES, rest)
        && !NOT_FAMILY_NISBAS.contains(&rest)
}

/// Whether a folded Arabic word ends with a pronoun suffix ("معاقلهم", "سكانها"): a common noun.
fn pronoun_suffix(folded: &str) -> bool {
    ["\u{0647}\u{0645}", "\u{0647}\u{0627}", "\u{0643}\u{0645}"].iter().any(|p| folded.ends_with(p))
}

/// Whether a folded Arabic word is a noun for a place with the pronoun "his" ("بلديته", his commune;
/// "قريته", his village): the ta marbuta written ت before it. A common noun, no name.
fn possessed_place_noun(folded: &str) -> bool {
    const NOUNS: &[&str] = &["قري", "بلد", "بلدي", "مدين", "منطق", "ولاي", "محافظ", "مقاطع", "عاصم"];
    folded.strip_suffix("\u{062A}\u{0647}").is_some_and(|stem| NOUNS.contains(&stem))
}

/// Whether the word before token `i`, joined to it, is an Arabic compound's first word ("أبو يحيى",
/// "عبد الوهاب"), which is then the name's.
fn compound_before(tokens: &[Token], i: usize) -> bool {
    i >= 1
        && tokens[i].gap == Gap::Join
        && tokens[i - 1].arabic
        && cues::is_listed(ARABIC_COMPOUNDS, cues::strip_proclitics(tokens[i - 1].folded))
}

/// The long-vowel letters, folded: alif, waw, yeh. Transliterated names are written with them; a word
/// without any is an Arabic noun or verb.
const LONG_VOWELS: [char; 3] = ['\u{0627}', '\u{0648}', '\u{064A}'];

/// Whether a token is a patronymic particle, "son of" (Tuareg "Ag", Moorish "Ould"), in lower or title
/// case ("AG" in capitals is another word).
fn patronymic(t: &Token) -> bool {
    matches!(t.folded, "ag" | "ould") && !t.all_caps
}

/// Whether a folded Arabic word reads as a verb in the present tense, third person: ي then a consonant
/// ("يراس", "يقول"), where names written with ي start with a long vowel after it ("يارو").
fn present_verb(folded: &str) -> bool {
    let mut chars = folded.chars();
    chars.next() == Some('\u{064A}')
        && chars.next().is_some_and(|c| !LONG_VOWELS.contains(&c))
        && folded.chars().count() >= 4
}

/// Whether an Arabic word may be part of a name (`after_compound`: it follows "عبد", "أبو"…, where
/// the article is part of the name).
fn arabic_name_word(t: &Token, after_compound: bool) -> bool {
    let f = t.folded;
    // "علي" is "on", and Ali after "بن", "ولد", "أبو"; "الشيخ" a title, and a name after them ("محمد
    // ولد الشيخ محمد").
    if after_compound && matches!(f, "علي" | "الشيخ") {
        return true;
    }
    let article = f.starts_with("\u{0627}\u{0644}") && !t.hamza_al
        || [
            "\u{0628}\u{0627}\u{0644}",
            "\u{0644}\u{0644}",
            "\u{0643}\u{0627}\u{0644}",
            "\u{0648}\u{0627}\u{0644}",
            "\u{0641}\u{0627}\u{0644}",
        ]
        .iter()
        // Longer than the proclitic and the article: "فال" (Vall) is a name.
        .any(|p| f.starts_with(p) && f.len() > p.len());
    // Pronoun suffixes ("معاقلهم", "سكانها") make a common noun; a root and "وا" a verb in the
    // plural ("تحدثوا", "قتلوا"), and "است" the verbs and nouns of one form ("استهدفت", "استهداف").
    // The verbal noun of the form تفعيل ("تنصيب", "تأكيد") and the feminine present "تت…"
    // ("تتصاعد") neither.
    let pronoun = pronoun_suffix(f)
        || possessed_place_noun(f)
        || f.strip_suffix("\u{0648}\u{0627}").is_some_and(bare_root)
        || f.starts_with("\u{0627}\u{0633}\u{062A}") && f.chars().count() >= 5
        || verbal_noun(f)
        || f.starts_with("\u{062A}\u{062A}") && f.chars().count() >= 4;
    !ARABIC_STOPS.contains(f)
        && !ARABIC_STOPS.contains(cues::strip_proclitics(f))
        && !pronoun
        && (after_compound || !article || ARABIC_GIVEN_NAMES.contains(f))
        // After a compound's first word, a name may end like a feminine noun ("ولد حندة", "أبو عبيدة").
        && (after_compound || !t.arabic_common)
        && cues::match_cue(&[f]).is_none()
        // Nor a cue word after "و" ("قرى وبلدات": villages and towns).
        && f.strip_prefix('\u{0648}').is_none_or(|rest| cues::match_cue(&[rest]).is_none())
        // A person's noun ends the name before it: "وموسى ضابط سابق" (and Moussa, a former officer).
        && !ARABIC_PERSON_NOUNS.contains(&f)
        && !f.strip_prefix('\u{0648}').is_some_and(|rest| ARABIC_PERSON_NOUNS.contains(&rest))
}

/// After a role with a complement ("le maire de Bankass", "ministre de la Défense"), the token after
/// the comma that ends the complement, if the complement is short and starts with a connector. In
/// Arabic the complement is a construct without a comma: "الناطق باسم الجيش سليمان غازوبي", the name
/// then starts at the first word after the connector without the article.
fn after_complement(tokens: &[Token], i: usize) -> Option<usize> {
    let connector = |f: &str| matches!(f, "de" | "du" | "des" | "d" | "of" | "for" | "باسم" | "بلسان");
    let first = tokens.get(i)?;
    // An Arabic role's place, in construct and closed by a comma: "حاكم منطقة تيلابيري، تيجاني".
    if first.arabic && cues::is_listed(ARABIC_UNITS, cues::strip_proclitics(first.folded)) {
        let mut j = i + 1;
        while tokens.get(j).is_some_and(|t| t.arabic && t.gap == Gap::Join) && j - i < 4 {
            j += 1;
        }
        return (j > i + 1 && tokens.get(j).is_some_and(|t| t.arabic && t.gap == Gap::Comma)).then_some(j);
    }
    // An Arabic role's portfolio or body, one or two definite words, then a name of two words or
    // more: "وزير الدفاع تيمان أوبير كوليبالي", "رئيس الوزراء بول كابا تيبا", "الوزير الأول X".
    // Only after a role that takes such a complement (not a rank: "الفريق" is also "the team").
    let definite = |t: &Token| t.arabic && t.gap == Gap::Join && t.folded.starts_with("\u{0627}\u{0644}");
    if definite(first) && i > 0 && cues::is_listed(ARABIC_ROLES_OF, tokens[i - 1].folded) {
        let j = if tokens.get(i + 1).is_some_and(definite) { i + 2 } else { i + 1 };
        // Not a verb ("رئيس الوزراء يربط", "نصّب", "سيبقى") nor a verbal noun ("رئيس الأركان تأكيد
        // عزم …").
        let name = tokens.get(j).filter(|t| {
            t.arabic
                && t.gap == Gap::Join
                && !definite(t)
                && !present_verb(t.folded)
                && (!bare_root(t.folded) || arabic_compound(t.folded))
                // (the hamza of "تأكيد" folded away: any second letter here)
                && tafil_shape(t.folded).is_none()
                && !t.folded.strip_prefix('\u{0633}').is_some_and(present_verb)
        });
        if name.is_some_and(|_| arabic_name(tokens, j, EntityType::Person) >= j + 2) {
            return Some(j);
        }
    }
    // Any other Arabic complement closed by a comma, then a name of two words or more that a comma closes
    // too, in apposition: "رئيس المحكمة في مقاطعة نيونو، سونغالو كوني، المخطوف", "رئيس دبلوماسية
    // بوركينا فاسو، جبريل باصولي، أمام".
    if first.arabic && !connector(first.folded) {
        let mut j = i + 1;
        while tokens.get(j).is_some_and(|t| t.arabic && t.gap == Gap::Join) && j - i < 6 {
            j += 1;
        }
        let comma = tokens.get(j).is_some_and(|t| t.arabic && t.gap == Gap::Comma);
        let end = if comma { arabic_name(tokens, j, EntityType::Person) } else { j };
        let closed = tokens.get(end).is_some_and(|t| t.gap == Gap::Comma);
        return (comma && end >= j + 2 && closed).then_some(j);
    }
    if !connector(first.folded) {
        return None;
    }
    if first.arabic {
        let mut j = i + 1;
        while tokens
            .get(j)
            .is_some_and(|t| t.arabic && t.gap == Gap::Join && t.folded.starts_with("\u{0627}\u{0644}"))
        {
            j += 1;
        }
        return (j > i + 1 && j - i <= 4 && tokens.get(j).is_some_and(|t| t.gap == Gap::Join)).then_some(j);
    }
    for (j, t) in tokens.iter().enumerate().take((i + 8).min(tokens.len())).skip(i + 1) {
        match t.gap {
            Gap::Join => {}
            Gap::Comma => return Some(j),
            _ => return None,
        }
    }
    None
}

/// Known or unknown names after a name ending at token `end`: ", X", " et X", " and X", " وX", as long
/// as the list goes on. Returns the unknown ones (byte spans). `people`: the given names that end a
/// list of places at a person's name, or `None` where a list holds places only ("entre A et B").
fn list_after(
    text: &str,
    tokens: &[Token],
    mut end: usize,
    mentions: &[Mention],
    kind: EntityType,
    people: Option<&FxHashSet<String>>,
    max_items: usize,
) -> Vec<(usize, usize)> {
    let mut out = vec![];
    // Items after the first, known or not.
    let mut items = 0;
    // Latin items after commas alone, until a coordinator comes: "Originaire de Natchambouri, Madou
    // Kombari a fui" lists nothing.
    let mut pending = 0;
    while let Some(next) = tokens.get(end) {
        if items >= max_items {
            break;
        }
        items += 1;
        let mut j = end;
        // Items in quotation marks: "“سابسي” و”سولي”", "« A », « B »".
        let quoted = |k: usize| {
            let before = if k == 0 { tokens[k].start } else { tokens[k - 1].end };
            let between = &text[before..tokens[k].start];
            between.chars().filter(|&c| c == ',' || c == '،').count() <= 1
                && between.chars().any(|c| cues::is_opening_quote(c) || cues::is_closing_quote(c))
                && between.chars().all(|c| {
                    is_space(c)
                        || c == ','
                        || c == '،'
                        || cues::is_opening_quote(c)
                        || cues::is_closing_quote(c)
                })
        };
        // "et", "and", "ainsi que", "as well as", "ou", "or", a lone Arabic "و" (after a comma or not), or
        // a comma alone.
        let coordinator = |t: &Token| matches!(t.folded, "et" | "and" | "ou" | "or" | "\u{0648}");
        let mut commas_only = false;
        if coordinator(next) && (matches!(next.gap, Gap::Join | Gap::Comma) || quoted(end)) {
            j += 1;
        } else if next.folded == "ainsi" && tokens.get(end + 1).is_some_and(|t| t.folded == "que") {
            j += 2;
        } else if next.folded == "as"
            && tokens.get(end + 1).is_some_and(|t| t.folded == "well")
            && tokens.get(end + 2).is_some_and(|t| t.folded == "as")
        {
            j += 3;
        } else if next.gap == Gap::Comma && !next.arabic {
            commas_only = true;
        } else if next.gap == Gap::Comma
            || (quoted(end) && text[..next.start].trim_end().ends_with([',', '،']))
        {
        } else if next.arabic && next.folded.starts_with('\u{0648}') && next.gap == Gap::Join {
            // Arabic: و glued to the next name.
        } else {
            break;
        }
        // The preposition repeated before each item: "autour de A, de B et de C".
        if tokens.get(j).is_some_and(|t| {
            !t.capitalized && matches!(t.folded, "de" | "d" | "du" | "of" | "a" | "in" | "at")
        }) {
            j += 1;
        }
        let Some(t) = tokens.get(j) else { break };
        if j > end && t.gap != Gap::Join && !quoted(j) {
            break;
        }
        // A known mention continues the list.
        if let Some(m) =
            mentions.get(mentions.partition_point(|m| m.end <= t.start)).filter(|m| m.start < t.end)
        {
            if !commas_only {
                pending = 0;
            }
            end = tokens.partition_point(|t| t.start < m.end);
            if end >= tokens.len() {
                break;
            }
            continue;
        }
        let name_end = if t.arabic && t.folded.starts_with('\u{0648}') {
            // وكوكي: the name without the conjunction.
            let word = &text[t.start..t.end];
            let rest = word.char_indices().nth(1).map_or(t.end, |(k, _)| t.start + k);
            let folded = fold(&text[rest..t.end]);
            let stripped = Token { start: rest, folded: &folded, ..*t };
            if stripped.folded.chars().count() < 3 || !arabic_name_word(&stripped, false) {
                break;
            }
            out.push((rest, t.end));
            end = j + 1;
            continue;
        } else {
            name_at(tokens, j, kind)
        };
        match name_end {
            // A given name and a surname end a list of places ("in Niamey, Moussa Kaka, reported"), and
            // so do a surname and a given name, as lists of people write them ("conseiller villageois de
            // Sanrgo, ainsi que Diandé Adama"), unless the first word makes a place of a man's name
            // ("Dan Issa").
            Some(e)
                if kind == EntityType::Place
                    && e >= j + 2
                    && people.is_some_and(|given| {
                        given.contains(tokens[j].folded)
                            || given.contains(tokens[e - 1].folded)
                                && !PLACE_PREFIXES.contains(&tokens[j].folded)
                    }) =>
            {
                break
            }
            Some(e) => {
                out.push((tokens[j].start, tokens[e - 1].end));
                pending = if commas_only { pending + 1 } else { 0 };
                end = e;
            }
            None => break,
        }
    }
    out.truncate(out.len() - pending);
    out
}

/// Words that start places named after a man, in Hausa ("son of", "town of": "Dan Issa", "Garin
/// Adamou", "Guidan Roumdji") and Tamasheq ("place of", "people of": "In Tillit", "Tin Hama", "Kel
/// Adrar"): a given name after them does not make the name a person's. Folded.
const PLACE_PREFIXES: &[&str] = &["dan", "garin", "guidan", "in", "tin", "kel"];

/// The Tuareg and Moorish "son of" that join two names into a person's whatever the names ("حسن آغ
/// فغاغا", "هنون ولد علي", Hassaniya "قالي ول ميدي"), and may start one: folded. ("بن" starts places and
/// epithets as well.)
const ARABIC_PATRONYMICS: &[&str] = &["ولد", "ول", "اغ"];

/// Arabic duals of place nouns in the construct state, which name two places (folded).
const ARABIC_DUALS: &[&str] = &["قريتي", "بلدتي", "مدينتي", "منطقتي"];

/// A cue in apposition after a name ending at token `end`: ", une localité", ", an analyst", ", who",
/// "، الأمين العام", and "الذي يرأس" with or without the comma. Returns the type and the cue's words.
fn apposition_after(tokens: &[Token], end: usize) -> Option<(EntityType, Cue, usize, usize)> {
    let first = tokens.get(end)?;
    // "، الذي يتولى …" (who holds), "يترأس" (heads), "يشغل" (fills), "يقود" (leads): a person, and
    // without the comma too ("فاموكي كامارا الذي يرأس أركان …").
    if let Some(after) = who_holds(tokens, end) {
        return Some((EntityType::Person, Cue::Role, first.start, tokens[after - 1].end));
    }
    if first.gap != Gap::Comma {
        return None;
    }
    if first.folded == "who" {
        return Some((EntityType::Person, Cue::Role, first.start, first.end));
    }
    // "في أورسي، شمالي بوركينا فاسو": a direction after the comma places what comes before it.
    if first.arabic && ARABIC_DIRECTIONS.contains(&first.folded) {
        return Some((EntityType::Place, Cue::Designator, first.start, first.end));
    }
    // "، وهو عقيد" (and he is a colonel), "، وهو طبيب", "، أحد اللاجئين" (one of the refugees): a
    // person, in the Arabic of appositions.
    if first.arabic {
        let noun = if matches!(first.folded, "وهو" | "وهي") {
            tokens.get(end + 1).filter(|t| t.gap == Gap::Join)
        } else {
            Some(first)
        };
        if let Some(noun) = noun.filter(|t| ARABIC_PERSON_NOUNS.contains(&t.folded)) {
            return Some((EntityType::Person, Cue::Role, first.start, noun.end));
        }
    }
    let mut j = end;
    let mut skipped = 0;
    // A capitalized word before the noun ("the senior Sahel researcher", "West Africa director"):
    // only a person's role takes one.
    let mut capitalized = false;
    while j < tokens.len() && j - end < 4 {
        let t = &tokens[j];
        if j > end && t.gap != Gap::Join {
            return None;
        }
        let f = t.folded;
        let found = if cues::is_listed(APPOSITION_PLACE, f) {
            Some((EntityType::Place, Cue::Designator))
        } else if cues::is_listed(APPOSITION_PERSON, f) {
            Some((EntityType::Person, Cue::Role))
        } else if cues::is_listed(APPOSITION_COMPANY, f) {
            Some((EntityType::Organization, Cue::Company))
        } else if cues::is_listed(APPOSITION_OUTLET, f) {
            Some((EntityType::Media, Cue::Outlet))
        } else {
            None
        };
        if let Some((kind, cue)) = found {
            // English puts the head last: "a community official" is a person.
            if let Some(n) = tokens
                .get(j + 1)
                .filter(|n| n.gap == Gap::Join && !n.arabic && cues::is_listed(APPOSITION_PERSON, n.folded))
            {
                return Some((EntityType::Person, Cue::Role, first.start, n.end));
            }
            return (kind == EntityType::Person || !capitalized).then_some((kind, cue, first.start, t.end));
        }
        if cues::is_listed(APPOSITION_FILLERS, f) || f == "s" && capitalized && t.gap == Gap::Join {
            // An article; the possessive of a capitalized word ("Banibangou's traditional chief").
        } else if skipped < 2
            && !t.capitalized
            && j > end
            && (capitalized || cues::is_listed(APPOSITION_FILLERS, tokens[end].folded))
        {
            skipped += 1; // adjectives: "a local deputy", "a displaced man"
        } else if skipped < 2 && t.capitalized && !t.all_caps && !t.arabic {
            skipped += 1;
            capitalized = true;
        } else {
            return None;
        }
        j += 1;
    }
    None
}

/// English place nouns written after the name they designate ("the Badialan quarter of Fana"), folded.
#[rustfmt::skip]
const DESIGNATED_AFTER: &[&str] = &[
    "neighbourhood", "neighborhood", "quarter", "district", "commune", "municipality", "village", "town",
    "locality", "settlement", "camp",
];

/// An English place noun after a name that "the" or a preposition opens: "the Amasrakad
/// neighbourhood", "in the N’Debougou quarter", "the Wendou camp" (a camp's or a unit's designator
/// inside the name, as the guidelines write it: [`INSIDE_THE_NAME`]).
fn designated_after(tokens: &[Token], mentions: &[Mention]) -> Vec<Unlisted> {
    let mut out = vec![];
    for (k, noun) in tokens.iter().enumerate() {
        if noun.capitalized
            || noun.arabic
            || noun.gap != Gap::Join
            || !DESIGNATED_AFTER.contains(&noun.folded)
        {
            continue;
        }
        let mut s = k;
        while s > 0
            && k - s < 3
            && tokens[s].gap == Gap::Join
            && tokens[s - 1].capitalized
            && !tokens[s - 1].all_caps
            && !tokens[s - 1].arabic
        {
            s -= 1;
        }
        let opened = s > 0
            && tokens[s].gap == Gap::Join
            && !tokens[s - 1].capitalized
            && matches!(tokens[s - 1].folded, "the" | "in" | "at" | "from" | "near" | "of" | "to");
        // "the West African camp", "the Fulani village": a people or a region's adjective, no name.
        let adjective =
            tokens[s..k].iter().any(|t| CAPITALIZED_WORDS.contains(t.folded) || NOT_NAMES.contains(t.folded));
        if s == k || !opened || adjective || !acceptable(tokens, s, k) {
            continue;
        }
        let end = if INSIDE_THE_NAME.contains(&noun.folded) { noun.end } else { tokens[k - 1].end };
        if covered(mentions, tokens[s].start, end) {
            continue;
        }
        out.push(Unlisted {
            start: tokens[s].start,
            end,
            kind: EntityType::Place,
            cue: Cue::Designator,
            rule: Rule::Apposition,
            cue_start: noun.start,
            cue_end: noun.end,
        });
    }
    out
}

/// Lists of capitalized names followed by a plural place noun: "Dambam, Guevara and Tokabangou, three
/// villages", "Intezayane, Bakorat, Woursanat and a number of other hamlets".
fn lists_before_plural(tokens: &[Token], mentions: &[Mention]) -> Vec<Unlisted> {
    let coordinator = |t: &Token| matches!(t.folded, "and" | "et");
    let mut out = vec![];
    for (k, noun) in tokens.iter().enumerate() {
        if !cues::is_listed(APPOSITION_PLACES, noun.folded) {
            continue;
        }
        // Back over the fillers ("three", "a number of other") to the comma or "and" ending the list.
        let mut j = k;
        while j > 0
            && tokens[j].gap == Gap::Join
            && k - j < 5
            && !tokens[j - 1].capitalized
            && !coordinator(&tokens[j - 1])
        {
            j -= 1;
        }
        let list_end = if tokens[j].gap == Gap::Comma {
            j
        } else if j > 0 && tokens[j].gap == Gap::Join && coordinator(&tokens[j - 1]) {
            j - 1
        } else {
            continue;
        };
        // The items, back to the first: names separated by commas and a coordinator.
        let mut items = vec![];
        let mut e = list_end;
        while e > 0 && tokens[e - 1].capitalized {
            let mut s = e - 1;
            while s > 0 && e - s < 4 && tokens[s].gap == Gap::Join && tokens[s - 1].capitalized {
                s -= 1;
            }
            if !acceptable(tokens, s, e) {
                break;
            }
            items.push((tokens[s].start, tokens[e - 1].end));
            if tokens[s].gap == Gap::Comma {
                e = s;
            } else if s > 0 && tokens[s].gap == Gap::Join && coordinator(&tokens[s - 1]) && items.len() == 1 {
                e = s - 1;
            } else {
                break;
            }
        }
        if items.len() < 2 {
            continue;
        }
        for (s, e) in items {
            if covered(mentions, s, e) {
                continue;
            }
            out.push(Unlisted {
                start: s,
                end: e,
                kind: EntityType::Place,
                cue: Cue::Designators,
                rule: Rule::Apposition,
                cue_start: tokens[j].start,
                cue_end: noun.end,
            });
        }
    }
    out
}

/// An Arabic name right before a comma at token `comma`: up to three words back, stopping at a stop
/// word, a word with the article or a conjunction, or punctuation. Returns its first token.
fn arabic_name_before(tokens: &[Token], comma: usize) -> Option<usize> {
    let mut s = comma;
    // Three parts at most, a compound ("عبد الله", "ولد عبد الله") counting as one.
    let mut parts = 0;
    while s > 0 && comma - s < 5 {
        let compound = s < comma && arabic_compound(tokens[s - 1].folded);
        if !compound {
            parts += 1;
            if parts > 3 {
                break;
            }
        }
        let t = &tokens[s - 1];
        let f = t.folded;
        // The article only after a compound's first word ("عبد الله"), or on a family name of the
        // relational form that ends the name ("علي شريف الريفي").
        let after_compound = s >= 2 && arabic_compound(tokens[s - 2].folded);
        let last_nisba = s == comma && f.ends_with('\u{064A}') && f.chars().count() >= 5;
        // A verb in the present ("الجيش يعلن مقتل باكورة، زعيم": the army announces) is no name's.
        // "علي" before "son of" is Ali, not "on": "والدهما على ولد كبادى".
        let ali = f == "علي" && s < comma && son_of(tokens[s].folded);
        if !t.arabic
            || ARABIC_STOPS.contains(f) && !ali
            || present_verb(f) && !ARABIC_GIVEN_NAMES.contains(f)
            || (f.starts_with("\u{0627}\u{0644}")
                && !after_compound
                && !last_nisba
                && !ARABIC_GIVEN_NAMES.contains(f))
            || (f.starts_with('\u{0648}') && f.chars().count() > 3)
            || cues::match_cue(&[f]).is_some()
        {
            break;
        }
        s -= 1;
        if tokens[s].gap != Gap::Join {
            break;
        }
    }
    // A verb opening the clause ("رفع يايا سنغاري، وزير الإعلام"): three letters, none of them a long
    // vowel, before a name of two words more; any word after "ما" ("what"): "بحسب ما أكده عمر كيدا";
    // a verb with its object pronoun "ه" ("بيان أصدره مولاي أغ سيدي مولا": no ta marbuta, which
    // folds to the same letter).
    let after_what = s > 0 && matches!(tokens[s - 1].folded, "ما" | "بما" | "كما" | "مما" | "فيما");
    let with_pronoun = tokens[s].folded.ends_with('\u{0647}') && !tokens[s].arabic_common;
    if comma - s >= 3
        && !arabic_compound(tokens[s].folded)
        && (bare_root(tokens[s].folded) || after_what || with_pronoun)
    {
        s += 1;
    }
    (s < comma && comma - s >= 2).then_some(s)
}

/// The letters of a folded Arabic word shaped like a verbal noun of the form تفعيل ("تنصيب", "تأكيد"):
/// five letters, "ت" first and "ي" fourth; its second and third letters when it is.
fn tafil_shape(folded: &str) -> Option<[char; 2]> {
    let mut c = folded.chars();
    let (t, second, third, ya, _, rest) = (c.next(), c.next()?, c.next()?, c.next(), c.next()?, c.next());
    (t == Some('\u{062A}') && ya == Some('\u{064A}') && rest.is_none()).then_some([second, third])
}

/// Whether a folded Arabic word is a verbal noun of the form تفعيل: its shape with two consonants after
/// the "ت" (names have long vowels there: "تاسيك", "توليه").
fn verbal_noun(folded: &str) -> bool {
    tafil_shape(folded).is_some_and(|letters| letters.iter().all(|c| !LONG_VOWELS.contains(c)))
}

/// Whether a folded Arabic word is shaped like a verbal noun of the forms انفعال and افتعال
/// ("انعكاس", "اجتماع", "انتخاب"): six letters, alif first and fifth, "ن" or a "ت" third after it,
/// the root's three letters no long vowel. Transliterated names after "و" are not ("وانغارا").
fn derived_verbal_noun(folded: &str) -> bool {
    let c: Vec<char> = folded.chars().collect();
    let root = |k: usize| !LONG_VOWELS.contains(&c[k]);
    c.len() == 6
        && c[0] == '\u{0627}'
        && c[4] == '\u{0627}'
        && (c[1] == '\u{0646}' && root(2) && root(3) || root(1) && c[2] == '\u{062A}' && root(3))
        && root(5)
}

/// Whether a folded Arabic word is three consonants, as a verb in the past is ("رفع", "قتل"), or "ت"
/// and three ("تحدث", "تسلم": the reflexive form); names are written with long vowels.
fn bare_root(folded: &str) -> bool {
    let n = folded.chars().count();
    (n == 3 || n == 4 && folded.starts_with('\u{062A}')) && !folded.contains(LONG_VOWELS)
}

/// Whether a folded Arabic word is a verb in the past of the derived forms that open with an alif:
/// "ان" and three consonants ("انسحب", "انطلق") or an alif, a consonant, "ت" and two more
/// ("اعتقل", "اختطف", "اجتمع"). Transliterated names of five letters have long vowels after the
/// first ("اشتيه", "انفيس"), and "ال" is the article.
fn derived_past_verb(folded: &str) -> bool {
    let mut c = folded.chars();
    let (Some(alif), Some(first), Some(second), Some(third), Some(fourth), None) =
        (c.next(), c.next(), c.next(), c.next(), c.next(), c.next())
    else {
        return false;
    };
    alif == '\u{0627}'
        && [first, second, third, fourth].iter().all(|c| !LONG_VOWELS.contains(c))
        && first != '\u{0644}'
        && (first == '\u{0646}' || second == '\u{062A}')
}

/// Other occurrences of the proposed names, and a person's surname alone after the full name.
fn repeated(text: &str, tokens: &[Token], found: &[Unlisted], mentions: &[Mention]) -> Vec<Unlisted> {
    // Each form to look for (its folded words), by its first word, with the name it repeats.
    let mut forms: FxHashMap<&str, Vec<(Vec<&str>, &Unlisted)>> = FxHashMap::default();
    for u in found {
        let first = tokens.partition_point(|t| t.start < u.start);
        let words: Vec<&Token> = tokens[first..].iter().take_while(|t| t.end <= u.end).collect();
        let Some(head) = words.first() else { continue };
        if head.arabic && fold(&text[u.start..u.end]).chars().count() < 4 {
            continue;
        }
        let all: Vec<&str> = words.iter().map(|t| t.folded).collect();
        // One entry per form (the first name proposed under it): a name proposed a thousand times
        // would otherwise be tried a thousand times at each of its thousand occurrences.
        let list = forms.entry(all[0]).or_default();
        if list.iter().any(|(w, _)| *w == all) {
            continue;
        }
        list.push((all.clone(), u));
        let short = match u.kind {
            // An acronym's name alone by its first word is a common noun ("le Mouvement").
            _ if u.rule == Rule::Acronym => None,
            EntityType::Person if words.len() >= 2 => words.last(),
            EntityType::Organization | EntityType::Media if words.len() >= 2 => words.first(),
            _ => None,
        };
        // An Arabic name named again from "son of" on ("ولد شعيب" after "عبد الوهاب ولد شعيب").
        if u.kind == EntityType::Person && head.arabic {
            let particle = all.iter().skip(1).position(|w| crate::surname::PARTICLES.contains(w));
            if let Some(tail) = particle.map(|j| all[j + 1..].to_vec()).filter(|tail| tail.len() >= 2) {
                let list = forms.entry(tail[0]).or_default();
                if !list.iter().any(|(w, _)| *w == tail) {
                    list.push((tail, u));
                }
            }
        }
        if let Some(w) = short {
            if w.capitalized && w.folded.chars().count() >= 4 && !FUNCTION_WORDS.contains(w.folded) {
                let list = forms.entry(w.folded).or_default();
                if !list.iter().any(|(words, _)| words.len() == 1 && words[0] == w.folded) {
                    list.push((vec![w.folded], u));
                }
            }
        }
    }
    let mut taken = Taken::default();
    for u in found {
        taken.insert(u.start, u.end);
    }
    let mut out = vec![];
    for (k, t) in tokens.iter().enumerate() {
        if !(t.capitalized || t.arabic) {
            continue;
        }
        let Some(candidates) = forms.get(t.folded) else { continue };
        for (words, u) in candidates {
            let n = words.len();
            let fits = k + n <= tokens.len()
                && tokens[k + 1..k + n].iter().all(|x| x.gap == Gap::Join)
                && tokens[k..k + n].iter().zip(words).all(|(x, w)| x.folded == *w);
            if !fits {
                continue;
            }
            // The whole capitalized run around it ("Ag Ikmasse" for "Ikmasse"), if it is longer: a
            // particle, or a name's word ([`name_word_before`]).
            let mut first = k;
            while !t.arabic
                && first > 0
                && k - first < 2
                && tokens[first].gap == Gap::Join
                && (name_word_before(tokens, first) || cues::is_listed(PARTICLES, tokens[first - 1].folded))
            {
                first -= 1;
            }
            let last = if t.arabic { k + n } else { latin_name(tokens, first).max(k + n) };
            let (s, e) = (tokens[first].start, tokens[last - 1].end);
            // A name defined by its acronym holds the listed places it held there ("… du Cercle de
            // Bankass").
            let holds_places = u.cue == Cue::Acronym && n >= 2;
            if covered(mentions, s, e) && !holds_places
                || taken.overlaps(s, e)
                || (first < k && !tokens[first].capitalized)
            {
                continue;
            }
            taken.insert(s, e);
            out.push(Unlisted { start: s, end: e, rule: Rule::Repeated, ..**u });
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of the lists is written folded, as the text's words are compared.
    #[test]
    fn the_lists_are_written_folded() {
        for list in [
            PARTICLES,
            ARABIC_COMPOUNDS,
            ARABIC_UNITS,
            ARABIC_PLACING,
            ARABIC_GIVEN_NAMES.words(),
            ARABIC_PERSON_NOUNS,
            ARABIC_ROLES_OF,
            ARABIC_DIRECTIONS,
            PLACE_COMPOUNDS,
            PLACE_PREFIXES,
            ARABIC_PATRONYMICS,
            INSIDE_THE_NAME,
            APPOSITION_PLACE,
            APPOSITION_PLACES,
            APPOSITION_PERSON,
            APPOSITION_COMPANY,
            APPOSITION_OUTLET,
            APPOSITION_FILLERS,
            PLACE_PLURALS,
            PLURAL_FILLERS,
            ARABIC_STOPS.words(),
            ATTACK_VERBS,
            NOT_FAMILY_NISBAS,
            ACRONYM_SKIPS,
            ACRONYM_KINDS,
            ACRONYM_BODIES,
            SAHEL_GIVEN_NAMES,
        ] {
            assert_eq!(cues::unfolded(list.iter().copied()), Vec::<&str>::new());
        }
    }

    fn names(text: &str) -> Vec<(String, EntityType, Rule)> {
        let given: FxHashSet<String> = ["abdoulaye", "amadou"].iter().map(|s| s.to_string()).collect();
        names_with(&given, text)
    }

    fn names_with(given: &FxHashSet<String>, text: &str) -> Vec<(String, EntityType, Rule)> {
        find(text, &[], &[], given).iter().map(|u| (u.surface(text).to_string(), u.kind, u.rule)).collect()
    }

    #[test]
    fn all_capitals_is_its_definition() {
        // Every letter up to U+3000, alone, doubled, after capitals and after a small letter.
        let definition = |w: &str| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        };
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            for w in [format!("{c}"), format!("{c}{c}"), format!("AB{c}"), format!("{c}Ab"), format!("É{c}1")]
            {
                assert_eq!(all_capitals(&w), definition(&w), "{w:?} (U+{:04X})", c as u32);
            }
        }
    }

    #[test]
    fn arabic_names_stop_at_what_cannot_be_a_name() {
        let text = "أصبح الجنرال عبد الله كوليبالي رئيساً للأركان، وعُيّن الجنرال سليمان بمبا، الذي قاد";
        let found = names(text);
        assert_eq!(found[0].0, "عبد الله كوليبالي");
        assert_eq!(found[1].0, "سليمان بمبا");
    }

    /// A cue is a whole word: before a capitalized name, every word of the French and English word
    /// lists proposes it exactly when the word is itself a cue ("village" in "villageois" is none).
    /// Skipped where the lists are not installed.
    #[test]
    fn cues_are_whole_words_of_the_word_lists() {
        for list in ["/usr/share/dict/french", "/usr/share/dict/american-english"] {
            let Ok(words) = std::fs::read_to_string(list) else {
                eprintln!("word list {list} missing: skipping");
                continue;
            };
            let mut failures = vec![];
            let mut cues_seen = 0;
            for word in words.lines().filter(|w| w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())) {
                let text = format!("xx {word} Kelmoura yy");
                let proposed = !find(&text, &[], &[], &FxHashSet::default()).is_empty();
                let cue = cues::single_word_cue(&fold(word)).is_some() || word == "à";
                cues_seen += usize::from(cue);
                if proposed != cue {
                    failures.push(word);
                }
            }
            assert!(cues_seen > 20, "{list}: only {cues_seen} cue words");
            assert!(
                failures.is_empty(),
                "{list}: {} words: {:?}",
                failures.len(),
                &failures[..failures.len().min(20)]
            );
        }
    }

    #[test]
    fn international_given_names_are_not_ordinary_words_but_the_listed_ones() {
        let mut lower = rustc_hash::FxHashSet::default();
        for list in ["/usr/share/dict/french", "/usr/share/dict/american-english"] {
            let Ok(words) = std::fs::read_to_string(list) else {
                eprintln!("word list {list} missing: skipping");
                return;
            };
            lower
                .extend(words.lines().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).map(fold));
        }
        let words: Vec<&&str> = INTERNATIONAL_GIVEN_NAMES.iter().filter(|n| lower.contains(**n)).collect();
        let listed: Vec<&&str> = GIVEN_NAMES_ALSO_WORDS.iter().collect();
        let sahel: Vec<&&str> = SAHEL_GIVEN_NAMES.iter().filter(|n| lower.contains(**n)).collect();
        assert_eq!(sahel, Vec::<&&str>::new(), "the region's given names are no ordinary words");
        assert_eq!(
            words, listed,
            "names that are also words must be listed in GIVEN_NAMES_ALSO_WORDS, and only they"
        );
        // Such a name starts a person only before a capitalized surname, never alone or before a word.
        let given: FxHashSet<String> = INTERNATIONAL_GIVEN_NAMES.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            names_with(&given, "Nicolas Haque, reporting for the channel, said so. Tim Cocks contributed."),
            [
                ("Nicolas Haque".to_string(), EntityType::Person, Rule::GivenName),
                ("Tim Cocks".to_string(), EntityType::Person, Rule::GivenName)
            ]
        );
        assert!(names_with(&given, "The marine units left; a pierre fell; Martin said no.").is_empty());
    }

    #[test]
    fn lists_announced_by_a_plural_place_noun_and_a_list_word() {
        let places = |text: &str| -> Vec<String> {
            names(text).into_iter().filter(|(_, k, _)| *k == EntityType::Place).map(|(n, _, _)| n).collect()
        };
        assert_eq!(
            places("ils ont attaqué plusieurs villages, dont Kelmo, Dabou et Tiré."),
            ["Kelmo", "Dabou", "Tiré"]
        );
        assert_eq!(places("gunmen raided three villages including Kelmo and Dabou."), ["Kelmo", "Dabou"]);
        assert_eq!(places("هاجموا قرى عدة، منها تيمي، دوبو، وتامبو."), ["تيمي", "دوبو", "تامبو"]);
        assert_eq!(places("وامتدت الهجمات إلى بلدات أخرى، هي “كاسو” و”ميرو”، حسب مصادر."), ["كاسو", "ميرو"]);
        assert_eq!(places("trois localités : Kelmo, Dabou et Tiré."), ["Kelmo", "Dabou", "Tiré"]);
        // A list word after another plural, or with no plural before it, announces nothing.
        assert!(places("plusieurs ministres, dont Kelmo Dabou, sont venus.").is_empty());
        assert!(places("The cities, including Kelmo and Dabou, were calm.").is_empty());
        assert!(places("Il a parlé, dont Kelmo.").is_empty());
    }

    #[test]
    fn the_other_items_of_a_list_with_a_place_are_places() {
        // "Kelmo" is proposed by its cue ("le village de"); the list it is in later gives the others.
        let surfaces = |text: &str| -> Vec<String> { names(text).into_iter().map(|(n, _, _)| n).collect() };
        let cue = "Le village de Kelmo est vide. ";
        assert_eq!(
            surfaces(&format!("{cue}Selon lui, Kelmo, Tiré, Panga Dougpou et Dabou ont été visés.")),
            ["Kelmo", "Kelmo", "Tiré", "Panga Dougpou", "Dabou"]
        );
        // Not a list without its coordinator, nor of two items; an item that starts with a given name
        // is left alone; a list with a person in it is not a list of places.
        assert_eq!(surfaces(&format!("{cue}Selon lui, Kelmo, Tiré a dit non.")), ["Kelmo", "Kelmo"]);
        assert_eq!(surfaces(&format!("{cue}Selon lui, Kelmo et Tiré.")), ["Kelmo", "Kelmo"]);
        assert_eq!(
            surfaces(&format!("{cue}Selon lui, Kelmo, Tiré, Amadou Diallo et Dabou.")),
            ["Kelmo", "Kelmo", "Amadou Diallo"],
            "a person (given name) in the list: not a list of places"
        );
        assert_eq!(
            surfaces(&format!("{cue}Le porte-parole Sidi Tiré, Kelmo, Dabou et Gando sont venus.")),
            ["Kelmo", "Sidi Tiré", "Kelmo"]
        );
    }

    #[test]
    fn tokens_and_gaps() {
        let mut buffer = String::new();
        let tokens = tokenize("le village de « Doumam », Gao et l’Azawad", &mut buffer);
        let gaps: Vec<Gap> = tokens.iter().map(|t| t.gap).collect();
        assert_eq!(
            gaps,
            [Gap::Break, Gap::Join, Gap::Join, Gap::Quote, Gap::Break, Gap::Join, Gap::Join, Gap::Join]
        );
    }
}
