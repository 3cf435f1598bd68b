//! Compiling one case with one toolchain, straight through rustc, and running it when it is
//! meant to run.
//!
//! Every compile gets a private temporary directory for its output and its logs, so parallel
//! compiles never meet, and nothing is ever written to `/dev/null` (run as root, a successful
//! `-o /dev/null` replaces the device with a regular file). rustc sees the toolchain through a
//! sysroot view without std's sources ([`crate::sysroot`]) and the case's folder under a fixed
//! name ([`display_path`]), so what it prints depends neither on installed components nor on
//! where the case lies. Rustc and the program run as [`crate::process`] runs them: in a
//! process group of their own, with time (and, for the program, memory) limits, killed as a
//! group when they end.

use crate::case::{Case, Expectation, Format};
use crate::diagnostic::{self, Diagnostic, Normalizer, Raw};
use crate::error::{Error, Result};
use crate::normalize;
use crate::process;
use crate::toolchain::Toolchain;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, ExitStatus};
use std::time::{Duration, Instant};

/// The crate name every case is compiled under; `$CRATE` in normalized output.
pub const CRATE_NAME: &str = "sendsync_case";

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
    pub fn for_case(case: &Case) -> Mode {
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// The exit code; `None` when a signal ended it.
    pub exit_code: Option<i32>,
    pub timed_out: bool,
    /// Why it failed, when it did: the panic message, or the signal by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
    /// The last lines of what it printed (stdout and stderr together).
    pub stderr_tail: String,
    /// Bytes of its output that were not kept (see [`process::Captured`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub output_cut: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub kind: Kind,
    pub mode: Mode,
    pub diagnostics: Vec<Diagnostic>,
    /// The rendered stderr, normalized as trybuild normalizes it.
    pub stderr: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<Run>,
    /// Wall time of compile and run, in milliseconds.
    pub millis: u64,
}

impl Outcome {
    pub fn codes(&self) -> BTreeSet<String> {
        diagnostic::codes(&self.diagnostics)
    }

    pub fn headlines(&self) -> Vec<String> {
        diagnostic::headlines(&self.diagnostics)
    }

    /// The lints that fired (see [`diagnostic::lints`]).
    pub fn lints(&self) -> BTreeSet<String> {
        diagnostic::lints(&self.diagnostics)
    }

    /// Compiled, and (when run) exited 0 in time.
    pub fn ran_clean(&self) -> bool {
        self.kind == Kind::Pass
            && self
                .run
                .as_ref()
                .is_none_or(|r| r.exit_code == Some(0) && !r.timed_out)
    }
}

/// The folder every case appears to lie under, in what rustc prints: a case's own folder is
/// remapped to `VIRTUAL_ROOT/cases/<folder name>/`, so its diagnostics read the same wherever
/// the folder lies and whatever the current directory (see [`display_path`]).
pub const VIRTUAL_ROOT: &str = "/sendsync-case-root/";

