//! The drift engine on real cases and real toolchains: every real change seen, nothing else
//! called drift. Toolchains that are not installed are skipped, visibly.

mod common;

use sendsync::drift::{self, Drift};
use sendsync::engine::check::{self, Options};
use sendsync::engine::compile::Kind;
use sendsync::input::case::Case;
use sendsync::toolchain::Toolchain;
use std::path::{Path, PathBuf};
use std::process::Command;

fn options() -> Options {
    let mut o = Options::new(sendsync::input::corpus::package_root());
    o.cache = None;
    o.mode = Some(sendsync::engine::compile::Mode::Check);
    o.compare_stderr = false;
    o
}

fn corpus_case(name: &str) -> Case {
    common::cases()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"))
}

/// The drift class of a case between two toolchains, and why.
fn drift_of(name: &str, base: &Toolchain, other: &Toolchain) -> (Drift, String) {
    let case = corpus_case(name);
    let o = options();
    let a = check::outcome_of(base, &case, &o).unwrap().0;
    let b = check::outcome_of(other, &case, &o).unwrap().0;
    let d = drift::classify(&a, &b);
    (d, drift::explain(d, &a, &b))
}

/// A child note that lost its label, and a primary span that grew: both once read as
/// `rendering` because the record kept no span ends and no child labels.
#[test]
fn changes_the_old_record_missed_are_detail() {
    let Some(pinned) = common::pinned_toolchain("engine") else {
        return;
    };
    if let Some(old) = common::installed("1.72.0", "child labels") {
        let (d, why) = drift_of("rc_held_across_await", &old, &pinned);
        assert_eq!(d, Drift::Detail, "{why}");
        assert!(why.contains("`session` is later dropped here"), "{why}");
    }
    if let Some(old) = common::installed("1.80.0", "span extents") {
        let (d, why) = drift_of("async_block_borrows_local_for_static_spawn", &old, &pinned);
        assert_eq!(d, Drift::Detail, "{why}");
        assert!(why.contains("spans[1].at"), "{why}");
    }
}

/// 1.85.0 emits the same message twice: no message changed, so not `headline`; the repeat
/// is part of what rustc says, so `detail`.
#[test]
fn a_repeated_diagnostic_is_not_a_new_headline() {
    let (Some(pinned), Some(old)) = (
        common::pinned_toolchain("repeats"),
        common::installed("1.85.0", "repeats"),
    ) else {
        return;
    };
    let case = corpus_case("impl_future_send_holds_rc_across_await");
    let o = options();
    let a = check::outcome_of(&pinned, &case, &o).unwrap().0;
    let b = check::outcome_of(&old, &case, &o).unwrap().0;
    assert!(
        b.diagnostics.len() > a.diagnostics.len(),
        "1.85.0 is expected to repeat the diagnostic"
    );
    let d = drift::classify(&a, &b);
    assert_eq!(d, Drift::Detail, "{}", drift::explain(d, &a, &b));
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

/// A message that says "internal compiler error" is the user's text, not a crash.
#[test]
fn user_text_is_no_ice() {
    let Some(tc) = common::pinned_toolchain("ice detection") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "says_ice.rs",
        "compile_error!(\"this is not an internal compiler error\");\nfn main() {}\n",
    );
    let case = Case::load_lenient(&path).unwrap();
    let (outcome, _) = check::outcome_of(&tc, &case, &options()).unwrap();
    assert_eq!(outcome.kind, Kind::Fail);
}

/// A rustc killed by a signal is an `ice`, and is never served from the cache.
#[test]
fn a_compiler_killed_by_a_signal_is_an_ice_and_not_cached() {
    let dir = tempfile::tempdir().unwrap();
    let sysroot = dir.path().join("sysroot");
    std::fs::create_dir_all(sysroot.join("lib/rustlib")).unwrap();
    let rustc = write(
        dir.path(),
        "rustc",
        &format!(
            "#!/bin/sh\ncase \"$1\" in\n  -vV) printf 'rustc 1.80.0\\nbinary: rustc\\ncommit-hash: 0\\ncommit-date: 2024-07-21\\nhost: x86_64-unknown-linux-gnu\\nrelease: 1.80.0\\n' ;;\n  --print) echo {} ;;\n  *) kill -SEGV $$ ;;\nesac\n",
            sysroot.display()
        ),
    );
    std::fs::set_permissions(&rustc, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let cases = dir.path().join("cases");
    write(&cases, "a.rs", "fn main() {}\n");
    let cache = tempfile::tempdir().unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_sendsync"))
            .args(["check", "--format", "json", "--rustc"])
            .arg(&rustc)
            .arg(&cases)
            .env("SENDSYNC_CACHE_DIR", cache.path())
            .env("SENDSYNC_SYSROOT_DIR", dir.path().join("views"))
            .output()
            .unwrap()
    };
    for attempt in 0..2 {
        let o = run();
        let json: serde_json::Value = serde_json::from_slice(&o.stdout)
            .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&o.stderr)));
        let c = &json["cases"][0];
        assert_eq!(c["verdict"], "ice", "attempt {attempt}: {c}");
        assert_eq!(c["cached"], false, "attempt {attempt}: {c}");
        assert!(c["reason"].as_str().unwrap().contains("SIGSEGV"), "{c}");
        assert_eq!(o.status.code(), Some(1));
    }
}

