//! Upgrading a `sync::Weak` inside a thread
//!
//! `Arc::downgrade` gives a `sync::Weak`, a non-owning handle that is `Send` and `Sync` whenever
//! `Arc<T>` is. The thread holds it without keeping the registry alive, and `upgrade` atomically
//! checks whether a strong owner remains, returning `Some(Arc)` if so. Here `main` keeps the
//! registry until after `join`, so the upgrade is guaranteed to succeed.
//!
//@ pass

use std::sync::Arc;
use std::thread;

fn main() {
    let registry = Arc::new(vec!["db".to_string(), "cache".to_string()]);
    let observer = Arc::downgrade(&registry);
    let handle = thread::spawn(move || observer.upgrade().map(|r| r.len()));
    assert_eq!(handle.join().unwrap(), Some(2));
    drop(registry);
}
