//! A global hit counter in a `static AtomicUsize`
//!
//! `AtomicUsize` is `Sync`, so it may live in a plain (non-`mut`) `static` that every thread
//! updates through a shared reference. `fetch_add` reads, adds and writes as one atomic step, so
//! no increment is lost. `Ordering::Relaxed` is enough for a pure counter: nothing else is read
//! based on its value, and `join` makes all the increments visible to `main` anyway.
//!
//@ pass

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

static HITS: AtomicUsize = AtomicUsize::new(0);

fn record_hit() {
    HITS.fetch_add(1, Ordering::Relaxed);
}

fn main() {
    let handles: Vec<_> = (0..4)
        .map(|_| thread::spawn(|| (0..1000).for_each(|_| record_hit())))
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    assert_eq!(HITS.load(Ordering::Relaxed), 4000);
}
