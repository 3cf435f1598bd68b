//! Two threads taking two locks in opposite order, under Miri
//!
//! `transfer` locks `from` and then `to`, so the two threads take the same two locks in opposite
//! orders. Natively the first thread is done long before the second wakes from its 100 ms sleep,
//! so the program exits 0. Under Miri, time is counted in interpreted steps, so the first thread is
//! still at work when the second wakes; Miri switches threads at seeded random points, each holds
//! one lock and waits for the other, and Miri reports `the evaluated program deadlocked`. The sleep
//! is what lets the native run end: a `Barrier` forcing the overlap would hang it natively too.
//!
//@ pass
//@ miri: deadlock
//@ fix: lock_order_by_index_never_deadlocks

use std::sync::Mutex;
use std::{thread, time::Duration};

fn transfer(from: &Mutex<i64>, to: &Mutex<i64>) {
    let mut from = from.lock().unwrap();
    let mut to = to.lock().unwrap(); // the second lock, taken while holding the first
    *from -= 1;
    *to += 1;
}

fn main() {
    let (a, b) = (Mutex::new(5000), Mutex::new(5000));
    thread::scope(|s| {
        s.spawn(|| (0..200).for_each(|_| transfer(&a, &b)));
        s.spawn(|| {
            thread::sleep(Duration::from_millis(100)); // arrives later
            (0..200).for_each(|_| transfer(&b, &a));
        });
    });
    assert_eq!(*a.lock().unwrap() + *b.lock().unwrap(), 10_000);
}
