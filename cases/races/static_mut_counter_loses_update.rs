//! Counting in a `static mut` with a separate load and store loses an update
//!
//! `static mut` is shared by every thread and the compiler checks nothing about it: each access
//! just needs `unsafe`. Both threads read `COUNT`, wait at the `Barrier`, and write back what
//! they read plus one, so one of the two updates is lost and the count ends at 1. Miri reports
//! the data race behind it, between one thread's write and the other's access.
//!
//@ pass
//@ miri: data-race
//@ fix: atomic_static_counter_keeps_both_updates

use std::sync::Barrier;
use std::thread;

static mut COUNT: u32 = 0;

fn main() {
    let barrier = Barrier::new(2);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                let seen = unsafe { COUNT }; // load...
                barrier.wait(); // both threads load before either stores
                unsafe { COUNT = seen + 1 }; // ...then store
            });
        }
    });
    let count = unsafe { COUNT };
    assert_eq!(count, 1); // two increments, one lost
}
