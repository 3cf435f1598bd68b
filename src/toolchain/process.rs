//! Running rustc and the programs it builds, and leaving nothing behind.
//!
//! Every child runs in a process group of its own, with a time limit. When it ends, in time or
//! not, the whole group is killed, so a program that started `sleep 1000` and exited leaves no
//! orphan. A program's output is read through a pipe into a bounded buffer (its head and its
//! tail), so a case that prints 100 MB costs neither memory nor disk. A program's memory is
//! bounded with `setrlimit`.
//!
//! Every running group and every temporary folder is registered here, so that an interrupt
//! (Ctrl-C, SIGTERM) can kill them all, reap them, and remove the folders before the process
//! exits ([`install_interrupt_handler`]).
//!
//! A group is killed before its leader is reaped: a child's exit is waited for without reaping
//! it (a pidfd, or `waitid(WNOWAIT)`), so until the group has been killed the leader's pid, which
//! names the group, cannot be given to another process.

use crate::error::{Error, Result};
use std::collections::BTreeSet;
use std::io::Read;
use std::os::fd::{AsRawFd, FromRawFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

mod captured;
pub(crate) use captured::Captured;

/// What is running now, for the interrupt handler.
#[derive(Default)]
struct Registry {
    groups: BTreeSet<i32>,
    dirs: BTreeSet<PathBuf>,
    interrupted: bool,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    groups: BTreeSet::new(),
    dirs: BTreeSet::new(),
    interrupted: false,
});

fn registry() -> std::sync::MutexGuard<'static, Registry> {
    // A panic elsewhere while holding the lock leaves plain data behind: still usable.
    REGISTRY.lock().unwrap_or_else(|e| e.into_inner())
}

/// Kills a process group, and its leader by pid too (the leader may have moved itself to
/// another group). The group id is the pid of the child that `process_group(0)` made its
/// leader, which stays unreaped until this has run.
fn kill_group(pgid: i32) {
    // SAFETY: kill(2) signals a process (group); it touches no memory.
    unsafe {
        libc::kill(-pgid, libc::SIGKILL);
        libc::kill(pgid, libc::SIGKILL);
    }
}

