//! `sendsync check` agrees with trybuild on the pinned toolchain: on a copy of a failing case
//! that both must accept, and on deliberately broken copies that both must reject. (On the
//! whole corpus, `tests/ui.rs` runs trybuild and `tests/corpus.rs` runs the same comparison.)

mod common;

use sendsync::engine::check::{self, Options, Verdict};
use sendsync::input::case::Case;
use std::path::{Path, PathBuf};

/// Copies a case and its pinned stderr into `<base>/<dir>/`, with the copy's path in the
/// stderr.
fn copy_case(
    base: &Path,
    name: &str,
    dir: &str,
    edit_source: impl Fn(&str) -> String,
    edit_stderr: impl Fn(&str) -> String,
) -> PathBuf {
    let case = common::cases()
        .into_iter()
        .find(|c| c.name == name)
        .expect("the case exists");
    let to = base.join(dir);
    std::fs::create_dir_all(&to).unwrap();
    let path = to.join(format!("{name}.rs"));
    std::fs::write(&path, edit_source(&case.source)).unwrap();
    let from_rel = common::rel(&case.path).display().to_string();
    let to_rel = common::rel(&path).display().to_string();
    let mut stderr = std::fs::read_to_string(case.stderr_path()).unwrap();
    let target = sendsync::input::corpus::package_root().join("target");
    if path.starts_with(&target) {
        // Below the target folder trybuild leaves `-->` paths absolute.
        stderr = stderr.replace(
            &format!("--> {from_rel}"),
            &format!("--> {}", path.display()),
        );
    }
    let stderr = stderr.replace(&from_rel, &to_rel);
    std::fs::write(path.with_extension("stderr"), edit_stderr(&stderr)).unwrap();
    path
}

fn trybuild_accepts(path: &Path) -> bool {
    let rel = common::rel(path);
    common::hide_std_sources_from_trybuild();
    std::panic::catch_unwind(|| {
        let t = trybuild::TestCases::new();
        t.compile_fail(rel);
    })
    .is_ok()
}

fn sendsync_accepts(path: &Path) -> bool {
    let tc = common::pinned_toolchain("agreement").unwrap();
    let case = Case::load(path).unwrap();
    let mut options = Options::new(sendsync::input::corpus::package_root());
    options.cache = None;
    let r = check::check_one(&tc, &case, &options);
    println!(
        "sendsync on {}: {} {}",
        path.display(),
        r.verdict.as_str(),
        r.reason
    );
    r.verdict == Verdict::Ok
}

#[test]
fn check_agrees_with_trybuild() {
    // The deliberate mismatches below print red blocks: keep them inside the test.
    if !common::in_quiet_child("check_agrees_with_trybuild") {
        return;
    }
    if !common::active_is_pinned("trybuild agreement") {
        return;
    }
    if std::env::var_os("TRYBUILD").is_some() {
        common::skip(
            common::Need::Nothing,
            format_args!(
                "trybuild agreement: TRYBUILD is set, so trybuild would rewrite the files"
            ),
        );
        return;
    }
    // Inside the package, where paths become relative; and below `target/`, where trybuild
    // leaves them absolute.
    let root = sendsync::input::corpus::package_root();
    let inside = tempfile::Builder::new()
        .prefix(".agreement-")
        .tempdir_in(&root)
        .unwrap();
    // Below `target/` only the spelling of paths differs, so the copy that both accept is
    // enough there; the copies that differ in content are compared inside the package.
    agree_on_copies(inside.path(), true);
    // trybuild's rule is about its cargo's target folder: the package's `target/` unless
    // CARGO_TARGET_DIR moves it out of the package, where the rule does not arise.
    let target = sendsync::paths::target_dir();
    if target != root.join("target") {
        common::skip(
            common::Need::Nothing,
            format_args!(
            "trybuild agreement below target/: CARGO_TARGET_DIR ({}) is not the package's target/",
            target.display()
        ),
        );
        return;
    }
    std::fs::create_dir_all(&target).unwrap();
    let below_target = tempfile::Builder::new()
        .prefix("agreement-")
        .tempdir_in(&target)
        .unwrap();
    agree_on_copies(below_target.path(), false);
}

fn agree_on_copies(base: &Path, every_copy: bool) {
    let name = "rc_config_into_spawn";
    let same = copy_case(base, name, "same", str::to_string, str::to_string);
    if !every_copy {
        agree(&same, true);
        return;
    }
    // A change in a label's wording only: the codes agree, the rendering does not.
    let label = copy_case(base, name, "label", str::to_string, |s| {
        s.replacen(
            "cannot be sent between threads safely",
            "cannot be sent between threads",
            1,
        )
    });
    // A change in the program that moves its error to another line.
    let moved = copy_case(
        base,
        name,
        "moved",
        |s| s.replacen("fn main() {", "fn main() {\n", 1),
        str::to_string,
    );
    // Trailing white space and "aborting" lines are normalized away by both.
    let trailing = copy_case(base, name, "trailing", str::to_string, |s| {
        s.replace('\n', "  \n")
    });
    for (path, want) in [
        (&same, true),
        (&label, false),
        (&moved, false),
        (&trailing, false),
    ] {
        agree(path, want);
    }
}

