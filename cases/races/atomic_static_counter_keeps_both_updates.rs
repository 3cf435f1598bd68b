//! Counting in a static atomic with fetch_add
//!
//! This is the fix for `static_mut_counter_loses_update`, and for the atomic `load` then `store`
//! of `atomic_load_store_loses_increments`. A `static` `AtomicU32` needs no `unsafe`, and
//! `fetch_add` loads, adds and stores as one indivisible operation, so no thread can slip in
//! between. Even with both threads released together by the `Barrier`, exactly where the other
//! two lose updates, the count ends at 2, and Miri finds nothing.
//!
//@ pass

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Barrier;
use std::thread;

static COUNT: AtomicU32 = AtomicU32::new(0);

fn main() {
    let barrier = Barrier::new(2);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                barrier.wait(); // both threads increment at the same time
                COUNT.fetch_add(1, Ordering::SeqCst); // load, add and store in one step
            });
        }
    });
    assert_eq!(COUNT.load(Ordering::SeqCst), 2);
}
