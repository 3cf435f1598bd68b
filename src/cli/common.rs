//! What every subcommand shares: the result type and exit codes, signal handling, how compile
//! options come from the arguments, and the progress bar.
//!
//! Exit codes: 0 success, 1 a mismatch or drift; an error's is [`Error::exit_code`] (2 for bad
//! input or environment, 130 for an interrupt).

use super::args::{CompileArgs, RunArgs};
use sendsync::engine::check::Options;
use sendsync::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// A subcommand's exit code, or the errors that make it exit 2.
pub type CmdResult = Result<u8, Vec<Error>>;

pub fn one(e: Error) -> Vec<Error> {
    vec![e]
}

/// Like any Unix filter, stop quietly when the reader goes away (`sendsync list | head`).
pub fn restore_sigpipe() {
    // SAFETY: restoring the default action of SIGPIPE before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Ctrl-C or SIGTERM: stop every running case's process group, remove temporary folders,
/// close the progress bar line, say so, and exit 130.
pub fn install_interrupt_handler() {
    let interrupt = sendsync::toolchain::process::install_interrupt_handler(|| {
        use std::io::IsTerminal;
        if std::io::stderr().is_terminal() {
            eprint!("\r\x1b[2K");
        }
    });
    if let Err(e) = interrupt {
        eprintln!("warning: {e}");
    }
}

/// The process's exit: a subcommand's code, or its errors printed and their code (the highest,
/// if they differ).
pub fn exit(result: CmdResult) -> ExitCode {
    if std::env::var_os("SENDSYNC_PEAK_RSS").is_some() {
        // For the benchmark: this process's own peak, apart from the rustc processes it runs.
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:")) {
            eprintln!("sendsync peak RSS: {}", line["VmHWM:".len()..].trim());
        }
    }
    match result {
        Ok(code) => ExitCode::from(code),
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            ExitCode::from(errors.iter().map(Error::exit_code).max().unwrap_or(2))
        }
    }
}

pub fn options(compile: &CompileArgs, root: PathBuf) -> Options {
    let mut options = Options::new(root);
    if let Some(jobs) = compile.jobs {
        options.jobs = jobs as usize;
    }
    if compile.no_cache {
        options.cache = None;
    }
    options
}

pub fn run_options(run: &RunArgs, root: PathBuf) -> Options {
    let mut options = options(&run.compile, root);
    options.limits.run = Duration::from_secs(run.timeout);
    options.limits.memory = run.memory_limit * 1024 * 1024;
    options
}

pub fn progress_bar(len: usize) -> indicatif::ProgressBar {
    // indicatif draws only on a terminal: piped output stays quiet.
    let bar = indicatif::ProgressBar::new(len as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
            .expect("a valid template"),
    );
    bar
}