/// trybuild and sendsync give the same verdict on `path`, and it is `want`.
fn agree(path: &Path, want: bool) {
    let tb = trybuild_accepts(path);
    let ss = sendsync_accepts(path);
    assert_eq!(
        tb,
        ss,
        "trybuild {} but sendsync {} {}",
        verdict(tb),
        verdict(ss),
        path.display()
    );
    assert_eq!(
        tb,
        want,
        "{} was expected to be {}",
        path.display(),
        verdict(want)
    );
}

fn verdict(accepts: bool) -> &'static str {
    if accepts {
        "accepts"
    } else {
        "rejects"
    }
}

/// trybuild's own normalization test vectors (its `src/tests/*.rs`, read from the registry
/// copy that cargo fetched for this dev-dependency), run through `src/engine/normalize.rs`. Those that
/// need rules the port leaves out (a workspace, path dependencies, Windows paths, …) are listed
/// by name in `UNPORTED`: the list states precisely what `check` does not accept as trybuild
/// does, and the test fails when it is wrong in either direction.
#[test]
fn trybuild_normalization_vectors() {
    // Both need trybuild's `$WORKSPACE` and path-dependency rules: spans in other files of a
    // cargo workspace, or of a path dependency. A case here is one std-only file, so its
    // diagnostics never point there.
    const UNPORTED: &[&str] = &["consteval", "strip-path-dependencies"];
    let Some(dir) = trybuild_tests_dir() else {
        common::skip(
            common::Need::Nothing,
            format_args!(
                "trybuild's normalization vectors: trybuild's source is not in cargo's registry"
            ),
        );
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut failing = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let v = parse_vector(&text).unwrap_or_else(|| panic!("cannot read {}", file.display()));
        let dir = v
            .get("DIR")
            .map_or("/git/trybuild/test_suite", String::as_str);
        let target = v
            .get("TARGET")
            .map_or("/git/trybuild/target", String::as_str);
        let source_dir = format!("{dir}/");
        let target_dir = format!("{target}/");
        let cx = sendsync::engine::normalize::Context {
            krate: "trybuild000",
            source_dir: &source_dir,
            input_file: v.get("INPUT").map_or("tests/ui/error.rs", String::as_str),
            target_dir: &target_dir,
        };
        let got = sendsync::engine::normalize::stderr([v["original"].as_str()], &cx);
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        if got.trim_end() != v["expected"].trim_end() {
            failing.push(name);
        }
    }
    assert!(
        files.len() >= 20,
        "only {} vectors in {}",
        files.len(),
        dir.display()
    );
    assert_eq!(
        failing, UNPORTED,
        "trybuild's vectors that src/engine/normalize.rs does not reproduce"
    );
}

fn trybuild_tests_dir() -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    let lock =
        std::fs::read_to_string(sendsync::input::corpus::package_root().join("Cargo.lock")).ok()?;
    let version = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"trybuild\""))?
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))?
        .trim_end_matches('"')
        .to_string();
    std::fs::read_dir(home.join("registry/src"))
        .ok()?
        .flatten()
        .map(|index| index.path().join(format!("trybuild-{version}/src/tests")))
        .find(|p| p.is_dir())
}

/// Reads `test_normalize! { DIR="…" … "original" "expected" }`: the named settings, then the
/// two string literals (plain or raw), unescaped.
fn parse_vector(text: &str) -> Option<std::collections::BTreeMap<String, String>> {
    let mut rest = text.split_once('{')?.1;
    let mut out = std::collections::BTreeMap::new();
    let mut literals = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.starts_with('}') || rest.is_empty() {
            break;
        }
        let mut key = None;
        if let Some((k, after)) = rest.split_once('=') {
            if k.chars().all(|c| c.is_ascii_uppercase()) && !k.is_empty() {
                key = Some(k.to_string());
                rest = after;
            }
        }
        let (value, after) = string_literal(rest)?;
        rest = after;
        match key {
            Some(k) => {
                out.insert(k, value);
            }
            None => literals.push(value),
        }
    }
    let [original, expected]: [String; 2] = literals.try_into().ok()?;
    out.insert("original".into(), original);
    out.insert("expected".into(), expected);
    Some(out)
}

fn string_literal(s: &str) -> Option<(String, &str)> {
    if let Some(raw) = s.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let body = raw[hashes..].strip_prefix('"')?;
        let end = format!("\"{}", "#".repeat(hashes));
        let (value, after) = body.split_once(&end)?;
        return Some((value.to_string(), after));
    }
    let body = s.strip_prefix('"')?;
    let mut value = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((value, &body[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => value.push('\n'),
                't' => value.push('\t'),
                '\n' => {
                    // A line continuation: skip the next line's leading white space.
                    let rest = &body[i + 2..];
                    let skipped = rest.len() - rest.trim_start().len();
                    for _ in 0..rest[..skipped].chars().count() {
                        chars.next();
                    }
                }
                other => value.push(other),
            },
            c => value.push(c),
        }
    }
    None
}
