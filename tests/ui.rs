//! trybuild pins each failing case's rendered stderr (`cases/<topic>/<name>.stderr`): all of
//! them in one set, which trybuild checks with a single batched `cargo check`.
//!
//! Passing cases are not given to trybuild. `tests/corpus.rs` builds and runs every one of them
//! (through `sendsync check`, with a time limit) and holds its outcome to its directives; a
//! trybuild set with any passing case would instead build every case of the set one at a time,
//! with a full debug build of this package's dependencies first, which made this test take
//! over three minutes warm and most of trybuild's 1.8 GB in `target/`.
//!
//! trybuild compiles every case with this package's edition (2021); cases with another
//! `edition:` are left to `tests/corpus.rs`, which compiles them with their own, and are named
//! here as skipped. So are lint cases (`//@ lint:`): trybuild runs rustc, never clippy, and
//! their pinned `.stderr` is clippy's (`tests/corpus.rs` checks it, through `sendsync check`).

mod common;

use sendsync::input::case::{Case, DEFAULT_EDITION};

/// The failing cases trybuild checks, having named in one line per group those it leaves out.
fn failing_cases() -> Vec<Case> {
    let (lints, cases): (Vec<Case>, Vec<Case>) = common::cases()
        .into_iter()
        .partition(|c| c.expectation.is_lint());
    let names = |cases: &[Case]| -> Vec<String> { cases.iter().map(|c| c.name.clone()).collect() };
    common::skip_group(
        common::Need::Nothing,
        "trybuild",
        "lint case",
        "(clippy's output, which trybuild cannot produce)",
        &names(&lints),
        " (checked by tests/corpus.rs, through clippy)",
    );
    let (mine, other): (Vec<Case>, Vec<Case>) = cases
        .into_iter()
        .filter(|c| c.expectation.is_fail())
        .partition(|c| c.edition == DEFAULT_EDITION);
    common::skip_group(
        common::Need::Nothing,
        "trybuild",
        "failing case",
        "of another edition than 2021",
        &names(&other),
        " (checked by tests/corpus.rs with their own)",
    );
    mine
}

#[test]
fn ui_compile_fail() {
    if !common::in_quiet_child("ui_compile_fail") {
        return;
    }
    if !common::active_is_pinned("trybuild compile-fail") {
        return;
    }
    let cases = failing_cases();
    assert!(
        cases.len() >= 80,
        "only {} failing cases for trybuild: the corpus or the filter above is broken",
        cases.len()
    );
    common::hide_std_sources_from_trybuild();
    let t = trybuild::TestCases::new();
    for case in cases {
        t.compile_fail(common::rel(&case.path));
    }
}

/// `SENDSYNC_REQUIRE` turns the skips for what it names into failures (`.ci/run` names what its
/// installs provided), never those for anything else, and rejects a name it does not know.
#[test]
fn required_needs_turn_skips_into_failures() {
    use common::{must_run, required, Need};
    assert_eq!(
        required(Some("toolchains, miri")),
        Ok(vec![Need::Toolchains, Need::Miri])
    );
    assert_eq!(required(None), Ok(vec![]));
    assert_eq!(required(Some("")), Ok(vec![]));
    let all = required(Some("all")).unwrap();
    for need in [Need::Pinned, Need::Toolchains, Need::Nightly, Need::Miri] {
        assert!(must_run(&all, need), "{need:?}");
    }
    assert!(!must_run(&all, Need::Nothing));
    assert!(!must_run(&[Need::Miri], Need::Chromium));
    let err = required(Some("miri,chromum")).unwrap_err();
    assert!(
        err.contains("`chromum`") && err.contains("chromium"),
        "{err}"
    );
    assert_eq!(Need::of_toolchain("nightly-2026-03-01"), Need::Nightly);
    assert_eq!(Need::of_toolchain("1.80.0"), Need::Toolchains);

    // End to end: this test binary, asked to skip for Miri, fails where Miri is required and
    // passes, saying SKIPPED, where it is not.
    const CHILD: &str = "SENDSYNC_SKIP_CHILD";
    if std::env::var_os(CHILD).is_some() {
        common::skip(Need::Miri, format_args!("a skip for want of Miri"));
        return;
    }
    let run = |require: &str| {
        std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "required_needs_turn_skips_into_failures",
                "--exact",
                "--nocapture",
            ])
            .env(CHILD, "1")
            .env("SENDSYNC_REQUIRE", require)
            .output()
            .unwrap()
    };
    let out = run("toolchains,miri");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("would skip a skip for want of Miri, but SENDSYNC_REQUIRE=toolchains,miri says `miri` is installed"),
        "{stderr}"
    );
    let out = run("chromium");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("SKIPPED a skip for want of Miri"),
        "{stderr}"
    );
}
