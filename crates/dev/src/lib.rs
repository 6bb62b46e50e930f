//! Development tools of sahel-tagger, never published: the synthetic benchmark corpus and the scorer
//! of the evaluation sets (`tests/eval/` at the repository root). The examples (`make bench` inputs and
//! native figures, profiling helpers), the criterion benchmark and the evaluation gate
//! (`tests/eval.rs`) use them.

pub mod corpus;
pub mod scorer;