/// Waits until the child `pid` has exited, without reaping it, for at most `limit` (`None`:
/// as long as it takes). Returns whether it exited.
fn wait_exited(pid: i32, limit: Option<Duration>) -> bool {
    let deadline = limit.map(|l| std::time::Instant::now() + l);
    let left = || deadline.map(|d| d.saturating_duration_since(std::time::Instant::now()));
    // SAFETY: pidfd_open(2) on our own unreaped child: the pid is still its own.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) } as i32;
    if fd >= 0 {
        // SAFETY: the descriptor was just opened and is owned here.
        let fd = unsafe { std::os::fd::OwnedFd::from_raw_fd(fd) };
        loop {
            let timeout = left().map_or(-1, |d| d.as_millis().min(i32::MAX as u128) as i32);
            let mut poll = libc::pollfd {
                fd: fd.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one pollfd on the stack, for a descriptor we own.
            let n = unsafe { libc::poll(&mut poll, 1, timeout) };
            if n > 0 {
                return true;
            }
            if n == 0 {
                return false;
            }
            if std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
                break; // fall back to asking waitid
            }
        }
    }
    // No pidfd (a kernel older than 5.3): ask every few milliseconds.
    let mut pause = Duration::from_millis(1);
    loop {
        if exited(pid) {
            return true;
        }
        if left().is_some_and(|d| d.is_zero()) {
            return false;
        }
        std::thread::sleep(left().map_or(pause, |d| d.min(pause)));
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}

/// Whether the child `pid` has exited (it is a zombie), leaving it unreaped.
fn exited(pid: i32) -> bool {
    // SAFETY: waitid(2) with WNOWAIT writes only the siginfo on the stack.
    unsafe {
        let mut info: libc::siginfo_t = std::mem::zeroed();
        let rc = libc::waitid(
            libc::P_PID,
            pid as libc::id_t,
            &mut info,
            libc::WEXITED | libc::WNOHANG | libc::WNOWAIT,
        );
        // A pid in the info means a child that has exited; an error (ECHILD) means no child
        // to wait for, which is over too.
        rc != 0 || info.si_pid() != 0
    }
}

/// Reaps, after an interrupt killed every group: each group's leader, then every zombie that
/// the kill orphaned (this process is a subreaper by then), until every group is empty or a
/// moment has passed. Nothing killed is left `<defunct>` for init to find.
fn reap_killed(groups: &BTreeSet<i32>) {
    for &g in groups {
        // SAFETY: waitpid(2) on our own child, writing the status on the stack.
        unsafe {
            let mut status = 0;
            libc::waitpid(g, &mut status, 0);
        }
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(2);
    loop {
        // SAFETY: waitpid(2) for any child that has already exited; no blocking.
        while unsafe { libc::waitpid(-1, std::ptr::null_mut(), libc::WNOHANG) } > 0 {}
        // SAFETY: kill(2) with signal 0 only asks whether the group still has a member.
        let empty = groups.iter().all(|&g| unsafe { libc::kill(-g, 0) } != 0);
        if empty || std::time::Instant::now() > deadline {
            return;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// A temporary folder that is removed when dropped, and by the interrupt handler if the
/// process is interrupted first.
pub(crate) struct TempDir {
    dir: Option<tempfile::TempDir>,
}

impl TempDir {
    pub(crate) fn new() -> Result<TempDir> {
        // Created and registered under the lock: an interrupt either sees it or comes first.
        let mut reg = registry();
        if reg.interrupted {
            return Err(Error::Interrupted);
        }
        let dir = tempfile::Builder::new()
            .prefix("sendsync-")
            .tempdir()
            .map_err(|e| Error::System {
                what: "cannot create a temporary directory",
                message: e.to_string(),
            })?;
        reg.dirs.insert(dir.path().to_path_buf());
        Ok(TempDir { dir: Some(dir) })
    }

    pub(crate) fn path(&self) -> &Path {
        self.dir.as_ref().expect("present until dropped").path()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if let Some(dir) = self.dir.take() {
            registry().dirs.remove(dir.path());
        }
    }
}

/// Registers a folder for removal on interrupt (a staging folder, say) until `forget_dir`.
pub(crate) fn register_dir(path: &Path) {
    registry().dirs.insert(path.to_path_buf());
}

pub(crate) fn forget_dir(path: &Path) {
    registry().dirs.remove(path);
}

/// Runs `f` (a final rename, say) so that an interrupt comes either before it, which then
/// never runs, or after it has finished: never in the middle.
pub(crate) fn while_not_interrupted<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    let reg = registry();
    if reg.interrupted {
        return Err(Error::Interrupted);
    }
    let out = f();
    drop(reg);
    out
}

/// On SIGINT or SIGTERM: kill every running group, reap what was killed, remove every
/// registered folder, run
/// `before_exit` (which closes a progress bar, say), print one line and exit with
/// [`Error::Interrupted`]'s code (130).
/// Only the binary installs this; a library caller keeps its own signal handling.
pub fn install_interrupt_handler(before_exit: impl Fn() + Send + 'static) -> Result<()> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGINT, SIGTERM]).map_err(|e| Error::System {
            what: "cannot install the interrupt handler",
            message: e.to_string(),
        })?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Held until exit: no run reaps its child or starts another from now on.
            let mut reg = registry();
            reg.interrupted = true;
            // The processes the kill orphans (a case's own children) come to us, not to init,
            // so that they are reaped before we exit.
            // SAFETY: prctl(2) with an integer argument.
            unsafe {
                libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
            }
            for &g in &reg.groups {
                kill_group(g);
            }
            reap_killed(&reg.groups);
            for dir in &reg.dirs {
                let _ = std::fs::remove_dir_all(dir);
            }
            before_exit();
            let name = if signal == SIGINT {
                "SIGINT"
            } else {
                "SIGTERM"
            };
            eprintln!(
                "sendsync: interrupted ({name}); stopped {} running programs and removed {} temporary folders",
                reg.groups.len(),
                reg.dirs.len()
            );
            std::process::exit(i32::from(Error::Interrupted.exit_code()));
        }
    });
    Ok(())
}

/// Where a child's output goes.
pub enum Output<'a> {
    /// stdout and stderr both into this file (rustc's JSON, which must be read whole).
    File(&'a Path),
    /// stdout and stderr through a pipe, keeping the first and the last bytes.
    Capture,
}

/// Bounds of a run.
#[derive(Clone, Copy, Debug)]
pub struct Bounds {
    pub(crate) time: Duration,
    /// Address-space data limit (`RLIMIT_DATA`) in bytes, if any.
    pub(crate) memory: Option<u64>,
}

/// How a child ended.
#[derive(Debug)]
pub struct Finished {
    /// `None` when it was killed at its time limit.
    pub(crate) status: Option<ExitStatus>,
    pub(crate) timed_out: bool,
    /// What it printed, bounded (empty for [`Output::File`]).
    pub(crate) output: Captured,
}

