//! Closures sharing an atomic counter by reference
//!
//! Each scoped closure captures `&AtomicU32`, and `&T` is `Send` whenever `T` is `Sync`.
//! `AtomicU32` is `Sync` because every operation on it is atomic: `fetch_add` reads, adds and
//! writes as one indivisible step, so concurrent increments are never lost. The scope joins both
//! threads before `main` reads the final value, which is therefore always 2.
//!
//@ pass

use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

fn main() {
    let hits = AtomicU32::new(0);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| hits.fetch_add(1, Ordering::Relaxed));
        }
    });
    println!("hits = {}", hits.load(Ordering::Relaxed));
}
