//! `record`, `check` and `show` over a crate's UI suite. Nothing here prints: each returns what
//! happened, and `src/cli/ui.rs` says it.

use crate::drift::{classify, Drift};
use crate::engine::compile::{Kind, Outcome};
use crate::error::{Error, Result};
use crate::toolchain::Toolchain;
use crate::uitest::expect::{Change, Expectations, Variant};
use crate::uitest::krate::Crate;
use std::path::{Path, PathBuf};

/// A crate and the UI programs found below its UI folder.
#[derive(Clone, Debug)]
pub struct Suite {
    pub krate: Crate,
    /// Absolute paths, sorted.
    pub programs: Vec<PathBuf>,
    /// How many programs compile at once.
    pub jobs: usize,
}

impl Suite {
    /// The crate at `manifest` and the programs below `dir` (relative to the crate's folder).
    pub fn open(manifest: &Path, dir: &Path) -> Result<Suite> {
        let krate = Crate::read(manifest)?;
        let programs = krate.programs(dir)?;
        Ok(Suite {
            krate,
            programs,
            jobs: crate::work::default_jobs(),
        })
    }

    fn expectations(&self, program: &Path) -> Result<Expectations> {
        Expectations::load_with(
            program,
            &self.krate.relative(program),
            &self.krate.stderr_toolchain,
            &self.krate.stderr_release,
        )
    }

    /// Every program compiled with `tc`, or `Err(reason)` when the crate does not build there.
    fn observe(&self, tc: &Toolchain) -> Result<std::result::Result<Vec<Result<Outcome>>, String>> {
        let built = match self.krate.build(tc)? {
            Ok(built) => built,
            Err(why) => return Ok(Err(why)),
        };
        Ok(Ok(crate::work::map(self.jobs, &self.programs, |p| {
            crate::uitest::compile::compile(tc, &self.krate, &built, p)
        })))
    }
}

/// What recording one toolchain did.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub key: String,
    /// The crate did not build there: every program is `n/a`, for this reason.
    pub not_applicable: Option<String>,
    /// Per program (relative path): what changed.
    pub changes: Vec<(String, Change)>,
    /// Programs with nothing to record (a compiler crash, a time-out, rustc not run): their
    /// expectations stay as they were.
    pub unrecorded: Vec<(String, String)>,
}

/// Records each toolchain's outcome of every program into its expectation file. A toolchain
/// new to a program is added; one recorded with another variant changes only when `bless`
/// (see [`Expectations::record`]). Files are written (atomically) only where they changed.
pub fn record(suite: &Suite, toolchains: &[Toolchain], bless: bool) -> Result<Vec<Recorded>> {
    let mut all: Vec<Expectations> = suite
        .programs
        .iter()
        .map(|p| suite.expectations(p))
        .collect::<Result<_>>()?;
    let before = all.clone();
    let mut out = Vec::new();
    for tc in toolchains {
        let key = crate::drift::history::key_of(tc);
        let mut recorded = Recorded {
            key: key.clone(),
            not_applicable: None,
            changes: Vec::new(),
            unrecorded: Vec::new(),
        };
        let observed = suite.observe(tc)?;
        for (i, program) in suite.programs.iter().enumerate() {
            let rel = suite.krate.relative(program);
            let now = match &observed {
                Err(why) => Err(why.clone()),
                Ok(outcomes) => match &outcomes[i] {
                    Ok(o) if matches!(o.kind, Kind::Pass | Kind::Fail) => Ok(Variant::of(o)),
                    Ok(o) => {
                        recorded
                            .unrecorded
                            .push((rel, format!("{}: {}", o.kind.name(), first_error(o))));
                        continue;
                    }
                    Err(e) => {
                        recorded.unrecorded.push((rel, e.to_string()));
                        continue;
                    }
                },
            };
            let change = all[i].record(&key, tc, now, bless);
            recorded.changes.push((rel, change));
        }
        recorded.not_applicable = observed.err();
        out.push(recorded);
    }
    for ((program, now), was) in suite.programs.iter().zip(&all).zip(&before) {
        if now != was || !Expectations::path(program).is_file() && !now.toolchains.is_empty() {
            now.save(program)?;
        }
    }
    Ok(out)
}

/// How a program compares with its expectation on a toolchain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// As expected.
    Ok,
    /// Something else: the diff of the stderr (expected, then observed), the drift class and
    /// what it found.
    Differs {
        diff: String,
        drift: Drift,
        detail: String,
    },
    /// No expectation for this program on any toolchain.
    NoExpectation,
    /// Recorded as `n/a` (the crate did not build there), but it builds now.
    WasNotApplicable,
    /// No result: a compiler crash, a time-out, or rustc not run.
    NoResult(String),
}

