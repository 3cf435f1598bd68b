//! Checking cases: compile each (in parallel, through the cache), and hold each outcome against
//! what its case expects.
//!
//! The folder, by job: `run.rs` takes cases through the cache to their verdicts, one or many
//! at a time; `judge.rs` holds an outcome against an expectation; `pin.rs` reads, compares and
//! blesses the pinned `.stderr` files; `programs.rs` finds the programs a path names.

mod judge;
mod pin;
mod programs;
mod run;

pub use programs::collect_programs;
pub use run::{check_all, check_each, check_one, clippy_missing, outcome_of};

use crate::engine::cache::Cache;
use crate::engine::compile::{Limits, Mode, Outcome};
use crate::input::case::Case;
use serde::Serialize;
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Ok,
    Mismatch,
    NotApplicable,
    NoExpectation,
    Timeout,
    Ice,
    Error,
}

impl Verdict {
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Mismatch => "mismatch",
            Verdict::NotApplicable => "not-applicable",
            Verdict::NoExpectation => "no-expectation",
            Verdict::Timeout => "timeout",
            Verdict::Ice => "ice",
            Verdict::Error => "error",
        }
    }

    /// Whether this verdict makes a check fail (exit 1).
    pub fn is_failure(&self) -> bool {
        matches!(self, Verdict::Mismatch | Verdict::Timeout | Verdict::Ice)
    }
}

/// One case's result on one toolchain.
#[derive(Clone, Debug)]
pub struct Checked {
    pub case: Case,
    /// `None` when the case was not compiled (not applicable, or an error before compiling).
    pub outcome: Option<Outcome>,
    pub verdict: Verdict,
    /// Why, for anything but `ok`: what differed, or what went wrong.
    pub reason: String,
    pub cached: bool,
    /// The pinned file `--bless` wrote for this case.
    pub blessed: Option<PathBuf>,
    /// What the verdict compared, for the reports.
    pub compared: Compared,
}

/// What a case's verdict compared: its outcome and error codes (or lints) only, or its
/// rendered stderr too (a pinned `.stderr` on the pinned toolchain, or a compiletest test's
/// `.stderr` as compiletest normalizes it, on any toolchain).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Compared {
    /// Not compiled (not applicable, or an error before compiling).
    Nothing,
    Codes,
    Stderr,
}

impl Compared {
    pub fn as_str(self) -> &'static str {
        match self {
            Compared::Nothing => "-",
            Compared::Codes => "codes",
            Compared::Stderr => "stderr",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Options {
    pub jobs: usize,
    pub cache: Option<Cache>,
    pub limits: Limits,
    /// Paths in reports are relative to this (the package root for the bundled corpus). What
    /// rustc prints does not depend on it (see
    /// [`display_path`](crate::engine::compile::display_path)).
    pub root: PathBuf,
    /// Compare rendered stderr with the `.stderr` files: pinned ones on the pinned toolchain,
    /// a compiletest test's on any (`check --compare codes` says no).
    pub compare_stderr: bool,
    /// Write the observed stderr over a pinned `.stderr` that is missing or differs, for failing
    /// cases whose outcome and codes are as expected (pinned toolchain only).
    pub bless: bool,
    /// Take every case only this far (the matrix and history type-check every case: drift is
    /// about what the compiler says, and a passing case's run does not change that).
    pub mode: Option<Mode>,
    /// A case whose crates do not compile with the toolchain (too old for them) is not
    /// applicable there, as the history and the matrix want it, instead of an error (exit 2)
    /// naming the manifest and the toolchain, as `check` reports it.
    pub unbuildable_crates_not_applicable: bool,
}

/// How a check compared what it observed (`check --compare`), for the reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Comparison {
    /// Outcome, codes, and the `.stderr` files where there are any to compare (the default).
    Stderr,
    /// Outcome and error codes (or lints) only.
    Codes,
}

impl Comparison {
    pub fn as_str(self) -> &'static str {
        match self {
            Comparison::Stderr => "stderr",
            Comparison::Codes => "codes",
        }
    }
}

impl Options {
    /// What the verdicts compare under these options.
    pub fn comparison(&self) -> Comparison {
        if self.compare_stderr {
            Comparison::Stderr
        } else {
            Comparison::Codes
        }
    }

    pub fn new(root: PathBuf) -> Options {
        Options {
            jobs: crate::work::default_jobs(),
            cache: Some(Cache::new(Cache::default_dir())),
            limits: Limits::default(),
            root,
            compare_stderr: true,
            bless: false,
            mode: None,
            unbuildable_crates_not_applicable: false,
        }
    }
}
