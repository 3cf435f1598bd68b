//! Returning a reference out of `LocalKey::with`
//!
//! A `thread_local!` value lives only as long as its thread, which destroys it on exit, so `with`
//! lends it to the closure for the length of the call only. Returning that borrow as `&'static`
//! would let it outlive the value it points to. Rust rejects it as "lifetime may not live long
//! enough", an error without a code. The fix does its work inside `with` and returns an owned
//! copy of the lines.
//!
//@ fail: -
//@ fix: thread_local_refcell_log

use std::cell::RefCell;
use std::thread;

thread_local! {
    static LOG: RefCell<Vec<String>> = RefCell::new(Vec::new());
}

fn log(line: &str) {
    LOG.with(|log| log.borrow_mut().push(line.to_string()));
}

fn entries() -> &'static RefCell<Vec<String>> {
    LOG.with(|log| log)
}

fn main() {
    log("main started");
    let worker = thread::spawn(|| {
        log("worker ran");
        entries().borrow().clone()
    });
    assert_eq!(worker.join().unwrap(), ["worker ran"]);
    assert_eq!(*entries().borrow(), ["main started"]);
}
