//! Compiling one case with one toolchain, straight through rustc, and running it when it is
//! meant to run.
//!
//! Every compile gets a private temporary directory for its output and its logs, so parallel
//! compiles never meet, and nothing is ever written to `/dev/null` (run as root, a successful
//! `-o /dev/null` replaces the device with a regular file). rustc sees the toolchain through a
//! sysroot view without std's sources ([`crate::toolchain::sysroot`]) and the case's folder under a fixed
//! name ([`display_path`]), so what it prints depends neither on installed components nor on
//! where the case lies. Rustc and the program run as [`crate::toolchain::process`] runs them: in a
//! process group of their own, with time (and, for the program, memory) limits, killed as a
//! group when they end.

use crate::engine::diagnostic::{self, Diagnostic, Normalizer, Raw};
use crate::engine::normalize;
use crate::error::{Error, Result};
use crate::input::case::{Case, Expectation, Format};
use crate::toolchain::process;
use crate::toolchain::Toolchain;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod program;
pub(crate) use program::{failure_reason, thread_panic};

/// The crate name every case is compiled under; `$CRATE` in normalized output.
pub(crate) const CRATE_NAME: &str = "sendsync_case";

/// The flags trybuild gives rustc (through cargo), so the rendered stderr is the same.
pub const TRYBUILD_FLAGS: [&str; 6] = [
    "--cfg",
    "trybuild",
    "--verbose",
    "-A",
    "dead_code",
    "--diagnostic-width=140",
];

/// How far a case is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Type-check and borrow-check only (`--emit=metadata`), for cases expected to fail.
    Check,
    /// Build, link and run, for cases expected to pass and for unspecified programs.
    Run,
    /// Type-check with the toolchain's `clippy-driver` (`--emit=metadata`), for lint cases:
    /// clippy's lints run there, beside rustc's own.
    Lint,
}

impl Mode {
    pub(crate) fn for_case(case: &Case) -> Mode {
        match case.expectation {
            Expectation::Lint(_) => Mode::Lint,
            Expectation::Fail(_) | Expectation::FailAny => Mode::Check,
            Expectation::Pass if case.check_only => Mode::Check,
            Expectation::Pass | Expectation::Unspecified => Mode::Run,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// For rustc itself.
    pub compile: Duration,
    /// For running a built program.
    pub run: Duration,
    /// The memory a built program may take (`RLIMIT_DATA`), in bytes.
    pub memory: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            compile: Duration::from_secs(300),
            run: Duration::from_secs(10),
            memory: 1024 * 1024 * 1024,
        }
    }
}

/// What happened to a case on one toolchain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// It compiled (and, when run, see [`Outcome::run`]).
    Pass,
    /// rustc rejected it.
    Fail,
    /// rustc or the program overran its time limit.
    Timeout,
    /// The compiler crashed (an internal compiler error, or killed by a signal).
    Ice,
}

impl Kind {
    /// The kind's name in reports and records: `pass`, `fail`, `timeout`, `ice`.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Kind::Pass => "pass",
            Kind::Fail => "fail",
            Kind::Timeout => "timeout",
            Kind::Ice => "ice",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// The exit code; `None` when a signal ended it.
    pub(crate) exit_code: Option<i32>,
    pub(crate) timed_out: bool,
    /// Why it failed, when it did: the panic message, or the signal by name. Also set for a run
    /// that exited 0 while a thread panicked (see [`thread_panic`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) failure: Option<String>,
    /// The last lines of what it printed (stdout and stderr together).
    pub(crate) stderr_tail: String,
    /// Bytes of its output that were not kept (see [`process::Captured`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub(crate) output_cut: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub kind: Kind,
    pub(crate) mode: Mode,
    pub diagnostics: Vec<Diagnostic>,
    /// The rendered stderr, normalized as trybuild normalizes it.
    pub(crate) stderr: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) run: Option<Run>,
    /// Wall time of compile and run, in milliseconds.
    pub(crate) millis: u64,
}

impl Outcome {
    pub fn codes(&self) -> BTreeSet<String> {
        diagnostic::codes(&self.diagnostics)
    }

    pub(crate) fn headlines(&self) -> Vec<String> {
        diagnostic::headlines(&self.diagnostics)
    }

