//! Reading rustc's own UI tests (compiletest's format) as cases, so that `check` and `matrix`
//! run on a copy of `tests/ui` from rust-lang/rust.
//!
//! A file is a compiletest test when its `//@` lines are compiletest's directives
//! (`check-pass`, `run-pass`, `edition:2018`, `compile-flags: …`, `revisions: …`, …) rather
//! than ours. Its expectation comes from `*-pass`, else from the `.stderr` beside it (the
//! `error[E….]` lines give the codes), else it is expected to fail with any error. What cannot
//! be honoured here (revisions, `-Z` flags, auxiliary crates, run-fail tests) makes the case
//! not applicable, with the reason.

use crate::case::{Case, Expectation, Format};
use std::collections::BTreeSet;
use std::path::Path;

/// compiletest's directive names (the part before `:` or the first space).
const KNOWN: &[&str] = &[
    "check-pass",
    "build-pass",
    "run-pass",
    "check-fail",
    "build-fail",
    "run-fail",
    "edition",
    "compile-flags",
    "revisions",
    "aux-build",
    "aux-crate",
    "aux-bin",
    "proc-macro",
    "known-bug",
    "error-pattern",
    "normalize-stderr",
    "normalize-stderr-test",
    "normalize-stdout",
    "normalize-stdout-test",
    "dont-check-compiler-stderr",
    "dont-check-compiler-stdout",
    "dont-require-annotations",
    "check-run-results",
    "run-flags",
    "exec-env",
    "rustc-env",
    "unset-rustc-env",
    "failure-status",
    "should-fail",
    "no-prefer-dynamic",
    "incremental",
    "pretty-mode",
    "pretty-expanded",
    "force-host",
    "stderr-per-bitwidth",
    "check-stdout",
    "needs-unwind",
    "ignore-pass",
    "run-rustfix",
    "rustfix-only-machine-applicable",
    "min-llvm-version",
];

/// What this machine is, for `only-*` and `ignore-*`.
const HERE: &[&str] = &["x86_64", "linux", "unix", "64bit", "gnu", "elf"];

fn key_of(directive: &str) -> &str {
    directive
        .split(|c: char| c == ':' || c.is_whitespace())
        .next()
        .unwrap_or("")
}

fn is_compiletest_key(key: &str) -> bool {
    KNOWN.contains(&key)
        || key.starts_with("ignore-")
        || key.starts_with("only-")
        || key.starts_with("needs-")
        || key.starts_with("revisions")
}

/// The `//@` directives of a file, with their line numbers, when they are compiletest's: at
/// least one is a compiletest directive and none is one of ours alone.
pub fn directives(source: &str) -> Option<Vec<(usize, String)>> {
    let found: Vec<(usize, String)> = source
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let d = l.trim_start().strip_prefix("//@")?;
            Some((i + 1, d.trim().to_string()))
        })
        .collect();
    let ours_only = ["pass", "fail", "fix", "min-rust", "book"];
    let any_ours = found
        .iter()
        .any(|(_, d)| ours_only.contains(&key_of(d)) && !is_compiletest_key(key_of(d)));
    let any_theirs = found.iter().any(|(_, d)| is_compiletest_key(key_of(d)));
    (any_theirs && !any_ours).then_some(found)
}

/// Whether the file at `path` is a compiletest test, and its directives: compiletest's `//@`
/// lines, or no `//@` line at all but `//~` error annotations or a `.stderr` beside it with
/// `error` lines.
pub fn detect(path: &Path, source: &str) -> Option<Vec<(usize, String)>> {
    if let Some(found) = directives(source) {
        return Some(found);
    }
    if source.lines().any(|l| l.trim_start().starts_with("//@")) {
        return None;
    }
    let annotated = source.contains("//~");
    let stderr = stderr_codes(&path.with_extension("stderr")).is_some_and(|c| !c.is_empty());
    (annotated || stderr).then(Vec::new)
}

