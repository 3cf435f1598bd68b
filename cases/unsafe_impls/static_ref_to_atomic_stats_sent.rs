//! Making the referent `Sync` so `&'static Stats` is `Send` with no impl
//!
//! Instead of forcing an auto trait onto `&'static Stats`, this version makes the referent
//! thread-safe: `AtomicU64` is `Sync`, so `Stats` is `Sync`, and std's rule that `&T` is `Send`
//! when `T: Sync` lets every worker take a copy of the leaked `&'static Stats`. Each `fetch_add` is
//! atomic, so after both threads are joined the count is exactly 2.
//!
//@ pass
//@ miri: leak

use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

struct Stats {
    hits: AtomicU64,
}

fn main() {
    let stats: &'static Stats = Box::leak(Box::new(Stats { hits: AtomicU64::new(0) }));
    let workers: Vec<_> = (0..2)
        .map(|_| thread::spawn(move || {
            stats.hits.fetch_add(1, Ordering::Relaxed);
        }))
        .collect();
    workers.into_iter().for_each(|w| w.join().unwrap());
    println!("hits = {}", stats.hits.load(Ordering::Relaxed));
}
