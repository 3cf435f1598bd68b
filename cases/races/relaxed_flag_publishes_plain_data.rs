//! Publishing plain data behind a Relaxed flag
//!
//! The writer stores `42` in a plain cell and then sets `ready`; the reader waits for `ready` and
//! reads the cell. `Ordering::Relaxed` orders nothing but the flag itself, so the write of the
//! data does not happen before its read: a data race, which Miri reports. Natively the reader
//! prints 42 and the program exits 0, and the bug stays hidden.
//!
//@ pass
//@ miri: data-race
//@ fix: release_acquire_flag_publishes_plain_data

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

struct Mailbox { data: UnsafeCell<u64>, ready: AtomicBool }

// Sound only if the flag orders the data's write before its read, which Relaxed does not.
unsafe impl Sync for Mailbox {}

impl Mailbox {
    fn publish(&self, value: u64) {
        unsafe { *self.data.get() = value };
        self.ready.store(true, Ordering::Relaxed);
    }
    fn wait(&self) -> u64 {
        while !self.ready.load(Ordering::Relaxed) {}
        unsafe { *self.data.get() }
    }
}

fn main() {
    let mailbox = Mailbox { data: UnsafeCell::new(0), ready: AtomicBool::new(false) };
    thread::scope(|s| {
        s.spawn(|| println!("{}", mailbox.wait())); // the reader starts first
        s.spawn(|| mailbox.publish(42));
    });
}
