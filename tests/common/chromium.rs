//! Headless Chromium for the browser tests (`tests/browser.rs`, `tests/explain.rs`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;
use wait_timeout::ChildExt;

/// The Chromium to drive: `SENDSYNC_CHROMIUM`, else the first of the usual names on `PATH`.
pub fn find() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("SENDSYNC_CHROMIUM") {
        let path = PathBuf::from(path);
        return path.is_file().then_some(path);
    }
    let names = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
        "chrome",
        "headless_shell",
    ];
    let dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    names
        .iter()
        .flat_map(|n| dirs.iter().map(move |d| d.join(n)))
        .find(|p| p.is_file())
}

/// What one run of headless Chromium gave: its exit status and its stdout, or why it did not.
/// Headless Chromium's standard output for `url` (`--dump-dom`, or nothing for a screenshot),
/// in a profile of its own, within 90 s.
pub fn run(binary: &Path, extra: &[String], url: &str) -> Result<String, String> {
    let profile = tempfile::tempdir().unwrap();
    let profile = profile.path();
    let mut child = Command::new(binary)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--allow-file-access-from-files",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {}: {e}", binary.display()))?;
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let status = match child.wait_timeout(Duration::from_secs(90)).unwrap() {
        Some(status) => status,
        None => {
            let _ = child.kill();
            let _ = child.wait();
            return Err("Chromium did not finish within 90 s".into());
        }
    };
    let out = out.join().unwrap();
    let err = err.join().unwrap();
    if !status.success() && out.is_empty() {
        return Err(format!("Chromium exited with {status}:\n{err}"));
    }
    Ok(out)
}
