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

/// A toolchain's Miri, ready to run: its binary and the sysroot it interprets std from.
#[derive(Clone, Debug)]
pub struct Miri {
    pub toolchain: Toolchain,
    pub miri: PathBuf,
    /// The Miri sysroot, under `target/sendsync/miri/<identity hash>/`.
    pub sysroot: PathBuf,
}

/// The command that installs what Miri needs on `toolchain`.
pub fn install_hint(toolchain: &Toolchain) -> String {
    if toolchain.release.contains("nightly") {
        format!(
            "`rustup component add miri rust-src --toolchain {}`",
            toolchain.name
        )
    } else {
        "Miri runs only on a nightly toolchain: `rustup toolchain install nightly --component miri,rust-src` (then `--toolchain nightly`)".to_string()
    }
}

impl Miri {
    /// Finds Miri in `toolchain` without installing anything: a missing `miri` or `rust-src`
    /// component is an [`Error::Environment`] naming the command that adds it.
    pub fn find(toolchain: &Toolchain) -> Result<Miri> {
        let bin = toolchain.sysroot.join("bin");
        let miri = bin.join("miri");
        let missing = |what: &str| {
            Error::env(format!(
                "toolchain `{}` ({}) has no {what}; {}",
                toolchain.name,
                toolchain.release,
                install_hint(toolchain)
            ))
        };
        if !miri.is_file() || !bin.join("cargo-miri").is_file() {
            return Err(missing("`miri` component"));
        }
        if !toolchain
            .sysroot
            .join("lib/rustlib/src/rust/library")
            .is_dir()
        {
            return Err(missing("`rust-src` component (Miri builds std from it)"));
        }
        // Keyed by the toolchain and the Miri binary alone (not by this build's code, as cache
        // entries are): it takes a minute to build.
        let id: String = {
            use sha2::{Digest, Sha256};
            let mut h = Sha256::new();
            h.update(toolchain.identity().as_bytes());
            h.update([0u8]);
            h.update(binary_stamp(&miri).as_bytes());
            h.finalize().iter().map(|b| format!("{b:02x}")).collect()
        };
        let sysroot = crate::paths::target_dir()
            .join("sendsync")
            .join("miri")
            .join(&id[..16]);
        Ok(Miri {
            toolchain: toolchain.clone(),
            miri,
            sysroot,
        })
    }

    /// Whether the Miri sysroot has been prepared.
    pub fn is_ready(&self) -> bool {
        self.sysroot.join(READY).is_file()
    }

    /// Prepares the Miri sysroot with `cargo miri setup` unless it is ready, calling `announce`
    /// before it starts (it takes about a minute). One preparation at a time (a lock file), so
    /// two runs never build into the same folder.
    pub fn prepare(&self, announce: impl FnOnce(&str)) -> Result<()> {
        if self.is_ready() {
            return Ok(());
        }
        let parent = self.sysroot.parent().expect("under target/sendsync/miri");
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let _lock = crate::drift::history::Lock::acquire(&parent.join(".setup.lock"))?;
        if self.is_ready() {
            return Ok(());
        }
        announce(&format!(
            "preparing the Miri sysroot for {} ({}) with `cargo miri setup` in {} (once per toolchain, about a minute)",
            self.toolchain.name,
            self.toolchain.release,
            self.sysroot.display()
        ));
        let bin = self.toolchain.sysroot.join("bin");
        let mut cmd = bare_command(&bin.join("cargo-miri"));
        cmd.env(
            "PATH",
            crate::toolchain::process::path_with_bin_first(&bin)?,
        )
        .env("MIRI_SYSROOT", &self.sysroot)
        .env("RUSTUP_AUTO_INSTALL", "0")
        .args(["miri", "setup"]);
        let tmp = process::TempDir::new()?;
        cmd.current_dir(tmp.path());
        let done = process::run(
            &mut cmd,
            process::Output::Capture,
            process::Bounds {
                time: Duration::from_secs(1800),
                memory: None,
            },
        )?;
        if !done.status.is_some_and(|s| s.success()) {
            return Err(Error::env(format!(
                "`cargo miri setup` failed for {}:\n{}",
                self.toolchain.name,
                done.output.text().trim_end()
            )));
        }
        crate::fs::write_atomic(&self.sysroot.join(READY), b"prepared by cargo miri setup\n")
    }

