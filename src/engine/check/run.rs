//! Taking cases to their verdicts: each through the cache (compiled only when it is not
//! there), many in parallel as one queue of work.

use super::judge::{compiletest_stderr, is_hang, judge};
use super::pin::{bless, pins_stderr, read_pin, Pin};
use super::{Checked, Compared, Options, Verdict};
use crate::engine::cache::Cache;
use crate::engine::compile::{self, Limits, Mode, Outcome};
use crate::error::Error;
use crate::input::case::{Case, HANG_PROBE};
use crate::toolchain::Toolchain;

/// How far `case` is taken under `options`: as far as its expectation needs, unless the
/// options say otherwise (the matrix type-checks everything).
fn mode_of(case: &Case, options: &Options) -> Mode {
    match options.mode {
        // Built and run as any program (what `sendsync miri` asks of its native run).
        Some(Mode::Run) => Mode::Run,
        // Otherwise a lint case is linted: without clippy its lints are not there to compare.
        _ if case.expectation.is_lint() => Mode::Lint,
        Some(mode) => mode,
        None => Mode::for_case(case),
    }
}

/// Why a toolchain cannot lint the lint cases: no `clippy-driver` beside its rustc. For a rustup
/// toolchain, the message gives the command that adds the component.
pub fn clippy_missing(toolchain: &Toolchain) -> String {
    if toolchain.name.contains('/') {
        return format!(
            "no clippy-driver beside {}: lint cases are linted with the toolchain's own clippy",
            toolchain.rustc.display()
        );
    }
    toolchain.clippy_install_hint()
}

/// The limits a case runs under: a `native: hangs` case is killed after [`HANG_PROBE`].
fn limits_of(case: &Case, limits: Limits) -> Limits {
    if case.hangs {
        Limits {
            run: limits.run.min(HANG_PROBE),
            ..limits
        }
    } else {
        limits
    }
}

/// Compiles one case through the cache. Returns the outcome and whether it came from the cache.
pub fn outcome_of(
    toolchain: &Toolchain,
    case: &Case,
    options: &Options,
) -> Result<(Outcome, bool), Error> {
    let mode = mode_of(case, options);
    let limits = limits_of(case, options.limits);
    let key = options
        .cache
        .as_ref()
        .map(|_| Cache::key(toolchain, case, mode, &limits));
    if let (Some(cache), Some(key)) = (&options.cache, &key) {
        if let Some(outcome) = cache.get(key) {
            return Ok((outcome, true));
        }
    }
    let outcome = compile::compile(toolchain, case, mode, limits)?;
    if let (Some(cache), Some(key)) = (&options.cache, &key) {
        if case.hangs && is_hang(&outcome) {
            // A timeout is otherwise not stored (it may say more about the machine's load than
            // about the program), but here it is the promised result, and the program that
            // gave it is part of the key; Miri's deadlock report is what proves the hang.
            cache.put_value(key, &outcome);
        } else {
            cache.put(key, &outcome);
        }
    }
    Ok((outcome, false))
}

/// Checks one case on one toolchain.
pub fn check_one(toolchain: &Toolchain, case: &Case, options: &Options) -> Checked {
    if let Some((verdict, reason)) = not_compiled(toolchain, case, options) {
        return checked(case, None, verdict, reason, false);
    }
    match outcome_of(toolchain, case, options) {
        Err(e) => checked(case, None, Verdict::Error, e.to_string(), false),
        Ok((outcome, cached)) => verdict_on(toolchain, case, options, outcome, cached),
    }
}

/// A result that compared nothing and blessed nothing.
fn checked(
    case: &Case,
    outcome: Option<Outcome>,
    verdict: Verdict,
    reason: String,
    cached: bool,
) -> Checked {
    Checked {
        case: case.clone(),
        outcome,
        verdict,
        reason,
        cached,
        blessed: None,
        compared: Compared::Nothing,
    }
}

