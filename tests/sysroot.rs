//! Pins hold whether or not `rust-src` is installed. The test builds both situations itself:
//! from a toolchain that has std's sources, two toolchains of its own (hard links to the same
//! compiler, one sysroot with `lib/rustlib/src` and one without), and shows that
//! - the situations really differ: plain rustc renders std's source lines only with sources;
//! - `sendsync check --no-cache` gives the same verdicts in both, all `ok` on the pinned
//!   toolchain, and the history verifies in both (pinned toolchain and nightly);
//! - trybuild's compiles, run through `sendsync-rustc`, render what the `.stderr` pins in both.

mod common;

use sendsync::drift::history;
use sendsync::engine::cache::Cache;
use sendsync::engine::check::{self, Options, Verdict};
use sendsync::toolchain::{pinned, Spec, Toolchain};
use std::path::{Path, PathBuf};

/// The two situations for a toolchain, or `None` (having said why) where it cannot be built.
fn situations(name: &str, base: &Path) -> Option<(Toolchain, Toolchain)> {
    let real = common::installed(name, "rust-src independence")?;
    if !sendsync::toolchain::sysroot::has_std_sources(&real.sysroot) {
        common::skip(common::Need::RustSrc, format_args!(
            "rust-src independence on {name}: rust-src is not installed, so the situation with std's sources cannot be built (install: rustup component add rust-src --toolchain {name})"
        ));
        return None;
    }
    for state in ["with", "without"] {
        let _ = std::fs::remove_dir_all(base.join(format!("{name}-{state}-src")));
    }
    // With its cargo: the cases that use crates build them with the toolchain's own, on the
    // same sysroot view, so rust-src must change nothing there either.
    let with = common::fake_toolchain(
        &real.sysroot,
        &base.join(format!("{name}-with-src")),
        true,
        &["cargo"],
    );
    let without = common::fake_toolchain(
        &real.sysroot,
        &base.join(format!("{name}-without-src")),
        false,
        &["cargo"],
    );
    let resolve = |rustc: PathBuf| {
        let mut tc = Toolchain::resolve(&Spec::Path(rustc)).unwrap();
        tc.name = real.name.clone();
        tc
    };
    let (with, without) = (resolve(with), resolve(without));
    assert!(
        sendsync::toolchain::sysroot::has_std_sources(&with.sysroot),
        "{}",
        with.sysroot.display()
    );
    assert!(
        !sendsync::toolchain::sysroot::has_std_sources(&without.sysroot),
        "{} {}",
        without.sysroot.display(),
        without.rustc.display()
    );
    assert_eq!(with.release, real.release);
    Some((with, without))
}

