//! Assigning to the value inside an `Arc` from a worker thread
//!
//! `*worker_progress = step` needs mutable access, and dereferencing an `Arc` gives only a shared
//! `&T` (`Arc<T>` implements `Deref`; `Arc<T>` does not implement `DerefMut`), because other clones
//! might be reading at the same moment; an unsynchronized write would be a data race.
//! (`Arc::get_mut` gives `&mut T` only while no other clone exists, so it would return `None`
//! here.) The fix stores an `AtomicU64` instead: its `store` and `load` take `&self` and are safe
//! to call concurrently, so shared access through `Arc` is enough.
//!
//@ fail: E0594
//@ fix: arc_atomic_progress_store

use std::sync::Arc;
use std::thread;

fn main() {
    let progress = Arc::new(0u64);
    let worker_progress = Arc::clone(&progress);
    let worker = thread::spawn(move || {
        for step in 1..=10 {
            *worker_progress = step;
        }
    });
    worker.join().unwrap();
    assert_eq!(*progress, 10);
}
