//! Hashes the source of the modules that shape a compile's result (how rustc is run, how its
//! output is read and normalized), for the result cache's key: changing any of them
//! invalidates every cached result, with no version number to remember to bump.

use sha2::{Digest, Sha256};

const SHAPING: [&str; 9] = [
    "src/cache.rs",
    "src/compile.rs",
    "src/diagnostic.rs",
    "src/miri.rs",
    "src/normalize.rs",
    "src/normalize/compiletest.rs",
    "src/process.rs",
    "src/sysroot.rs",
    "src/toolchain.rs",
];

fn main() {
    let mut h = Sha256::new();
    for file in SHAPING {
        println!("cargo:rerun-if-changed={file}");
        let text = std::fs::read(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        h.update(file.as_bytes());
        h.update([0]);
        h.update(&text);
    }
    let hex: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
    println!("cargo:rustc-env=SENDSYNC_SHAPE_HASH={hex}");
}
