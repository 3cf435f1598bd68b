//! Updating a value through an `Arc` with an atomic
//!
//! Atomics provide interior mutability that is safe across threads: `store` and `load` take
//! `&self`, so a shared `&AtomicU64` obtained through `Arc` is all a thread needs. `Relaxed`
//! ordering suffices here because `join` already makes all of the worker's writes visible to
//! `main` before it loads the final value.
//!
//@ pass

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;

fn main() {
    let progress = Arc::new(AtomicU64::new(0));
    let worker_progress = Arc::clone(&progress);
    let worker = thread::spawn(move || {
        for step in 1..=10 {
            worker_progress.store(step, Ordering::Relaxed);
        }
    });
    worker.join().unwrap();
    assert_eq!(progress.load(Ordering::Relaxed), 10);
}
