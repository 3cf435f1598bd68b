//! Guarding the `Cell` with a `Mutex` instead of an `RwLock`
//!
//! `Mutex<T>` is `Sync` whenever `T` is `Send`: the lock lets only one thread at a time reach the
//! value, so a `Cell` inside is never touched from two threads at once, even though `Cell` itself
//! is not `Sync`. That makes `Arc<Mutex<Cell<u32>>>` `Send`, and each thread can take the lock and
//! update the cell. A plain `Mutex<u32>` is the usual way to write a counter; the `Cell` is kept
//! here to show that the lock, not the contents, supplies the `Sync`.
//!
//@ pass

use std::cell::Cell;
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let visits = Arc::new(Mutex::new(Cell::new(0u32)));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let visits = Arc::clone(&visits);
            thread::spawn(move || {
                let cell = visits.lock().unwrap();
                cell.set(cell.get() + 1);
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    assert_eq!(visits.lock().unwrap().get(), 4);
}
