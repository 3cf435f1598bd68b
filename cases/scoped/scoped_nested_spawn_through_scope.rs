//! Spawning more scoped threads from inside a scoped thread
//!
//! `Scope` is `Sync`, so a scoped thread can capture `&Scope` and spawn further threads on it.
//! Those threads belong to the same scope and may borrow the same outer data; `thread::scope`
//! waits for all of them, including the nested ones, before it returns.
//!
//@ pass

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

fn main() {
    let words = ["alpha", "beta", "gamma", "delta"];
    let letters = AtomicUsize::new(0);
    thread::scope(|s| {
        s.spawn(|| {
            for w in &words {
                let letters = &letters;
                s.spawn(move || letters.fetch_add(w.len(), Ordering::Relaxed));
            }
        });
    });
    assert_eq!(letters.into_inner(), 19);
}
