//! An `Arc` alive across `.await` in a `tokio::spawn`ed task
//!
//! `Arc` counts its owners with atomic operations: `Arc<T>: Send` when `T: Send + Sync`, and
//! `Vec<&str>` is both. Everything the future keeps across its `.await` (`cart`, the loop's
//! iterator and `total`) is now `Send`, so `tokio::spawn` accepts the task, whichever worker thread
//! resumes it.
//!
//@ pass
//@ crates: tokio

use std::sync::Arc;

async fn fetch_price(item: &str) -> u32 {
    tokio::task::yield_now().await;
    item.len() as u32 * 100
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let cart = Arc::new(vec!["tea", "milk"]);
        let mut total = 0;
        for item in cart.iter() {
            total += fetch_price(item).await;
        }
        total
    });
    assert_eq!(task.await.unwrap(), 700);
}
