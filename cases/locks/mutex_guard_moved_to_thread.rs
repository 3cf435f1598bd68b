//! Moving a `MutexGuard` into another thread
//!
//! A `MutexGuard` unlocks its mutex when it is dropped, and some platforms (POSIX threads among
//! them) require a lock to be released by the same thread that took it. So `MutexGuard` is not
//! `Send`, and a closure that captures one cannot be spawned, even on a scoped thread. The fix
//! locks the mutex inside the thread that uses the data, so the guard never crosses threads.
//!
//@ fail: E0277
//@ fix: mutex_locked_inside_thread

use std::sync::Mutex;
use std::thread;

fn main() {
    let queue = Mutex::new(vec![30, 10, 20]);
    thread::scope(|s| {
        let mut guard = queue.lock().unwrap();
        s.spawn(move || guard.sort());
    });
    assert_eq!(*queue.lock().unwrap(), [10, 20, 30]);
}
