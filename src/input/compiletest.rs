//! Reading rustc's own UI tests (compiletest's format) as cases, so that `check` and `matrix`
//! run on a copy of `tests/ui` from rust-lang/rust as compiletest runs them.
//!
//! A file is a compiletest test when its `//@` lines are compiletest's directives
//! (`check-pass`, `run-pass`, `edition:2018`, `compile-flags: …`, `revisions: …`, …) rather
//! than ours. Its expectation comes from `*-pass`, else from the `.stderr` beside it (the
//! `error[E….]` lines give the codes), else it is expected to fail with any error; its
//! `.stderr` is then compared as compiletest normalizes it ([`crate::engine::normalize::compiletest`]).
//! As in compiletest (`src/tools/compiletest/src/directives.rs` in rust-lang/rust): no
//! `//@ edition` means rustc's default, 2015; `compile-flags` are split on whitespace except
//! inside single quotes; `only-*`, `ignore-*` and `needs-*` are held against the host of the
//! toolchain that checks the test ([`crate::toolchain::host`]). What cannot be honoured here (revisions, `-Z`
//! flags, auxiliary crates, run-fail tests) makes the case not applicable, with the reason.

use crate::input::case::{Case, Expectation, Format};
use crate::input::props::{Condition, Props, Rule};
use crate::input::spanned::Spanned;
use std::collections::BTreeSet;
use std::path::Path;

/// The edition of a test that names none: compiletest then passes rustc no `--edition`.
pub(crate) const EDITION: &str = "2015";

/// compiletest's directive names (the part before `:` or the first space).
const KNOWN: &[&str] = &[
    "check-pass",
    "build-pass",
    "run-pass",
    "check-fail",
    "build-fail",
    "run-fail",
    "run-crash",
    "run-fail-or-crash",
    "edition",
    "compile-flags",
    "revisions",
    "aux-build",
    "aux-crate",
    "aux-bin",
    "aux-codegen-backend",
    "proc-macro",
    "known-bug",
    "error-pattern",
    "regex-error-pattern",
    "forbid-output",
    "normalize-stderr",
    "normalize-stderr-test",
    "normalize-stderr-32bit",
    "normalize-stderr-64bit",
    "normalize-stdout",
    "normalize-stdout-test",
    "dont-check-compiler-stderr",
    "dont-check-compiler-stdout",
    "dont-check-failure-status",
    "dont-require-annotations",
    "check-run-results",
    "check-test-line-numbers-match",
    "run-flags",
    "exec-env",
    "unset-exec-env",
    "rustc-env",
    "unset-rustc-env",
    "failure-status",
    "should-fail",
    "should-ice",
    "no-prefer-dynamic",
    "no-auto-check-cfg",
    "incremental",
    "pretty-mode",
    "pretty-expanded",
    "pretty-compare-only",
    "force-host",
    "stderr-per-bitwidth",
    "check-stdout",
    "ignore-pass",
    "run-rustfix",
    "rustfix-only-machine-applicable",
    "min-llvm-version",
    "max-llvm-major-version",
    "remap-src-base",
    "add-core-stubs",
    "add-minicore",
    "compare-output-by-lines",
];

/// `ignore-*` names that are not target conditions (compiletest's `EXTERNAL_IGNORES_LIST`,
/// and `ignore-pass`, which is about `--pass`): nothing here makes them ignore a test.
const NOT_CONDITIONS: &[&str] = &[
    "ignore-pass",
    "ignore-backends",
    "ignore-gdb-version",
    "ignore-llvm-version",
    "ignore-parallel-frontend",
];

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
pub(crate) fn directives(source: &str) -> Option<Vec<Spanned<String>>> {
    let found: Vec<Spanned<String>> = source
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let d = l.trim_start().strip_prefix("//@")?;
            Some(Spanned::new(i + 1, d.trim().to_string()))
        })
        .collect();
    let ours_only = ["pass", "fail", "fix", "min-rust", "book"];
    let any_ours = found
        .iter()
        .any(|d| ours_only.contains(&key_of(d)) && !is_compiletest_key(key_of(d)));
    let any_theirs = found.iter().any(|d| is_compiletest_key(key_of(d)));
    (any_theirs && !any_ours).then_some(found)
}

