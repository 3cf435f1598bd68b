//! Checking programs: each run natively and under Miri, its verdict held against its directive
//! and its report against the pinned one.

use super::*;

/// One program's result: its native outcome and, when it compiled, Miri's.
#[derive(Clone, Debug)]
pub struct Checked {
    pub case: Case,
    /// `pass`, `fail` (does not compile), `run-fail` (compiled, failed at run time),
    /// `timeout`, `ice`.
    pub(crate) native: String,
    /// `None` when Miri was not run (it does not compile natively).
    pub miri: Option<Run>,
    /// The verdict the case's directives promise (`None` for a program without a header).
    pub(crate) expected: Option<Verdict>,
    /// What differs from the directive or the pinned report; empty when all is as pinned.
    pub problem: String,
    pub cached: bool,
    /// The pinned report `--bless` wrote.
    pub blessed: Option<PathBuf>,
    /// The problem is not a difference but something that could not be read or run (exit 2).
    pub error: bool,
}

impl Checked {
    pub fn verdict(&self) -> Option<Verdict> {
        self.miri.as_ref().map(|r| r.verdict)
    }

    pub fn is_failure(&self) -> bool {
        !self.problem.is_empty()
    }
}

/// The native outcome of a case in words.
pub(super) fn native_word(outcome: &compile::Outcome) -> &'static str {
    match outcome.kind {
        Kind::Fail => "fail",
        Kind::Timeout => "timeout",
        Kind::Ice => "ice",
        Kind::Pass if outcome.ran_clean() => "pass",
        Kind::Pass => "run-fail",
    }
}

/// Runs one program natively and under Miri, and holds Miri's verdict against the directive
/// and, for a finding, its report against the pinned one (`<name>.miri.stderr`). With `bless`,
/// a missing, unreadable or different pinned report of a case whose verdict is as promised is
/// written.
pub fn check_one(miri: &Miri, case: &Case, options: &Options, bless: bool) -> Checked {
    let expected = Verdict::expected(case);
    let mut checked = Checked {
        case: case.clone(),
        native: String::new(),
        miri: None,
        expected,
        problem: String::new(),
        cached: false,
        blessed: None,
        error: false,
    };
    let outcome = match check::outcome_of(&miri.toolchain, case, &native_options(options)) {
        Ok((outcome, _)) => outcome,
        Err(e) => {
            checked.native = "error".into();
            checked.problem = e.to_string();
            checked.error = true;
            return checked;
        }
    };
    checked.native = native_word(&outcome).into();
    if let Some(MiriExpectation::Skip(why)) = &case.miri {
        checked.miri = Some(Run {
            verdict: Verdict::Skipped,
            headline: Some(why.clone()),
            report: String::new(),
            millis: 0,
        });
        return checked;
    }
    if matches!(outcome.kind, Kind::Fail | Kind::Ice) {
        if expected.is_some() {
            checked.problem = format!("does not compile on {}", miri.toolchain.name);
        }
        return checked;
    }
    let (run, cached) = match miri.run_cached(case, options) {
        Ok(r) => r,
        Err(e) => {
            checked.problem = e.to_string();
            checked.error = true;
            return checked;
        }
    };
    checked.cached = cached;
    if let Some(want) = expected {
        if run.verdict != want {
            checked.problem = disagreement(&run, want);
        } else if want.is_finding() {
            compare_with_pin(&mut checked, case, &run, bless);
        }
    }
    checked.miri = Some(run);
    checked
}

/// What Miri said where the case expects another verdict.
fn disagreement(run: &Run, want: Verdict) -> String {
    format!(
        "Miri: {}{}, but the case says {}",
        run.verdict.as_str(),
        run.headline
            .as_deref()
            .map(|h| format!(" ({h})"))
            .unwrap_or_default(),
        want.as_str()
    )
}

/// How the case is first compiled and run natively (its verdict there is the `native` word).
fn native_options(options: &Options) -> check::Options {
    let mut native = check::Options::new(options.root.clone());
    native.cache = options.cache.clone();
    native.limits = Limits {
        run: options.timeout,
        ..Limits::default()
    };
    native.compare_stderr = false;
    native.mode = Some(compile::Mode::Run);
    native
}

/// Holds a finding's report against its pinned one (or, blessing, pins it), noting in
/// `checked` what differs.
fn compare_with_pin(checked: &mut Checked, case: &Case, run: &Run, bless: bool) {
    let pin = crate::input::corpus::miri_pin_path(case);
    // Fails closed: a pin that cannot be read is an error naming it (unless blessing
    // replaces it), never a pass.
    let pinned = match crate::fs::read_text(&pin) {
        Ok(text) => Some(text),
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => None,
        Err(_) if bless => None,
        Err(e) => {
            checked.problem = format!("cannot compare with the pinned Miri report: {e}");
            checked.error = true;
            return;
        }
    };
    if pinned.as_deref() == Some(run.report.as_str()) {
        return;
    }
    if bless {
        match crate::fs::write_atomic(&pin, run.report.as_bytes()) {
            Ok(()) => checked.blessed = Some(pin),
            Err(e) => checked.problem = e.to_string(),
        }
    } else {
        checked.problem = match pinned {
            None => format!(
                "no pinned Miri report {} (write it with `sendsync miri --bless`)",
                pin.display()
            ),
            Some(p) => format!(
                "Miri's report differs from the pinned {}:\n{}",
                pin.display(),
                crate::engine::report::diff(&p, &run.report)
            ),
        };
    }
}

/// Runs every program, `options.jobs` at a time; results in the order of `cases`. The longest
/// start first ([`expected_cost`]), so that no long run is left alone at the end while the
/// other jobs have nothing to do.
pub fn check_all(
    miri: &Miri,
    cases: &[Case],
    options: &Options,
    bless: bool,
    progress: impl FnMut(&Checked),
) -> Vec<Checked> {
    let mut order: Vec<usize> = (0..cases.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(expected_cost(&cases[i])));
    let order = order;
    crate::work::run(
        options.jobs,
        cases,
        &order,
        |case| check_one(miri, case, options, bless),
        progress,
    )
}

/// A rough rank of how long a program takes here, for scheduling only: a `native: hangs` run
/// lasts its whole probe; a passing program is built, run and interpreted (longer with threads
/// and a finding, which Miri reports with backtraces); a failing one only meets rustc.
pub(super) fn expected_cost(case: &Case) -> (u8, usize) {
    let rank = if case.hangs {
        3
    } else if case.miri.as_ref().is_some_and(MiriExpectation::is_finding) {
        2
    } else if case.expectation.is_fail() {
        0
    } else {
        1
    };
    (rank, case.source.matches("thread").count())
}
