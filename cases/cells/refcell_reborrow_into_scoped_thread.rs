//! Sending a reborrow of a `RefMut` to a scoped thread
//!
//! The `RefMut` guard stays on the thread that created it, so the `RefCell`'s borrow flag is
//! only ever touched there. `&mut *guard` is an ordinary `&mut Vec<String>`, which is `Send`
//! because `Vec<String>` is `Send`, and the scope guarantees the worker finishes before the guard
//! is dropped at the end of the function, releasing the borrow.
//!
//@ pass

use std::cell::RefCell;
use std::thread;

fn flush_in_worker(log: &RefCell<Vec<String>>) {
    let mut guard = log.borrow_mut();
    let entries: &mut Vec<String> = &mut guard;
    thread::scope(|s| {
        s.spawn(move || entries.push("flushed by worker".to_string()));
    });
}

fn main() {
    let log = RefCell::new(vec!["started".to_string()]);
    flush_in_worker(&log);
    assert_eq!(log.borrow().len(), 2);
}
