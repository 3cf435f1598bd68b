//! The library's layers point one way: a module uses the layers below it and the foundation,
//! never one above it (the module map at the top of `src/lib.rs`). Read from the source, so an
//! upward `crate::…` path anywhere in a module (its tests included) fails here, naming the file
//! and the line.

use std::path::{Path, PathBuf};

/// The layers from the bottom up; the foundation is the modules at the crate's root.
const LAYERS: [&str; 6] = [
    "foundation",
    "toolchain",
    "input",
    "engine",
    "drift",
    "learn",
];
const FOUNDATION: [&str; 6] = ["error", "paths", "fs", "work", "render", "lib"];

/// The layer a module of the library belongs to, by its path below `src/`.
fn layer_of_file(rel: &Path) -> Option<usize> {
    let first = rel.components().next()?.as_os_str().to_str()?;
    let stem = first.strip_suffix(".rs").unwrap_or(first);
    if FOUNDATION.contains(&stem) {
        return Some(0);
    }
    LAYERS.iter().position(|l| *l == stem)
}

/// The layer a `crate::<first>` path names, if it names a module of the library.
fn layer_of_path(first: &str) -> Option<usize> {
    if FOUNDATION.contains(&first) {
        return Some(0);
    }
    LAYERS.iter().position(|l| *l == first)
}

/// Every `crate::<module>` a source names outside comments, with its line: paths, and the
/// top-level names of `use crate::{a, b::c}` groups.
fn crate_paths(source: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + "crate::".len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // `sendsync_crate::`, not ours
            }
            if let Some(group) = rest.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                for item in group[..end].split(',') {
                    let name: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        out.push((i + 1, name));
                    }
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                out.push((i + 1, name));
            }
        }
    }
    out
}

/// What is wrong with one module's imports: each upward path, as `file:line: …`.
fn upward_imports(rel: &Path, source: &str) -> Vec<String> {
    let Some(own) = layer_of_file(rel) else {
        return vec![];
    };
    crate_paths(source)
        .into_iter()
        .filter_map(|(line, first)| {
            let to = layer_of_path(&first)?;
            (to > own).then(|| {
                format!(
                    "src/{}:{line}: the {} layer uses `crate::{first}`, a layer above it ({})",
                    rel.display(),
                    LAYERS[own],
                    LAYERS[to]
                )
            })
        })
        .collect()
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_uses_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rs_files(&src, &mut files);
    let mut placed = 0;
    let mut wrong = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        // The binaries sit above every layer.
        if rel.starts_with("cli") || rel.starts_with("bin") || rel == Path::new("main.rs") {
            continue;
        }
        assert!(
            layer_of_file(rel).is_some(),
            "src/{} is in no layer: put it in one of {LAYERS:?}'s folders (or the foundation) and in the module map",
            rel.display()
        );
        placed += 1;
        wrong.extend(upward_imports(rel, &std::fs::read_to_string(file).unwrap()));
    }
    assert!(placed > 40, "only {placed} modules found below src/");
    assert!(wrong.is_empty(), "upward imports:\n{}", wrong.join("\n"));
}

#[test]
fn the_rule_catches_an_upward_path_in_any_form() {
    let input = Path::new("input/case.rs");
    assert!(upward_imports(
        input,
        "use crate::toolchain::Version;\nuse crate::error::Result;\n"
    )
    .is_empty());
    let wrong = upward_imports(
        input,
        "use crate::{error::Result, engine::check::Verdict};\nfn f() { crate::learn::miri::run(); }\n// crate::drift in a comment\n",
    );
    assert_eq!(
        wrong,
        [
            "src/input/case.rs:1: the input layer uses `crate::engine`, a layer above it (engine)",
            "src/input/case.rs:2: the input layer uses `crate::learn`, a layer above it (learn)",
        ]
    );
    // The foundation uses nothing but itself.
    assert_eq!(
        upward_imports(Path::new("fs.rs"), "use crate::toolchain::Toolchain;\n").len(),
        1
    );
    assert!(upward_imports(Path::new("fs.rs"), "use crate::error::Error;\n").is_empty());
    // A module outside every layer is caught by the folder check, not silently passed.
    assert_eq!(layer_of_file(Path::new("stray.rs")), None);
}
