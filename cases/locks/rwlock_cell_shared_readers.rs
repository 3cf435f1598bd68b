//! Sharing an `RwLock<Cell<_>>` between threads
//!
//! An `RwLock<T>` lets many readers hold `&T` at the same time, on different threads, so
//! `RwLock<T>` is `Sync` only when `T` is `Send + Sync`. `Cell<u32>` is not `Sync`: two readers
//! could call `set` through their shared references at once and race on the same memory. The fix
//! drops the `Cell` and updates through `write()`, which excludes every other reader and writer. A
//! second fix keeps the `Cell` in a `Mutex`, which lets one thread at a time in and so asks only
//! `T: Send`.
//!
//@ fail: E0277
//@ fix: rwlock_write_lock_counter arc_mutex_cell_shared

use std::cell::Cell;
use std::sync::{Arc, RwLock};
use std::thread;

fn main() {
    let visits = Arc::new(RwLock::new(Cell::new(0u32)));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let visits = Arc::clone(&visits);
            thread::spawn(move || {
                let cell = visits.read().unwrap();
                cell.set(cell.get() + 1);
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    assert_eq!(visits.read().unwrap().get(), 4);
}