    /// Runs one compiled case under Miri.
    pub fn run(&self, case: &Case, options: &Options) -> Result<Run> {
        let started = Instant::now();
        let tmp = process::TempDir::new()?;
        let input = std::path::absolute(&case.path).map_err(|e| Error::io(&case.path, e))?;
        let dir = input.parent().unwrap_or(Path::new("/"));
        let display = compile::display_path(case);
        let virtual_dir = format!("{VIRTUAL_ROOT}{display}");
        let virtual_dir = virtual_dir
            .rsplit_once('/')
            .map_or(VIRTUAL_ROOT, |(d, _)| d);
        let mut remap = std::ffi::OsString::from("--remap-path-prefix=");
        remap.push(dir);
        remap.push("=");
        remap.push(virtual_dir);
        let crates = self.crate_args(case)?;
        let mut cmd = bare_command(&self.miri);
        cmd.arg("--sysroot")
            .arg(&self.sysroot)
            .arg(format!("--edition={}", case.edition))
            .args(["--crate-type=bin", "--crate-name", CRATE_NAME])
            .args(&case.flags)
            .args(&crates)
            .args(options.flags())
            .arg(remap)
            .arg("--out-dir")
            .arg(tmp.path())
            .arg(&input)
            .current_dir(tmp.path());
        let done = process::run(
            &mut cmd,
            process::Output::Capture,
            process::Bounds {
                time: options.timeout,
                memory: None,
            },
        )?;
        let text = done.output.text().replace(VIRTUAL_ROOT, "");
        let report = normalize_report(&text);
        let (verdict, headline) = if done.timed_out {
            (Verdict::Timeout, None)
        } else if done.status.is_some_and(|s| s.success()) {
            // A spawned thread's panic leaves Miri's exit code 0 too: not clean (rustc's own UI
            // tests are judged by their exit code, as compiletest judges them).
            let compiletest = case.format == crate::input::case::Format::Compiletest;
            match compile::thread_panic(&text).filter(|_| !compiletest) {
                Some(panic) => (Verdict::Failed, Some(format!("exit code 0, but {panic}"))),
                None => (Verdict::Clean, None),
            }
        } else {
            classify(&report).unwrap_or_else(|| {
                // Miri runs with no memory limit of ours.
                let why = done.status.map_or("killed".to_string(), |s| {
                    compile::failure_reason(&s, &text, None)
                });
                (Verdict::Failed, Some(why))
            })
        };
        Ok(Run {
            verdict,
            headline,
            report,
            millis: started.elapsed().as_millis() as u64,
        })
    }

    /// The builder of a case's crates for Miri: `cargo miri build` on this sysroot.
    fn builder(&self) -> crate::engine::deps::Builder<'_> {
        crate::engine::deps::Builder::Miri {
            toolchain: &self.toolchain,
            sysroot: &self.sysroot,
        }
    }

    /// Miri's arguments for the crates a case uses: its manifest's dependencies built by
    /// `cargo miri test --no-run` (once per Miri sysroot and lock), as rustc's are by cargo.
    fn crate_args(&self, case: &Case) -> Result<Vec<String>> {
        crate::engine::deps::crate_args(self.builder(), case)
    }

    /// A Miri run through the cache: keyed by the toolchain and Miri binary, the Miri sysroot,
    /// the flags and time limit, the case's content and name, and for a case that uses crates
    /// the build it runs against.
    pub fn run_cached(&self, case: &Case, options: &Options) -> Result<(Run, bool)> {
        let deps = match (&case.deps, case.crates.is_empty()) {
            (Some(source), false) => crate::input::manifest::manifest(source)
                .map(|m| crate::engine::deps::key_with(self.builder(), &m))
                .unwrap_or_default(),
            _ => String::new(),
        };
        let (identity, stamp, sysroot) = (
            self.toolchain.identity(),
            binary_stamp(&self.miri),
            self.sysroot.display().to_string(),
        );
        let (flags, timeout, case_flags) = (
            options.flags().join(" "),
            format!("{:?}", options.timeout),
            case.flags.join(" "),
        );
        let display = compile::display_path(case);
        let mut parts: Vec<&str> = vec![
            "miri",
            &identity,
            &stamp,
            &sysroot,
            &flags,
            &timeout,
            &case.edition,
            &case_flags,
            &display,
            &case.source,
        ];
        // Only a case that uses crates adds its build: the others keep the keys they had.
        if !deps.is_empty() {
            parts.push(&deps);
        }
        let key = Cache::key_of(&parts);
        if let Some(cache) = &options.cache {
            if let Some(run) = cache.get_value::<Run>(&key) {
                return Ok((run, true));
            }
        }
        let run = self.run(case, options)?;
        if let Some(cache) = options
            .cache
            .as_ref()
            .filter(|_| run.verdict != Verdict::Timeout)
        {
            cache.put_value(&key, &run);
        }
        Ok((run, false))
    }
}

