//! Publishing log entries through a Release/Acquire length
//!
//! A writer fills slots of a log and after each one bumps `len`; a reader trusts every slot below
//! the `len` it sees. With `Ordering::Relaxed` on `len` it would still compile and contain no data
//! race (every access is atomic), yet the reader could see `len == 3` while slot 2 still reads `0`:
//! Relaxed orders nothing but `len` itself (its twin, `relaxed_log_length_reader_sees_empty_slot`,
//! fails so under Miri). A `Release` store paired with an `Acquire` load that sees it makes every
//! earlier write visible, so each prefix the reader observes is filled. Choosing orderings is up to
//! you; the type system does not check them.
//!
//@ pass

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::thread;

fn main() {
    let slots: [AtomicU32; 4] = Default::default();
    let len = AtomicUsize::new(0);
    thread::scope(|s| {
        s.spawn(|| {
            for (i, slot) in slots.iter().enumerate() {
                slot.store(10 * (i as u32 + 1), Ordering::Relaxed);
                len.store(i + 1, Ordering::Release); // publishes the slot written above
            }
        });
        s.spawn(|| loop {
            let n = len.load(Ordering::Acquire);
            for slot in &slots[..n] {
                assert_ne!(slot.load(Ordering::Relaxed), 0); // guaranteed by Release/Acquire
            }
            if n == slots.len() {
                break;
            }
            std::hint::spin_loop();
        });
    });
}
