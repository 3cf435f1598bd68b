//! A `Mutex<u64>` that hands out ids
//!
//! Each call locks, reads, adds one and unlocks: correct, but a lock around one integer makes
//! every thread that wants an id wait for the others. An atomic's `fetch_add` does the same
//! read-and-increment as one indivisible operation, so no two callers get the same id and none
//! waits on a lock. clippy's `mutex_integer` (restriction group, turned on here) suggests it; the
//! fix is the atomic ID counter of `cells`.
//!
//@ lint: clippy::mutex_integer
//@ fix: static_atomic_id_counter

#![warn(clippy::mutex_integer)]

use std::sync::Mutex;
use std::thread;

static NEXT_ID: Mutex<u64> = Mutex::new(1);

fn fresh_id() -> u64 {
    let mut next = NEXT_ID.lock().unwrap();
    let id = *next;
    *next += 1;
    id
}

fn main() {
    let a = thread::spawn(fresh_id);
    let b = thread::spawn(fresh_id);
    let (a, b) = (a.join().unwrap(), b.join().unwrap());
    assert_ne!(a, b);
}
