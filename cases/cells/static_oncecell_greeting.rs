//! Lazily initializing a `static` with `cell::OnceCell`
//!
//! `OnceCell` can be written once through a shared reference, but it does not synchronize that
//! write: two threads calling `get_or_init` at the same time could both see it empty and both
//! initialize it. So `OnceCell` is not `Sync` and cannot be a `static`. The fix uses
//! `sync::OnceLock`, which makes racing callers wait for the single initializer.
//!
//@ fail: E0277
//@ fix: static_oncelock_greeting
//@ min-rust: 1.70

use std::cell::OnceCell;
use std::thread;

static GREETING: OnceCell<String> = OnceCell::new();

fn greeting() -> &'static str {
    GREETING.get_or_init(|| format!("hello from {}", "config"))
}

fn main() {
    let worker = thread::spawn(|| greeting().len());
    assert_eq!(worker.join().unwrap(), greeting().len());
}
