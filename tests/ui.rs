//! trybuild pins each failing case's rendered stderr (`cases/<topic>/<name>.stderr`) and builds
//! and runs each passing case. Failing and passing cases are separate `TestCases`: trybuild
//! checks a set without passing cases in one batched `cargo check`, but builds a set with any
//! passing case one case at a time.
//!
//! trybuild compiles every case with this package's edition (2021); cases with another
//! `edition:` are left to `tests/corpus.rs`, which compiles them with their own, and are named
//! here as skipped. So are lint cases (`//@ lint:`): trybuild runs rustc, never clippy, and
//! their pinned `.stderr` is clippy's (`tests/corpus.rs` checks it, through `sendsync check`);
//! and cases whose run never ends (`native: hangs`), which trybuild would wait for forever.

mod common;

use sendsync::case::{Case, DEFAULT_EDITION};

fn split(pass: bool) -> Vec<Case> {
    let (lints, cases): (Vec<Case>, Vec<Case>) = common::cases()
        .into_iter()
        .partition(|c| c.expectation.is_lint());
    if pass {
        for c in lints {
            common::skip(format_args!(
                "{} in trybuild: a lint case, linted with clippy (checked by tests/corpus.rs)",
                c.name
            ));
        }
    }
    let (mine, other): (Vec<Case>, Vec<Case>) = cases
        .into_iter()
        .filter(|c| c.expectation.is_fail() != pass)
        .partition(|c| c.edition == DEFAULT_EDITION);
    let names = |cases: &[Case]| -> Vec<String> { cases.iter().map(|c| c.name.clone()).collect() };
    common::skip_group(
        "trybuild",
        "case",
        "of another edition than 2021",
        &names(&other),
        " (checked by tests/corpus.rs with their own)",
    );
    // trybuild runs a passing case with no time limit: a case whose run never ends
    // (`native: hangs`) would hang the test. `sendsync check` (tests/corpus.rs) builds it and
    // runs it for `HANG_PROBE`; tests/miri.rs checks Miri's deadlock report.
    let (hangs, mine): (Vec<Case>, Vec<Case>) = mine.into_iter().partition(|c| c.hangs);
    common::skip_group(
        "trybuild",
        "case",
        "whose run never ends (`native: hangs`)",
        &names(&hangs),
        " (checked by tests/corpus.rs, which runs them with a time limit)",
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
    common::hide_std_sources_from_trybuild();
    let t = trybuild::TestCases::new();
    for case in split(false) {
        t.compile_fail(common::rel(&case.path));
    }
}

#[test]
fn ui_pass() {
    if !common::in_quiet_child("ui_pass") {
        return;
    }
    if !common::active_is_pinned("trybuild pass") {
        return;
    }
    common::hide_std_sources_from_trybuild();
    let t = trybuild::TestCases::new();
    for case in split(true) {
        t.pass(common::rel(&case.path));
    }
}
