//! Implementing `Send` for `&'static Local`
//!
//! `Send` and `Sync` may be implemented by hand only for a struct, enum or union defined in the
//! current crate, never for a reference, pointer or tuple built from one: the auto traits of
//! those types are fixed by std's rules, such as `&T` being `Send` exactly when `T` is `Sync`.
//! Here the real problem is that `Stats` counts hits in a `Cell`, so sharing it would race. The
//! fix makes `Stats` genuinely `Sync` with an `AtomicU64`; then `&'static Stats` is `Send` with
//! no impl at all.
//!
//@ fail: E0321
//@ fix: static_ref_to_atomic_stats_sent

use std::cell::Cell;
use std::thread;

struct Stats {
    hits: Cell<u64>,
}

unsafe impl Send for &'static Stats {}

fn main() {
    let stats: &'static Stats = Box::leak(Box::new(Stats { hits: Cell::new(0) }));
    let workers: Vec<_> = (0..2)
        .map(|_| thread::spawn(move || stats.hits.set(stats.hits.get() + 1)))
        .collect();
    workers.into_iter().for_each(|w| w.join().unwrap());
    println!("hits = {}", stats.hits.get());
}
