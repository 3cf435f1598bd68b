//! A `MutexGuard` held across `.await` where nothing needs the future to be `Send`
//!
//! Nothing here moves the future to another thread, so rustc accepts a `MutexGuard` inside it
//! (`mutex_guard_held_across_await` in `async` does require `Send`, and fails). But while
//! the task waits at `.await`, `HITS` stays locked, and std's `Mutex::lock` blocks the whole
//! thread: another task on this executor that locks `HITS` stops the thread, and this task with
//! it, which never gets to unlock. clippy's `await_holding_lock` catches the guard either way; the
//! fix unlocks before suspending.
//!
//@ lint: clippy::await_holding_lock
//@ fix: mutex_guard_scoped_before_await

use std::sync::Mutex;

static HITS: Mutex<Vec<u32>> = Mutex::new(Vec::new());

async fn flush_to_disk() {}

async fn record_hit(page: u32) {
    let mut log = HITS.lock().unwrap();
    log.push(page);
    flush_to_disk().await;
}

fn main() {
    let _pending = record_hit(1);
}
