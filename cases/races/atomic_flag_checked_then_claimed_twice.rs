//! Checking an atomic flag and then setting it runs a one-time job twice
//!
//! A job should run once, so each worker checks whether `claimed` is still `false` and, if so,
//! sets it and runs the job. Check and act are two separate atomic operations: the `Barrier` lets
//! both workers see `false` before either stores `true`, so both run the *once only* job. The
//! compiler only sees atomic accesses, which are always allowed; `compare_exchange` makes the
//! check and the claim a single step.
//!
//@ pass

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Barrier;
use std::thread;

fn main() {
    let claimed = AtomicBool::new(false);
    let runs = AtomicU32::new(0);
    let barrier = Barrier::new(2);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                let free = !claimed.load(Ordering::SeqCst); // check
                barrier.wait(); // both workers check before either acts
                if free {
                    claimed.store(true, Ordering::SeqCst); // act
                    runs.fetch_add(1, Ordering::SeqCst); // run the job
                }
            });
        }
    });
    assert_eq!(runs.load(Ordering::SeqCst), 2); // the one-time job ran twice
}
