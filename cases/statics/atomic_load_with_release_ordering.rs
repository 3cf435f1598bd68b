//! Loading an atomic with `Ordering::Release`
//!
//! `Release` orders the writes *before* a store; a load writes nothing, so `load` accepts only
//! `Relaxed`, `Acquire` or `SeqCst` and panics at run time when given `Release` or `AcqRel`.
//! When the ordering is a constant, the deny-by-default lint `invalid_atomic_ordering` catches it
//! at compile time, an error without a code. The fix pairs the `Release` store with an `Acquire`
//! load, as the help suggests.
//!
//@ fail: -
//@ fix: atomic_load_with_acquire_ordering

use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

static READY: AtomicBool = AtomicBool::new(false);

fn main() {
    thread::spawn(|| READY.store(true, Ordering::Release)).join().unwrap();
    assert!(READY.load(Ordering::Release));
}
