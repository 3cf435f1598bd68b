//! A `RefMut` temporary alive across `.await` in a `tokio::spawn`ed task
//!
//! The task owns `pages`, and that alone is fine: `RefCell<T>: Send` when `T: Send`. But a method
//! call evaluates its receiver before its arguments, so `pages.borrow_mut()` makes a `RefMut` guard
//! first and only then runs `fetch_page(n).await`: the guard is alive across the `.await`, and
//! `RefMut` is not `Send`. rustc reports two errors for that one guard: its `NonNull<Vec<String>>`
//! is not `Send`, and the `Cell<isize>` borrow counter it points to is not `Sync`. The fix awaits
//! into a local first, so the guard is made, and dropped, after the `.await`.
//!
//@ fail: -
//@ fix: refcell_borrow_mut_after_await_in_tokio_spawn
//@ crates: tokio

use std::cell::RefCell;

async fn fetch_page(n: u32) -> String {
    tokio::task::yield_now().await;
    format!("page {n}")
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let pages = RefCell::new(Vec::new());
        for n in 1..=3 {
            pages.borrow_mut().push(fetch_page(n).await);
        }
        pages.into_inner()
    });
    assert_eq!(task.await.unwrap().len(), 3);
}
