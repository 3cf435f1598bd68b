//! Claiming a slot with compare_exchange before writing it
//!
//! This is the fix for `atomic_check_then_act_writes_slot_twice`. `compare_exchange(false, true,
//! ..)` checks and sets `taken` in one indivisible step, so exactly one thread wins the claim and
//! writes the plain value, even though both try at the same moment. Miri finds nothing, and the
//! slot holds the winner's value.
//!
//@ pass

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Barrier;
use std::thread;

struct Slot { taken: AtomicBool, value: UnsafeCell<u64> }

// Sound: only the thread that wins the claim ever writes `value`.
unsafe impl Sync for Slot {}

impl Slot {
    fn fill_if_free(&self, value: u64, barrier: &Barrier) {
        barrier.wait(); // both threads try at the same time
        let claim = self.taken.compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire);
        if claim.is_ok() {
            unsafe { *self.value.get() = value }; // only the winner gets here
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
    assert!([1, 2].contains(&slot.value.into_inner()));
}
