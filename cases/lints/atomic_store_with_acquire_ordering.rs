//! Storing to an atomic with `Ordering::Acquire`
//!
//! `Acquire` orders the reads *after* a load; a store reads nothing, so `store` accepts only
//! `Relaxed`, `Release` or `SeqCst` and panics at run time when given `Acquire` or `AcqRel`.
//! With a constant ordering, rustc's deny-by-default lint `invalid_atomic_ordering` catches it at
//! compile time. It is the store-side twin of `atomic_load_with_release_ordering` (in `statics`),
//! and shares its fix, which stores with `Release`.
//!
//@ lint: invalid_atomic_ordering
//@ fix: atomic_load_with_acquire_ordering

use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

static READY: AtomicBool = AtomicBool::new(false);

fn main() {
    thread::spawn(|| READY.store(true, Ordering::Acquire)).join().unwrap();
    assert!(READY.load(Ordering::Acquire));
}
