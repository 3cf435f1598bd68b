//! Updating an `RwLock<u32>` through its write lock
//!
//! Without the `Cell`, the counter is a plain `u32`, which is `Send + Sync`, so
//! `Arc<RwLock<u32>>` is `Send`. Mutation goes through `write()`, whose guard is the only way to
//! get `&mut u32` and which waits until no reader or other writer holds the lock. Readers, such
//! as the final check, still share the lock through `read()`.
//!
//@ pass

use std::sync::{Arc, RwLock};
use std::thread;

fn main() {
    let visits = Arc::new(RwLock::new(0u32));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let visits = Arc::clone(&visits);
            thread::spawn(move || *visits.write().unwrap() += 1)
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    assert_eq!(*visits.read().unwrap(), 4);
}