/// Marks a prepared Miri sysroot.
const READY: &str = ".sendsync-ready";

fn binary_stamp(path: &Path) -> String {
    let meta = std::fs::metadata(path);
    let mtime = meta
        .as_ref()
        .ok()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    format!("{}:{}:{mtime}", path.display(), meta.map_or(0, |m| m.len()))
}

/// Miri's verdict and headline from its (normalized) report, if it reported an error.
pub fn classify(report: &str) -> Option<(Verdict, Option<String>)> {
    let line = report.lines().find(|l| {
        (l.starts_with("error: ") && !l.starts_with("error: aborting due to"))
            || l.starts_with("error[")
    })?;
    let headline = line.strip_prefix("error: ").unwrap_or(line).to_string();
    let verdict = if headline.starts_with("Undefined Behavior: Data race detected") {
        Verdict::DataRace
    } else if headline.starts_with("the evaluated program deadlocked") {
        Verdict::Deadlock
    } else if headline.starts_with("memory leaked")
        || headline.starts_with("the main thread terminated without waiting")
    {
        Verdict::Leak
    } else if headline.starts_with("Undefined Behavior:") {
        Verdict::Ub
    } else if headline.starts_with("unsupported operation:") {
        Verdict::Unsupported
    } else {
        Verdict::Failed
    };
    Some((verdict, Some(headline)))
}

/// Miri's report with what varies between machines and nightlies taken out, so that it can be
/// pinned: allocation ids (`alloc241` -> `ALLOC`), thread numbers (`unnamed-1` -> `unnamed-N`),
/// std's paths and line numbers (`$STD`), the source lines Miri quotes from std, and the std
/// frames of backtraces (each run of them is one `…` line); `-Zmiri-many-seeds` progress lines
/// are dropped. What points into the case is kept as Miri printed it.
pub fn normalize_report(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut in_std_snippet = false;
    let mut in_backtrace = false;
    let mut pending_frame: Option<String> = None;
    for raw in text.lines() {
        let line = std_paths(&ids(raw.trim_end()));
        if line.starts_with("Trying seed: ") {
            continue;
        }
        let trimmed = line.trim_start();
        if in_backtrace {
            if let Some(at) = trimmed.strip_prefix("at ") {
                let frame = pending_frame.take().unwrap_or_default();
                if at.starts_with("$STD") {
                    if out.last().is_none_or(|l| l.trim() != "…") {
                        out.push(format!("{}…", indent_of(&frame)));
                    }
                } else {
                    out.push(frame);
                    out.push(line);
                }
                continue;
            }
            if let Some((n, name)) = trimmed.split_once(": ") {
                if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
                    pending_frame = Some(format!("{}-: {name}", indent_of(&line)));
                    continue;
                }
            }
            in_backtrace = false;
            if let Some(frame) = pending_frame.take() {
                out.push(frame);
            }
        }
        if trimmed.starts_with("-->") {
            in_std_snippet = trimmed.contains("$STD");
            out.push(line);
            continue;
        }
        if in_std_snippet {
            let gutter = trimmed.starts_with('|')
                || trimmed.starts_with("...")
                || trimmed
                    .split_once(" |")
                    .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if gutter {
                continue;
            }
            in_std_snippet = false;
        }
        if trimmed.ends_with("stack backtrace:") {
            in_backtrace = true;
        }
        out.push(line);
    }
    if let Some(frame) = pending_frame {
        out.push(frame);
    }
    let mut text = out.join("\n");
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    text.trim().to_string() + "\n"
}

