//! The default gazetteer, embedded at build time.
//!
//! `build.rs` lists every `gazetteer/*.toml` file and generates `include_str!` calls for them, so adding
//! a file to the folder is enough to ship it, and the library needs no file system at run time (the
//! WebAssembly build has none).

include!(concat!(env!("OUT_DIR"), "/embedded_gazetteer.rs"));

/// The embedded files, as `(file name, contents)`, in name order.
pub fn embedded_sources() -> &'static [(&'static str, &'static str)] {
    EMBEDDED_FILES
}
