//! What a case expects: of the compiler (`pass`, `fail:`, `lint:`) and of Miri (`miri:`).

use serde::Serialize;
use std::collections::BTreeSet;

/// What a case says the compiler will do with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "codes", rename_all = "kebab-case")]
pub enum Expectation {
    /// Compiles, runs, and exits 0 within the run time limit.
    Pass,
    /// Does not compile, with exactly this set of error codes (`-` for an error with no code).
    Fail(BTreeSet<String>),
    /// Does not compile, with whatever errors (a compiletest test without a `.stderr`).
    FailAny,
    /// Compiled with clippy (`//@ lint: clippy::NAME rustc_lint`): exactly these lints fire,
    /// as warnings or, for a deny-by-default lint, as errors; no other error or warning.
    Lint(BTreeSet<String>),
    /// A program without a header: reported by what it does, never judged.
    Unspecified,
}

impl Expectation {
    pub fn is_fail(&self) -> bool {
        matches!(self, Expectation::Fail(_) | Expectation::FailAny)
    }

    /// A lint case (`//@ lint:`), compiled with clippy.
    pub fn is_lint(&self) -> bool {
        matches!(self, Expectation::Lint(_))
    }

    /// Whether the case's diagnostics are its lesson: a failing case or a lint case. Such a case
    /// has its rendered stderr and structured record pinned, and names a passing fix.
    pub fn is_pinned(&self) -> bool {
        self.is_fail() || self.is_lint()
    }

    /// A short form for tables: `pass`, `fail E0277 E0382`, `-`.
    pub fn label(&self) -> String {
        let words = |set: &BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>().join(" ");
        match self {
            Expectation::Pass => "pass".into(),
            Expectation::Fail(codes) => format!("fail {}", words(codes)),
            Expectation::FailAny => "fail".into(),
            Expectation::Lint(lints) => format!("lint {}", words(lints)),
            Expectation::Unspecified => "-".into(),
        }
    }
}

/// What Miri finds in a case that compiles and runs natively (the `//@ miri:` directive). Without
/// the directive a passing case must be Miri-clean.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "reason", rename_all = "kebab-case")]
pub enum MiriExpectation {
    DataRace,
    Deadlock,
    Leak,
    Ub,
    /// No undefined behaviour, but under Miri a thread panics: an assertion that an ordering
    /// Miri's weak-memory emulation actually exercises (and a native x86 run never) breaks.
    Panic,
    /// Not run under Miri, for the reason given.
    Skip(String),
}

impl MiriExpectation {
    /// The directive's words: `data-race`, ..., `skip: <reason>`.
    pub fn label(&self) -> String {
        match self {
            MiriExpectation::DataRace => "data-race".into(),
            MiriExpectation::Deadlock => "deadlock".into(),
            MiriExpectation::Leak => "leak".into(),
            MiriExpectation::Ub => "ub".into(),
            MiriExpectation::Panic => "panic".into(),
            MiriExpectation::Skip(why) => format!("skip: {why}"),
        }
    }

    /// A finding Miri reports (anything but `skip`).
    pub fn is_finding(&self) -> bool {
        !matches!(self, MiriExpectation::Skip(_))
    }
}
