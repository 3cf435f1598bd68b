//! Judging: an outcome held against what its case expects, as a verdict and the reason for it.

use super::pin::{compare_pinned, Pin};
use super::Verdict;
use crate::engine::compile::{Kind, Outcome};
use crate::input::case::{Case, Expectation, HANG_PROBE};
use crate::toolchain::Toolchain;
use std::collections::BTreeSet;

/// Whether the program was built and its run overran the time limit.
pub(super) fn is_hang(outcome: &Outcome) -> bool {
    outcome.kind == Kind::Timeout && outcome.run.as_ref().is_some_and(|r| r.timed_out)
}

/// Holds an outcome against the case's expectation. `pin` is the pinned `.stderr`, compared
/// only on the pinned toolchain.
pub(super) fn judge(case: &Case, outcome: &Outcome, pin: &Pin) -> (Verdict, String) {
    if case.hangs && case.expectation == Expectation::Pass {
        return expected_hang(outcome);
    }
    match outcome.kind {
        Kind::Ice => return (Verdict::Ice, first_error(outcome)),
        Kind::Timeout => {
            let what = if outcome.run.is_some() {
                "the program"
            } else {
                "rustc"
            };
            return (
                Verdict::Timeout,
                format!("{what} overran its time limit and was killed"),
            );
        }
        Kind::Pass | Kind::Fail => {}
    }
    match &case.expectation {
        Expectation::Unspecified => (Verdict::NoExpectation, String::new()),
        Expectation::Pass => expected_pass(outcome),
        Expectation::FailAny => match outcome.kind {
            Kind::Pass => (
                Verdict::Mismatch,
                "expected to fail, but it compiled".into(),
            ),
            _ => (Verdict::Ok, String::new()),
        },
        Expectation::Fail(want) => expected_fail(case, outcome, pin, want),
        Expectation::Lint(want) => expected_lints(case, outcome, pin, want),
    }
}

/// A `native: hangs` case that is meant to compile: its run must overrun [`HANG_PROBE`].
fn expected_hang(outcome: &Outcome) -> (Verdict, String) {
    match outcome.kind {
        _ if is_hang(outcome) => (Verdict::Ok, String::new()),
        Kind::Ice => (Verdict::Ice, first_error(outcome)),
        Kind::Timeout => (
            Verdict::Timeout,
            "rustc overran its time limit and was killed".into(),
        ),
        Kind::Fail => (
            Verdict::Mismatch,
            format!("expected to compile, but: {}", first_error(outcome)),
        ),
        Kind::Pass => (
            Verdict::Mismatch,
            format!(
                "expected to hang (`native: hangs`), but its run ended within {} s: {}",
                HANG_PROBE.as_secs(),
                outcome
                    .run
                    .as_ref()
                    .map_or("it was not run".to_string(), |r| r
                        .failure
                        .clone()
                        .unwrap_or_else(|| format!("exit code {:?}", r.exit_code)))
            ),
        ),
    }
}

/// A case that is meant to compile, and run where it is run.
fn expected_pass(outcome: &Outcome) -> (Verdict, String) {
    if outcome.kind == Kind::Fail {
        return (
            Verdict::Mismatch,
            format!("expected to compile, but: {}", first_error(outcome)),
        );
    }
    match &outcome.run {
        Some(run) if run.exit_code != Some(0) || run.failure.is_some() => {
            let why = run.failure.clone().unwrap_or_else(|| {
                run.exit_code
                    .map_or("a signal".to_string(), |c| format!("exit code {c}"))
            });
            (
                Verdict::Mismatch,
                format!("compiled, but the run failed: {why}"),
            )
        }
        _ => (Verdict::Ok, String::new()),
    }
}

/// A case that is meant to fail with the error codes `want`.
fn expected_fail(
    case: &Case,
    outcome: &Outcome,
    pin: &Pin,
    want: &BTreeSet<String>,
) -> (Verdict, String) {
    if outcome.kind == Kind::Pass {
        return (
            Verdict::Mismatch,
            format!("expected to fail with {}, but it compiled", join(want)),
        );
    }
    let got = outcome.codes();
    if &got != want {
        return (
            Verdict::Mismatch,
            format!(
                "error codes {} differ from the expected {}: {}",
                join(&got),
                join(want),
                first_error(outcome)
            ),
        );
    }
    compare_pinned(case, outcome, pin)
}

