//! Embeds every `gazetteer/*.toml` file into the library (see `src/gazetteer/embedded.rs`).

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("gazetteer/ folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    // A content hash makes the version change whenever the data does.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut code = String::from(
        "/// The embedded gazetteer files.\npub(crate) static EMBEDDED_FILES: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap().to_string_lossy();
        for b in fs::read(path).expect("readable gazetteer file") {
            hash = (hash ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
        writeln!(code, "    ({name:?}, include_str!({:?})),", path.display().to_string()).unwrap();
    }
    code.push_str("];\n");
    writeln!(
        code,
        "/// Version of the embedded gazetteer: crate version and a hash of the files.\npub const EMBEDDED_VERSION: &str = \"{}+{:08x}\";",
        env!("CARGO_PKG_VERSION"),
        hash as u32
    )
    .unwrap();
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("embedded_gazetteer.rs"), code).unwrap();
}
