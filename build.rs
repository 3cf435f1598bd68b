//! Hashes the source of every module that can shape a cached result (how a case is read, how
//! rustc, the program and Miri are run, how their output is read and normalized, how a result
//! is judged and stored), for the result cache's key: changing any of them invalidates every
//! cached result, with no version number to remember to bump.
//!
//! The set is derived, not listed: every `.rs` file under `src/`, less the modules that only
//! read results and render or compare them ([`CONSUMERS`]). A new module is hashed until it is
//! added there, so a forgotten one costs a cold cache, never a stale result; and a module that
//! stores results in the cache cannot be taken out (the build stops, naming it). `Cargo.lock`
//! is hashed too: the crates that read rustc's JSON (serde_json) shape a result as well.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Files and folders (ending in `/`) of `src/` whose code never reaches a cached result: the
/// binary's argument parsing and printing, the pages, the reports, and the layers that compare
/// results already made (drift, matrix, history, chains) or explain a user's error. Editing them
/// keeps the cache warm.
const CONSUMERS: [&str; 13] = [
    "src/bin/", // trybuild's rustc wrapper: sendsync's own compiles never run it
    "src/cli/",
    "src/drift/",
    "src/engine/chain/",
    "src/engine/difference.rs",
    "src/engine/report.rs",
    "src/learn/explain/",
    "src/learn/mod.rs",
    "src/learn/pages.rs",
    "src/learn/pages/",
    "src/learn/table/render.rs",
    "src/lib.rs",
    "src/main.rs",
];

/// What a module that stores results in the cache contains.
const STORES: [&str; 3] = ["Cache::key", "put_value(", "cache.put("];

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .path();
        if path.is_dir() {
            rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn main() {
    // A folder: cargo reruns this script when anything below it changes (a new module too).
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let mut files = Vec::new();
    rs_files(Path::new("src"), &mut files);
    files.sort();
    let mut h = Sha256::new();
    let mut hashed = Vec::new();
    for path in files
        .iter()
        .map(PathBuf::as_path)
        .chain([Path::new("Cargo.lock")])
    {
        let name = path.to_string_lossy().replace('\\', "/");
        let text = std::fs::read(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let consumer = CONSUMERS.iter().any(|c| match c.strip_suffix('/') {
            Some(dir) => name.starts_with(&format!("{dir}/")),
            None => name == *c,
        });
        if consumer {
            let text = String::from_utf8_lossy(&text);
            if let Some(s) = STORES.iter().find(|s| text.contains(*s)) {
                panic!(
                    "{name} stores results in the cache (`{s}`), so its code shapes them: take it out of CONSUMERS in build.rs"
                );
            }
            continue;
        }
        h.update(name.as_bytes());
        h.update([0]);
        h.update(&text);
        hashed.push(name);
    }
    let hex: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
    println!("cargo:rustc-env=SENDSYNC_SHAPE_HASH={hex}");
    // For the test that holds the set to what reaches a result (`cache::tests`).
    println!("cargo:rustc-env=SENDSYNC_SHAPE_FILES={}", hashed.join(" "));
}
