//! Sending an `rc::Weak` to a background thread
//!
//! A `Weak` does not keep the value alive, but it shares the allocation's counters with the
//! `Rc`s: `upgrade` increments the strong count and dropping the `Weak` decrements the weak
//! count, both non-atomically. So `rc::Weak` is not `Send`, for the same reason `Rc` is not. The
//! fix uses `Arc` and `sync::Weak`, whose counts are atomic.
//!
//@ fail: E0277
//@ fix: arc_weak_upgrade_in_thread

use std::rc::Rc;
use std::thread;

fn main() {
    let registry = Rc::new(vec!["db".to_string(), "cache".to_string()]);
    let observer = Rc::downgrade(&registry);
    let handle = thread::spawn(move || observer.upgrade().map(|r| r.len()));
    assert_eq!(handle.join().unwrap(), Some(2));
    drop(registry);
}
