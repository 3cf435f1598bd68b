//! Sharing a hit counter between scoped threads with an atomic
//!
//! This is the fix for `cell_counter_behind_lying_sync_impl`. `AtomicU32` is `Sync` on its own,
//! because `fetch_add` reads, adds and writes back as one indivisible operation, so the wrapper
//! needs no `unsafe impl`. Miri finds nothing, and the count is 2 on every run.
//!
//@ pass

use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

struct Hits(AtomicU32);

impl Hits {
    fn record(&self) {
        self.0.fetch_add(1, Ordering::Relaxed); // one atomic read-modify-write
    }
}

fn main() {
    let hits = Hits(AtomicU32::new(0));
    thread::scope(|s| {
        s.spawn(|| hits.record());
        s.spawn(|| hits.record());
    });
    assert_eq!(hits.0.load(Ordering::Relaxed), 2);
}