/// Runs `cmd` within `bounds`, stdin closed, in a process group of its own, and kills the
/// group when the child ends or overruns.
pub fn run(cmd: &mut Command, output: Output, bounds: Bounds) -> Result<Finished> {
    let program = cmd.get_program().to_owned();
    let what = |e: std::io::Error| {
        Error::tool(
            program.to_string_lossy(),
            format!("cannot run {program:?}: {e}"),
        )
    };
    let reader = connect_output(cmd, output, &what)?;
    cmd.stdin(Stdio::null()).process_group(0);
    if let Some(limit) = bounds.memory {
        limit_memory(cmd, limit);
    }
    let spawned = spawn_registered(cmd);
    // The command holds the write ends of the pipe: drop them, or the reader never sees EOF.
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    let mut child = spawned.map_err(what)?;
    let pgid = child.id() as i32;

    let captured = Arc::new(Mutex::new(Captured::default()));
    let done_rx = read_in_background(reader, &captured);
    let (status, timed_out) = end_group(&mut child, pgid, bounds.time, &what)?;
    // The pipe closes when the last process of the group is gone; a process that escaped the
    // group (setsid) could hold it open, so do not wait for it forever.
    let _ = done_rx.recv_timeout(Duration::from_secs(5));
    let mut output = std::mem::take(&mut *captured.lock().unwrap_or_else(|e| e.into_inner()));
    output.finish();
    Ok(Finished {
        status,
        timed_out,
        output,
    })
}

/// Points the child's stdout and stderr at `output`: a file, or a pipe whose reading end is
/// returned.
fn connect_output(
    cmd: &mut Command,
    output: Output,
    what: &impl Fn(std::io::Error) -> Error,
) -> Result<Option<std::io::PipeReader>> {
    match output {
        Output::File(path) => {
            let out = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
            let err = out.try_clone().map_err(|e| Error::io(path, e))?;
            cmd.stdout(out).stderr(err);
            Ok(None)
        }
        Output::Capture => {
            let (r, w) = std::io::pipe().map_err(what)?;
            let w2 = w.try_clone().map_err(what)?;
            cmd.stdout(w).stderr(w2);
            Ok(Some(r))
        }
    }
}

/// Limits the child's data (`RLIMIT_DATA`) to `limit` bytes.
fn limit_memory(cmd: &mut Command, limit: u64) {
    // SAFETY: between fork and exec only setrlimit(2) runs, which is async-signal-safe,
    // on a value on the stack.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: limit as libc::rlim_t,
                rlim_max: limit as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_DATA, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

/// Reads the pipe, if any, into `captured` on a thread of its own; the receiver hears when it
/// is done (at once, when there is no pipe).
fn read_in_background(
    reader: Option<std::io::PipeReader>,
    captured: &Arc<Mutex<Captured>>,
) -> std::sync::mpsc::Receiver<()> {
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    if let Some(mut r) = reader {
        let captured = Arc::clone(captured);
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                match r.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => captured
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(&buf[..n]),
                }
            }
            let _ = done_tx.send(());
        });
    } else {
        drop(done_tx);
    }
    done_rx
}

/// Waits for the child to exit or overrun `time`, kills its group, and reaps it: its status
/// (`None` when it overran) and whether it timed out.
fn end_group(
    child: &mut Child,
    pgid: i32,
    time: Duration,
    what: &impl Fn(std::io::Error) -> Error,
) -> Result<(Option<ExitStatus>, bool)> {
    // Exited or overran: either way the group is killed while its leader is still unreaped,
    // and only then is the leader reaped.
    let exited = wait_exited(pgid, Some(time));
    kill_group(pgid);
    if !exited {
        wait_exited(pgid, None);
    }
    let status = {
        // Under the lock: an interrupt either reaps the group itself (holding the lock until
        // it exits), or finds it reaped and gone from the registry.
        let mut reg = registry();
        let status = child.wait();
        reg.groups.remove(&pgid);
        status.map_err(what)?
    };
    Ok(if exited {
        (Some(status), false)
    } else {
        (None, true)
    })
}

/// Spawns and registers the child's group under the registry's lock, so an interrupt either
/// sees the group or has already refused the spawn.
fn spawn_registered(cmd: &mut Command) -> std::io::Result<Child> {
    let mut reg = registry();
    if reg.interrupted {
        return Err(std::io::Error::new(
            std::io::ErrorKind::Interrupted,
            "interrupted",
        ));
    }
    let child = cmd.spawn()?;
    reg.groups.insert(child.id() as i32);
    Ok(child)
}

