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

use sendsync::case::{Case, DEFAULT_EDITION};

/// The failing cases trybuild checks, having named in one line per group those it leaves out.
fn failing_cases() -> Vec<Case> {
    let (lints, cases): (Vec<Case>, Vec<Case>) = common::cases()
        .into_iter()
        .partition(|c| c.expectation.is_lint());
    let names = |cases: &[Case]| -> Vec<String> { cases.iter().map(|c| c.name.clone()).collect() };
    common::skip_group(
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
