//! Checking cases: compile each (in parallel, through the cache), and hold each outcome against
//! what its case expects.

use crate::engine::cache::Cache;
use crate::engine::compile::{self, Kind, Limits, Mode, Outcome};
use crate::error::Error;
use crate::input::case::{Case, Expectation, HANG_PROBE};
use crate::toolchain::Toolchain;
use serde::Serialize;
use std::path::{Path, PathBuf};

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
    /// rustc prints does not depend on it (see [`compile::display_path`]).
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

/// How far `case` is taken under `options`: as far as its expectation needs, unless the
/// options say otherwise (the matrix type-checks everything).
pub fn mode_of(case: &Case, options: &Options) -> Mode {
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
pub fn limits_of(case: &Case, limits: Limits) -> Limits {
    if case.hangs {
        Limits {
            run: limits.run.min(HANG_PROBE),
            ..limits
        }
    } else {
        limits
    }
}

/// Whether the program was built and its run overran the time limit.
fn is_hang(outcome: &Outcome) -> bool {
    outcome.kind == Kind::Timeout && outcome.run.as_ref().is_some_and(|r| r.timed_out)
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
    let checked = |outcome, verdict, reason: String, cached| Checked {
        case: case.clone(),
        outcome,
        verdict,
        reason,
        cached,
        blessed: None,
        compared: Compared::Nothing,
    };
    if let Some(why) = &case.unsupported {
        return checked(None, Verdict::NotApplicable, why.clone(), false);
    }
    if let Some(why) = crate::engine::compiletest::not_applicable_on(case, toolchain) {
        return checked(None, Verdict::NotApplicable, why, false);
    }
    if !case.applies_to(&toolchain.version()) {
        let min = case
            .min_rust
            .as_ref()
            .map(|v| v.to_string())
            .unwrap_or_default();
        return checked(
            None,
            Verdict::NotApplicable,
            format!("needs Rust {min}"),
            false,
        );
    }
    if let (false, Some(source)) = (case.crates.is_empty(), &case.deps) {
        match crate::engine::deps::try_build(crate::engine::deps::Builder::Rustc(toolchain), source)
        {
            Ok(_) => {}
            Err(crate::engine::deps::Failure::DoesNotBuild(why))
                if options.unbuildable_crates_not_applicable =>
            {
                return checked(None, Verdict::NotApplicable, why, false);
            }
            Err(
                crate::engine::deps::Failure::DoesNotBuild(why)
                | crate::engine::deps::Failure::Other(why),
            ) => {
                return checked(None, Verdict::Error, why, false);
            }
        }
    }
    if mode_of(case, options) == Mode::Lint && toolchain.clippy.is_none() {
        return checked(
            None,
            Verdict::NotApplicable,
            clippy_missing(toolchain),
            false,
        );
    }
    match outcome_of(toolchain, case, options) {
        Err(e) => checked(None, Verdict::Error, e.to_string(), false),
        Ok((outcome, cached)) => {
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
                // Judged without the pinned file: bless only what is otherwise right, so the
                // pinned file (missing, unreadable or different) is all that differs.
                let (bare, _) = judge(case, &outcome, &Pin::NotCompared);
                if bare == Verdict::Ok {
                    let path = case.stderr_path();
                    (verdict, reason) =
                        match crate::fs::write_atomic(&path, outcome.stderr.as_bytes()) {
                            Ok(()) => {
                                blessed = Some(path.clone());
                                (Verdict::Ok, format!("blessed {}", path.display()))
                            }
                            Err(e) => (Verdict::Error, e.to_string()),
                        };
                }
            }
            let mut c = checked(Some(outcome), verdict, reason, cached);
            c.blessed = blessed;
            c.compared = compared;
            c
        }
    }
}

/// Whether a case has its rendered stderr pinned beside it: a failing or lint case of this
/// project's format (a compiletest `.stderr` is rustc's own format, not trybuild's: its codes
/// were read).
pub fn pins_stderr(case: &Case) -> bool {
    case.expectation.is_pinned() && case.format == crate::input::case::Format::Sendsync
}

/// A compiletest test's verdict with its `.stderr` compared, as compiletest normalizes both
/// (see [`crate::engine::normalize::compiletest`]): a difference makes an `ok` a mismatch, and is shown
/// after the reason of a mismatch in the codes.
fn compiletest_stderr(
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

/// A case's pinned `.stderr`, as the last step of judging it holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pin {
    /// Not compared: a toolchain other than the pinned one, or a case with nothing pinned.
    NotCompared,
    /// The case pins its stderr, but there is no file: as with trybuild, a failure until blessed.
    Missing,
    /// A file that cannot be read as text: an error naming it, never a pass.
    Unreadable(String),
    Text(String),
}

