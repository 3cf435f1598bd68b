//! Writing through raw-pointer wrappers to disjoint elements
//!
//! This is the fix for `raw_pointer_wrapper_written_from_two_threads`: each thread gets a
//! pointer to its own element, so no two threads touch the same memory, and Miri finds nothing.
//! Soundness is about every use that safe code can make, not only this `main`: a `Slot` is `Copy`
//! and `Send`, so with a safe `write`, safe code could write through `Slot(ptr::null_mut())` or
//! send two copies of one slot to two threads. So `write` is an `unsafe fn` whose contract (a
//! valid pointer that no other thread uses) each caller must keep, and says so at the call. In
//! safe code, `split_at_mut` or `chunks_mut` hands out such disjoint parts without any `unsafe`.
//!
//@ pass

use std::thread;

#[derive(Clone, Copy)]
struct Slot(*mut u64);

// SAFETY: a `Slot` is only an address; every use of it goes through the `unsafe fn` below.
unsafe impl Send for Slot {}

impl Slot {
    /// # Safety
    /// The pointer is valid for writes, and no other thread uses it meanwhile.
    unsafe fn write(self, value: u64) {
        unsafe { *self.0 = value }
    }
}

fn main() {
    let mut totals = [0u64; 2];
    let base = totals.as_mut_ptr();
    thread::scope(|s| {
        for i in 0..2 {
            let slot = Slot(unsafe { base.add(i) }); // element `i`, for thread `i` only
            // SAFETY: `totals` outlives the scope, and element `i` is written by thread `i` only.
            s.spawn(move || unsafe { slot.write(i as u64 + 1) });
        }
    });
    assert_eq!(totals, [1, 2]);
}
