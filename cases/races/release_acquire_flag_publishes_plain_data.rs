//! Publishing plain data behind a Release/Acquire flag
//!
//! This is the fix for `relaxed_flag_publishes_plain_data`. A `Release` store of the flag, read by
//! an `Acquire` load that sees it, makes every write before the store happen before every read
//! after the load: the data's write is now ordered before its read. Miri finds nothing, and the
//! reader gets 42 on every run.
//!
//@ pass

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

struct Mailbox { data: UnsafeCell<u64>, ready: AtomicBool }

// Sound: the data is written once, before the Release store, and read only after the Acquire.
unsafe impl Sync for Mailbox {}

impl Mailbox {
    fn publish(&self, value: u64) {
        unsafe { *self.data.get() = value };
        self.ready.store(true, Ordering::Release); // publishes the write above
    }
    fn wait(&self) -> u64 {
        while !self.ready.load(Ordering::Acquire) {}
        unsafe { *self.data.get() }
    }
}

fn main() {
    let mailbox = Mailbox { data: UnsafeCell::new(0), ready: AtomicBool::new(false) };
    thread::scope(|s| {
        s.spawn(|| assert_eq!(mailbox.wait(), 42)); // the reader starts first
        s.spawn(|| mailbox.publish(42));
    });
}