/// rustc's own UI tests, in compiletest's format, are read as such: outcomes from `*-pass` or
/// the `.stderr`, the edition honoured, what cannot be honoured not applicable with the reason,
/// and one broken file an `error` of its own while the others are checked and JSON written.
/// Codes only (`--compare codes`): `rc.stderr` holds only the error's first lines (comparing
/// whole `.stderr` files is `tests/compiletest.rs`'s).
#[test]
fn compiletest_folders_are_checked() {
    let Some(_) = common::pinned_toolchain("compiletest folders") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("ui");
    write(&d, "pass.rs", "//@ check-pass\n//@ edition:2018\n// An async fn needs 2018.\nasync fn f() {}\nfn main() { let _ = f(); }\n");
    write(
        &d,
        "runs.rs",
        "//@ run-pass\nfn main() { assert_eq!(1 + 1, 2); }\n",
    );
    write(
        &d,
        "rc.rs",
        "//! A doc comment first, as rustc's tests often have.\nuse std::rc::Rc;\nfn main() {\n    let r = Rc::new(1);\n    std::thread::spawn(move || drop(r)); //~ ERROR cannot be sent between threads safely\n}\n",
    );
    write(&d, "rc.stderr", "error[E0277]: `Rc<i32>` cannot be sent between threads safely\n  --> $DIR/rc.rs:5:24\n\nerror: aborting due to 1 previous error\n");
    write(&d, "revs.rs", "//@ revisions: a b\nfn main() {}\n");
    write(
        &d,
        "zflag.rs",
        "//@ compile-flags: -Zunstable-options\nfn main() {}\n",
    );
    write(
        &d,
        "any_error.rs",
        "//@ edition:2021\nfn main() { undefined(); } //~ ERROR cannot find\n",
    );
    write(
        &d,
        "broken.rs",
        "//! T\n//!\n//! E.\n//@ pas\nfn main() {}\n",
    );
    let cache = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_sendsync"))
        .args(["check", "--format", "json", "--compare", "codes"])
        .arg(&d)
        .env("SENDSYNC_CACHE_DIR", cache.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "a broken file is bad input");
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let verdict = |name: &str| -> (String, String) {
        let c = json["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("{name} missing from {json}"));
        (
            c["verdict"].as_str().unwrap().to_string(),
            c["reason"].as_str().unwrap_or("").to_string(),
        )
    };
    assert_eq!(verdict("pass").0, "ok");
    assert_eq!(verdict("runs").0, "ok");
    assert_eq!(verdict("rc").0, "ok", "{:?}", verdict("rc"));
    assert_eq!(verdict("any_error").0, "ok");
    let (v, why) = verdict("revs");
    assert!(
        v == "not-applicable" && why.contains("revisions (a b)"),
        "{v}: {why}"
    );
    let (v, why) = verdict("zflag");
    assert!(
        v == "not-applicable" && why.contains("-Zunstable-options"),
        "{v}: {why}"
    );
    let (v, why) = verdict("broken");
    assert!(
        v == "error" && why.contains("broken.rs:4: unknown directive `pas`"),
        "{v}: {why}"
    );
    // The edition is honoured: without 2018, `async fn` does not compile.
    let case = Case::load_lenient(&d.join("pass.rs")).unwrap();
    assert_eq!(case.edition, "2018");
}

/// A toolchain the history has never recorded (a new nightly) is said to be new, by
/// `history verify` as by `cargo test`, and is not a difference in every case.
#[test]
fn a_toolchain_new_to_the_history_is_named_not_failed() {
    let Some(_) = common::pinned_toolchain("new toolchain") else {
        return;
    };
    let empty = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_sendsync"))
        .args([
            "history",
            "verify",
            "--toolchains",
            sendsync::toolchain::pinned(),
        ])
        .env("SENDSYNC_HISTORY_DIR", empty.path())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains("new to the history") && out.contains("history record --toolchains"),
        "{out}"
    );
}

/// No variable of the caller's environment reaches rustc: a `#![feature]` program fails on a
/// stable toolchain even with `RUSTC_BOOTSTRAP=1` set, as it does without (the cache, which
/// does not key on the environment, can then never serve one for the other).
#[test]
fn rustc_bootstrap_does_not_reach_rustc() {
    let Some(_) = common::pinned_toolchain("environment") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "feature.rs",
        "#![feature(negative_impls)]\nstruct S;\nimpl !Send for S {}\nfn main() {}\n",
    );
    for bootstrap in ["1", ""] {
        let cache = tempfile::tempdir().unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_sendsync"))
            .args(["check", "--format", "json"])
            .arg(dir.path())
            .env("RUSTC_BOOTSTRAP", bootstrap)
            .env("SENDSYNC_CACHE_DIR", cache.path())
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let c = &json["cases"][0];
        assert_eq!(c["outcome"], "fail", "RUSTC_BOOTSTRAP={bootstrap}: {c}");
        assert_eq!(c["codes"][0], "E0554", "{c}");
    }
}
