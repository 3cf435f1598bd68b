//! Counting hits in a `static mut` from several threads
//!
//! Any code anywhere can read or write a `static mut`, and the compiler cannot see which threads
//! do so at the same time, so every access to one is `unsafe` and must be in an `unsafe` block.
//! Here four threads would run `HITS += 1` at once: a data race that loses updates, and undefined
//! behaviour. An `unsafe` block would only silence the error; the fix makes the counter a plain
//! `static AtomicUsize`, whose `fetch_add` is safe from any thread.
//!
//@ fail: E0133
//@ fix: static_atomic_hit_counter

use std::thread;

static mut HITS: usize = 0;

fn record_hit() {
    HITS += 1;
}

fn main() {
    let handles: Vec<_> = (0..4)
        .map(|_| thread::spawn(|| (0..1000).for_each(|_| record_hit())))
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    assert_eq!(HITS, 4000);
}
