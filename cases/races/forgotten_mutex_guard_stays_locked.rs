//! Forgetting a MutexGuard leaves the mutex locked
//!
//! A `MutexGuard` unlocks in its `Drop`, and `mem::forget` is a safe function that skips `Drop`.
//! So a worker that forgets its guard leaves the queue locked for good, even after the worker has
//! exited: every later `lock()` would wait forever, shown here with `try_lock` returning
//! `WouldBlock`. It is safe because a lock held too long is a liveness bug, not memory unsafety;
//! for the same reason, `unsafe` code may never rely on a destructor running for soundness.
//!
//@ pass

use std::mem;
use std::sync::{Mutex, TryLockError};
use std::thread;

fn main() {
    let queue = Mutex::new(vec![1, 2, 3]);
    thread::scope(|s| {
        s.spawn(|| {
            let mut jobs = queue.lock().unwrap();
            jobs.pop();
            mem::forget(jobs); // the unlock in Drop never runs
        });
    });
    // The worker is gone, but its lock is still held.
    assert!(matches!(queue.try_lock(), Err(TryLockError::WouldBlock)));
}