/// Plain rustc, with no view, on a failing case: the rendered text.
fn plain_rustc(rustc: &Path, case: &Path, out: &Path) -> String {
    let o = sendsync::toolchain::process::bare_command(rustc)
        .args([
            "--edition=2021",
            "--crate-type=bin",
            "--emit=metadata",
            "--out-dir",
        ])
        .arg(out)
        .arg(case)
        .output()
        .unwrap();
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn rust_src_changes_no_verdict() {
    // The two toolchains are made in the same place on every run: a compiler's path is part
    // of its identity, so the per-situation caches below are read again only from there.
    let toolchains = sendsync::paths::target_dir()
        .join("sendsync")
        .join("test-cache")
        .join("rust-src-toolchains");
    let base = tempfile::tempdir().unwrap();
    let cases = common::cases();
    let case = cases
        .iter()
        .find(|c| c.name == "rc_config_into_spawn")
        .expect("the case exists");
    for name in [pinned(), "nightly"] {
        let Some((with, without)) = situations(name, &toolchains) else {
            continue;
        };
        // The situations differ: with sources, rustc quotes std's `F: Send + 'static` bound.
        let quote = "F: Send + 'static";
        let shown = plain_rustc(&with.rustc, &case.path, base.path());
        let hidden = plain_rustc(&without.rustc, &case.path, base.path());
        assert!(shown.contains(quote), "{name} with rust-src:\n{shown}");
        assert!(
            !hidden.contains(quote),
            "{name} without rust-src:\n{hidden}"
        );

        // The verdicts do not. Each situation compiles for real into a result cache of its
        // own, so that no result made in one situation is ever read in the other (the shared
        // cache's key deliberately ignores std's sources). A warm run reads each situation's
        // own earlier results; a changed case, compiler or sendsync module (the key) compiles
        // again.
        let options_in = |state: &str| {
            let mut options = Options::new(sendsync::input::corpus::package_root());
            options.cache = Some(Cache::new(
                sendsync::paths::target_dir()
                    .join("sendsync")
                    .join("test-cache")
                    .join(format!("rust-src-{name}-{state}")),
            ));
            options
        };
        // Failing cases are where std's sources would show: their rendered stderr is pinned.
        // (The history below type-checks every case in both situations.)
        let failing: Vec<_> = cases
            .iter()
            .filter(|c| c.expectation.is_fail())
            .cloned()
            .collect();
        let verdicts = |tc: &Toolchain, state: &str| -> Vec<(String, Verdict, String)> {
            check::check_all(tc, &failing, &options_in(state), |_| {})
                .into_iter()
                .map(|r| (r.case.name, r.verdict, r.reason))
                .collect()
        };
        let a = verdicts(&with, "with");
        let b = verdicts(&without, "without");
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x, y, "{name}: with and without rust-src");
        }
        if name == pinned() {
            let bad: Vec<_> = a.iter().filter(|r| r.1 != Verdict::Ok).collect();
            assert!(bad.is_empty(), "{name} with rust-src: {bad:#?}");
        }

        // The history verifies in both.
        let root = history::default_root();
        for (tc, state) in [(&with, "with"), (&without, "without")] {
            let diffs = history::verify(&root, &cases, tc, &options_in(state)).unwrap();
            assert!(
                diffs.is_empty(),
                "history on {name} {state} rust-src: {diffs:#?}"
            );
        }
    }
}

/// trybuild's compiles go through `sendsync-rustc` (see `tests/ui.rs`): with std's sources
/// installed, what they render is still what the `.stderr` pins, and without the wrapper it is
/// not.
#[test]
fn the_trybuild_wrapper_hides_std_sources() {
    let base = tempfile::tempdir().unwrap();
    let Some((with, _)) = situations(pinned(), base.path()) else {
        return;
    };
    let cases = common::cases();
    let case = cases
        .iter()
        .find(|c| c.name == "rc_config_into_spawn")
        .expect("the case exists");
    let pinned_text = std::fs::read_to_string(case.stderr_path()).unwrap();
    let render = |wrapped: bool| {
        let mut cmd = if wrapped {
            let mut c = sendsync::toolchain::process::bare_command(Path::new(env!(
                "CARGO_BIN_EXE_sendsync-rustc"
            )));
            c.arg(&with.rustc);
            c
        } else {
            sendsync::toolchain::process::bare_command(&with.rustc)
        };
        let o = cmd
            .args([
                "--edition=2021",
                "--crate-type=bin",
                "--crate-name",
                "sendsync_case",
            ])
            .args(sendsync::engine::compile::TRYBUILD_FLAGS)
            .args(["--emit=metadata", "--error-format=json", "--out-dir"])
            .arg(base.path())
            // As trybuild's cargo passes it: the absolute path, from the package's folder.
            .arg(&case.path)
            .current_dir(sendsync::input::corpus::package_root())
            .env("SENDSYNC_SYSROOT_DIR", base.path().join("views"))
            .output()
            .unwrap();
        let json = String::from_utf8_lossy(&o.stderr).into_owned();
        let rendered: Vec<String> = json
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|v| v["level"] != "failure-note")
            .filter_map(|v| v["rendered"].as_str().map(String::from))
            .collect();
        let root = format!("{}/", sendsync::input::corpus::package_root().display());
        let target = format!("{root}target/");
        let input = common::rel(&case.path).display().to_string();
        let cx = sendsync::engine::normalize::Context {
            krate: "sendsync_case",
            source_dir: &root,
            input_file: &input,
            target_dir: &target,
        };
        sendsync::engine::normalize::stderr(rendered.iter().map(String::as_str), &cx)
    };
    let wrapped = render(true);
    assert_eq!(
        wrapped, pinned_text,
        "through sendsync-rustc, with rust-src installed"
    );
    let plain = render(false);
    assert_ne!(
        plain, pinned_text,
        "plain rustc with rust-src installed must differ"
    );
    assert!(plain.contains("F: Send + 'static"), "{plain}");
}
