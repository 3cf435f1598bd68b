//! Shared by the integration tests: the corpus's cases, and the pinned toolchain or a visible
//! skip when it is not installed.
#![allow(dead_code)]

pub mod chromium;

use sendsync::error::Error;
use sendsync::input::case::Case;
use sendsync::toolchain::{pinned, Spec, Toolchain};
use std::path::{Path, PathBuf};

/// What a skipped test needed. `.ci/run` sets `SENDSYNC_REQUIRE` to the needs its installs met
/// (`toolchains,nightly,miri,clippy,chromium,rust-src`, or `all`), and a skip for a required
/// need then fails the test instead: where CI installed a thing, the tests that need it run.
/// [`Need::Nothing`] marks skips that no install can lift (a deliberate exclusion, an
/// environment variable the user set): they are only ever said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// The pinned toolchain (`rust-toolchain.toml`), and the tests running on it.
    Pinned,
    /// Another tracked release (1.70.0 to the pin).
    Toolchains,
    /// The `nightly` toolchain.
    Nightly,
    /// Nightly's `miri` component and its prepared sysroot.
    Miri,
    /// The `clippy` component of the tracked toolchains.
    Clippy,
    /// A headless Chromium.
    Chromium,
    /// The `rust-src` component of the pinned toolchain or nightly.
    RustSrc,
    /// Nothing an install provides.
    Nothing,
}

impl Need {
    const NAMED: [(&'static str, Need); 7] = [
        ("pinned", Need::Pinned),
        ("toolchains", Need::Toolchains),
        ("nightly", Need::Nightly),
        ("miri", Need::Miri),
        ("clippy", Need::Clippy),
        ("chromium", Need::Chromium),
        ("rust-src", Need::RustSrc),
    ];

    fn name(self) -> &'static str {
        Need::NAMED
            .iter()
            .find(|(_, n)| *n == self)
            .map_or("nothing", |(name, _)| name)
    }

    /// The need of a rustup toolchain by name.
    pub fn of_toolchain(name: &str) -> Need {
        if name.starts_with("nightly") {
            Need::Nightly
        } else if name == pinned() {
            Need::Pinned
        } else {
            Need::Toolchains
        }
    }
}

/// The needs `SENDSYNC_REQUIRE` names: a comma-separated list of [`Need`] names, or `all`. An
/// unknown name is a mistake in the caller's setup, and fails the test that meets it.
pub fn required(value: Option<&str>) -> Result<Vec<Need>, String> {
    let mut out = Vec::new();
    for word in value.unwrap_or("").split(',').map(str::trim) {
        match word {
            "" => {}
            "all" => out.extend(Need::NAMED.iter().map(|(_, n)| *n)),
            _ => match Need::NAMED.iter().find(|(name, _)| *name == word) {
                Some((_, need)) => out.push(*need),
                None => {
                    return Err(format!(
                        "SENDSYNC_REQUIRE names `{word}`, which is none of all, {}",
                        Need::NAMED.map(|(n, _)| n).join(", ")
                    ))
                }
            },
        }
    }
    Ok(out)
}

/// Whether a skip for `need` must fail instead, given the needs required.
pub fn must_run(required: &[Need], need: Need) -> bool {
    need != Need::Nothing && required.contains(&need)
}

/// Says, visibly, that a test skipped something and why, or fails the test where
/// `SENDSYNC_REQUIRE` says that what it needed was installed. libtest captures `println!` and
/// `eprintln!` of passing tests, so this writes to the stderr handle itself, which it does not
/// capture: every skip shows in a plain `cargo test`.
pub fn skip(need: Need, message: std::fmt::Arguments) {
    use std::io::Write;
    let var = std::env::var("SENDSYNC_REQUIRE").ok();
    let required = required(var.as_deref()).unwrap_or_else(|e| panic!("{e}"));
    if must_run(&required, need) {
        panic!(
            "would skip {message}, but SENDSYNC_REQUIRE={} says `{}` is installed",
            var.unwrap_or_default(),
            need.name()
        );
    }
    let _ = writeln!(std::io::stderr(), "SKIPPED {message}");
}

