//! Sharing a mutable cache between threads with `Arc<RwLock<_>>`
//!
//! `RwLock` enforces the same rule as `RefCell` (many readers or one writer) but with real
//! locking, so a second writer waits instead of corrupting a counter. That makes
//! `RwLock<HashMap<u64, u64>>` `Sync`, so `Arc` of it is `Send` and each worker can get a clone.
//! `write()` and `read()` return guards that unlock when dropped.
//!
//@ pass

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::thread;

fn main() {
    let cache = Arc::new(RwLock::new(HashMap::new()));
    let workers: Vec<_> = (1..=3u64)
        .map(|n| {
            let cache = Arc::clone(&cache);
            thread::spawn(move || {
                cache.write().unwrap().insert(n, n * n);
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    assert_eq!(cache.read().unwrap().get(&3), Some(&9));
}
