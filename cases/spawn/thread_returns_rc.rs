//! Returning an `Rc` from a spawned thread
//!
//! `thread::spawn` requires the closure's return type to be `Send`, because `join` moves that
//! value into the waiting thread. An `Rc` is not `Send`: its reference count is updated without
//! atomics, and clones left behind in the worker could race with the receiver. The fix returns
//! the plain `String`; the caller can still put it in an `Rc` on its own side.
//!
//@ fail: E0277
//@ fix: join_returns_thread_result

use std::rc::Rc;
use std::thread;

fn main() {
    let handle = thread::spawn(|| {
        let report: String = (1..=3).map(|n| format!("step {n}; ")).collect();
        Rc::new(report)
    });
    let report = handle.join().unwrap();
    assert_eq!(*report, "step 1; step 2; step 3; ");
}