    /// The lints that fired (see [`diagnostic::lints`]).
    pub fn lints(&self) -> BTreeSet<String> {
        diagnostic::lints(&self.diagnostics)
    }

    /// Compiled, and (when run) exited 0 in time with no thread panicking.
    pub(crate) fn ran_clean(&self) -> bool {
        self.kind == Kind::Pass
            && self
                .run
                .as_ref()
                .is_none_or(|r| r.exit_code == Some(0) && !r.timed_out && r.failure.is_none())
    }
}

/// The folder every case appears to lie under, in what rustc prints: a case's own folder is
/// remapped to `VIRTUAL_ROOT/cases/<folder name>/`, so its diagnostics read the same wherever
/// the folder lies and whatever the current directory (see [`display_path`]).
pub(crate) const VIRTUAL_ROOT: &str = "/sendsync-case-root/";

/// How a case's path is spelled in what rustc prints: `cases/<folder>/<file>`, the folder being
/// the one the case lies in. For the bundled corpus this is the path relative to the package,
/// as trybuild spells it; a copy of a topic folder anywhere else is spelled the same.
pub(crate) fn display_path(case: &Case) -> String {
    let file = case
        .path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder = if case.topic.is_empty() {
        "_"
    } else {
        &case.topic
    };
    format!("cases/{folder}/{file}")
}

/// Where rustc sees the case: its real path and folder, and the virtual ones under
/// [`VIRTUAL_ROOT`] that [`display_path`] names and the diagnostics show.
struct Place {
    input: std::path::PathBuf,
    display: String,
    virtual_input: String,
}

impl Place {
    fn of(case: &Case) -> Result<Place> {
        let input = std::path::absolute(&case.path).map_err(|e| Error::io(&case.path, e))?;
        let display = display_path(case);
        let virtual_input = format!("{VIRTUAL_ROOT}{display}");
        Ok(Place {
            input,
            display,
            virtual_input,
        })
    }

    fn dir(&self) -> &Path {
        self.input.parent().unwrap_or(Path::new("/"))
    }

    fn virtual_dir(&self) -> &str {
        self.virtual_input
            .rsplit_once('/')
            .map_or(VIRTUAL_ROOT, |(d, _)| d)
    }
}

/// Compiles `case` with `toolchain`, and runs it when `mode` says so.
pub fn compile(toolchain: &Toolchain, case: &Case, mode: Mode, limits: Limits) -> Result<Outcome> {
    let started = Instant::now();
    let tmp = process::TempDir::new()?;
    let place = Place::of(case)?;
    let log = tmp.path().join("rustc.json");
    let mut cmd = rustc_command(toolchain, case, mode, &place, tmp.path())?;
    let compiled = process::run(
        &mut cmd,
        process::Output::File(&log),
        process::Bounds {
            time: limits.compile,
            memory: None,
        },
    )?;
    let json = std::fs::read_to_string(&log).map_err(|e| Error::io(&log, e))?;

    let mut read = Read::of(&json, &place);
    let status = compiled.status;
    let crashed = status.and_then(|s| process::signal_of(&s));
    let kind = read.kind(&compiled, crashed);
    if kind == Kind::Fail && !read.diagnostics.iter().any(Diagnostic::is_error) {
        read.plain_is_the_error(status.and_then(|s| s.code()));
    }
    let stderr = normalized_stderr(toolchain, case, &place, tmp.path(), &json, &read.rendered);
    let mut diagnostics = read.diagnostics;
    if let Some(signal) = crashed {
        diagnostics.push(Diagnostic::crash(&format!(
            "rustc was killed by {}",
            process::signal_name(signal)
        )));
    }

    let run = if kind == Kind::Pass && mode == Mode::Run {
        Some(program::run(tmp.path(), case, limits)?)
    } else {
        None
    };
    let kind = match &run {
        Some(r) if r.timed_out => Kind::Timeout,
        _ => kind,
    };
    Ok(Outcome {
        kind,
        mode,
        diagnostics,
        stderr,
        run,
        millis: started.elapsed().as_millis() as u64,
    })
}

