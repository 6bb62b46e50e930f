//! Tagging throughput (MB/s) on 10 MB of synthetic French/English/Arabic news text, with the embedded
//! gazetteer and with ~50k synthetic names on top; and gazetteer build time.
//!
//! `cargo bench --bench tagging` (criterion prints the figures; MiB/s under "thrpt").

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use sahel_tagger::{Gazetteer, Tagger};

use sahel_tagger_dev::corpus;

const TEXT_BYTES: usize = 10 << 20;
const LARGE_NAMES: usize = 50_000;

fn tagging(c: &mut Criterion) {
    let default = Gazetteer::embedded();
    let names = corpus::synthetic_names(LARGE_NAMES, 7);
    let large = corpus::large_gazetteer(&names);

    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("default gazetteer (parse + compile)", |b| {
        b.iter(|| Tagger::new(Gazetteer::embedded()))
    });
    group.bench_function("compile ~50k-name gazetteer", |b| b.iter(|| Tagger::new(large.clone())));
    group.finish();

    let mut group = c.benchmark_group("tag 10 MB");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(TEXT_BYTES as u64));
    let tagger = Tagger::new(default.clone());
    let text = corpus::news_text(TEXT_BYTES, &default, &[], 1);
    group.bench_function("default gazetteer", |b| b.iter(|| black_box(tagger.tag(black_box(&text))).len()));
    let tagger = Tagger::new(large.clone());
    let text = corpus::news_text(TEXT_BYTES, &large, &names, 2);
    group.bench_function("~50k-name gazetteer", |b| b.iter(|| black_box(tagger.tag(black_box(&text))).len()));
    group.finish();
}

criterion_group!(benches, tagging);
criterion_main!(benches);
