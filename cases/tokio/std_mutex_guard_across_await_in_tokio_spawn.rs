//! A `std::sync::MutexGuard` alive across `.await` in a `tokio::spawn`ed task
//!
//! `std::sync::MutexGuard` is not `Send`: some platforms require a lock to be released by the
//! thread that took it. `lines` is alive at `save(..).await`, so the guard is stored in the task's
//! future, which could be resumed, and drop the guard, on another worker thread; the task is not
//! `Send`. Holding a blocking lock while suspended would also keep `log` locked for as long as the
//! task waits. One fix ends the guard's scope before the `.await`; the other uses
//! `tokio::sync::Mutex`.
//!
//@ fail: -
//@ fix: std_mutex_guard_scoped_before_await_in_tokio_spawn tokio_mutex_guard_across_await_in_tokio_spawn
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
            let mut lines = log.lock().unwrap();
            lines.push(String::from("started"));
            save(&lines[0]).await
        }
    });
    assert_eq!(task.await.unwrap(), 7);
    assert_eq!(log.lock().unwrap().len(), 1);
}
