//! Awaiting first, then borrowing the `RefCell`, in a `tokio::spawn`ed task
//!
//! Awaiting into `page` first means the `RefMut` from `borrow_mut()` is made after the `.await` and
//! dropped at the end of its statement, so the future never holds it while suspended. What it keeps
//! across the `.await` is `pages`, a `RefCell<Vec<String>>`, which is `Send` because `Vec<String>`
//! is, so the task is `Send` and `tokio::spawn` accepts it.
//!
//@ pass
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
            let page = fetch_page(n).await;
            pages.borrow_mut().push(page);
        }
        pages.into_inner()
    });
    assert_eq!(task.await.unwrap().len(), 3);
}
