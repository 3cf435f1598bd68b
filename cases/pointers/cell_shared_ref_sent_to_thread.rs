//! Sending `&Cell` to a scoped thread
//!
//! `&T` is `Send` only if `T` is `Sync`, since a shared reference lets both threads use the
//! value at once. `Cell<T>` is not `Sync` (its `set` is an unsynchronised write), so a closure
//! holding `&Cell<u64>` cannot move to another thread and rustc reports E0277 for `spawn`.
//! The fix hands the thread `&mut Cell<u64>` instead: an exclusive borrow only needs
//! `Cell<u64>: Send`, and no other thread can reach the cell while it lasts.
//!
//@ fail: E0277
//@ fix: cell_mut_ref_sent_to_thread

use std::cell::Cell;
use std::thread;

fn main() {
    let mut bytes_read = Cell::new(0u64);
    let counter = &bytes_read;
    thread::scope(|s| {
        s.spawn(move || {
            for chunk in [512u64, 512, 100] {
                counter.set(counter.get() + chunk);
            }
        });
    });
    assert_eq!(*bytes_read.get_mut(), 1124);
}
