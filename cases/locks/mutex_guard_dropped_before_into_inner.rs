//! Dropping the guard before consuming the mutex
//!
//! `drop(entries)` runs the guard's destructor, which unlocks the mutex and ends the guard's
//! borrow of `log`. With no borrow left, `log` may be moved into `into_inner`, which hands back
//! the `Vec` it protected. The order matters: a guard must always be gone before its lock is.
//!
//@ pass

use std::sync::Mutex;

fn main() {
    let log = Mutex::new(Vec::new());
    let mut entries = log.lock().unwrap();
    entries.push("started");
    entries.push("finished");
    drop(entries);
    let all = log.into_inner().unwrap();
    println!("{all:?}");
}
