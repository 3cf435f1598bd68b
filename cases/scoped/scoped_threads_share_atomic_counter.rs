//! Sharing an atomic counter between scoped threads
//!
//! `AtomicU32` is `Sync`, so `&AtomicU32` is `Send` and scoped threads may all borrow it.
//! `fetch_add` performs the read-modify-write as one indivisible step, so concurrent updates
//! cannot be lost. The counter lives on the stack; no `Arc` is needed because the scope
//! outlives every thread.
//!
//@ pass

use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

fn main() {
    let requests = ["/", "/about", "/", "/blog"];
    let hits = AtomicU32::new(0);
    thread::scope(|s| {
        for half in requests.chunks(2) {
            s.spawn(|| {
                let roots = half.iter().filter(|r| **r == "/").count() as u32;
                hits.fetch_add(roots, Ordering::Relaxed);
            });
        }
    });
    println!("root hits: {}", hits.load(Ordering::Relaxed));
    assert_eq!(hits.into_inner(), 2);
}
