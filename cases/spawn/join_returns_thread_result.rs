//! Returning a value from a thread through `join`
//!
//! The closure's return value is handed back by `JoinHandle::join`, which waits for the thread
//! and returns `Ok(value)`. Because the value is produced on one thread and read on another, the
//! return type must be `Send`; a `String` is, since it owns its heap buffer outright. If the
//! caller wants shared ownership, it can wrap the result in an `Rc` after the join.
//!
//@ pass

use std::thread;

fn main() {
    let handle = thread::spawn(|| {
        let report: String = (1..=3).map(|n| format!("step {n}; ")).collect();
        report
    });
    let report = handle.join().unwrap();
    assert_eq!(report, "step 1; step 2; step 3; ");
}
