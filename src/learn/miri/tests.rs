use super::*;

#[test]
fn a_case_whose_miri_run_panics_expects_the_failed_verdict() {
    let case = Case::parse(
        std::path::Path::new("cases/t/x.rs"),
        "//! T\n//! E.\n//@ pass\n//@ miri: panic\n".to_string(),
        true,
    )
    .unwrap();
    assert_eq!(Verdict::expected(&case), Some(Verdict::Failed));
    assert!(Verdict::Failed.is_finding());
}

const RACE: &str = "error: Undefined Behavior: Data race detected between (1) non-atomic write on thread `main` and (2) non-atomic read on thread `unnamed-1` at alloc241
   --> /root/.rustup/toolchains/nightly-x86_64-unknown-linux-gnu/lib/rustlib/src/rust/library/core/src/cell.rs:555:18
|
555 |         unsafe { *self.value.get() }
|                  ^^^^^^^^^^^^^^^^^ (2) just happened here
|
help: and (1) occurred earlier here
   --> cases/t/rc.rs:12:22
|
 12 |     for _ in 0..10 { drop(Rc::clone(&rc)); }
|                      ^^^^^^^^^^^^^^^^^^^^
= note: this is on thread `unnamed-1`
= note: stack backtrace:
        0: std::cell::Cell::<usize>::get
            at /root/.rustup/toolchains/nightly-x86_64-unknown-linux-gnu/lib/rustlib/src/rust/library/core/src/cell.rs:555:18: 555:35
        1: <std::rc::Rc<u32> as std::clone::Clone>::clone
            at /rustc/abc/library/alloc/src/rc.rs:2519:13: 2519:38
        2: main::{closure#0}
            at cases/t/rc.rs:10:31: 10:48
note: the last function in that backtrace got called indirectly due to this code


error: aborting due to 1 previous error
";

#[test]
fn reports_are_normalized_for_pinning() {
    let want = "error: Undefined Behavior: Data race detected between (1) non-atomic write on thread `main` and (2) non-atomic read on thread `unnamed-N` at ALLOC
   --> $STD
help: and (1) occurred earlier here
   --> cases/t/rc.rs:12:22
|
 12 |     for _ in 0..10 { drop(Rc::clone(&rc)); }
|                      ^^^^^^^^^^^^^^^^^^^^
= note: this is on thread `unnamed-N`
= note: stack backtrace:
        …
        -: main::{closure#0}
            at cases/t/rc.rs:10:31: 10:48
note: the last function in that backtrace got called indirectly due to this code

error: aborting due to 1 previous error
";
    assert_eq!(normalize_report(RACE), want);
    // Normalizing twice changes nothing.
    assert_eq!(normalize_report(want), want);
}

#[test]
fn the_longest_runs_are_scheduled_first() {
    let case = |header: &str| {
        Case::parse(
            Path::new("cases/t/x.rs"),
            format!("//! T\n//! E.\n{header}fn main() {{}}\n"),
            true,
        )
        .unwrap()
    };
    let hangs = case("//@ pass\n//@ native: hangs\n//@ miri: deadlock\n//@ fix: y\n");
    let finding = case("//@ pass\n//@ miri: leak\n//@ fix: y\n");
    let threads = case("//@ pass\n// thread::spawn\n");
    let pass = case("//@ pass\n");
    let fail = case("//@ fail: E0277\n//@ fix: y\n// thread thread\n");
    let costs: Vec<_> = [&hangs, &finding, &threads, &pass, &fail]
        .iter()
        .map(|c| expected_cost(c))
        .collect();
    assert!(costs.windows(2).all(|w| w[0] > w[1]), "{costs:?}");
}

#[test]
fn ids_are_only_whole_words() {
    assert_eq!(ids("at alloc241 and alloc7"), "at ALLOC and ALLOC");
    assert_eq!(
        ids("dealloc12 allocate unnamed-3"),
        "dealloc12 allocate unnamed-N"
    );
    assert_eq!(ids("my/library/x.rs:1:1"), "my/library/x.rs:1:1");
}

#[test]
fn verdicts_come_from_the_headline() {
    let v = |s: &str| classify(s).map(|(v, _)| v);
    assert_eq!(v(RACE), Some(Verdict::DataRace));
    assert_eq!(
        v("error: the evaluated program deadlocked\n"),
        Some(Verdict::Deadlock)
    );
    assert_eq!(
        v("error: memory leaked: ALLOC (Rust heap, size: 8, align: 8), allocated here:\n"),
        Some(Verdict::Leak)
    );
    assert_eq!(
        v("error: Undefined Behavior: out-of-bounds pointer use\n"),
        Some(Verdict::Ub)
    );
    assert_eq!(
        v("error: unsupported operation: can't call foreign function `x`\n"),
        Some(Verdict::Unsupported)
    );
    assert_eq!(v("thread 'main' panicked at x.rs:1:1:\nboom\n"), None);
    assert_eq!(
        classify("error: aborting due to 1 previous error\n").map(|(v, _)| v),
        None
    );
}
