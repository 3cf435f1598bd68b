//! Publishing log entries through a `Relaxed` length: Miri shows the reordering
//!
//! The twin of `release_acquire_log_length` with `Ordering::Relaxed` on `len`. It still compiles
//! and has no data race (every access is atomic), yet `Relaxed` orders nothing but `len` itself:
//! a reader may see `len == 3` while slot 2 still reads `0`. On x86-64 the processor keeps
//! stores in order, so a native run never shows it. Miri emulates the weaker memory model that
//! Rust promises, in which a `Relaxed` load may return an older store, and here the reader's
//! assertion fails on every seed tried (20 of 20): the report pinned beside the case shows it.
//! The orderings are yours to choose; the type system does not check them.
//!
//@ pass
//@ miri: panic
//@ fix: release_acquire_log_length

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::thread;

fn main() {
    let slots: [AtomicU32; 4] = Default::default();
    let len = AtomicUsize::new(0);
    thread::scope(|s| {
        s.spawn(|| {
            for (i, slot) in slots.iter().enumerate() {
                slot.store(10 * (i as u32 + 1), Ordering::Relaxed);
                len.store(i + 1, Ordering::Relaxed); // publishes nothing
            }
        });
        s.spawn(|| loop {
            let n = len.load(Ordering::Relaxed);
            for slot in &slots[..n] {
                assert_ne!(slot.load(Ordering::Relaxed), 0, "slot below len {n} still empty");
            }
            if n == slots.len() {
                break;
            }
            std::hint::spin_loop();
        });
    });
}