/// How a case's path is spelled in what rustc prints: `cases/<folder>/<file>`, the folder being
/// the one the case lies in. For the bundled corpus this is the path relative to the package,
/// as trybuild spells it; a copy of a topic folder anywhere else is spelled the same.
pub fn display_path(case: &Case) -> String {
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

/// Compiles `case` with `toolchain`, and runs it when `mode` says so.
pub fn compile(toolchain: &Toolchain, case: &Case, mode: Mode, limits: Limits) -> Result<Outcome> {
    let started = Instant::now();
    let tmp = process::TempDir::new()?;
    let input = std::path::absolute(&case.path).map_err(|e| Error::io(&case.path, e))?;
    let dir = input.parent().unwrap_or(Path::new("/"));
    let display = display_path(case);
    let virtual_input = format!("{VIRTUAL_ROOT}{display}");
    let virtual_dir = virtual_input
        .rsplit_once('/')
        .map_or(VIRTUAL_ROOT, |(d, _)| d);

    let log = tmp.path().join("rustc.json");
    let mut cmd = match mode {
        Mode::Lint => toolchain.clippy_command()?,
        Mode::Check | Mode::Run => toolchain.command(),
    };
    let mut remap = std::ffi::OsString::from("--remap-path-prefix=");
    remap.push(dir);
    remap.push("=");
    remap.push(virtual_dir);
    let compiletest = case.format == Format::Compiletest;
    cmd.arg(format!("--edition={}", case.edition));
    if compiletest {
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
        .arg(remap)
        .arg("--out-dir")
        .arg(tmp.path())
        .arg(&input)
        .current_dir(tmp.path());
    if matches!(mode, Mode::Check | Mode::Lint) {
        cmd.arg("--emit=metadata");
    }
    let compiled = process::run(
        &mut cmd,
        process::Output::File(&log),
        process::Bounds {
            time: limits.compile,
            memory: None,
        },
    )?;
    let json = std::fs::read_to_string(&log).map_err(|e| Error::io(&log, e))?;

    let normalizer = Normalizer {
        input: &virtual_input,
        root: VIRTUAL_ROOT,
        krate: CRATE_NAME,
    };
    let mut diagnostics = Vec::new();
    let mut rendered = Vec::new();
    let mut seen = BTreeSet::new();
    // rustc's own signs of a crash: its "internal compiler error" diagnostic level, or its
    // panic banner in the text that is not JSON (what a case writes in a message is neither).
    let mut ice = false;
    let mut banner = false;
    for line in json.lines() {
        let Ok(raw) = serde_json::from_str::<Raw>(line) else {
            banner |= line.starts_with("error: the compiler unexpectedly panicked")
                || line.starts_with("thread 'rustc' panicked at");
            continue;
        };
        ice |= raw.level == crate::diagnostic::ICE_LEVEL;
        // trybuild drops repeated messages from the rendered text; the structured record keeps
        // every one, since a repeat is part of what rustc says.
        if seen.insert(line) && raw.level != "failure-note" {
            if let Some(text) = &raw.rendered {
                rendered.push(text.clone());
            }
        }
        if let Some(d) = normalizer.diagnostic(&raw) {
            diagnostics.push(d);
        }
    }
    let stderr = if compiletest {
        let host = crate::compiletest::host::Host::from_triple(&toolchain.host, &toolchain.release);
        let rules = crate::compiletest::rules_for(case, host.pointer_width);
        let build_dir = tmp.path().to_string_lossy();
        let cx = normalize::compiletest::Context {
            dir: virtual_dir,
            build_dir: &build_dir,
            rules: &rules,
        };
        normalize::compiletest::stderr(&normalize::compiletest::extract_rendered(&json), &cx)
    } else {
        let target_str = format!("{VIRTUAL_ROOT}target/");
        let cx = normalize::Context {
            krate: CRATE_NAME,
            source_dir: VIRTUAL_ROOT,
            input_file: &display,
            target_dir: &target_str,
        };
        normalize::stderr(rendered.iter().map(String::as_str), &cx)
    };

    let status = compiled.status;
    let crashed = status.and_then(|s| process::signal_of(&s));
    let kind = if compiled.timed_out {
        Kind::Timeout
    } else if ice || crashed.is_some() || (banner && status.and_then(|s| s.code()) == Some(101)) {
        Kind::Ice
    } else if status.is_some_and(|s| s.success()) {
        Kind::Pass
    } else {
        Kind::Fail
    };
    if let Some(signal) = crashed {
        diagnostics.push(Diagnostic::crash(&format!(
            "rustc was killed by {}",
            process::signal_name(signal)
        )));
    }

    let mut run = None;
    if kind == Kind::Pass && mode == Mode::Run {
        let exe = executable(tmp.path(), case);
        let mut cmd = Command::new(&exe);
        cmd.current_dir(tmp.path()).env_clear();
        if let Some(path) = std::env::var_os("PATH") {
            cmd.env("PATH", path);
        }
        let done = process::run(
            &mut cmd,
            process::Output::Capture,
            process::Bounds {
                time: limits.run,
                memory: Some(limits.memory),
            },
        )?;
        // A panic names the case's file under the virtual root: say it as rustc's `-->` does.
        let text = done.output.text().replace(VIRTUAL_ROOT, "");
        run = Some(Run {
            exit_code: done.status.and_then(|s| s.code()),
            timed_out: done.timed_out,
            failure: done
                .status
                .filter(|s| !s.success())
                .map(|s| failure_reason(&s, &text, limits.memory)),
            stderr_tail: tail_lines(&text, 10),
            output_cut: done.output.cut,
        });
    }
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

/// The program a build made: named after the crate, which for a compiletest test is its file
/// name (`-` read as `_`) or its `#![crate_name]`; failing that, the one executable there.
fn executable(dir: &Path, case: &Case) -> std::path::PathBuf {
    if case.format != Format::Compiletest {
        return dir.join(CRATE_NAME);
    }
    let named = dir.join(case.name.replace('-', "_"));
    if named.is_file() {
        return named;
    }
    use std::os::unix::fs::PermissionsExt;
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.metadata()
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
        .unwrap_or(named)
}

fn tail_lines(text: &str, n: usize) -> String {
    let tail: Vec<&str> = text.lines().rev().take(n).collect();
    tail.into_iter().rev().collect::<Vec<_>>().join("\n")
}

/// Why a run failed, in words: the panic message, the signal by name, or the exit code.
pub fn failure_reason(status: &ExitStatus, output: &str, memory_limit: u64) -> String {
    let out_of_memory = output.contains("memory allocation of") && output.contains("failed");
    let limit = format!("{} MiB", memory_limit / (1024 * 1024));
    if let Some(signal) = process::signal_of(status) {
        let name = process::signal_name(signal);
        return if out_of_memory {
            format!("{name}: ran out of memory (the limit is {limit})")
        } else if signal == libc::SIGKILL {
            format!("{name} (memory limit of {limit}, or killed from outside?)")
        } else {
            name
        };
    }
    let code = status.code().unwrap_or(-1);
    match panic_message(output) {
        Some(panic) => format!("exit code {code}: {panic}"),
        None => format!("exit code {code}"),
    }
}

/// The panic line and the message after it: `panicked at src/x.rs:3:5: boom`. Since Rust 1.73
/// the message follows on the next line; before, it is quoted on the same one.
pub fn panic_message(output: &str) -> Option<String> {
    let lines: Vec<&str> = output.lines().collect();
    let i = lines.iter().position(|l| l.contains("panicked at"))?;
    let at = lines[i];
    let at = &at[at.find("panicked at").expect("found above")..];
    let at = at.trim_end_matches(':');
    match lines.get(i + 1) {
        Some(next) if !at.contains('\'') && !next.starts_with("note:") && !next.is_empty() => {
            Some(format!("{at}: {next}"))
        }
        _ => Some(at.to_string()),
    }
}
