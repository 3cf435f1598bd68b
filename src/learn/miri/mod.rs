//! Running cases under Miri, the interpreter that detects undefined behaviour at run time: data
//! races (with vector clocks, whatever the schedule), deadlocks, leaks, and the rest.
//!
//! The compiler shows what it *says* about a case; Miri shows what actually goes wrong when a
//! rule is bypassed. A case that compiles is run twice: natively (through [`check::outcome_of`],
//! so through the same cache and bounds as `check`) and under Miri, each in a process group of
//! its own with a time limit ([`crate::toolchain::process`]). Miri's verdict is read from its own headline;
//! its report is normalized ([`normalize_report`]) so that it can be pinned beside the case.
//!
//! Nothing is installed by surprise: a toolchain without the `miri` or `rust-src` component is an
//! environment error giving the `rustup component add` command. The Miri sysroot (std built for
//! the interpreter) is prepared once per toolchain identity with `cargo miri setup`, under
//! `target/sendsync/miri/`, and the caller is told when that happens.

use crate::engine::cache::Cache;
use crate::engine::check;
use crate::engine::compile::{self, Kind, Limits, CRATE_NAME, VIRTUAL_ROOT};
use crate::error::{Error, Result};
use crate::input::case::{Case, Expectation, MiriExpectation};
use crate::toolchain::process;
use crate::toolchain::process::bare_command;
use crate::toolchain::Toolchain;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod checking;
mod render;
mod report;
mod setup;
#[cfg(test)]
mod tests;

pub use checking::*;
pub use render::*;
pub use report::*;
pub use setup::*;

/// What Miri says about one run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Ran to the end (exit 0) with nothing found.
    Clean,
    DataRace,
    Deadlock,
    /// Memory leaked, or the main thread returned while other threads still ran.
    Leak,
    /// Any other undefined behaviour.
    Ub,
    /// Miri cannot run it (a foreign function, a process spawn, ...).
    Unsupported,
    Timeout,
    /// Miri found nothing, but the program failed (a panic of any thread, a non-zero exit) or
    /// did not build.
    Failed,
    /// Not run: `//@ miri: skip: <reason>`.
    Skipped,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Clean => "clean",
            Verdict::DataRace => "data-race",
            Verdict::Deadlock => "deadlock",
            Verdict::Leak => "leak",
            Verdict::Ub => "ub",
            Verdict::Unsupported => "unsupported",
            Verdict::Timeout => "timeout",
            Verdict::Failed => "failed",
            Verdict::Skipped => "skipped",
        }
    }

    /// The verdict a case's directive promises: its finding, `clean` without one.
    pub fn expected(case: &Case) -> Option<Verdict> {
        if case.expectation != Expectation::Pass {
            return None;
        }
        Some(match &case.miri {
            None => Verdict::Clean,
            Some(MiriExpectation::DataRace) => Verdict::DataRace,
            Some(MiriExpectation::Deadlock) => Verdict::Deadlock,
            Some(MiriExpectation::Leak) => Verdict::Leak,
            Some(MiriExpectation::Ub) => Verdict::Ub,
            Some(MiriExpectation::Panic) => Verdict::Failed,
            Some(MiriExpectation::Skip(_)) => Verdict::Skipped,
        })
    }

    /// A finding whose report is pinned.
    /// (`Failed` is one where the case promises it, `miri: panic`.)
    pub fn is_finding(self) -> bool {
        matches!(
            self,
            Verdict::DataRace | Verdict::Deadlock | Verdict::Leak | Verdict::Ub | Verdict::Failed
        )
    }
}

/// One Miri run, as cached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    pub verdict: Verdict,
    /// Miri's headline (`Undefined Behavior: Data race detected between ...`), normalized; or
    /// the program's panic message; `None` when clean.
    pub headline: Option<String>,
    /// Miri's whole report, normalized ([`normalize_report`]).
    pub report: String,
    pub millis: u64,
}

/// Options of a Miri run.
#[derive(Clone, Debug)]
pub struct Options {
    pub jobs: usize,
    pub cache: Option<Cache>,
    /// The time limit of each run, native and under Miri.
    pub timeout: Duration,
    /// `-Zmiri-many-seeds=0..N`: run every seed below N, for findings that depend on the schedule.
    pub seeds: Option<u32>,
    /// What report paths are relative to.
    pub root: PathBuf,
}

impl Options {
    pub fn new(root: PathBuf) -> Options {
        Options {
            jobs: crate::work::default_jobs(),
            cache: Some(Cache::new(Cache::default_dir())),
            timeout: Duration::from_secs(30),
            seeds: None,
            root,
        }
    }

    /// The Miri flags these options give; part of the cache key.
    pub fn flags(&self) -> Vec<String> {
        self.seeds
            .map(|n| vec![format!("-Zmiri-many-seeds=0..{n}")])
            .unwrap_or_default()
    }
}