/// A case that is meant to compile with the lints `want` firing, and no others.
fn expected_lints(
    case: &Case,
    outcome: &Outcome,
    pin: &Pin,
    want: &BTreeSet<String>,
) -> (Verdict, String) {
    let errors = outcome.codes();
    let coded: Vec<&String> = errors.iter().filter(|c| *c != "-").collect();
    if !coded.is_empty() {
        return (
            Verdict::Mismatch,
            format!(
                "expected only the lints {}, but it does not compile: {}",
                join(want),
                first_error(outcome)
            ),
        );
    }
    let got = outcome.lints();
    if &got != want {
        let what = if got.is_empty() {
            "no lint".to_string()
        } else {
            join(&got)
        };
        return (
            Verdict::Mismatch,
            format!(
                "the lints that fired, {what}, differ from the expected {}",
                join(want)
            ),
        );
    }
    // An error that is not one of the lints (it has no code: lints carry their name).
    if outcome
        .diagnostics
        .iter()
        .any(|d| d.is_error() && d.code.is_none())
    {
        return (
            Verdict::Mismatch,
            format!(
                "expected only the lints {}, but: {}",
                join(want),
                first_error(outcome)
            ),
        );
    }
    compare_pinned(case, outcome, pin)
}

/// A compiletest test's verdict with its `.stderr` compared, as compiletest normalizes both
/// (see [`crate::engine::normalize::compiletest`]): a difference makes an `ok` a mismatch, and is shown
/// after the reason of a mismatch in the codes.
pub(super) fn compiletest_stderr(
    case: &Case,
    toolchain: &Toolchain,
    outcome: &Outcome,
    verdict: Verdict,
    reason: String,
) -> (Verdict, String) {
    if !matches!(verdict, Verdict::Ok | Verdict::Mismatch) {
        return (verdict, reason);
    }
    match crate::engine::compiletest::stderr_difference(case, toolchain, &outcome.stderr) {
        Err(e) => (Verdict::Error, e.to_string()),
        Ok(None) => (verdict, reason),
        Ok(Some(diff)) if verdict == Verdict::Ok => (Verdict::Mismatch, diff),
        Ok(Some(diff)) => (verdict, format!("{reason}\n{diff}")),
    }
}

fn join(codes: &BTreeSet<String>) -> String {
    if codes.is_empty() {
        return "no error".into();
    }
    codes.iter().cloned().collect::<Vec<_>>().join(" ")
}

fn first_error(outcome: &Outcome) -> String {
    outcome
        .diagnostics
        .iter()
        .find(|d| d.is_error())
        .map(|d| match &d.code {
            Some(code) => format!("error[{code}]: {}", d.message),
            None => format!("error: {}", d.message),
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::compile::Mode;
    use crate::engine::diagnostic::Diagnostic;
    use std::path::Path;

    /// A failing case and an outcome with the error it expects, rendered as `stderr`.
    fn failing(stderr: &str) -> (Case, Outcome) {
        let case = Case::parse(
            Path::new("cases/t/x.rs"),
            "//! T\n//!\n//! E.\n//@ fail: E0277\n//@ fix: y\nfn main() {}\n".into(),
            true,
        )
        .unwrap();
        let outcome = Outcome {
            kind: Kind::Fail,
            mode: Mode::Check,
            diagnostics: vec![Diagnostic {
                level: "error".into(),
                code: Some("E0277".into()),
                message: "`Rc<u8>` cannot be sent between threads safely".into(),
                spans: vec![],
                children: vec![],
            }],
            stderr: stderr.into(),
            run: None,
            millis: 0,
        };
        (case, outcome)
    }

    #[test]
    fn a_pin_that_is_missing_or_unreadable_never_passes() {
        let (case, outcome) = failing("error[E0277]: boom\n");
        let verdict = |pin: Pin| judge(&case, &outcome, &pin);
        assert_eq!(verdict(Pin::NotCompared).0, Verdict::Ok);
        assert_eq!(
            verdict(Pin::Text("error[E0277]: boom\n".into())).0,
            Verdict::Ok
        );
        assert_eq!(verdict(Pin::Text("other\n".into())).0, Verdict::Mismatch);
        let (v, why) = verdict(Pin::Missing);
        assert_eq!(v, Verdict::Mismatch);
        assert!(
            why.contains("cases/t/x.stderr is missing") && why.contains("--bless"),
            "{why}"
        );
        let (v, why) = verdict(Pin::Unreadable("x.stderr:1: not UTF-8".into()));
        assert_eq!(v, Verdict::Error);
        assert!(why.contains("x.stderr:1: not UTF-8"), "{why}");
    }
}