/// The rustc (or clippy-driver) command for `case` in `mode`, writing into `out`.
fn rustc_command(
    toolchain: &Toolchain,
    case: &Case,
    mode: Mode,
    place: &Place,
    out: &Path,
) -> Result<Command> {
    let crates = crate_args(toolchain, case)?;
    let mut cmd = match mode {
        Mode::Lint => toolchain.clippy_command()?,
        Mode::Check | Mode::Run => toolchain.command(),
    };
    let mut remap = std::ffi::OsString::from("--remap-path-prefix=");
    remap.push(place.dir());
    remap.push("=");
    remap.push(place.virtual_dir());
    cmd.arg(format!("--edition={}", case.edition));
    if case.format == Format::Compiletest {
        compiletest_flags(&mut cmd, toolchain, case);
    } else {
        // The case's own crate type wins over ours (rustc refuses `bin` with any other).
        if !names_crate_type(&case.flags) {
            cmd.arg("--crate-type=bin");
        }
        cmd.args(["--crate-name", CRATE_NAME])
            .arg("--error-format=json")
            .args(TRYBUILD_FLAGS);
    }
    cmd.args(["-C", "debuginfo=0"])
        .args(&case.flags)
        .args(&crates)
        .arg(remap)
        .arg("--out-dir")
        .arg(out)
        .arg(&place.input)
        .current_dir(out);
    if matches!(mode, Mode::Check | Mode::Lint) {
        cmd.arg("--emit=metadata");
    }
    Ok(cmd)
}

/// What rustc's JSON log says: its diagnostics, their rendered text as trybuild keeps it, its
/// signs of a crash, and what it printed outside the JSON.
struct Read<'a> {
    diagnostics: Vec<Diagnostic>,
    rendered: Vec<String>,
    // rustc's own signs of a crash: its "internal compiler error" diagnostic level, or its
    // panic banner in the text that is not JSON (what a case writes in a message is neither).
    ice: bool,
    banner: bool,
    // What rustc printed outside its JSON (its option parser speaks plain text).
    plain: Vec<&'a str>,
}