/// Fills `case` (a header-less case of `path`) from compiletest directives.
pub fn apply(case: &mut Case, path: &Path, directives: &[(usize, String)]) {
    case.format = Format::Compiletest;
    let mut pass = None;
    let mut unsupported: Vec<String> = Vec::new();
    for (_, d) in directives {
        let key = key_of(d);
        let value = d[key.len()..]
            .trim_start()
            .strip_prefix(':')
            .unwrap_or(&d[key.len()..])
            .trim();
        match key {
            "check-pass" | "build-pass" => {
                pass = Some(true);
                case.check_only = true;
            }
            "run-pass" => pass = Some(true),
            "check-fail" | "build-fail" => pass = Some(false),
            "run-fail" => {
                unsupported.push("`run-fail` (a program expected to fail at run time)".into())
            }
            "edition" => case.edition = value.to_string(),
            "compile-flags" => {
                for flag in value.split_whitespace() {
                    if flag.starts_with("-Z") {
                        unsupported.push(format!("the unstable flag `{flag}`"));
                    } else {
                        case.flags.push(flag.to_string());
                    }
                }
            }
            "revisions" => unsupported.push(format!("revisions ({value})")),
            "aux-build" | "aux-crate" | "aux-bin" | "proc-macro" => {
                unsupported.push(format!("the auxiliary crate `{value}`"))
            }
            "incremental" | "pretty-mode" | "pretty-expanded" => {
                unsupported.push(format!("compiletest's `{key}` mode"))
            }
            k if k.starts_with("needs-") => unsupported.push(format!("`{k}`")),
            k if k.starts_with("only-") => {
                let what = &k["only-".len()..];
                if !HERE.contains(&what) {
                    unsupported.push(format!("`{k}` (this is x86_64 Linux)"));
                }
            }
            k if k.starts_with("ignore-") => {
                let what = &k["ignore-".len()..];
                if HERE.contains(&what) {
                    unsupported.push(format!("`{k}` (this is x86_64 Linux)"));
                }
            }
            _ => {} // directives about output checking do not change the outcome
        }
    }
    if !["2015", "2018", "2021", "2024"].contains(&case.edition.as_str()) {
        unsupported.push(format!("edition `{}`", case.edition));
        case.edition = crate::case::DEFAULT_EDITION.into();
    }
    if !unsupported.is_empty() {
        case.unsupported = Some(format!("compiletest test needs {}", unsupported.join(", ")));
    }
    case.expectation = match pass {
        Some(true) => Expectation::Pass,
        _ => match stderr_codes(&path.with_extension("stderr")) {
            Some(codes) if !codes.is_empty() => Expectation::Fail(codes),
            _ => Expectation::FailAny,
        },
    };
}

/// The error codes of a compiletest `.stderr`: `E0277` for `error[E0277]: …`, `-` for an
/// error without a code. `None` when there is no such file.
pub fn stderr_codes(path: &Path) -> Option<BTreeSet<String>> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut codes = BTreeSet::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("error[") {
            if let Some((code, _)) = rest.split_once(']') {
                codes.insert(code.to_string());
            }
        } else if let Some(msg) = line.strip_prefix("error: ") {
            if !msg.starts_with("aborting due to") && !msg.starts_with("could not compile") {
                codes.insert("-".to_string());
            }
        }
    }
    Some(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(source: &str, stderr: Option<&str>) -> Case {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.rs");
        std::fs::write(&path, source).unwrap();
        if let Some(s) = stderr {
            std::fs::write(dir.path().join("t.stderr"), s).unwrap();
        }
        Case::load_lenient(&path).unwrap()
    }

    #[test]
    fn outcomes_come_from_pass_directives_or_the_stderr() {
        let c = case("//@ check-pass\n//@ edition:2018\nfn main() {}\n", None);
        assert_eq!(c.format, Format::Compiletest);
        assert_eq!(c.expectation, Expectation::Pass);
        assert!(c.check_only);
        assert_eq!(c.edition, "2018");
        let c = case("//@ run-pass\nfn main() {}\n", None);
        assert!(!c.check_only);
        let c = case(
            "//@ edition: 2021\nfn main() { let x: i32 = \"\"; } //~ ERROR mismatched types\n",
            Some("error[E0308]: mismatched types\n  --> $DIR/t.rs:1:26\n\nerror: aborting due to 1 previous error\n"),
        );
        assert_eq!(
            c.expectation,
            Expectation::Fail(["E0308".to_string()].into())
        );
        let c = case("//@ edition:2021\nfn main() { x } //~ ERROR\n", None);
        assert_eq!(c.expectation, Expectation::FailAny);
        // No directive at all: the annotations, or the `.stderr`, say it is a UI test.
        let c = case("fn main() { x } //~ ERROR cannot find\n", None);
        assert_eq!(c.format, Format::Compiletest);
        let c = case(
            "fn main() { x }\n",
            Some("error[E0425]: cannot find value `x`\n"),
        );
        assert_eq!(
            c.expectation,
            Expectation::Fail(["E0425".to_string()].into())
        );
        let c = case("fn main() {}\n", None);
        assert_eq!(c.format, Format::Plain);
    }

    #[test]
    fn what_cannot_be_honoured_is_not_applicable() {
        for (src, why) in [
            ("//@ revisions: a b\nfn main() {}\n", "revisions (a b)"),
            (
                "//@ compile-flags: -Zunstable-options\nfn main() {}\n",
                "-Zunstable-options",
            ),
            ("//@ aux-build:helper.rs\nfn main() {}\n", "helper.rs"),
            (
                "//@ only-windows\n//@ check-pass\nfn main() {}\n",
                "only-windows",
            ),
        ] {
            let c = case(src, None);
            let reason = c.unsupported.unwrap_or_default();
            assert!(reason.contains(why), "{src}: {reason}");
        }
        let c = case(
            "//@ compile-flags: --cfg foo\n//@ check-pass\nfn main() {}\n",
            None,
        );
        assert_eq!(c.unsupported, None);
        assert_eq!(c.flags, ["--cfg", "foo"]);
        let c = case("//@ ignore-windows\n//@ check-pass\nfn main() {}\n", None);
        assert_eq!(c.unsupported, None);
    }

    #[test]
    fn ours_are_not_compiletest() {
        assert!(directives("//! T\n//!\n//! E.\n//@ pass\nfn main() {}\n").is_none());
        assert!(directives("fn main() {}\n").is_none());
        assert!(directives("// c\n//@ run-pass\n// more\n//@ edition:2018\n").is_some());
    }
}
