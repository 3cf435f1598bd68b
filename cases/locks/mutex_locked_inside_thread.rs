//! Locking a mutex inside the thread that needs it
//!
//! Only a reference to the `Mutex` crosses into the scoped thread, and `&Mutex<Vec<i32>>` is
//! `Send` because `Mutex<Vec<i32>>` is `Sync`. The thread takes the lock itself, so the
//! `MutexGuard` is created and dropped (unlocking the mutex) on one and the same thread, which
//! is exactly what the guard's missing `Send` insists on.
//!
//@ pass

use std::sync::Mutex;
use std::thread;

fn main() {
    let queue = Mutex::new(vec![30, 10, 20]);
    thread::scope(|s| {
        s.spawn(|| queue.lock().unwrap().sort());
    });
    assert_eq!(*queue.lock().unwrap(), [10, 20, 30]);
}
