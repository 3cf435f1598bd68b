//! The real-world evaluation set `eval/real/` holds together: every program listed once in
//! `MANIFEST.toml` with a cited source and labels that name failing corpus cases, the halves
//! balanced (about half the programs and half the tokio packages in each), at least 40 programs
//! and 20 tokio packages, each package its own workspace on tokio 1.47.1 with a lock, and no
//! program on disk that the manifest does not list. Accuracy is a benchmark figure
//! (`scripts/eval-real.py`), not a test: nothing here runs `explain`.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    program: Vec<Program>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Program {
    id: String,
    kind: String,
    tokio: bool,
    source: String,
    hit: String,
    labels: Vec<String>,
    half: String,
}

const HALVES: [&str; 2] = ["tuning", "held-out"];

fn eval_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/real")
}

/// The names of the corpus's failing cases: the only ones `explain` can answer with.
fn failing_cases() -> BTreeSet<String> {
    let corpus = sendsync::input::corpus::Corpus::load(&sendsync::input::corpus::bundled_root())
        .expect("the bundled corpus loads");
    corpus
        .cases
        .iter()
        .filter(|c| c.expectation.is_fail())
        .map(|c| c.name.clone())
        .collect()
}

/// Whether a package's manifest and lock pin tokio 1.47.1 (and nothing but rand 0.8.5 beside
/// it), and make the package a workspace of its own.
fn package_problems(id: &str, dir: &Path, tokio: bool) -> Vec<String> {
    let mut out = Vec::new();
    for file in ["Cargo.toml", "Cargo.lock", "src/main.rs"] {
        if !dir.join(file).is_file() {
            out.push(format!("{id}: the package has no {file}"));
        }
    }
    let Ok(text) = std::fs::read_to_string(dir.join("Cargo.toml")) else {
        return out;
    };
    let manifest: toml::Table = match toml::from_str(&text) {
        Ok(m) => m,
        Err(e) => return vec![format!("{id}: Cargo.toml: {e}")],
    };
    if !manifest.contains_key("workspace") {
        out.push(format!("{id}: Cargo.toml has no [workspace] of its own"));
    }
    let deps = manifest
        .get("dependencies")
        .and_then(|d| d.as_table())
        .cloned()
        .unwrap_or_default();
    let version = |name: &str| -> Option<String> {
        let dep = deps.get(name)?;
        dep.as_str()
            .or_else(|| dep.get("version").and_then(|v| v.as_str()))
            .map(String::from)
    };
    if tokio && version("tokio").as_deref() != Some("=1.47.1") {
        out.push(format!("{id}: Cargo.toml does not pin tokio \"=1.47.1\""));
    }
    for name in deps.keys() {
        let allowed = match name.as_str() {
            "tokio" => tokio,
            "rand" => version("rand").as_deref() == Some("=0.8.5"),
            _ => false,
        };
        if !allowed {
            out.push(format!(
                "{id}: dependency `{name}` is not tokio =1.47.1 or rand =0.8.5"
            ));
        }
    }
    if let Ok(lock) = std::fs::read_to_string(dir.join("Cargo.lock")) {
        if tokio && !lock.contains("name = \"tokio\"\nversion = \"1.47.1\"") {
            out.push(format!("{id}: Cargo.lock does not lock tokio 1.47.1"));
        }
    }
    out
}

