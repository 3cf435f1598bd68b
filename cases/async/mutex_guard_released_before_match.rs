//! Taking a job out of a locked queue in its own `let` before matching on it
//!
//! A temporary created in a `let` statement's initializer is dropped at the end of that statement,
//! so `let next = QUEUE.lock().unwrap().pop();` releases the lock at its semicolon and keeps only
//! the `Option<u32>`. The `match` that follows holds no guard, so the future is `Send`. The queue
//! is also unlocked while `run(job)` is awaited, so other tasks are not stalled behind it.
//!
//@ pass
//@ edition: 2024

use std::future::Future;
use std::sync::Mutex;

static QUEUE: Mutex<Vec<u32>> = Mutex::new(Vec::new());

fn require_send<F: Future + Send>(_: F) {}

async fn run(job: u32) -> u32 {
    job * 2
}

async fn next_result() -> u32 {
    let next = QUEUE.lock().unwrap().pop();
    match next {
        Some(job) => run(job).await,
        None => 0,
    }
}

fn main() {
    require_send(next_result());
}
