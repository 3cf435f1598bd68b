//! An `AtomicBool` stop flag shared with a scoped thread
//!
//! `AtomicBool` is `Sync` and its `store` takes `&self`, so the worker and `main` can hold shared
//! references to `stop` at the same time: one loads, the other stores, and each access is a single
//! atomic operation the compiler may not hoist out of the loop. Scoped threads may borrow the
//! local directly; `Relaxed` suffices because the flag publishes no other data. This is also the
//! fix for `mutex_bool_stop_flag` in `lints`: no lock is taken, so clippy's `mutex_atomic`, turned
//! on here, has nothing to report.
//!
//@ pass

#![warn(clippy::mutex_atomic)]

use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

fn main() {
    let stop = AtomicBool::new(false);
    let ticks = thread::scope(|s| {
        let worker = s.spawn(|| {
            let mut ticks = 0u64;
            while !stop.load(Ordering::Relaxed) {
                ticks += 1;
                thread::yield_now();
            }
            ticks
        });
        stop.store(true, Ordering::Relaxed);
        worker.join().unwrap()
    });
    println!("worker ticked {ticks} times");
}
