//! Sharing a `RefCell` between threads inside an `Arc`
//!
//! `Arc<T>` is `Send` only when `T: Send + Sync`: every clone hands out `&T` on another thread.
//! `RefCell` tracks its borrows with a non-atomic counter, so two threads calling `borrow_mut` at
//! once could both succeed and alias a `&mut`; it is not `Sync`. Atomic reference counting does
//! not fix the contents. The fix uses `RwLock`, the thread-safe analogue of `RefCell`.
//!
//@ fail: E0277
//@ fix: arc_rwlock_shared_cache

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use std::thread;

fn main() {
    let cache = Arc::new(RefCell::new(HashMap::new()));
    let workers: Vec<_> = (1..=3u64)
        .map(|n| {
            let cache = Arc::clone(&cache);
            thread::spawn(move || {
                cache.borrow_mut().insert(n, n * n);
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    assert_eq!(cache.borrow().get(&3), Some(&9));
}
