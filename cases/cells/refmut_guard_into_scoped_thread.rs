//! Sending a `RefMut` guard to another thread
//!
//! A `RefMut` is not just a `&mut T`: dropping it writes the `RefCell`'s non-atomic borrow flag
//! (incrementing it back from -1 to 0). Dropped on a worker while the owning thread checked that
//! flag, the two would race, so `RefMut` is not `Send`, even into a scoped thread. The fix keeps
//! the guard on this thread and sends only a reborrowed `&mut Vec<String>`, which is `Send`.
//!
//@ fail: E0277
//@ fix: refcell_reborrow_into_scoped_thread

use std::cell::RefCell;
use std::thread;

fn flush_in_worker(log: &RefCell<Vec<String>>) {
    let mut guard = log.borrow_mut();
    thread::scope(|s| {
        s.spawn(move || guard.push("flushed by worker".to_string()));
    });
}

fn main() {
    let log = RefCell::new(vec!["started".to_string()]);
    flush_in_worker(&log);
    assert_eq!(log.borrow().len(), 2);
}
