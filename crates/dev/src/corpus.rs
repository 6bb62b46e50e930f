//! Synthetic, deterministic benchmark inputs: news-like text in French, English and Arabic written from
//! our own sentence templates, and gazetteers of chosen sizes.
//!
//! Shared by the criterion benchmark (`crates/dev/benches/tagging.rs`) and the cross-tool harness
//! (`crates/dev/examples/bench_inputs.rs` writes them to files), so every contender reads the same bytes.

use sahel_tagger::{Entity, EntityType, Gazetteer, GazetteerBuilder, Tier, Variant};

/// A small, fast, seedable generator (xorshift64*), so inputs are identical from run to run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    #[allow(clippy::should_implement_trait)] // an endless generator, not an iterator
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// Sentence templates, written for this benchmark. `{G}` is an armed group, `{F}` a force, `{P}` a
// place, `{N}` a person, `{M}` an outlet, `{X}` a name from the large synthetic gazetteer.
const FRENCH: &[&str] = &[
    "Selon {M}, des hommes armés se réclamant du {G} ont attaqué un poste de {F} près de {P} mardi à l'aube.",
    "Les habitants de {P} disent avoir vu des motos se diriger vers {X}, à une trentaine de kilomètres.",
    "Le ministre {N} a annoncé le renforcement du dispositif militaire entre {P} et {P}.",
    "Un convoi de ravitaillement a sauté sur un engin explosif sur l'axe {P}–{X}, d'après une source locale.",
    "La population de {X} a fui vers {P} après des menaces répétées attribuées au {G}.",
    "Dans un communiqué diffusé par {M}, le {G} affirme contrôler plusieurs villages autour de {P}.",
    "Les marchés hebdomadaires de {P} et de {X} restent fermés depuis le début du blocus.",
    "Des frappes de drones ont visé des positions présumées du {G} au sud de {P}, selon l'état-major.",
];
const ENGLISH: &[&str] = &[
    "According to {M}, fighters loyal to {G} raided an outpost of {F} near {P} early on Tuesday.",
    "Residents of {X} said armed men on motorbikes had been seen heading towards {P}.",
    "{N} told reporters that the security situation around {P} was improving.",
    "A humanitarian convoy travelling from {P} to {X} was held up for three days at a checkpoint.",
    "Local officials in {P} blamed {G} for the killing of two village chiefs near {X}.",
    "The statement, relayed by {M}, claimed that {F} had withdrawn from {P} overnight.",
];
const ARABIC: &[&str] = &[
    "أفادت {M} بأن مسلحين من {G} هاجموا موقعا لـ{F} قرب {P} فجر الثلاثاء.",
    "قال سكان من {X} إن عشرات الدراجات النارية شوهدت متجهة نحو {P}.",
    "أعلن {N} عن تعزيزات عسكرية جديدة في منطقة {P}.",
    "نزح مئات المدنيين من {X} إلى {P} بعد تهديدات نسبت إلى {G}.",
];
const FILLER: &[&str] = &[
    "La situation reste tendue dans la zone, où les routes sont coupées depuis plusieurs semaines.",
    "Aucun bilan officiel n'a été communiqué à ce stade, et les communications restent difficiles.",
    "Officials could not be reached for comment, and the figures could not be independently verified.",
    "The rainy season has made several tracks impassable, slowing the movement of troops and aid.",
    "وتبقى الاتصالات الهاتفية مقطوعة في معظم القرى المجاورة منذ أسابيع.",
];

/// Names by slot kind, taken from a gazetteer's variants.
struct Slots {
    groups: Vec<String>,
    forces: Vec<String>,
    places: Vec<String>,
    people: Vec<String>,
    media: Vec<String>,
    extra: Vec<String>,
}

