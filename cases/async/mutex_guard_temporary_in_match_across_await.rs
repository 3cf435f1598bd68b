//! Awaiting in the arms of a `match` whose scrutinee holds a lock guard
//!
//! `queue.lock().unwrap().pop()` creates a `MutexGuard` as a temporary, and a temporary in a
//! `match` scrutinee lives until the end of the whole `match`, through every arm. The `.await` in
//! the `Some` arm therefore finds the unnamed guard alive, and the future is not `Send`. Edition
//! 2024 drops an `if let` scrutinee's temporaries before its `else` block, but not before a
//! `match`'s arms, so this case fails in edition 2024 as it does in 2021. The fix takes the job
//! out in a `let` statement of its own, whose temporaries end at its semicolon.
//!
//@ fail: -
//@ fix: mutex_guard_released_before_match
//@ edition: 2024

use std::future::Future;
use std::sync::Mutex;

static QUEUE: Mutex<Vec<u32>> = Mutex::new(Vec::new());

fn require_send<F: Future + Send>(_: F) {}

async fn run(job: u32) -> u32 {
    job * 2
}

async fn next_result() -> u32 {
    match QUEUE.lock().unwrap().pop() {
        Some(job) => run(job).await,
        None => 0,
    }
}

fn main() {
    require_send(next_result());
}
