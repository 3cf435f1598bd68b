//! Ending a `std::sync::MutexGuard`'s scope before `.await` in a `tokio::spawn`ed task
//!
//! The block locks, pushes, clones the line it needs and ends: its closing brace drops the guard,
//! so the future keeps only `first`, a `String`, across the `.await`, and the task is `Send`. This
//! is how std's mutex is used in async code: lock, work, unlock, and only then await.
//!
//@ pass
//@ crates: tokio

use std::sync::{Arc, Mutex};

async fn save(line: &str) -> usize {
    tokio::task::yield_now().await;
    line.len()
}

#[tokio::main]
async fn main() {
    let log = Arc::new(Mutex::new(Vec::new()));
    let task = tokio::spawn({
        let log = Arc::clone(&log);
        async move {
            let first = {
                let mut lines = log.lock().unwrap();
                lines.push(String::from("started"));
                lines[0].clone()
            };
            save(&first).await
        }
    });
    assert_eq!(task.await.unwrap(), 7);
    assert_eq!(log.lock().unwrap().len(), 1);
}