fn indent_of(line: &str) -> &str {
    &line[..line.len() - line.trim_start().len()]
}

/// `alloc241` -> `ALLOC`, `unnamed-1` -> `unnamed-N`.
fn ids(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    loop {
        let next = [("alloc", "ALLOC"), ("unnamed-", "unnamed-N")]
            .iter()
            .filter_map(|&(word, to)| rest.find(word).map(|i| (i, word, to)))
            .min_by_key(|&(i, _, _)| i);
        let Some((i, word, to)) = next else { break };
        let after = &rest[i + word.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let starts_word = !rest[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        out.push_str(&rest[..i]);
        if digits > 0 && starts_word {
            out.push_str(to);
        } else {
            out.push_str(&rest[i..i + word.len() + digits]);
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

/// Every path into std's sources (`…/lib/rustlib/src/rust/library/…` or
/// `/rustc/<hash>/library/…`), with its line and column, becomes `$STD`.
fn std_paths(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find("/library/") {
        let start = rest[..i]
            .rfind(|c: char| c.is_whitespace() || c == '(' || c == '`')
            .map_or(0, |j| j + 1);
        let prefix = &rest[start..i];
        if !(prefix.ends_with("/lib/rustlib/src/rust") || prefix.starts_with("/rustc/")) {
            out.push_str(&rest[..i + "/library/".len()]);
            rest = &rest[i + "/library/".len()..];
            continue;
        }
        out.push_str(&rest[..start]);
        out.push_str("$STD");
        let after = &rest[i..];
        let end = after
            .find(|c: char| c.is_whitespace() || c == ')' || c == '`')
            .unwrap_or(after.len());
        // A span's end (`555:18: 555:35`) follows the path after a space.
        let mut tail = &after[end..];
        if let Some(more) = tail.strip_prefix(' ') {
            let n = more
                .find(|c: char| !(c.is_ascii_digit() || c == ':'))
                .unwrap_or(more.len());
            if n > 0 && more[..n].contains(':') {
                tail = &more[n..];
            }
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// One program's result: its native outcome and, when it compiled, Miri's.
#[derive(Clone, Debug)]
pub struct Checked {
    pub case: Case,
    /// `pass`, `fail` (does not compile), `run-fail` (compiled, failed at run time),
    /// `timeout`, `ice`.
    pub native: String,
    /// `None` when Miri was not run (it does not compile natively).
    pub miri: Option<Run>,
    /// The verdict the case's directives promise (`None` for a program without a header).
    pub expected: Option<Verdict>,
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
fn native_word(outcome: &compile::Outcome) -> &'static str {
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
    let mut native = check::Options::new(options.root.clone());
    native.cache = options.cache.clone();
    native.limits = Limits {
        run: options.timeout,
        ..Limits::default()
    };
    native.compare_stderr = false;
    native.mode = Some(compile::Mode::Run);
    let outcome = match check::outcome_of(&miri.toolchain, case, &native) {
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
            checked.problem = format!(
                "Miri: {}{}, but the case says {}",
                run.verdict.as_str(),
                run.headline
                    .as_deref()
                    .map(|h| format!(" ({h})"))
                    .unwrap_or_default(),
                want.as_str()
            );
        } else if want.is_finding() {
            let pin = crate::input::corpus::miri_pin_path(case);
            // Fails closed: a pin that cannot be read is an error naming it (unless blessing
            // replaces it), never a pass.
            let pinned = match crate::fs::read_text(&pin) {
                Ok(text) => Some(text),
                Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                    None
                }
                Err(_) if bless => None,
                Err(e) => {
                    checked.problem = format!("cannot compare with the pinned Miri report: {e}");
                    checked.error = true;
                    checked.miri = Some(run);
                    return checked;
                }
            };
            if pinned.as_deref() != Some(run.report.as_str()) {
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
        }
    }
    checked.miri = Some(run);
    checked
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
fn expected_cost(case: &Case) -> (u8, usize) {
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

/// The JSON report: one object per program, `{"path","name","native","miri","headline"}`.
pub fn to_json(results: &[Checked], root: &Path) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = results
        .iter()
        .map(|r| {
            serde_json::json!({
                "path": r.case.path.strip_prefix(root).unwrap_or(&r.case.path),
                "name": r.case.name,
                "native": r.native,
                "miri": r.verdict().map(Verdict::as_str),
                "headline": r.miri.as_ref().and_then(|m| m.headline.clone()),
                "expected": r.expected.map(Verdict::as_str),
                "problem": (!r.problem.is_empty()).then_some(&r.problem),
            })
        })
        .collect();
    serde_json::Value::Array(rows)
}

/// How many programs got each verdict, in the order of [`Verdict`].
pub fn counts(results: &[Checked]) -> Vec<(&'static str, usize)> {
    let all = [
        Verdict::Clean,
        Verdict::DataRace,
        Verdict::Deadlock,
        Verdict::Leak,
        Verdict::Ub,
        Verdict::Unsupported,
        Verdict::Timeout,
        Verdict::Failed,
        Verdict::Skipped,
    ];
    let mut out: Vec<(&'static str, usize)> = all
        .iter()
        .map(|v| {
            (
                v.as_str(),
                results.iter().filter(|r| r.verdict() == Some(*v)).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let not_run = results.iter().filter(|r| r.miri.is_none()).count();
    if not_run > 0 {
        out.push(("not run (does not compile)", not_run));
    }
    out
}

/// The text report: a line per program with a finding or a problem (every program with `all`),
/// then the counts.
pub fn to_text(results: &[Checked], root: &Path, all: bool) -> String {
    let mut out = String::new();
    for r in results {
        let finding = r.verdict().is_some_and(|v| v != Verdict::Clean);
        if !(all || finding || r.is_failure()) {
            continue;
        }
        let path = r.case.path.strip_prefix(root).unwrap_or(&r.case.path);
        let miri = r.verdict().map_or("not run", Verdict::as_str);
        out.push_str(&format!(
            "{} {}: native {}, Miri {}{}\n",
            if r.is_failure() { "✗" } else { " " },
            path.display(),
            r.native,
            miri,
            r.miri
                .as_ref()
                .and_then(|m| m.headline.as_deref())
                .map(|h| format!(": {h}"))
                .unwrap_or_default()
        ));
        if r.is_failure() {
            for line in r.problem.lines() {
                out.push_str(&format!("    {line}\n"));
            }
        }
    }
    let counts: Vec<String> = counts(results)
        .iter()
        .map(|(v, n)| format!("{n} {v}"))
        .collect();
    let failures = results.iter().filter(|r| r.is_failure()).count();
    out.push_str(&format!(
        "{} programs: {}; {} differ from their directives or pins\n",
        results.len(),
        counts.join(", "),
        failures
    ));
    out
}

/// What `sendsync miri` prints: the text report, or `{"programs": [...]}` with the rows of
/// [`to_json`] (`sendsync.miri/1` in `docs/json.md`).
pub struct MiriReport<'a> {
    pub results: &'a [Checked],
    /// What paths are relative to.
    pub root: &'a Path,
    /// The text lists every program (`miri --all`).
    pub all: bool,
}

impl crate::render::Report for MiriReport<'_> {
    fn schema(&self) -> &'static str {
        "sendsync.miri/1"
    }
    fn text(&self) -> String {
        to_text(self.results, self.root, self.all)
    }
    fn json(&self) -> impl Serialize + '_ {
        serde_json::json!({ "programs": to_json(self.results, self.root) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_whose_miri_run_panics_expects_the_failed_verdict() {
        let case = Case::parse(
            std::path::Path::new("cases/t/x.rs"),
            "//! T\n//! E.\n//@ pass\n//@ miri: panic\n".to_string(),
            true,
        )
        .unwrap();
        assert_eq!(Verdict::expected(&case), Some(Verdict::Failed));
        assert!(Verdict::Failed.is_finding());
    }

    const RACE: &str = "error: Undefined Behavior: Data race detected between (1) non-atomic write on thread `main` and (2) non-atomic read on thread `unnamed-1` at alloc241
   --> /root/.rustup/toolchains/nightly-x86_64-unknown-linux-gnu/lib/rustlib/src/rust/library/core/src/cell.rs:555:18
    |
555 |         unsafe { *self.value.get() }
    |                  ^^^^^^^^^^^^^^^^^ (2) just happened here
    |
help: and (1) occurred earlier here
   --> cases/t/rc.rs:12:22
    |
 12 |     for _ in 0..10 { drop(Rc::clone(&rc)); }
    |                      ^^^^^^^^^^^^^^^^^^^^
    = note: this is on thread `unnamed-1`
    = note: stack backtrace:
            0: std::cell::Cell::<usize>::get
                at /root/.rustup/toolchains/nightly-x86_64-unknown-linux-gnu/lib/rustlib/src/rust/library/core/src/cell.rs:555:18: 555:35
            1: <std::rc::Rc<u32> as std::clone::Clone>::clone
                at /rustc/abc/library/alloc/src/rc.rs:2519:13: 2519:38
            2: main::{closure#0}
                at cases/t/rc.rs:10:31: 10:48
note: the last function in that backtrace got called indirectly due to this code


error: aborting due to 1 previous error
";

    #[test]
    fn reports_are_normalized_for_pinning() {
        let want = "error: Undefined Behavior: Data race detected between (1) non-atomic write on thread `main` and (2) non-atomic read on thread `unnamed-N` at ALLOC
   --> $STD
help: and (1) occurred earlier here
   --> cases/t/rc.rs:12:22
    |
 12 |     for _ in 0..10 { drop(Rc::clone(&rc)); }
    |                      ^^^^^^^^^^^^^^^^^^^^
    = note: this is on thread `unnamed-N`
    = note: stack backtrace:
            …
            -: main::{closure#0}
                at cases/t/rc.rs:10:31: 10:48
note: the last function in that backtrace got called indirectly due to this code

error: aborting due to 1 previous error
";
        assert_eq!(normalize_report(RACE), want);
        // Normalizing twice changes nothing.
        assert_eq!(normalize_report(want), want);
    }

    #[test]
    fn the_longest_runs_are_scheduled_first() {
        let case = |header: &str| {
            Case::parse(
                Path::new("cases/t/x.rs"),
                format!("//! T\n//! E.\n{header}fn main() {{}}\n"),
                true,
            )
            .unwrap()
        };
        let hangs = case("//@ pass\n//@ native: hangs\n//@ miri: deadlock\n//@ fix: y\n");
        let finding = case("//@ pass\n//@ miri: leak\n//@ fix: y\n");
        let threads = case("//@ pass\n// thread::spawn\n");
        let pass = case("//@ pass\n");
        let fail = case("//@ fail: E0277\n//@ fix: y\n// thread thread\n");
        let costs: Vec<_> = [&hangs, &finding, &threads, &pass, &fail]
            .iter()
            .map(|c| expected_cost(c))
            .collect();
        assert!(costs.windows(2).all(|w| w[0] > w[1]), "{costs:?}");
    }

    #[test]
    fn ids_are_only_whole_words() {
        assert_eq!(ids("at alloc241 and alloc7"), "at ALLOC and ALLOC");
        assert_eq!(
            ids("dealloc12 allocate unnamed-3"),
            "dealloc12 allocate unnamed-N"
        );
        assert_eq!(ids("my/library/x.rs:1:1"), "my/library/x.rs:1:1");
    }

    #[test]
    fn verdicts_come_from_the_headline() {
        let v = |s: &str| classify(s).map(|(v, _)| v);
        assert_eq!(v(RACE), Some(Verdict::DataRace));
        assert_eq!(
            v("error: the evaluated program deadlocked\n"),
            Some(Verdict::Deadlock)
        );
        assert_eq!(
            v("error: memory leaked: ALLOC (Rust heap, size: 8, align: 8), allocated here:\n"),
            Some(Verdict::Leak)
        );
        assert_eq!(
            v("error: Undefined Behavior: out-of-bounds pointer use\n"),
            Some(Verdict::Ub)
        );
        assert_eq!(
            v("error: unsupported operation: can't call foreign function `x`\n"),
            Some(Verdict::Unsupported)
        );
        assert_eq!(v("thread 'main' panicked at x.rs:1:1:\nboom\n"), None);
        assert_eq!(
            classify("error: aborting due to 1 previous error\n").map(|(v, _)| v),
            None
        );
    }
}