/// Every case file under `cases/<topic>/`, parsed but not validated as a whole (so that
/// `TRYBUILD=overwrite` can still create missing `.stderr` files).
///
/// `SENDSYNC_CASES_DIR` points the tests at another corpus (the benchmark's scaled copy).
pub fn cases() -> Vec<Case> {
    let root = std::env::var_os("SENDSYNC_CASES_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(sendsync::input::corpus::bundled_root);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flat_map(|topic| {
            std::fs::read_dir(topic.unwrap().path())
                .into_iter()
                .flatten()
        })
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| Case::load(f).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

/// Says in one line that a group of things was skipped for one reason:
/// `SKIPPED {what} on 3 toolchains not installed: a, b, c{then}` for
/// `skip_group(need, what, "toolchain", "not installed", items, then)`; nothing when `items` is empty.
/// Where a test skips many toolchains or cases alike, one line says so, not one line each.
pub fn skip_group(need: Need, what: &str, noun: &str, why: &str, items: &[String], then: &str) {
    if items.is_empty() {
        return;
    }
    let s = if items.len() == 1 { "" } else { "s" };
    skip(
        need,
        format_args!(
            "{what} on {} {noun}{s} {why}: {}{then}",
            items.len(),
            items.join(", ")
        ),
    );
}

/// An installed toolchain, or `None` after printing why the caller skips it.
pub fn installed(name: &str, what: &str) -> Option<Toolchain> {
    match Toolchain::resolve(&Spec::Rustup(name.to_string())) {
        Ok(t) => Some(t),
        Err(e) => {
            skip(
                Need::of_toolchain(name),
                format_args!("{what} on {name}: {e}"),
            );
            None
        }
    }
}

/// The installed ones of `names`, in order. Those that are not installed are named in one
/// `SKIPPED {what} on N toolchains not installed: …` line with the command that installs
/// them all; any other failure to resolve a toolchain gets a line of its own.
pub fn installed_all<S: AsRef<str>>(names: &[S], what: &str) -> Vec<Toolchain> {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for name in names.iter().map(AsRef::as_ref) {
        match Toolchain::resolve(&Spec::Rustup(name.to_string())) {
            Ok(t) => found.push(t),
            Err(Error::ToolchainNotInstalled { .. }) => missing.push(name.to_string()),
            Err(e) => skip(
                Need::of_toolchain(name),
                format_args!("{what} on {name}: {e}"),
            ),
        }
    }
    // Grouped by need: a missing nightly is not a missing release.
    for need in [Need::Pinned, Need::Toolchains, Need::Nightly] {
        let group: Vec<String> = missing
            .iter()
            .filter(|n| Need::of_toolchain(n) == need)
            .cloned()
            .collect();
        let then = format!(
            " (install: rustup toolchain install {} --profile minimal)",
            group.join(" ")
        );
        skip_group(need, what, "toolchain", "not installed", &group, &then);
    }
    found
}

/// The pinned toolchain, or `None` after printing why the caller skips.
pub fn pinned_toolchain(what: &str) -> Option<Toolchain> {
    match Toolchain::resolve(&Spec::Rustup(pinned().to_string())) {
        Ok(t) => Some(t),
        Err(e) => {
            skip(
                Need::Pinned,
                format_args!("{what}: the pinned toolchain is not available ({e})"),
            );
            None
        }
    }
}

/// Whether the toolchain running this test is the pinned one (trybuild uses it).
pub fn active_is_pinned(what: &str) -> bool {
    match Toolchain::resolve(&Spec::Active) {
        Ok(t) if t.release == pinned() => true,
        Ok(t) => {
            skip(
                Need::Pinned,
                format_args!(
                    "{what}: the pinned output belongs to {}, and this test runs on {}",
                    pinned(),
                    t.release
                ),
            );
            false
        }
        Err(e) => {
            skip(
                Need::Pinned,
                format_args!("{what}: no active toolchain ({e})"),
            );
            false
        }
    }
}

