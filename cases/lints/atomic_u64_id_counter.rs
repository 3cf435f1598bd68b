//! An `AtomicU64` that hands out ids
//!
//! `fetch_add` returns the old value and stores the new one in one indivisible step, so two threads
//! can never read the same id. `Relaxed` is enough: the ids need to be distinct, and they order no
//! other memory.
//!
//@ pass

#![warn(clippy::mutex_integer)]

use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn fresh_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

fn main() {
    let a = thread::spawn(fresh_id);
    let b = thread::spawn(fresh_id);
    let (a, b) = (a.join().unwrap(), b.join().unwrap());
    assert_ne!(a, b);
}
