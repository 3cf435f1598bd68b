//! Pairing a `Release` store with an `Acquire` load
//!
//! An `Acquire` load that reads the value a `Release` store wrote makes every write made before
//! that store visible to the loading thread. Here the worker sets `READY` and the main thread,
//! after `join`, reads it with `Acquire`, one of the three orderings a load accepts.
//!
//@ pass

use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

static READY: AtomicBool = AtomicBool::new(false);

fn main() {
    thread::spawn(|| READY.store(true, Ordering::Release)).join().unwrap();
    assert!(READY.load(Ordering::Acquire));
}
