//! Running the program a compile built: its command, its limits, and what its output says
//! about how it ended (a panic of any thread, a signal, running out of memory).

use super::{Case, Format, Limits, Run, CRATE_NAME, VIRTUAL_ROOT};
use crate::error::Result;
use crate::toolchain::process;
use std::path::Path;
use std::process::{Command, ExitStatus};

/// Runs the program the compile left in `dir`, under `limits`' time and memory bounds.
pub(super) fn run(dir: &Path, case: &Case, limits: Limits) -> Result<Run> {
    let exe = executable(dir, case);
    let mut cmd = Command::new(&exe);
    cmd.current_dir(dir).env_clear();
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
    Ok(Run {
        exit_code: done.status.and_then(|s| s.code()),
        timed_out: done.timed_out,
        failure: match done.status {
            Some(s) if !s.success() => Some(failure_reason(&s, &text, Some(limits.memory))),
            // A spawned thread's panic leaves the exit code 0: its message is the sign. Not
            // for rustc's own UI tests: compiletest judges a run by its exit code alone, and
            // its run-pass tests catch panics on purpose (`needs-unwind`).
            Some(_) if case.format != Format::Compiletest => {
                thread_panic(&text).map(|p| format!("exit code 0, but {p}"))
            }
            Some(_) => None,
            None => None,
        },
        stderr_tail: tail_lines(&text, 10),
        output_cut: done.output.cut,
    })
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
/// `memory_limit` is the limit it ran under, in bytes (`None`: none, as under Miri).
pub(crate) fn failure_reason(
    status: &ExitStatus,
    output: &str,
    memory_limit: Option<u64>,
) -> String {
    let out_of_memory = output.contains("memory allocation of") && output.contains("failed");
    let limit = memory_limit.map(|m| format!("{} MiB", m / (1024 * 1024)));
    if let Some(signal) = process::signal_of(status) {
        let name = process::signal_name(signal);
        return match (out_of_memory, limit) {
            (true, Some(limit)) => format!("{name}: ran out of memory (the limit is {limit})"),
            (true, None) => format!("{name}: ran out of memory (with no memory limit set)"),
            (false, Some(limit)) if signal == libc::SIGKILL => {
                format!("{name} (memory limit of {limit}, or killed from outside?)")
            }
            (false, None) if signal == libc::SIGKILL => {
                format!("{name} (no memory limit: killed from outside?)")
            }
            (false, _) => name,
        };
    }
    let code = status.code().unwrap_or(-1);
    match panic_message(output) {
        Some(panic) => format!("exit code {code}: {panic}"),
        None => format!("exit code {code}"),
    }
}

/// The first panic of any thread in a program's output, with its thread and message:
/// `thread '<unnamed>' panicked at src/x.rs:3:5: boom`. The thread's id, which newer releases
/// print after its name (`thread 'main' (4711) panicked at`), is left out: it changes every run.
pub(crate) fn thread_panic(output: &str) -> Option<String> {
    const THREAD: &str = "thread '";
    let mut offset = 0;
    for line in output.split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        let Some(start) = line.find(THREAD) else {
            continue;
        };
        let rest = &line[start + THREAD.len()..];
        let Some((name, after)) = rest.split_once("' ") else {
            continue;
        };
        let after = after
            .strip_prefix('(')
            .and_then(|a| a.split_once(") "))
            .filter(|(id, _)| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
            .map_or(after, |(_, a)| a);
        if after.starts_with("panicked at ") {
            let at = panic_message(&output[here + start..])?;
            return Some(format!("thread '{name}' {at}"));
        }
    }
    None
}

/// The panic line and the message after it: `panicked at src/x.rs:3:5: boom`. Since Rust 1.73
/// the message follows on the next line; before, it is quoted on the same one.
pub(crate) fn panic_message(output: &str) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::process::ExitStatusExt;

    #[test]
    fn a_panic_of_any_thread_is_found_and_named() {
        // Since Rust 1.73 the message follows the place; since 1.9x the thread's id the name.
        let unnamed = "starting\nthread '<unnamed>' (4711) panicked at cases/t/x.rs:7:35:\nthe worker gave up\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\ndone\n";
        assert_eq!(
            thread_panic(unnamed).as_deref(),
            Some("thread '<unnamed>' panicked at cases/t/x.rs:7:35: the worker gave up")
        );
        let named = "thread 'loader' panicked at cases/t/x.rs:8:41:\nno config\n";
        assert_eq!(
            thread_panic(named).as_deref(),
            Some("thread 'loader' panicked at cases/t/x.rs:8:41: no config")
        );
        // Before 1.73 the message is quoted on the same line.
        let old = "thread '<unnamed>' panicked at 'the worker gave up', x.rs:7:35\n";
        assert_eq!(
            thread_panic(old).as_deref(),
            Some("thread '<unnamed>' panicked at 'the worker gave up', x.rs:7:35")
        );
        // After output that did not end its line.
        assert!(thread_panic("50%thread 'main' panicked at x.rs:1:1:\nboom\n").is_some());
        for quiet in [
            "",
            "all went well\n",
            "the word panicked at the start\n",
            "thread 'x' finished\n",
        ] {
            assert_eq!(thread_panic(quiet), None, "{quiet:?}");
        }
    }

    #[test]
    fn a_failure_without_a_memory_limit_says_so() {
        let killed = ExitStatus::from_raw(libc::SIGKILL);
        assert_eq!(
            failure_reason(&killed, "", Some(256 * 1024 * 1024)),
            "SIGKILL (memory limit of 256 MiB, or killed from outside?)"
        );
        assert_eq!(
            failure_reason(&killed, "", None),
            "SIGKILL (no memory limit: killed from outside?)"
        );
        let oom = "memory allocation of 4294967296 bytes failed\n";
        let aborted = ExitStatus::from_raw(libc::SIGABRT);
        assert_eq!(
            failure_reason(&aborted, oom, None),
            "SIGABRT: ran out of memory (with no memory limit set)"
        );
    }
}
