//! Moving a `Cell` into a spawned thread
//!
//! `Cell<T>` is `Send` when `T` is `Send`, even though it is not `Sync`. Moving the cell gives the
//! worker sole ownership, so only that one thread can ever call `get` and `set` on it and no race
//! is possible. What `Cell` forbids is being *shared* (`&Cell` on two threads), not being
//! *transferred*. `into_inner` hands the final value back through `join`.
//!
//@ pass

use std::cell::Cell;
use std::thread;

fn main() {
    let attempts = Cell::new(0u32);
    let worker = thread::spawn(move || {
        while attempts.get() < 3 {
            attempts.set(attempts.get() + 1);
        }
        attempts.into_inner()
    });
    assert_eq!(worker.join().unwrap(), 3);
}
