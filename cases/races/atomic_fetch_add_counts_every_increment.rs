//! Incrementing an atomic with fetch_add
//!
//! `fetch_add` reads, adds and writes back as one indivisible operation, so no other thread can
//! slip in between the read and the write. The four threads are released together by a `Barrier`,
//! exactly where the `load`/`store` version lost updates, and the counter still ends at 4 on every
//! run. Use the read-modify-write methods (`fetch_add`, `fetch_update`, `compare_exchange`)
//! whenever the new value depends on the old one.
//!
//@ pass

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Barrier;
use std::thread;

fn main() {
    let hits = AtomicU32::new(0);
    let barrier = Barrier::new(4);
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                barrier.wait(); // all threads start together
                hits.fetch_add(1, Ordering::SeqCst); // read, add and write in one step
            });
        }
    });
    assert_eq!(hits.load(Ordering::SeqCst), 4);
}
