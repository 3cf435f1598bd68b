//! An `AtomicBool` as a stop flag
//!
//! `store` and `load` take `&self`, so the scoped worker and `main` share the flag by reference
//! with no lock. `Release` on the store pairs with `Acquire` on the load: what `main` wrote before
//! raising the flag is visible to the worker once it sees `true`.
//!
//@ pass

#![warn(clippy::mutex_atomic)]

use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

fn main() {
    let stop = AtomicBool::new(false);
    thread::scope(|s| {
        let worker = s.spawn(|| {
            let mut rounds = 0u64;
            while !stop.load(Ordering::Acquire) {
                rounds += 1;
            }
            rounds
        });
        stop.store(true, Ordering::Release);
        worker.join().unwrap();
    });
}
