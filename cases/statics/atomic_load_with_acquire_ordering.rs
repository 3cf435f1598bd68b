//! Pairing a `Release` store with an `Acquire` load
//!
//! An `Acquire` load that reads the value a `Release` store wrote makes every write made before
//! that store visible to the loading thread. Here the worker writes `DATA`, then sets `READY` with
//! `Release`; the main thread, running at the same time, waits until its `Acquire` load of
//! `READY` sees `true`, and is then sure to read `42` (with `Relaxed` on the flag it would not be:
//! see `races/relaxed_log_length_reader_sees_empty_slot`). `Acquire` is one of the three orderings
//! a load accepts. The reading happens before any `join`, which would order everything by itself.
//!
//@ pass

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::thread;

static DATA: AtomicU32 = AtomicU32::new(0);
static READY: AtomicBool = AtomicBool::new(false);

fn main() {
    let worker = thread::spawn(|| {
        DATA.store(42, Ordering::Relaxed);
        READY.store(true, Ordering::Release);
    });
    while !READY.load(Ordering::Acquire) {
        std::hint::spin_loop();
    }
    assert_eq!(DATA.load(Ordering::Relaxed), 42);
    worker.join().unwrap();
}