/// Reads the pinned `.stderr` of `case` (see [`Pin`]).
pub fn read_pin(case: &Case) -> Pin {
    match crate::fs::read_text(&case.stderr_path()) {
        Ok(text) => Pin::Text(text.replace("\r\n", "\n")),
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Pin::Missing
        }
        Err(e) => Pin::Unreadable(e.to_string()),
    }
}

/// Holds an outcome against the case's expectation. `pin` is the pinned `.stderr`, compared
/// only on the pinned toolchain.
pub fn judge(case: &Case, outcome: &Outcome, pin: &Pin) -> (Verdict, String) {
    if case.hangs && case.expectation == Expectation::Pass {
        return match outcome.kind {
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
        };
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
        Expectation::Pass => {
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
        Expectation::FailAny => match outcome.kind {
            Kind::Pass => (
                Verdict::Mismatch,
                "expected to fail, but it compiled".into(),
            ),
            _ => (Verdict::Ok, String::new()),
        },
        Expectation::Fail(want) => {
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
        Expectation::Lint(want) => {
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
    }
}

/// The last step of judging a case whose diagnostics are pinned: the rendered stderr against
/// the pinned `.stderr`. Fails closed, as trybuild does: a pin that is missing or cannot be read
/// is never a pass.
fn compare_pinned(case: &Case, outcome: &Outcome, pin: &Pin) -> (Verdict, String) {
    let path = case.stderr_path();
    match pin {
        Pin::NotCompared => (Verdict::Ok, String::new()),
        Pin::Missing => {
            let inside = std::path::absolute(&case.path)
                .is_ok_and(|p| p.starts_with(crate::input::corpus::bundled_root()));
            let flags = if inside {
                "--bless"
            } else {
                "--bless --bless-outside-corpus"
            };
            (
                Verdict::Mismatch,
                format!(
                    "its pinned stderr {} is missing (write it with `sendsync check {flags}`)",
                    path.display()
                ),
            )
        }
        Pin::Unreadable(why) => (
            Verdict::Error,
            format!("cannot compare with the pinned stderr: {why}"),
        ),
        Pin::Text(pinned) => {
            let (pinned, observed) = without_case_path(case, pinned, &outcome.stderr);
            if pinned == observed {
                return (Verdict::Ok, String::new());
            }
            (
                Verdict::Mismatch,
                format!(
                    "rendered stderr differs from the pinned {}:\n{}",
                    path.display(),
                    crate::engine::difference::diff(&pinned, &observed)
                ),
            )
        }
    }
}

/// The pinned and the observed stderr with the case's own path replaced by `$CASE` in both, so
/// they compare equal wherever the case lies. The observed text spells it as
/// [`compile::display_path`] does; the pinned text as it was pinned: relative to a package,
/// `$DIR/…`, or absolute below `target/` as trybuild leaves it. Every path that ends in the
/// case's file name and is followed by `:line` counts as the case's path.
pub fn without_case_path(case: &Case, pinned: &str, observed: &str) -> (String, String) {
    let display = compile::display_path(case);
    let file = display.rsplit('/').next().unwrap_or(&display);
    (erase_path_of(pinned, file), erase_path_of(observed, file))
}

fn erase_path_of(text: &str, file: &str) -> String {
    let is_path_char =
        |c: char| !c.is_whitespace() && !matches!(c, '`' | '@' | '{' | '(' | '\'' | '"');
    let needle = format!("{file}:");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(&needle) {
        let before = &rest[..i];
        // The file name must start a path component.
        if !(before.is_empty() || before.ends_with('/') || !before.ends_with(is_path_char)) {
            out.push_str(&rest[..i + needle.len()]);
            rest = &rest[i + needle.len()..];
            continue;
        }
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_path_char(c))
            .last()
            .map_or(i, |(j, _)| j);
        out.push_str(&rest[..start]);
        out.push_str("$CASE:");
        rest = &rest[i + needle.len()..];
    }
    out.push_str(rest);
    out
}

fn join(codes: &std::collections::BTreeSet<String>) -> String {
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

/// The programs named by `paths`: `.rs` files, and the `.rs` files below folders.
///
/// Below a folder, symbolic links are not followed, neither to folders nor to files (as
/// ripgrep and `git` do): a link is another name for a file that is checked where it lies, and
/// a link back up (`ln -s .. up`) would otherwise check a file again on every level. A path
/// named here is what the user asked for, so a link given as one is followed. A file reached
/// twice (named once and again through a link) is checked once, under the first of its paths.
pub fn collect_programs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut out)?;
        } else if path.is_file() {
            out.push(path.clone());
        } else {
            return Err(Error::input(path, None, "no such file or folder"));
        }
    }
    out.sort();
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    // `follow_links(false)` still follows `dir` itself when it is a link (walkdir's rule for
    // the root), which is the rule above.
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let entry = entry.map_err(|e| {
            let at = e.path().unwrap_or(dir).to_path_buf();
            match e.into_io_error() {
                Some(io) => Error::io(&at, io),
                None => Error::input(&at, None, "cannot walk this folder"),
            }
        })?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "rs") {
            out.push(entry.into_path());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::diagnostic::Diagnostic;

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

    #[test]
    fn a_pin_is_read_as_missing_unreadable_or_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t").join("x.rs");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let source = "//! T\n//!\n//! E.\n//@ fail: E0277\n//@ fix: y\nfn main() {}\n";
        let case = Case::parse(&path, source.into(), true).unwrap();
        assert_eq!(read_pin(&case), Pin::Missing);
        std::fs::write(case.stderr_path(), b"error\xff\n").unwrap();
        match read_pin(&case) {
            Pin::Unreadable(why) => assert!(
                why.contains(&format!(
                    "{}:1: the file is not valid UTF-8",
                    case.stderr_path().display()
                )),
                "{why}"
            ),
            other => panic!("{other:?}"),
        }
        std::fs::write(case.stderr_path(), "a\r\nb\n").unwrap();
        assert_eq!(read_pin(&case), Pin::Text("a\nb\n".into()));
    }

    #[test]
    fn the_walk_does_not_follow_links_but_a_named_link_is_followed() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("d");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("a.rs"), "fn main() {}\n").unwrap();
        std::fs::write(d.join("sub/b.rs"), "fn main() {}\n").unwrap();
        // A loop back up, a link to a file beside it, and one that points nowhere.
        symlink("..", d.join("sub/up")).unwrap();
        symlink("a.rs", d.join("alias.rs")).unwrap();
        symlink("gone.rs", d.join("dangling.rs")).unwrap();
        let found = super::collect_programs(std::slice::from_ref(&d)).unwrap();
        assert_eq!(found, vec![d.join("a.rs"), d.join("sub/b.rs")]);
        // Named on the command line, a link is what the user asked for: followed, and a file
        // named twice (once through a link) is checked once.
        let link = dir.path().join("link");
        symlink("d", &link).unwrap();
        let found = super::collect_programs(&[link.clone(), d.join("alias.rs")]).unwrap();
        assert_eq!(
            found,
            vec![d.join("alias.rs"), link.join("sub/b.rs")],
            "{found:?}"
        );
        let err = super::collect_programs(&[d.join("dangling.rs")]).unwrap_err();
        assert!(err.to_string().contains("dangling.rs"), "{err}");
    }

    #[test]
    fn the_case_path_is_erased_however_spelled() {
        let spellings = [
            " --> cases/t/x.rs:17:32\n{closure@$DIR/cases/t/x.rs:17:32: 17:39}",
            " --> /work/p/target/a/x.rs:17:32\n{closure@$DIR/target/a/x.rs:17:32: 17:39}",
            " --> .agreement-1/same/x.rs:17:32\n{closure@/abs/.agreement-1/same/x.rs:17:32: 17:39}",
            " --> x.rs:17:32\n{closure@x.rs:17:32: 17:39}",
        ];
        for s in spellings {
            assert_eq!(
                super::erase_path_of(s, "x.rs"),
                " --> $CASE:17:32\n{closure@$CASE:17:32: 17:39}",
                "{s}"
            );
        }
        // Another file, or a line that moved, is not erased away.
        assert_eq!(
            super::erase_path_of(" --> a/xx.rs:1:1", "x.rs"),
            " --> a/xx.rs:1:1"
        );
        assert_eq!(
            super::erase_path_of(" --> a/x.rs:2:1", "x.rs"),
            " --> $CASE:2:1"
        );
    }
}
