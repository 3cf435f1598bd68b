//! A `RefCell` borrow held across `.await` on one thread
//!
//! On a one-thread executor a non-`Send` future is fine, so rustc accepts a `Ref` held across an
//! `.await`. Yet the borrow stays active while the task is suspended. Here two tasks share one
//! `&Report`: were `total_len` suspended at its `.await` (a real fetch would be) while the executor
//! ran `add_row`, the `borrow_mut` would panic with a `BorrowMutError`, at a distance from this
//! code. clippy's `await_holding_refcell_ref` flags the borrow; the fix copies out what it needs
//! and lets the `Ref` go before suspending.
//!
//@ lint: clippy::await_holding_refcell_ref
//@ fix: refcell_value_copied_before_await

use std::cell::RefCell;

struct Report {
    rows: RefCell<Vec<String>>,
}

async fn fetch_footer_len() -> usize {
    12
}

async fn total_len(report: &Report) -> usize {
    let rows = report.rows.borrow();
    let footer = fetch_footer_len().await;
    rows.len() + footer
}

async fn add_row(report: &Report) {
    report.rows.borrow_mut().push("c".into());
}

fn main() {
    let report = Report {
        rows: RefCell::new(vec!["a".into(), "b".into()]),
    };
    let (_total, _add) = (total_len(&report), add_row(&report));
}
