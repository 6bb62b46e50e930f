#![cfg(not(target_arch = "wasm32"))]
//! Properties that hold for any text: mentions are sorted, disjoint, on character boundaries and word
//! boundaries, and each one folds to the variant it matched.

use std::sync::OnceLock;

use proptest::prelude::*;
use sahel_tagger::fold::{fold, is_word_char};
use sahel_tagger::Tagger;

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(Tagger::default)
}

fn variant_texts() -> &'static Vec<String> {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        tagger()
            .gazetteer()
            .entities()
            .iter()
            .flat_map(|e| e.variants.iter().map(|v| v.text.clone()))
            .collect()
    })
}

/// Pieces that texts are made of: real variants in mangled case, words that contain names, punctuation,
/// odd whitespace, marks, Arabic letters and clitics, emoji.
fn piece() -> impl Strategy<Value = String> {
    let variant = (0..variant_texts().len(), 0..3u8).prop_map(|(i, case)| {
        let v = &variant_texts()[i];
        match case {
            0 => v.clone(),
            1 => v.to_uppercase(),
            _ => v.to_lowercase(),
        }
    });
    prop_oneof![
        4 => variant,
        2 => "[a-zA-Zéèàçœ]{1,8}",
        2 => prop::sample::select(vec![
            " ", "  ", "\n", "\n\n", "\u{00A0}", "\u{202F}", "-", "–", "’", "'", ",", ".", "(", ")", "«", "»",
            "\u{0301}", "\u{00AD}", "\u{200B}", "😀", "ـ", "َ", "ّ", "و", "ب", "ال", "لل", "1", "24", "ٱ", "ﷲ",
            "malien", "Nigeria", "ien", "s", "x",
        ]).prop_map(str::to_string),
        1 => "\\PC{1,4}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn mentions_are_sorted_disjoint_and_on_boundaries(text in text()) {
        let tagger = tagger();
        let mentions = tagger.tag(&text);
        let mut last_end = 0;
        for m in &mentions {
            prop_assert!(m.start < m.end);
            prop_assert!(m.start >= last_end, "overlap or disorder in {:?}", mentions);
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            last_end = m.end;
            // The character after the mention is never part of a word.
            prop_assert!(!text[m.end..].chars().next().is_some_and(is_word_char), "{:?} in {:?}", m, text);
            // The character before is not part of a word, except for proclitics before an Arabic name.
            if let Some(before) = text[..m.start].chars().next_back() {
                let arabic_name = m.surface(&text).starts_with(|c| ('\u{0620}'..='\u{06FF}').contains(&c));
                prop_assert!(!is_word_char(before) || arabic_name, "{:?} in {:?}", m, text);
            }
            // The surface folds to the matched variant (or to it without its article after لل), unless
            // it was grown over a place designator ("province de Kossi"), which no variant need spell.
            let variant = fold(&tagger.variant(m).text);
            let surface = fold(m.surface(&text));
            prop_assert!(
                m.designator || surface == variant || format!("ال{surface}") == variant,
                "surface {:?} does not fold to variant {:?}", surface, variant
            );
            prop_assert_eq!(m.candidates[0], m.entity);
        }
    }

    #[test]
    fn folding_is_idempotent(text in text()) {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once.clone());
    }

    #[test]
    fn utf16_and_char_offsets_slice_the_surface(text in text()) {
        let mentions = tagger().tag(&text);
        let chars: Vec<char> = text.chars().collect();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for (m, (s, e)) in mentions.iter().zip(Tagger::char_spans(&text, &mentions)) {
            prop_assert_eq!(chars[s..e].iter().collect::<String>(), m.surface(&text));
        }
        for (m, (s, e)) in mentions.iter().zip(Tagger::utf16_spans(&text, &mentions)) {
            prop_assert_eq!(String::from_utf16(&utf16[s..e]).unwrap(), m.surface(&text));
        }
    }

    #[test]
    fn a_variant_alone_is_found(i in 0..10_000usize) {
        let texts = variant_texts();
        let v = &texts[i % texts.len()];
        let mentions = tagger().tag(v);
        // Exact-case and capitalized variants are written in their own case here, so every variant
        // standing alone is one mention covering all of it.
        prop_assert_eq!(mentions.len(), 1, "{:?} → {:?}", v, mentions);
        prop_assert_eq!(mentions[0].surface(v), v.as_str());
    }
}
