//! Writing through raw-pointer wrappers to disjoint elements
//!
//! This is the fix for `raw_pointer_wrapper_written_from_two_threads`: the same
//! `unsafe impl Send`, now a promise the program keeps. Each thread gets a pointer to its own
//! element, so no two threads touch the same memory, and Miri finds nothing. In safe code,
//! `split_at_mut` or `chunks_mut` hands out such disjoint parts without any `unsafe`.
//!
//@ pass

use std::thread;

#[derive(Clone, Copy)]
struct Slot(*mut u64);

// Sound here: every `Slot` points at an element no other thread touches.
unsafe impl Send for Slot {}

impl Slot {
    fn write(self, value: u64) {
        unsafe { *self.0 = value }
    }
}

fn main() {
    let mut totals = [0u64; 2];
    let base = totals.as_mut_ptr();
    thread::scope(|s| {
        for i in 0..2 {
            let slot = Slot(unsafe { base.add(i) }); // element `i`, for thread `i` only
            s.spawn(move || slot.write(i as u64 + 1));
        }
    });
    assert_eq!(totals, [1, 2]);
}