/// A signal's name, such as `SIGSEGV`.
pub(crate) fn signal_name(signal: i32) -> String {
    let name = match signal {
        libc::SIGHUP => "SIGHUP",
        libc::SIGINT => "SIGINT",
        libc::SIGQUIT => "SIGQUIT",
        libc::SIGILL => "SIGILL",
        libc::SIGTRAP => "SIGTRAP",
        libc::SIGABRT => "SIGABRT",
        libc::SIGBUS => "SIGBUS",
        libc::SIGFPE => "SIGFPE",
        libc::SIGKILL => "SIGKILL",
        libc::SIGSEGV => "SIGSEGV",
        libc::SIGPIPE => "SIGPIPE",
        libc::SIGALRM => "SIGALRM",
        libc::SIGTERM => "SIGTERM",
        libc::SIGXCPU => "SIGXCPU",
        libc::SIGXFSZ => "SIGXFSZ",
        libc::SIGSYS => "SIGSYS",
        _ => return format!("signal {signal}"),
    };
    name.to_string()
}

/// The signal that ended a process, if one did.
pub(crate) fn signal_of(status: &ExitStatus) -> Option<i32> {
    status.signal()
}

/// A command for `program` in a known environment: only `PATH`, `HOME` and `TMPDIR` from the
/// caller's, and `LC_ALL=C`. Notably no `LD_LIBRARY_PATH`, which cargo sets for the programs it
/// runs: with it, a rustc could load another toolchain's `librustc_driver` of the same name.
pub fn bare_command(program: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.env_clear();
    for var in ["PATH", "HOME", "TMPDIR"] {
        if let Some(value) = std::env::var_os(var) {
            cmd.env(var, value);
        }
    }
    cmd.env("LC_ALL", "C");
    cmd
}

/// `PATH` with the toolchain's own `bin/` first, for tools (cargo-miri) that run cargo and rustc
/// by name: never a rustup proxy that could pick another toolchain (or install one).
pub(crate) fn path_with_bin_first(bin: &Path) -> Result<std::ffi::OsString> {
    std::env::join_paths(
        std::iter::once(bin.to_path_buf()).chain(
            std::env::var_os("PATH")
                .iter()
                .flat_map(std::env::split_paths),
        ),
    )
    .map_err(|e| Error::System {
        what: "cannot build PATH",
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::captured::{HEAD, TAIL};
    use super::*;

    #[test]
    fn captured_keeps_head_and_tail_and_counts_the_cut() {
        let mut c = Captured::default();
        let total = HEAD + 3 * TAIL + 17;
        let data: Vec<u8> = (0..total).map(|i| b'a' + (i % 26) as u8).collect();
        for chunk in data.chunks(1000) {
            c.push(chunk);
        }
        c.finish();
        assert_eq!(c.head, data[..HEAD]);
        assert_eq!(c.tail, data[total - TAIL..]);
        assert_eq!(c.cut as usize, total - HEAD - TAIL);
        assert!(c
            .text()
            .contains(&format!("[… {} bytes of output cut …]", c.cut)));
        let mut small = Captured::default();
        small.push(b"hello\n");
        small.finish();
        assert_eq!(small.text(), "hello\n");
    }

    #[test]
    fn a_group_is_killed_when_its_leader_exits() {
        // The leader starts a child in its own group and exits at once.
        let dir = tempfile::tempdir().unwrap();
        let pidfile = dir.path().join("pid");
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(format!("sleep 1000 & echo $! > {}", pidfile.display()));
        let done = run(
            &mut cmd,
            Output::Capture,
            Bounds {
                time: Duration::from_secs(20),
                memory: None,
            },
        )
        .unwrap();
        assert_eq!(done.status.and_then(|s| s.code()), Some(0));
        let pid: i32 = std::fs::read_to_string(&pidfile)
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        // Killed and, once its parent is gone, reaped by init: no process with that pid
        // is still sleeping.
        let alive = || {
            std::fs::read_to_string(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|c| c.starts_with("sleep"))
                && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
                    .unwrap_or_default()
                    .contains(") Z")
        };
        for _ in 0..50 {
            if !alive() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(!alive(), "sleep 1000 (pid {pid}) survived its group");
    }

    #[test]
    fn an_overrun_is_killed_at_its_limit_and_reaped() {
        let started = std::time::Instant::now();
        let mut cmd = Command::new("sleep");
        cmd.arg("100");
        let bounds = Bounds {
            time: Duration::from_millis(300),
            memory: None,
        };
        let done = run(&mut cmd, Output::Capture, bounds).unwrap();
        assert!(done.timed_out && done.status.is_none(), "{done:?}");
        assert!(started.elapsed() < Duration::from_secs(10));
        // And a quick exit is seen at once, with its code.
        let done = run(Command::new("false").arg("x"), Output::Capture, bounds).unwrap();
        assert!(!done.timed_out);
        assert_eq!(done.status.and_then(|s| s.code()), Some(1));
    }

    #[test]
    fn signals_have_names() {
        assert_eq!(signal_name(libc::SIGSEGV), "SIGSEGV");
        assert_eq!(signal_name(libc::SIGKILL), "SIGKILL");
        assert_eq!(signal_name(64), "signal 64");
    }
}