/// Everything wrong with a manifest's text against the programs under `root` and the corpus's
/// failing `cases`.
fn problems(text: &str, root: &Path, cases: &BTreeSet<String>) -> Vec<String> {
    let manifest: Manifest = match toml::from_str(text) {
        Ok(m) => m,
        Err(e) => return vec![format!("MANIFEST.toml: {e}")],
    };
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for p in &manifest.program {
        let id = &p.id;
        if !seen.insert(id.clone()) {
            out.push(format!("{id}: listed twice"));
        }
        if !(p.source.starts_with("https://") && p.source.len() > "https://".len()) {
            out.push(format!("{id}: the source is not cited by its address"));
        }
        if p.hit.trim().is_empty() {
            out.push(format!("{id}: no `hit` (what the poster ran into)"));
        }
        if p.labels.is_empty() {
            out.push(format!("{id}: no labels"));
        }
        for label in &p.labels {
            if !cases.contains(label) {
                out.push(format!(
                    "{id}: label `{label}` is no failing case of the corpus"
                ));
            }
        }
        if !HALVES.contains(&p.half.as_str()) {
            out.push(format!("{id}: half `{}` is not tuning or held-out", p.half));
        }
        match p.kind.as_str() {
            "file" => {
                if p.tokio {
                    out.push(format!("{id}: a tokio program must be a package"));
                }
                if !root.join(format!("{id}.rs")).is_file() {
                    out.push(format!("{id}: no file {id}.rs"));
                }
            }
            "package" => out.extend(package_problems(id, &root.join(id), p.tokio)),
            other => out.push(format!("{id}: kind `{other}` is not file or package")),
        }
    }

    // Nothing on disk that the manifest does not list.
    if let Ok(entries) = std::fs::read_dir(root) {
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let id = if path.is_dir() {
                name.clone()
            } else if let Some(stem) = name.strip_suffix(".rs") {
                stem.to_string()
            } else {
                continue;
            };
            if !seen.contains(&id) {
                out.push(format!("{name}: a program the manifest does not list"));
            }
        }
    }

    let programs = &manifest.program;
    let tokio: Vec<&Program> = programs.iter().filter(|p| p.tokio).collect();
    if programs.len() < 40 {
        out.push(format!("{} programs, fewer than 40", programs.len()));
    }
    if tokio.len() < 20 || 2 * tokio.len() < programs.len() {
        out.push(format!(
            "{} tokio packages of {} programs: at least 20 and half are needed",
            tokio.len(),
            programs.len()
        ));
    }
    let count = |set: &[&Program], half: &str| set.iter().filter(|p| p.half == half).count();
    let all: Vec<&Program> = programs.iter().collect();
    for (what, set) in [("programs", &all), ("tokio packages", &tokio)] {
        let (tuning, held) = (count(set, "tuning"), count(set, "held-out"));
        if tuning.abs_diff(held) > 1 {
            out.push(format!(
                "the halves are not balanced: {tuning} tuning and {held} held-out {what}"
            ));
        }
    }
    out
}

#[test]
fn the_real_set_is_whole_cited_labelled_and_split_in_balanced_halves() {
    let root = eval_root();
    let text = std::fs::read_to_string(root.join("MANIFEST.toml")).expect("MANIFEST.toml reads");
    let found = problems(&text, &root, &failing_cases());
    assert!(found.is_empty(), "eval/real/MANIFEST.toml: {found:#?}");
}

/// The checks catch what they are for: a made-up manifest with one of each mistake.
#[test]
fn a_broken_manifest_is_reported_problem_by_problem() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("alpha.rs"), "fn main() {}\n").unwrap();
    std::fs::write(root.join("stray.rs"), "fn main() {}\n").unwrap();
    std::fs::create_dir_all(root.join("beta/src")).unwrap();
    std::fs::write(
        root.join("beta/Cargo.toml"),
        "[package]\nname = \"beta\"\nversion = \"0.1.0\"\n\n[dependencies]\ntokio = \"1\"\nserde = \"1\"\n",
    )
    .unwrap();
    std::fs::write(root.join("beta/src/main.rs"), "fn main() {}\n").unwrap();
    let cases: BTreeSet<String> = ["rc_config_into_spawn".to_string()].into();
    let text = r#"
[[program]]
id = "alpha"
kind = "file"
tokio = false
source = "somewhere on the web"
hit = "an Rc in a thread"
labels = ["rc_config_into_spawn", "no_such_case"]
half = "tuning"

[[program]]
id = "beta"
kind = "package"
tokio = true
source = "https://github.com/o/r/issues/1"
hit = ""
labels = []
half = "tuning"

[[program]]
id = "alpha"
kind = "file"
tokio = false
source = "https://github.com/o/r/issues/2"
hit = "again"
labels = ["rc_config_into_spawn"]
half = "later"
"#;
    let found = problems(text, root, &cases);
    for expected in [
        "alpha: the source is not cited by its address",
        "alpha: label `no_such_case` is no failing case of the corpus",
        "beta: no `hit` (what the poster ran into)",
        "beta: no labels",
        "beta: the package has no Cargo.lock",
        "beta: Cargo.toml has no [workspace] of its own",
        "beta: Cargo.toml does not pin tokio \"=1.47.1\"",
        "beta: dependency `serde` is not tokio =1.47.1 or rand =0.8.5",
        "alpha: listed twice",
        "alpha: half `later` is not tuning or held-out",
        "stray.rs: a program the manifest does not list",
        "3 programs, fewer than 40",
        "1 tokio packages of 3 programs: at least 20 and half are needed",
        "the halves are not balanced: 2 tuning and 0 held-out programs",
    ] {
        assert!(
            found.iter().any(|f| f == expected),
            "`{expected}` not reported; found {found:#?}"
        );
    }
    assert!(
        problems("[[program]]\nid = 3\n", root, &cases)[0].starts_with("MANIFEST.toml: "),
        "a manifest that does not parse is one problem naming the file"
    );
}