impl Slots {
    fn from(gazetteer: &Gazetteer, extra: &[String]) -> Slots {
        let names = |kind: EntityType| -> Vec<String> {
            gazetteer
                .entities()
                .iter()
                .filter(|e| e.kind == kind && e.tier != Tier::Geonames)
                .flat_map(|e| e.variants.iter().map(|v| v.text.clone()))
                .collect()
        };
        Slots {
            groups: names(EntityType::ArmedGroup),
            forces: names(EntityType::Force),
            places: names(EntityType::Place),
            people: names(EntityType::Person),
            media: names(EntityType::Media),
            extra: if extra.is_empty() { names(EntityType::Place) } else { extra.to_vec() },
        }
    }
}

/// About `bytes` of news-like text (one paragraph per line, blank lines between articles), with
/// names from `gazetteer` and from `extra` (the synthetic names, when benchmarking a large gazetteer).
pub fn news_text(bytes: usize, gazetteer: &Gazetteer, extra: &[String], seed: u64) -> String {
    let slots = Slots::from(gazetteer, extra);
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 1024);
    while out.len() < bytes {
        let language = rng.below(10);
        let templates = match language {
            0..=4 => FRENCH,
            5..=7 => ENGLISH,
            _ => ARABIC,
        };
        for _ in 0..(3 + rng.below(4)) {
            let template = *rng.pick(templates);
            fill(template, &slots, &mut rng, &mut out);
            out.push(' ');
            if rng.below(3) == 0 {
                out.push_str(rng.pick::<&str>(FILLER));
                out.push(' ');
            }
        }
        out.push_str(if rng.below(4) == 0 { "\n\n" } else { "\n" });
    }
    out
}

fn fill(template: &str, slots: &Slots, rng: &mut Rng, out: &mut String) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let kind = &rest[open + 1..open + 2];
        let list = match kind {
            "G" => &slots.groups,
            "F" => &slots.forces,
            "P" => &slots.places,
            "N" => &slots.people,
            "M" => &slots.media,
            _ => &slots.extra,
        };
        let name = rng.pick(list);
        // Real text is not always in the gazetteer's case.
        match rng.below(12) {
            0 => out.push_str(&name.to_uppercase()),
            1 => out.push_str(&name.to_lowercase()),
            _ => out.push_str(name),
        }
        rest = &rest[open + 3..];
    }
    out.push_str(rest);
}

const SYLLABLES: &[&str] = &[
    "ba", "bou", "da", "di", "dou", "fa", "ga", "gou", "ka", "ki", "ko", "kou", "la", "ma", "mo", "na", "ni",
    "no", "ou", "ra", "sa", "se", "si", "so", "ta", "te", "ti", "to", "wa", "ya", "za", "dio", "kan", "sin",
];

/// `count` distinct pseudo place names ("Koudiomasa", "Tin-Bara" ...) that are not in the gazetteer.
pub fn synthetic_names(count: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut seen = std::collections::HashSet::with_capacity(count);
    let mut names = Vec::with_capacity(count);
    while names.len() < count {
        let mut name = String::new();
        for _ in 0..(2 + rng.below(3)) {
            name.push_str(rng.pick::<&str>(SYLLABLES));
        }
        let mut chars = name.chars();
        let mut name: String = chars.next().unwrap().to_uppercase().chain(chars).collect();
        match rng.below(6) {
            0 => name = format!("Tin-{name}"),
            1 => name.push_str(" Peul"),
            _ => {}
        }
        if seen.insert(name.to_lowercase()) {
            names.push(name);
        }
    }
    names
}

/// The embedded gazetteer plus one GeoNames-tier place entity per synthetic name.
pub fn large_gazetteer(names: &[String]) -> Gazetteer {
    let mut builder = GazetteerBuilder::with_embedded();
    for (i, name) in names.iter().enumerate() {
        let mut entity = Entity::new(format!("synthetic:{i}"), name.clone(), EntityType::Place);
        entity.variants = vec![Variant::new(name.clone())];
        entity.tier = Tier::Geonames;
        builder.add_entity(entity);
    }
    builder.build().expect("synthetic gazetteer is valid")
}
