//! A `static` `AtomicUsize` used as a counter
//!
//! A `static` is one place in memory for the whole program, so every use of `REQUESTS` names the
//! same atomic, and two calls to `handle` leave it at 2. `AtomicUsize` is `Sync`, which a
//! `static` requires.
//!
//@ pass

use std::sync::atomic::{AtomicUsize, Ordering};

static REQUESTS: AtomicUsize = AtomicUsize::new(0);

fn handle() {
    REQUESTS.fetch_add(1, Ordering::Relaxed);
}

fn main() {
    handle();
    handle();
    assert_eq!(REQUESTS.load(Ordering::Relaxed), 2);
}