/// Whether the file at `path` is a compiletest test, and its directives: compiletest's `//@`
/// lines, or no `//@` line at all but `//~` error annotations or a `.stderr` beside it with
/// `error` lines.
pub(crate) fn detect(path: &Path, source: &str) -> Option<Vec<Spanned<String>>> {
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

/// compiletest's own split of `compile-flags` (and `run-flags`): on whitespace, except that a
/// single-quoted part is one flag, spaces kept (`--cfg 'feature="x y"'`). Double quotes are
/// passed on as written, as compiletest passes them (`--cfg feature="x"` is rustc's syntax),
/// which is why this is not a shell's split.
pub(crate) fn split_flags(flags: &str) -> Vec<String> {
    flags
        .split('\'')
        .enumerate()
        .flat_map(|(i, part)| {
            if i % 2 == 1 {
                vec![part]
            } else {
                part.split_whitespace().collect()
            }
        })
        .map(str::to_owned)
        .collect()
}

/// The regex and replacement of a `normalize-*` directive's value, `"REGEX" -> "REPLACEMENT"`,
/// as compiletest's `parse_normalize_rule` reads it: no escaped quotes, `\n` in the
/// replacement a newline.
fn parse_rule(value: &str) -> Option<(String, String)> {
    let rest = value.trim_start().strip_prefix('"')?;
    let (regex, rest) = rest.split_once('"')?;
    let rest = rest.strip_prefix(char::is_whitespace)?.trim_start();
    let rest = rest.strip_prefix("->")?;
    let rest = rest.strip_prefix(char::is_whitespace)?.trim_start();
    let replacement = rest.strip_prefix('"')?.strip_suffix('"')?;
    if replacement.contains('"') {
        return None;
    }
    Some((regex.to_string(), replacement.replace("\\n", "\n")))
}

/// The edition a `//@ edition` value tests: the value, or a range's lower bound (`2018..`,
/// `2018..2024`), as compiletest tests a range when no edition is asked for.
fn edition_of(value: &str) -> &str {
    value.split_once("..").map_or(value, |(low, _)| low).trim()
}

/// Fills `case` (a header-less case of `path`) from compiletest directives.
pub(crate) fn apply(case: &mut Case, path: &Path, directives: &[Spanned<String>]) {
    case.format = Format::Compiletest;
    case.edition = EDITION.to_string();
    let mut props = Props::default();
    let mut pass = None;
    let mut unsupported: Vec<String> = Vec::new();
    for Spanned { line, value: d } in directives {
        let key = key_of(d);
        let value = value_of(d, key);
        match key {
            "check-pass" | "build-pass" => {
                pass = Some(true);
                case.check_only = true;
            }
            "run-pass" => pass = Some(true),
            "check-fail" | "build-fail" => pass = Some(false),
            "run-fail" | "run-crash" | "run-fail-or-crash" => {
                unsupported.push(format!("`{key}` (a program expected to fail at run time)"))
            }
            "edition" => case.edition = edition_of(value).to_string(),
            "compile-flags" => compile_flags(value, case, &mut unsupported),
            "normalize-stderr"
            | "normalize-stderr-test"
            | "normalize-stderr-32bit"
            | "normalize-stderr-64bit" => match normalize_rule(key, value, *line) {
                Ok(rule) => props.normalize_stderr.push(rule),
                Err(why) => unsupported.push(why),
            },
            "dont-check-compiler-stderr" => props.check_stderr = false,
            "stderr-per-bitwidth" => props.stderr_per_bitwidth = true,
            "revisions" => unsupported.push(format!("revisions ({value})")),
            "aux-build" | "aux-crate" | "aux-bin" | "aux-codegen-backend" | "proc-macro" => {
                unsupported.push(format!("the auxiliary crate `{value}`"))
            }
            "add-core-stubs" | "add-minicore" => {
                unsupported.push("compiletest's `minicore` stubs".into())
            }
            "should-ice" => unsupported.push("`should-ice` (an expected compiler crash)".into()),
            "incremental" | "pretty-mode" | "pretty-expanded" | "pretty-compare-only" => {
                unsupported.push(format!("compiletest's `{key}` mode"))
            }
            k if NOT_CONDITIONS.contains(&k) => {}
            k if k.starts_with("needs-") || k.starts_with("only-") || k.starts_with("ignore-") => {
                props.conditions.push(Condition {
                    line: *line,
                    name: k.to_string(),
                    value: value.to_string(),
                })
            }
            _ => {} // directives about output checking do not change the outcome
        }
    }
    if !crate::input::directives::EDITIONS.contains(&case.edition.as_str()) {
        unsupported.push(format!("edition `{}`", case.edition));
        case.edition = EDITION.into();
    }
    if !unsupported.is_empty() {
        case.unsupported = Some(format!("compiletest test needs {}", unsupported.join(", ")));
    }
    case.expectation = expectation_of(pass, path);
    case.compiletest = Some(props);
}

/// A test is expected to pass when a `*-pass` directive says so; else to fail with the error
/// codes of its `.stderr` (any error, when it names none).
fn expectation_of(pass: Option<bool>, path: &Path) -> Expectation {
    match pass {
        Some(true) => Expectation::Pass,
        _ => match stderr_codes(&path.with_extension("stderr")) {
            Some(codes) if !codes.is_empty() => Expectation::Fail(codes),
            _ => Expectation::FailAny,
        },
    }
}

/// What follows a directive's key, its `:` left out.
fn value_of<'a>(d: &'a str, key: &str) -> &'a str {
    d[key.len()..]
        .trim_start()
        .strip_prefix(':')
        .unwrap_or(&d[key.len()..])
        .trim()
}

