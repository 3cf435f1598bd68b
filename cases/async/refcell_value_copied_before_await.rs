//! Copying a value out of a `RefCell` before `.await`
//!
//! `report.rows.borrow().len()` creates the `Ref` guard as a temporary, which is dropped at the end
//! of that statement, so only the plain `usize` survives the `.await`. The future then owns a
//! `Report` (its `RefCell<Vec<String>>` is `Send` because the `Vec` is) and a `usize`, all `Send`.
//! Keeping borrows short is the general rule: read or write what you need, then let the guard go
//! before suspending.
//!
//@ pass

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
    let rows = report.rows.borrow().len();
    let footer = fetch_footer_len().await;
    rows + footer
}

fn main() {
    let report = Report {
        rows: RefCell::new(vec!["a".into(), "b".into()]),
    };
    require_send(total_len(report));
}