/// Every file below `dir`, at any depth, sorted; none where `dir` does not exist.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// A path relative to the package root, as trybuild wants it.
pub fn rel(path: &Path) -> PathBuf {
    path.strip_prefix(sendsync::input::corpus::package_root())
        .unwrap_or(path)
        .to_path_buf()
}

/// Makes trybuild's cargo run rustc through `sendsync-rustc`, which hides std's sources from it
/// as `sendsync` hides them from its own compiles: the pinned `.stderr` files then hold whether
/// or not `rust-src` is installed. Call before creating `trybuild::TestCases`.
pub fn hide_std_sources_from_trybuild() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY (in spirit: set_var is safe in edition 2021): called once, before trybuild
        // starts any cargo, under the Once that every trybuild test goes through.
        std::env::set_var("RUSTC_WRAPPER", env!("CARGO_BIN_EXE_sendsync-rustc"));
    });
}

/// Runs the calling test's body in a child process of this test binary, with its output
/// captured: trybuild prints straight to the terminal (every passing case's stdout, and the red
/// blocks of deliberate mismatches), which would make a passing `cargo test` look like a
/// failing one. Returns `true` in the child, which then does the work; in the parent it waits,
/// prints the child's output only when it failed, and fails with it.
pub fn in_quiet_child(test: &str) -> bool {
    const CHILD: &str = "SENDSYNC_QUIET_CHILD";
    if std::env::var_os(CHILD).is_some_and(|v| v == test) {
        return true;
    }
    let out = std::process::Command::new(std::env::current_exe().expect("the test binary"))
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, test)
        .output()
        .expect("runs the test binary");
    if !out.status.success() {
        panic!(
            "{test} failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Skips stay visible; everything else of a passing run is trybuild's chatter.
    for line in String::from_utf8_lossy(&out.stderr).lines() {
        if let Some(what) = line.strip_prefix("SKIPPED ") {
            // The child already held the skip to SENDSYNC_REQUIRE: here it is only repeated.
            skip(Need::Nothing, format_args!("{what}"));
        }
    }
    false
}

/// A toolchain of our own at `dir`: the compiler's binaries hard-linked (copied where links
/// cannot be made), everything else in `lib/rustlib` linked to `real`, and std's sources only
/// `with_src`. rustc takes the folder its `librustc_driver` lies in as its sysroot, so this is
/// a toolchain whose sysroot is `dir`. Of `real`'s other binaries, only `bins` are linked
/// (`miri`, `cargo-miri`, ...).
pub fn fake_toolchain(real: &Path, dir: &Path, with_src: bool, bins: &[&str]) -> PathBuf {
    std::fs::create_dir_all(dir.join("bin")).unwrap();
    std::fs::create_dir_all(dir.join("lib/rustlib")).unwrap();
    let place = |from: &Path, to: &Path| {
        if let Ok(target) = std::fs::read_link(from) {
            std::os::unix::fs::symlink(target, to).unwrap();
        } else if std::fs::hard_link(from, to).is_err() {
            std::fs::copy(from, to).unwrap();
        }
    };
    for bin in std::iter::once("rustc").chain(bins.iter().copied()) {
        place(&real.join("bin").join(bin), &dir.join("bin").join(bin));
    }
    for entry in std::fs::read_dir(real.join("lib")).unwrap().flatten() {
        if entry.file_name() != "rustlib" {
            place(&entry.path(), &dir.join("lib").join(entry.file_name()));
        }
    }
    for entry in std::fs::read_dir(real.join("lib/rustlib"))
        .unwrap()
        .flatten()
    {
        if entry.file_name() != "src" || with_src {
            std::os::unix::fs::symlink(
                entry.path(),
                dir.join("lib/rustlib").join(entry.file_name()),
            )
            .unwrap();
        }
    }
    dir.join("bin/rustc")
}