impl<'a> Read<'a> {
    fn of(json: &'a str, place: &Place) -> Read<'a> {
        let normalizer = Normalizer {
            input: &place.virtual_input,
            root: VIRTUAL_ROOT,
            krate: CRATE_NAME,
        };
        let mut read = Read {
            diagnostics: Vec::new(),
            rendered: Vec::new(),
            ice: false,
            banner: false,
            plain: Vec::new(),
        };
        let mut seen = BTreeSet::new();
        for line in json.lines() {
            let Ok(raw) = serde_json::from_str::<Raw>(line) else {
                read.banner |= line.starts_with("error: the compiler unexpectedly panicked")
                    || line.starts_with("thread 'rustc' panicked at");
                if !line.trim().is_empty() && !line.starts_with('{') {
                    read.plain.push(line);
                }
                continue;
            };
            read.ice |= raw.level == crate::engine::diagnostic::ICE_LEVEL;
            // trybuild drops repeated messages from the rendered text; the structured record
            // keeps every one, since a repeat is part of what rustc says.
            if seen.insert(line) && raw.level != "failure-note" {
                if let Some(text) = &raw.rendered {
                    read.rendered.push(text.clone());
                }
            }
            if let Some(d) = normalizer.diagnostic(&raw) {
                read.diagnostics.push(d);
            }
        }
        read
    }

    /// How the compile ended: timed out, crashed, passed or failed.
    fn kind(&self, compiled: &process::Finished, crashed: Option<i32>) -> Kind {
        let status = compiled.status;
        if compiled.timed_out {
            Kind::Timeout
        } else if self.ice
            || crashed.is_some()
            || (self.banner && status.and_then(|s| s.code()) == Some(101))
        {
            Kind::Ice
        } else if status.is_some_and(|s| s.success()) {
            Kind::Pass
        } else {
            Kind::Fail
        }
    }

    /// A failure with no error in the JSON: what rustc said in plain text is the error.
    fn plain_is_the_error(&mut self, exit_code: Option<i32>) {
        self.diagnostics.push(plain_failure(&self.plain, exit_code));
        if !self.plain.is_empty() {
            self.rendered.push(format!("{}\n", self.plain.join("\n")));
        }
    }
}

/// The rendered stderr, normalized as trybuild does (or, for rustc's own UI tests, as
/// compiletest does).
fn normalized_stderr(
    toolchain: &Toolchain,
    case: &Case,
    place: &Place,
    out: &Path,
    json: &str,
    rendered: &[String],
) -> String {
    if case.format == Format::Compiletest {
        let host = crate::toolchain::host::Host::from_triple(&toolchain.host, &toolchain.release);
        let rules = crate::engine::compiletest::rules_for(case, host.pointer_width);
        let build_dir = out.to_string_lossy();
        let cx = normalize::compiletest::Context {
            dir: place.virtual_dir(),
            build_dir: &build_dir,
            rules: &rules,
        };
        normalize::compiletest::stderr(&normalize::compiletest::extract_rendered(json), &cx)
    } else {
        let target_str = format!("{VIRTUAL_ROOT}target/");
        let cx = normalize::Context {
            krate: CRATE_NAME,
            source_dir: VIRTUAL_ROOT,
            input_file: &place.display,
            target_dir: &target_str,
        };
        normalize::stderr(rendered.iter().map(String::as_str), &cx)
    }
}

/// rustc's arguments for the crates the case uses (see [`crate::engine::deps::crate_args`]), built for
/// this toolchain.
pub fn crate_args(toolchain: &Toolchain, case: &Case) -> Result<Vec<String>> {
    crate::engine::deps::crate_args(crate::engine::deps::Builder::Rustc(toolchain), case)
}

/// The error that stands for a failure rustc explained only in plain text, or not at all: its
/// lines (the first without its `error: `), so that the reason and the record say what rustc
/// said (`Option 'edition' given more than once`).
fn plain_failure(plain: &[&str], exit_code: Option<i32>) -> Diagnostic {
    let message = if plain.is_empty() {
        let code = exit_code.map_or("a signal".to_string(), |c| format!("exit code {c}"));
        format!("rustc failed ({code}) without saying why")
    } else {
        let text = plain.join("\n");
        text.strip_prefix("error: ").unwrap_or(&text).to_string()
    };
    Diagnostic {
        level: "error".into(),
        code: None,
        message,
        spans: vec![],
        children: vec![],
    }
}

/// Whether `flags` give rustc a crate type (`--crate-type lib`, `--crate-type=lib`).
fn names_crate_type(flags: &[String]) -> bool {
    flags
        .iter()
        .any(|f| f == "--crate-type" || f.starts_with("--crate-type="))
}

/// The first release with the `internal_features` lint: before it, `-A internal_features` is
/// an error (E0602, unknown lint).
const INTERNAL_FEATURES_LINT: crate::toolchain::Version = crate::toolchain::Version::new(1, 73, 0);

/// The flags compiletest gives rustc for a UI test (`make_compile_args` in rust-lang/rust's
/// `src/tools/compiletest/src/runtest.rs`), less the `-Z` ones a stable rustc refuses (their
/// effect on the rendered text is normalization's: see [`normalize::compiletest`]) and those
/// that change no diagnostic (`--target`, `-C prefer-dynamic`, `-C strip`). No `--crate-type`
/// and no `--crate-name`: the test's own flags or attributes, else rustc's defaults, decide.
fn compiletest_flags(cmd: &mut Command, toolchain: &Toolchain, case: &Case) {
    cmd.args(["--error-format=json", "--json=future-incompat"])
        .arg("-Ccodegen-units=1");
    // Tests that are not run get `-A unused` (they are full of unused code); run-pass tests
    // show their warnings.
    if case.expectation != Expectation::Pass || case.check_only {
        cmd.args(["-A", "unused"]);
    }
    if toolchain.version() >= INTERNAL_FEATURES_LINT {
        cmd.args(["-A", "internal_features"]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_text_failure_becomes_a_codeless_error() {
        let d = plain_failure(&["error: Option 'edition' given more than once"], Some(1));
        assert!(d.is_error() && d.code.is_none());
        assert_eq!(d.message, "Option 'edition' given more than once");
        let d = plain_failure(&[], Some(1));
        assert_eq!(d.message, "rustc failed (exit code 1) without saying why");
    }
}
