//! Lazily initializing a `static` with `sync::OnceLock`
//!
//! `OnceLock` is the thread-safe `OnceCell`: the first `get_or_init` runs the closure while any
//! concurrent callers block, and afterwards everyone reads the same value without locking. That
//! makes `OnceLock<T>` `Sync` when `T` is `Send + Sync`, so it can live in a `static` and hand out
//! `&'static` references to the value.
//!
//@ pass
//@ min-rust: 1.70

use std::sync::OnceLock;
use std::thread;

static GREETING: OnceLock<String> = OnceLock::new();

fn greeting() -> &'static str {
    GREETING.get_or_init(|| format!("hello from {}", "config"))
}

fn main() {
    let worker = thread::spawn(|| greeting().len());
    assert_eq!(worker.join().unwrap(), greeting().len());
}
