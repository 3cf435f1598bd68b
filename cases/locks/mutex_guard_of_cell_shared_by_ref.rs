//! Sharing `&MutexGuard<Cell<_>>` with other threads
//!
//! The mutex keeps out other *lockers*, but everyone holding `&guard` reaches the data together:
//! a `&MutexGuard<T>` gives a `&T`. So `MutexGuard<T>` is `Sync` only when `T: Sync`, and
//! `&MutexGuard<T>` is `Send` only then. `Cell<u64>` is not `Sync`, since any `&Cell` can `set`
//! the value, so the readers cannot be spawned. The fix guards a plain `u64`, which is `Sync`, so
//! the threads may all read it through the one guard.
//!
//@ fail: E0277
//@ fix: mutex_guard_shared_by_ref_readers

use std::cell::Cell;
use std::sync::Mutex;
use std::thread;

fn main() {
    let epoch = Mutex::new(Cell::new(7u64));
    let guard = epoch.lock().unwrap(); // held while the workers read it
    thread::scope(|s| {
        for id in 0..3 {
            let guard = &guard;
            s.spawn(move || println!("worker {id} sees epoch {}", guard.get()));
        }
    });
}