/// Why `case` is not compiled on `toolchain`, as its verdict and reason: it does not apply
/// there, or the crates it uses do not build, or it is a lint case and there is no clippy.
fn not_compiled(
    toolchain: &Toolchain,
    case: &Case,
    options: &Options,
) -> Option<(Verdict, String)> {
    if let Some(why) = &case.unsupported {
        return Some((Verdict::NotApplicable, why.clone()));
    }
    if let Some(why) = crate::engine::compiletest::not_applicable_on(case, toolchain) {
        return Some((Verdict::NotApplicable, why));
    }
    if !case.applies_to(&toolchain.version()) {
        let min = case
            .min_rust
            .as_ref()
            .map(|v| v.to_string())
            .unwrap_or_default();
        return Some((Verdict::NotApplicable, format!("needs Rust {min}")));
    }
    if let (false, Some(source)) = (case.crates.is_empty(), &case.deps) {
        match crate::engine::deps::try_build(crate::engine::deps::Builder::Rustc(toolchain), source)
        {
            Ok(_) => {}
            Err(crate::engine::deps::Failure::DoesNotBuild(why))
                if options.unbuildable_crates_not_applicable =>
            {
                return Some((Verdict::NotApplicable, why));
            }
            Err(
                crate::engine::deps::Failure::DoesNotBuild(why)
                | crate::engine::deps::Failure::Other(why),
            ) => {
                return Some((Verdict::Error, why));
            }
        }
    }
    if mode_of(case, options) == Mode::Lint && toolchain.clippy.is_none() {
        return Some((Verdict::NotApplicable, clippy_missing(toolchain)));
    }
    None
}

/// The verdict on a compiled case: its outcome held against what the case expects, with the
/// stderr compared where there is one to compare, and the pin blessed where `--bless` asks.
fn verdict_on(
    toolchain: &Toolchain,
    case: &Case,
    options: &Options,
    outcome: Outcome,
    cached: bool,
) -> Checked {
    let compare = options.compare_stderr && toolchain.is_pinned() && pins_stderr(case);
    let pin = if compare {
        read_pin(case)
    } else {
        Pin::NotCompared
    };
    let (mut verdict, mut reason) = judge(case, &outcome, &pin);
    let mut compared = if matches!(pin, Pin::NotCompared) {
        Compared::Codes
    } else {
        Compared::Stderr
    };
    if options.compare_stderr && crate::engine::compiletest::compares_stderr(case) {
        compared = Compared::Stderr;
        (verdict, reason) = compiletest_stderr(case, toolchain, &outcome, verdict, reason);
    }
    let mut blessed = None;
    if options.bless && compare && verdict != Verdict::Ok {
        match bless(case, &outcome) {
            None => {}
            Some(Ok(path)) => {
                (verdict, reason) = (Verdict::Ok, format!("blessed {}", path.display()));
                blessed = Some(path);
            }
            Some(Err(e)) => (verdict, reason) = (Verdict::Error, e.to_string()),
        }
    }
    Checked {
        blessed,
        compared,
        ..checked(case, Some(outcome), verdict, reason, cached)
    }
}

/// Checks many cases in parallel, `options.jobs` at a time ([`crate::work`]), longest work
/// first. Results come back in the order of `cases`; `progress` sees each as it arrives.
pub fn check_all(
    toolchain: &Toolchain,
    cases: &[Case],
    options: &Options,
    progress: impl FnMut(&Checked),
) -> Vec<Checked> {
    check_each(std::slice::from_ref(toolchain), cases, options, progress)
        .pop()
        .unwrap_or_default()
}

/// Checks every case on every toolchain as one queue of work, `options.jobs` at a time in all
/// (not per toolchain), longest work first. One list of results per toolchain, each in the
/// order of `cases`.
pub fn check_each(
    toolchains: &[Toolchain],
    cases: &[Case],
    options: &Options,
    progress: impl FnMut(&Checked),
) -> Vec<Vec<Checked>> {
    let pairs: Vec<(usize, usize)> = (0..toolchains.len())
        .flat_map(|t| (0..cases.len()).map(move |c| (t, c)))
        .collect();
    // Longest work first: builds that link and run, then checks.
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by_key(|&i| mode_of(&cases[pairs[i].1], options) != Mode::Run);
    let mut results = crate::work::run(
        options.jobs,
        &pairs,
        &order,
        |&(t, c)| check_one(&toolchains[t], &cases[c], options),
        progress,
    )
    .into_iter();
    toolchains
        .iter()
        .map(|_| results.by_ref().take(cases.len()).collect())
        .collect()
}
