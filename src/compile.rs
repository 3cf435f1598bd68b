//! Compiling one case with one toolchain, straight through rustc, and running it when it is
//! meant to run.
//!
//! Every compile gets a private temporary directory for its output and its logs, so parallel
//! compiles never meet, and nothing is ever written to `/dev/null` (run as root, a successful
//! `-o /dev/null` replaces the device with a regular file). The program runs in its own process
//! group with a time limit; when the limit passes, the whole group is killed.

use crate::case::{Case, Expectation};
use crate::diagnostic::{self, Diagnostic, Normalizer, Raw};
use crate::error::{Error, Result};
use crate::normalize;
use crate::toolchain::Toolchain;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fs::File;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};
use wait_timeout::ChildExt;

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
}

impl Mode {
    pub fn for_case(case: &Case) -> Mode {
        match case.expectation {
            Expectation::Fail(_) => Mode::Check,
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
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            compile: Duration::from_secs(300),
            run: Duration::from_secs(10),
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
    /// The compiler crashed.
    Ice,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// The exit code; `None` when a signal ended it.
    pub exit_code: Option<i32>,
    pub timed_out: bool,
    /// The last lines of what it printed to stderr (a panic message, say).
    pub stderr_tail: String,
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

    /// Compiled, and (when run) exited 0 in time.
    pub fn ran_clean(&self) -> bool {
        self.kind == Kind::Pass
            && self
                .run
                .as_ref()
                .is_none_or(|r| r.exit_code == Some(0) && !r.timed_out)
    }
}

/// Compiles `case` with `toolchain`. Paths in diagnostics are made relative to `root`.
pub fn compile(
    toolchain: &Toolchain,
    case: &Case,
    mode: Mode,
    root: &Path,
    limits: Limits,
) -> Result<Outcome> {
    let started = Instant::now();
    let tmp = tempfile::Builder::new()
        .prefix("sendsync-")
        .tempdir()
        .map_err(|e| Error::env(format!("cannot create a temporary directory: {e}")))?;
    let input = std::path::absolute(&case.path).map_err(|e| Error::io(&case.path, e))?;
    let input_str = input.to_string_lossy().into_owned();
    let root = std::path::absolute(root).map_err(|e| Error::io(root, e))?;
    let mut root_str = root.to_string_lossy().into_owned();
    if !root_str.ends_with('/') {
        root_str.push('/');
    }

    let log = tmp.path().join("rustc.json");
    let mut cmd = toolchain.command();
    cmd.arg(format!("--edition={}", case.edition))
        .args(["--crate-type=bin", "--crate-name", CRATE_NAME])
        .arg("--error-format=json")
        .args(TRYBUILD_FLAGS)
        .args(["-C", "debuginfo=0"])
        .arg("--out-dir")
        .arg(tmp.path())
        .arg(&input)
        .current_dir(tmp.path());
    if mode == Mode::Check {
        cmd.arg("--emit=metadata");
    }
    let (status, timed_out) = run_limited(&mut cmd, &log, limits.compile)?;
    let json = std::fs::read_to_string(&log).map_err(|e| Error::io(&log, e))?;

    let normalizer = Normalizer {
        input: &input_str,
        root: &root_str,
        krate: CRATE_NAME,
    };
    let mut diagnostics = Vec::new();
    let mut rendered = Vec::new();
    let mut seen = BTreeSet::new();
    let mut ice_text = false;
    for line in json.lines() {
        if !seen.insert(line) {
            continue; // trybuild drops duplicate messages too
        }
        let Ok(raw) = serde_json::from_str::<Raw>(line) else {
            // Not a diagnostic: an ICE backtrace or a panic message lands here.
            ice_text |= line.contains("panicked") || line.contains("internal compiler error");
            continue;
        };
        ice_text |= raw.message.contains("internal compiler error")
            || raw.message.contains("the compiler unexpectedly panicked");
        if raw.level != "failure-note" {
            if let Some(text) = &raw.rendered {
                rendered.push(text.clone());
            }
        }
        if let Some(d) = normalizer.diagnostic(&raw) {
            diagnostics.push(d);
        }
    }
    let input_rel = normalize::relative(&input, &root).unwrap_or_else(|| input_str.clone());
    let target_str = format!("{root_str}target/");
    let cx = normalize::Context {
        krate: CRATE_NAME,
        source_dir: &root_str,
        input_file: &input_rel,
        target_dir: &target_str,
    };
    let stderr = normalize::stderr(rendered.iter().map(String::as_str), &cx);

    let kind = if timed_out {
        Kind::Timeout
    } else if ice_text || status.and_then(|s| s.code()) == Some(101) {
        Kind::Ice
    } else if status.is_some_and(|s| s.success()) {
        Kind::Pass
    } else {
        Kind::Fail
    };

    let mut run = None;
    if kind == Kind::Pass && mode == Mode::Run {
        let exe = tmp.path().join(CRATE_NAME);
        let out = tmp.path().join("run.stderr");
        let mut cmd = Command::new(&exe);
        cmd.current_dir(tmp.path());
        let (status, timed_out) = run_limited(&mut cmd, &out, limits.run)?;
        let text = std::fs::read_to_string(&out).unwrap_or_default();
        let tail: Vec<&str> = text.lines().rev().take(10).collect();
        run = Some(Run {
            exit_code: status.and_then(|s| s.code()),
            timed_out,
            stderr_tail: tail.into_iter().rev().collect::<Vec<_>>().join("\n"),
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

/// Runs a command in its own process group with stdout and stderr sent to `log`, and stdin
/// closed. Past `limit`, the whole group is killed: a program that spawned threads or children
/// leaves nothing behind. Returns the exit status (`None` when killed) and whether it overran.
fn run_limited(
    cmd: &mut Command,
    log: &Path,
    limit: Duration,
) -> Result<(Option<ExitStatus>, bool)> {
    let out = File::create(log).map_err(|e| Error::io(log, e))?;
    let err = out.try_clone().map_err(|e| Error::io(log, e))?;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .process_group(0)
        .spawn()
        .map_err(|e| Error::env(format!("cannot run {:?}: {e}", cmd.get_program())))?;
    let status = child
        .wait_timeout(limit)
        .map_err(|e| Error::env(format!("waiting for {:?}: {e}", cmd.get_program())))?;
    match status {
        Some(status) => Ok((Some(status), false)),
        None => {
            kill_group(child.id());
            let _ = child.wait();
            Ok((None, true))
        }
    }
}

fn kill_group(pid: u32) {
    // SAFETY: kill(2) with a negative pid signals the process group we created for the child
    // (`process_group(0)` made its pid the group id); it touches no memory of ours.
    unsafe {
        libc::kill(-(pid as libc::pid_t), libc::SIGKILL);
    }
}
