//! Holding a `RefCell` borrow across `.await`
//!
//! `RefCell<T>` is `Send` when `T` is, but the `Ref` guard from `borrow()` is not: it points at
//! the cell's non-atomic borrow counter, and a guard sent elsewhere would let two threads update
//! that counter at once. Because `rows` is used after the `.await`, the guard is stored in the
//! future, and the compiler checks the types a future stores, not whether the cell travels with
//! them. The fix copies the length out before awaiting, so only a `usize` is kept.
//!
//@ fail: -
//@ fix: refcell_value_copied_before_await

use std::cell::RefCell;
use std::future::Future;

struct Report {
    rows: RefCell<Vec<String>>,
}

fn require_send<F: Future + Send>(_: F) {}

async fn fetch_footer_len() -> usize {
    12
}

async fn total_len(report: Report) -> usize {
    let rows = report.rows.borrow();
    let footer = fetch_footer_len().await;
    rows.len() + footer
}

fn main() {
    let report = Report {
        rows: RefCell::new(vec!["a".into(), "b".into()]),
    };
    require_send(total_len(report));
}
