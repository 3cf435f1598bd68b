//! A `tokio::sync::MutexGuard` held across `.await` in a `tokio::spawn`ed task
//!
//! `tokio::sync::Mutex` is made to be held across `.await`: `lock()` is an `async fn`, and the
//! guard holds only a `&Mutex<T>`. Since `tokio::sync::Mutex<T>: Sync` when `T: Send`, the guard is
//! `Send` too (`tokio::sync::MutexGuard<'_, T>: Send` when `T: Send`), so the task keeps `lines`
//! across `save(..).await` and is still `Send`. tokio's documentation names this, keeping a lock
//! across an `.await`, as the one thing its mutex offers over std's, and calls it more expensive.
//!
//@ pass
//@ crates: tokio

use std::sync::Arc;
use tokio::sync::Mutex;

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
            let mut lines = log.lock().await;
            lines.push(String::from("started"));
            save(&lines[0]).await
        }
    });
    assert_eq!(task.await.unwrap(), 7);
    assert_eq!(log.lock().await.len(), 1);
}
