//! Texts built to be slow: tagging each takes time linear in its length. Each family is tagged at two
//! sizes, 16 times apart; the larger must take well under 256 times as long (what a quadratic check
//! would cost): under 48 times, room for a loaded machine. `make bench` measures the same families in MB/s (`examples/bench_native.rs`).

use std::sync::OnceLock;
use std::time::Instant;

use sahel_tagger::{GazetteerBuilder, Options, Tagger, Tier};

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(Tagger::default)
}

/// Tags `make(size)` at two sizes 16 times apart and fails if the time grows much faster than the size.
fn assert_linear(family: &str, small: usize, make: impl Fn(usize) -> String) {
    assert_linear_by(family, small, make, |text| tagger().tag(text).len())
}

/// [`assert_linear`] with another way to tag (`tag` returns the number of mentions).
fn assert_linear_by(family: &str, small: usize, make: impl Fn(usize) -> String, tag: impl Fn(&str) -> usize) {
    let time = |size: usize| {
        let text = make(size);
        let mut best = f64::MAX;
        let mut mentions = 0;
        // The best of several runs: one quiet moment of a shared machine is enough.
        for _ in 0..7 {
            let started = Instant::now();
            mentions = tag(&text);
            best = best.min(started.elapsed().as_secs_f64());
        }
        (best.max(1e-4), text.len(), mentions)
    };
    time(small / 8);
    let (t1, n1, m1) = time(small);
    let (t16, n16, m16) = time(16 * small);
    let ratio = t16 / t1;
    eprintln!(
        "{family}: {n1} B in {t1:.4} s ({m1} mentions), {n16} B in {t16:.4} s ({m16} mentions): {ratio:.1}x"
    );
    assert!(
        ratio < 48.0,
        "{family}: 16 times the text took {ratio:.1} times as long ({t1:.4} s, {t16:.4} s)"
    );
}

#[test]
fn one_long_line_of_acronyms() {
    // Every EI is an exact-case candidate whose all-caps rule looks at the nearest words on its line:
    // that rule used to scan back to the line's start each time (22 s for 2.4 MB).
    assert_linear("selon l'EI, ", 8_000, |n| "selon l'EI, ".repeat(n));
}

#[test]
fn one_long_line_of_one_letter_words_and_acronyms() {
    // Words of one letter do not count as neighbours: the nearest word of two letters is far away.
    assert_linear("EI x x x", 3_000, |n| format!("SELON {}", "EI x x x x x x x x ".repeat(n)));
}

#[test]
fn all_caps_text() {
    assert_linear("all caps", 2_000, |n| "L'ARMÉE ET L'UN DES CHEFS DE L'EI À SAY, MOPTI ET GAO. ".repeat(n));
}

#[test]
fn long_runs_of_combining_marks() {
    assert_linear("marks", 1_000, |n| {
        format!("Gao{} EI{} ", "\u{301}".repeat(20), "\u{64E}".repeat(20)).repeat(n)
    });
}

#[test]
fn a_long_word_before_an_arabic_name() {
    // The designator step looks for an Arabic designator ("منطقة") at the end of the word before an
    // Arabic name; it folded every suffix of that word (3 s for a word of 20,000 letters).
    assert_linear("long word, Arabic name", 20_000, |n| format!("{} تمبكتو", "x".repeat(n)));
    assert_linear("marked word, Arabic name", 5_000, |n| format!("و{}منطقة تمبكتو", "\u{64E}ـ".repeat(n)));
}

#[test]
fn a_surname_repeated_through_a_long_text() {
    // Named in full once, then by the surname alone, which is also a village of the GeoNames layer (a
    // doubtful name). Dropped (no evidence), each was compared with every mention to see whether a
    // surname covers it; kept (unconfirmed, `possible`), each surname that replaces one was compared
    // with every mention of the text (the CLI with the GeoNames layer: 5.6 s for 1.1 MB).
    let mut builder = GazetteerBuilder::with_embedded();
    builder.add_tsv(
        "villages.tsv",
        "#sahel-tagger-tsv 1\ttest\n\
         gn:1\tTraoré\tplace\tvillage\tML\t\t\t\t1\t\t^?Traoré\n\
         gn:2\tMerci\tplace\tvillage\tML\t\t\t\t2\t\t^?Merci\n",
        Tier::Geonames,
    );
    let tagger = Tagger::new(builder.build().expect("the layer loads"));
    for (family, repeated) in [("surname", "Traoré a dit. "), ("surname, word", "Traoré a dit : Merci. ")] {
        let text = |n: usize| format!("Le capitaine Ibrahim Traoré a parlé. {}", repeated.repeat(n));
        assert_linear_by(family, 1_000, text, |text| tagger.tag(text).len());
        // Doubtful names kept (unconfirmed), each replaced by the person.
        let possible = Options { possible: true, ..Options::MENTIONS_ONLY };
        assert_linear_by(family, 1_000, text, |text| tagger.tag_with(text, &possible).mentions.len());
    }
}

#[test]
fn opening_parentheses_that_never_close() {
    // The acronym rule looks for the closing parenthesis after each opening one: it used to search the
    // rest of the text each time.
    let unlisted = Options { unlisted: true, ..Options::MENTIONS_ONLY };
    assert_linear_by(
        "( without )",
        2_000,
        |n| "Le Collectif de Gao (CDG ".repeat(n),
        |text| {
            let tagged = tagger().tag_with(text, &unlisted);
            tagged.mentions.len() + tagged.unlisted.len()
        },
    );
}
