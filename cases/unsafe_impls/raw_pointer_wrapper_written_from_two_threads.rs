//! Writing through a raw-pointer wrapper from two threads
//!
//! Raw pointers are neither `Send` nor `Sync`, so a struct holding a `*mut u64` stays in its
//! thread until someone writes `unsafe impl Send`. That impl promises the pointer is used safely
//! from another thread; here both threads get a copy and write the same element. It compiles and
//! exits 0, and Miri reports the data race between the two writes.
//!
//@ pass
//@ miri: data-race
//@ fix: raw_pointer_wrapper_writes_disjoint_slots

use std::thread;

#[derive(Clone, Copy)]
struct Slot(*mut u64);

// A promise the program below breaks.
unsafe impl Send for Slot {}

impl Slot {
    fn write(self, value: u64) {
        unsafe { *self.0 = value }
    }
}

fn main() {
    let mut totals = [0u64; 2];
    let slot = Slot(totals.as_mut_ptr()); // both threads get the first element
    thread::scope(|s| {
        s.spawn(move || slot.write(1));
        s.spawn(move || slot.write(2));
    });
    println!("{totals:?}");
}