/// One program's check.
#[derive(Clone, Debug)]
pub struct Checked {
    pub program: String,
    /// The toolchain whose expectation it was held against, and whether that is a neighbour
    /// (the checked toolchain was never recorded for it).
    pub against: Option<(String, bool)>,
    pub verdict: Verdict,
}

/// Checks every program on `tc` against its expectation there, or, for a toolchain never
/// recorded, against the nearest recorded one. A crate that does not build on `tc` is an error.
pub fn check(suite: &Suite, tc: &Toolchain) -> Result<Vec<Checked>> {
    let key = crate::drift::history::key_of(tc);
    let expectations: Vec<Expectations> = suite
        .programs
        .iter()
        .map(|p| suite.expectations(p))
        .collect::<Result<_>>()?;
    let outcomes = suite.observe(tc)?.map_err(|why| {
        let recorded = expectations.iter().any(|e| e.on(&key) == Some(None));
        Error::CratesDoNotBuild {
            manifest: suite.krate.manifest.clone(),
            toolchain: tc.name.clone(),
            message: format!(
                "{} does not build with {}{}, so its UI programs cannot be checked there:\n{why}",
                suite.krate.manifest.display(),
                tc.name,
                if recorded {
                    " (recorded as n/a there)"
                } else {
                    ""
                }
            ),
        }
    })?;
    Ok(expectations
        .iter()
        .zip(outcomes)
        .map(|(e, outcome)| check_one(e, &key, tc, outcome))
        .collect())
}

fn check_one(e: &Expectations, key: &str, tc: &Toolchain, outcome: Result<Outcome>) -> Checked {
    let mut checked = Checked {
        program: e.program.clone(),
        against: None,
        verdict: Verdict::NoExpectation,
    };
    let (against, expected) = match e.on(key) {
        Some(None) => {
            checked.against = Some((key.into(), false));
            checked.verdict = Verdict::WasNotApplicable;
            return checked;
        }
        Some(Some(v)) => ((key.to_string(), false), v),
        None => match e.nearest(tc).and_then(|k| Some((k, e.on(k)??))) {
            Some((k, v)) => ((k.to_string(), true), v),
            None => return checked,
        },
    };
    checked.against = Some(against);
    checked.verdict = match outcome {
        Err(err) => Verdict::NoResult(err.to_string()),
        Ok(o) if matches!(o.kind, Kind::Ice | Kind::Timeout) => {
            Verdict::NoResult(format!("{}: {}", o.kind.name(), first_error(&o)))
        }
        Ok(o) if expected.same(&Variant::of(&o)) => Verdict::Ok,
        Ok(o) => {
            let base = expected.outcome();
            let drift = classify(&base, &o);
            let mut detail = crate::drift::classes::explain(drift, &base, &o);
            if expected.diagnostics().is_none() {
                detail = format!(
                    "{detail}{}classified from the text alone: the expectation came from a .stderr (record it to keep rustc's structure)",
                    if detail.is_empty() { "" } else { "; " }
                );
            }
            let diff = if base.kind != o.kind {
                format!(
                    "expected the program to {}, but it {}\n{}",
                    verb(&base.kind),
                    past(&o.kind),
                    crate::engine::difference::diff(&expected.stderr, &o.stderr)
                )
            } else {
                crate::engine::difference::diff(&expected.stderr, &o.stderr)
            };
            Verdict::Differs {
                diff,
                drift,
                detail,
            }
        }
    };
    checked
}

fn verb(kind: &Kind) -> &'static str {
    if *kind == Kind::Pass {
        "compile"
    } else {
        "fail to compile"
    }
}

fn past(kind: &Kind) -> &'static str {
    if *kind == Kind::Pass {
        "compiled"
    } else {
        "failed"
    }
}

/// The first error's message, for a reason.
fn first_error(o: &Outcome) -> String {
    o.diagnostics
        .iter()
        .find(|d| d.is_error())
        .map(|d| d.message.clone())
        .unwrap_or_else(|| "rustc said nothing".into())
}

/// Every program's expectations, for `show`.
pub fn show(suite: &Suite) -> Result<Vec<Expectations>> {
    suite
        .programs
        .iter()
        .map(|p| suite.expectations(p))
        .collect()
}
