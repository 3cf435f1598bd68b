//! Checking an atomic flag, then writing the slot it guards
//!
//! `Slot` is meant to be filled once: a caller checks that `taken` is still `false`, sets it and
//! writes the plain value, and `unsafe impl Sync` relies on that single writer. Check and set are
//! two separate atomic operations, so the `Barrier` lets both threads see `false` and both write.
//! It compiles and exits 0; Miri reports the data race between the two writes.
//!
//@ pass
//@ miri: data-race
//@ fix: compare_exchange_claims_slot_before_write

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Barrier;
use std::thread;

struct Slot { taken: AtomicBool, value: UnsafeCell<u64> }

// Sound only if one thread ever writes `value`: check-then-act does not ensure that.
unsafe impl Sync for Slot {}

impl Slot {
    fn fill_if_free(&self, value: u64, barrier: &Barrier) {
        let free = !self.taken.load(Ordering::SeqCst); // check...
        barrier.wait(); // both threads check before either acts
        if free {
            self.taken.store(true, Ordering::SeqCst); // ...then act
            unsafe { *self.value.get() = value };
        }
    }
}

fn main() {
    let slot = Slot { taken: AtomicBool::new(false), value: UnsafeCell::new(0) };
    let barrier = Barrier::new(2);
    thread::scope(|s| {
        s.spawn(|| slot.fill_if_free(1, &barrier));
        s.spawn(|| slot.fill_if_free(2, &barrier));
    });
}
