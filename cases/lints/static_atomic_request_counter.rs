//! A `static` `AtomicUsize` used as a counter
//!
//! A `static` is one place in memory for the whole program, so every use of `REQUESTS` names the
//! same atomic, and two calls to `handle` leave it at 2. `AtomicUsize` is `Sync`, which a
//! `static` requires, and it changes through `&self`: any thread may bump or read it without
//! `unsafe`, and a `&REQUESTS` held meanwhile is always sound. This fixes both a `const` atomic
//! (a fresh value at every use) and a `static mut` counter (every access `unsafe`).
//!
//@ pass

use std::sync::atomic::{AtomicUsize, Ordering};

static REQUESTS: AtomicUsize = AtomicUsize::new(0);

fn handle() {
    REQUESTS.fetch_add(1, Ordering::Relaxed);
}

fn main() {
    handle();
    let seen: &AtomicUsize = &REQUESTS;
    handle();
    assert_eq!(seen.load(Ordering::Relaxed), 2);
}
