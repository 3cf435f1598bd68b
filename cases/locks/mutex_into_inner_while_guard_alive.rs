//! Consuming a mutex while its guard is alive
//!
//! A `MutexGuard` borrows the `Mutex` it came from, and its `Drop` code unlocks that mutex, so
//! the mutex must outlive the guard. `into_inner` consumes (moves and destroys) the mutex while
//! `entries` still exists; even with no later use, the guard's destructor runs at the end of
//! `main` and would unlock a mutex that no longer exists. The fix drops the guard first.
//!
//@ fail: E0505
//@ fix: mutex_guard_dropped_before_into_inner

use std::sync::Mutex;

fn main() {
    let log = Mutex::new(Vec::new());
    let mut entries = log.lock().unwrap();
    entries.push("started");
    entries.push("finished");
    let all = log.into_inner().unwrap();
    println!("{all:?}");
}
