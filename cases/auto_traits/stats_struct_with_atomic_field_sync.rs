//! Counting in an atomic field to make a struct `Sync`
//!
//! `AtomicU64` is `Sync`, and so is `String`, so the compiler implements `Sync` (and `Send`)
//! for `Stats` automatically: no `unsafe impl` is needed. That makes `Arc<Stats>` `Send`, and
//! each thread can bump the shared counter with `fetch_add`, an indivisible read-modify-write.
//!
//@ pass

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;

struct Stats {
    name: String,
    requests: AtomicU64,
}

fn main() {
    let stats = Arc::new(Stats { name: "api".into(), requests: AtomicU64::new(0) });
    let worker = {
        let stats = Arc::clone(&stats);
        thread::spawn(move || stats.requests.fetch_add(1, Ordering::Relaxed))
    };
    worker.join().unwrap();
    println!("{}: {} requests", stats.name, stats.requests.load(Ordering::Relaxed));
}
