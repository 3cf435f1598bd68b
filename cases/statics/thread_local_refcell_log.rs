//! A per-thread log in `thread_local!` with `RefCell`
//!
//! Each thread gets its own `LOG`, created on first use, so the `RefCell` is never shared across
//! threads and needs no `Sync`; `RefCell` still checks the borrows within the thread. `with` lends
//! the value only for the length of the closure, so `entries` clones the lines out and returns
//! an owned `Vec`. The worker sees only its own line, and `main` only its own.
//!
//@ pass

use std::cell::RefCell;
use std::thread;

thread_local! {
    static LOG: RefCell<Vec<String>> = RefCell::new(Vec::new());
}

fn log(line: &str) {
    LOG.with(|log| log.borrow_mut().push(line.to_string()));
}

fn entries() -> Vec<String> {
    LOG.with(|log| log.borrow().clone())
}

fn main() {
    log("main started");
    let worker = thread::spawn(|| {
        log("worker ran");
        entries()
    });
    assert_eq!(worker.join().unwrap(), ["worker ran"]);
    assert_eq!(entries(), ["main started"]);
}
