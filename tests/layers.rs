//! The library's layers point one way: a module uses the layers below it and the foundation,
//! never one above it (the module map at the top of `src/lib.rs`). Read from the source, so an
//! upward `crate::…` path anywhere in a module (its tests included) fails here, naming the file
//! and the line.

use std::path::{Path, PathBuf};

/// The layers from the bottom up; the foundation is the modules at the crate's root.
const LAYERS: [&str; 7] = [
    "foundation",
    "toolchain",
    "input",
    "engine",
    "drift",
    "learn",
    "uitest",
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

/// The source with every `//` comment blanked out (lines kept, so offsets still give lines).
fn code_of(source: &str) -> String {
    source
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::a::b::…` path a source names outside comments, with its line: whole (up to
/// the first character that cannot be in a path), and the items of `use crate::{…}` groups
/// (over several lines too) joined onto the path before the group.
fn crate_refs(source: &str) -> Vec<(usize, String)> {
    let code = code_of(source);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("crate::").map(|i| from + i) {
        from = at + "crate::".len();
        if code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue; // `sendsync_crate::`, not ours
        }
        let line = code[..at].matches('\n').count() + 1;
        let rest = &code[from..];
        let path: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let path = path.trim_end_matches(':').to_string();
        let after = rest[path.len()..].trim_start_matches(':');
        match after.strip_prefix('{') {
            Some(group) => expand(&path, group, line, &mut out),
            None => out.push((line, path)),
        }
    }
    out
}

/// The paths of a `use` group (the text after its `{`), nested groups included, each joined
/// onto `prefix`.
fn expand(prefix: &str, group: &str, line: usize, out: &mut Vec<(usize, String)>) {
    let join = |item: &str| match (prefix.is_empty(), item.is_empty()) {
        (_, true) => prefix.to_string(),
        (true, false) => item.to_string(),
        (false, false) => format!("{prefix}::{item}"),
    };
    let (mut depth, mut start) = (0, 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' if depth == 0 => {
                let head: String = group[start..i].split_whitespace().collect();
                expand(
                    &join(head.trim_end_matches(':')),
                    &group[i + 1..],
                    line,
                    out,
                );
                depth += 1;
            }
            '{' => depth += 1,
            '}' if depth == 0 => {
                let item: String = group[start..i].split_whitespace().collect();
                if !item.is_empty() {
                    out.push((line, join(&item)));
                }
                return;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    start = i + 1;
                }
            }
            ',' if depth == 0 => {
                let item: String = group[start..i].split_whitespace().collect();
                if !item.is_empty() {
                    out.push((line, join(&item)));
                }
                start = i + 1;
            }
            _ => {}
        }
    }
}

/// The first segment (`crate::<module>`) of every path [`crate_refs`] finds.
fn crate_paths(source: &str) -> Vec<(usize, String)> {
    crate_refs(source)
        .into_iter()
        .map(|(line, p)| (line, p.split("::").next().unwrap_or("").to_string()))
        .collect()
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

/// A module's path from its file below `src/`: `input/case.rs` is `input::case`,
/// `toolchain/mod.rs` is `toolchain`.
fn module_of(rel: &Path) -> String {
    let s = rel.to_string_lossy().replace('\\', "/");
    let s = s.strip_suffix(".rs").unwrap_or(&s);
    let s = s.strip_suffix("/mod").unwrap_or(s);
    s.replace('/', "::")
}

/// The paths of [`crate_refs`], without their lines.
fn full_paths(source: &str) -> Vec<String> {
    crate_refs(source).into_iter().map(|(_, p)| p).collect()
}

/// The cycles among modules: each strongly connected set of two or more modules, where an
/// edge runs from a module to the longest module a `crate::` path of it names. A module and
/// the modules inside its own folder are one unit (a parent declares its children; a child
/// uses its parent's items), so edges between them do not count.
fn cycles(modules: &[(String, String)]) -> Vec<Vec<String>> {
    let names: Vec<&str> = modules.iter().map(|(m, _)| m.as_str()).collect();
    let related = |a: &str, b: &str| {
        a == b || a.starts_with(&format!("{b}::")) || b.starts_with(&format!("{a}::"))
    };
    let edges: Vec<Vec<usize>> = modules
        .iter()
        .map(|(from, source)| {
            let mut to: Vec<usize> = full_paths(source)
                .iter()
                .filter_map(|p| {
                    (0..names.len())
                        .filter(|&i| p == names[i] || p.starts_with(&format!("{}::", names[i])))
                        .max_by_key(|&i| names[i].len())
                })
                .filter(|&i| !related(from, names[i]))
                .collect();
            to.sort();
            to.dedup();
            to
        })
        .collect();
    // Which modules reach which (the graph is small: a few dozen modules).
    let n = names.len();
    let mut reach = vec![vec![false; n]; n];
    for (i, row) in reach.iter_mut().enumerate() {
        let mut stack = edges[i].clone();
        while let Some(j) = stack.pop() {
            if !row[j] {
                row[j] = true;
                stack.extend(&edges[j]);
            }
        }
    }
    let mut seen = vec![false; n];
    let mut out = Vec::new();
    for i in 0..n {
        if seen[i] || !reach[i][i] {
            continue;
        }
        let set: Vec<String> = (0..n)
            .filter(|&j| j == i || (reach[i][j] && reach[j][i]))
            .inspect(|&j| seen[j] = true)
            .map(|j| names[j].to_string())
            .collect();
        out.push(set);
    }
    out
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

/// The library's modules as (module path, source), the binaries left out.
fn library_modules() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rs_files(&src, &mut files);
    files.sort();
    files
        .iter()
        .filter_map(|file| {
            let rel = file.strip_prefix(&src).unwrap();
            let binary = rel.starts_with("cli") || rel.starts_with("bin");
            (!binary && rel != Path::new("main.rs") && rel != Path::new("lib.rs"))
                .then(|| (module_of(rel), std::fs::read_to_string(file).unwrap()))
        })
        .collect()
}

#[test]
fn no_two_modules_use_each_other() {
    let modules = library_modules();
    assert!(modules.len() > 40, "only {} modules", modules.len());
    let found = cycles(&modules);
    assert!(
        found.is_empty(),
        "import cycles (each set of modules reaches itself):\n{}",
        found
            .iter()
            .map(|c| c.join(" <-> "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn a_cycle_is_found_through_any_path_form() {
    let m = |name: &str, source: &str| (name.to_string(), source.to_string());
    let modules = [
        m("input::case", "use crate::input::compiletest::Props;\n"),
        m(
            "input::compiletest",
            "use crate::{error::Result, input::case::Case};\n",
        ),
        m(
            "engine::check",
            "fn f() { crate::input::case::Case::load(p); }\n",
        ),
        m("learn::pages", "use crate::learn::pages::site::x;\n"),
        m("learn::pages::site", "use crate::learn::pages::Page;\n"),
        m("error", "// crate::engine::check in a comment\n"),
    ];
    assert_eq!(
        cycles(&modules),
        [vec![
            "input::case".to_string(),
            "input::compiletest".to_string()
        ]]
    );
    assert_eq!(
        full_paths("use crate::{\n    error::Result,\n    input::{case::{Case, Format}, manifest},\n};\nfn f() { crate::work::run(); }\n"),
        ["error::Result", "input::case::Case", "input::case::Format", "input::manifest", "work::run"]
    );
    assert_eq!(module_of(Path::new("toolchain/mod.rs")), "toolchain");
    assert_eq!(
        module_of(Path::new("engine/normalize/later.rs")),
        "engine::normalize::later"
    );
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
