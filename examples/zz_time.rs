use std::time::Instant;
fn main() {
    let text = std::fs::read_to_string("bench/out/inputs/news.txt").unwrap();
    let g = sahel_tagger::Gazetteer::embedded();
    let a = sahel_tagger::Tagger::new(g.clone());
    let b = sahel_tagger::Tagger::with_options(g.clone(), sahel_tagger::Options { tolerant: false, grammar: true });
    for _ in 0..5 {
        let t = Instant::now(); let n = a.tag(&text).len(); let ta = t.elapsed().as_secs_f64();
        let t = Instant::now(); let m = b.tag(&text).len(); let tb = t.elapsed().as_secs_f64();
        println!("tolerant {:.0} ms ({n})  exact {:.0} ms ({m})  ratio {:.3}", ta*1e3, tb*1e3, tb/ta);
    }
}
