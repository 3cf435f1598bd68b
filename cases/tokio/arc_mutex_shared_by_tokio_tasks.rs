//! An `Arc<Mutex<_>>` shared by `tokio::spawn`ed tasks
//!
//! Each task owns an `Arc` clone, so its future borrows nothing from `main` and is `'static`.
//! `Arc<Mutex<i32>>` is `Send`: `std::sync::Mutex<T>: Sync` when `T: Send`, and `Arc<T>: Send` when
//! `T: Send + Sync`. The std mutex is the right lock here: each task holds it for one addition,
//! after its `.await`, and no guard is alive across an `.await`.
//!
//@ pass
//@ crates: tokio

use std::sync::{Arc, Mutex};

#[tokio::main]
async fn main() {
    let tally = Arc::new(Mutex::new(0));
    let mut tasks = Vec::new();
    for n in 1..=4 {
        let tally = Arc::clone(&tally);
        tasks.push(tokio::spawn(async move {
            tokio::task::yield_now().await;
            *tally.lock().unwrap() += n;
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    assert_eq!(*tally.lock().unwrap(), 10);
}