/// A `compile-flags` directive's flags, onto the case's; the unstable (`-Z`) ones, which a
/// stable rustc refuses, into `unsupported`.
fn compile_flags(value: &str, case: &mut Case, unsupported: &mut Vec<String>) {
    let mut flags = split_flags(value).into_iter();
    while let Some(flag) = flags.next() {
        if flag == "-Z" {
            // `-Z name`: the value is part of the unstable flag, not a flag.
            let name = flags.next().unwrap_or_default();
            unsupported.push(format!("the unstable flag `-Z {name}`"));
        } else if flag.starts_with("-Z") {
            unsupported.push(format!("the unstable flag `{flag}`"));
        } else {
            case.flags.push(flag);
        }
    }
}

/// A `normalize-stderr*` directive's rule (of line `line`), or why this reader cannot use it.
fn normalize_rule(key: &str, value: &str, line: usize) -> Result<Rule, String> {
    match parse_rule(value) {
        Some((regex, replacement)) => match regex_lite::Regex::new(&regex) {
            Ok(_) => Ok(Rule {
                regex,
                replacement,
                bits: key
                    .strip_prefix("normalize-stderr-")
                    .and_then(|b| b.strip_suffix("bit").and_then(|b| b.parse().ok())),
            }),
            Err(e) => Err(format!(
                "the `{key}` rule of line {line}, whose regex this reader cannot compile ({e})"
            )),
        },
        None => Err(format!(
            "the `{key}` rule of line {line}, which is not `\"REGEX\" -> \"REPLACEMENT\"`"
        )),
    }
}

/// The error codes of a compiletest `.stderr`: `E0277` for `error[E0277]: …`, `-` for an
/// error without a code. `None` when there is no such file.
pub(crate) fn stderr_codes(path: &Path) -> Option<BTreeSet<String>> {
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
                "//@ compile-flags: -Z threads=2\nfn main() {}\n",
                "`-Z threads=2`",
            ),
            ("//@ run-crash\nfn main() {}\n", "run-crash"),
            (
                "//@ normalize-stderr: \"(\" -> \"x\"\nfn main() {}\n",
                "cannot compile",
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

    #[test]
    fn flags_split_as_compiletest_splits_them() {
        assert_eq!(
            split_flags("--cfg 'feature=\"x y\"' -A  unused"),
            ["--cfg", "feature=\"x y\"", "-A", "unused"]
        );
        assert_eq!(
            split_flags("--cfg feature=\"plain\""),
            ["--cfg", "feature=\"plain\""]
        );
        assert_eq!(split_flags("  "), Vec::<String>::new());
    }

    #[test]
    fn editions_default_to_2015_and_ranges_to_their_lower_bound() {
        assert_eq!(case("//@ check-pass\nfn main() {}\n", None).edition, "2015");
        assert_eq!(case("fn main() { x } //~ ERROR\n", None).edition, "2015");
        assert_eq!(
            case("//@ edition: 2018..\nfn main() {}\n", None).edition,
            "2018"
        );
        assert_eq!(
            case("//@ edition:2021..2024\nfn main() {}\n", None).edition,
            "2021"
        );
        let ours = Case::parse(
            Path::new("x.rs"),
            "//! T\n//!\n//! E.\n//@ pass\nfn main() {}\n".into(),
            true,
        )
        .unwrap();
        assert_eq!(ours.edition, crate::input::case::DEFAULT_EDITION);
    }

    #[test]
    fn normalize_rules_are_read_as_compiletest_reads_them() {
        assert_eq!(
            parse_rule(r#""\d+ bytes" -> "N bytes""#),
            Some((r"\d+ bytes".into(), "N bytes".into()))
        );
        assert_eq!(
            parse_rule(r#" "a" -> "b\nc""#),
            Some(("a".into(), "b\nc".into()))
        );
        assert_eq!(parse_rule(r#""a" "b""#), None);
    }
}
