//! Folds 2 MB of one script (argument: `latin` or `arabic`), for callgrind per-byte costs.
use sahel_tagger::fold::{fold_with_origins, Folded};

fn main() {
    let which = std::env::args().nth(1).unwrap_or_else(|| "latin".into());
    let unit = if which == "arabic" {
        "أفادت مصادر محلية بأن مسلحين هاجموا موقعا للجيش قرب تمبكتو فجر الثلاثاء. "
    } else {
        "Selon des sources locales, des hommes armés ont attaqué un poste de l'armée près de Gao mardi. "
    };
    let text = unit.repeat((2 << 20) / unit.len());
    let mut folded = Folded::default();
    fold_with_origins(&text, &mut folded);
    println!("{} -> {} bytes, {} starts", text.len(), folded.as_str().len(), folded.starts().len());
}
