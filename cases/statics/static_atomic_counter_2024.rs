//! A global counter as a `static AtomicU32`, in edition 2024
//!
//! An `AtomicU32` changes through `&`, so the counter can be a plain `static`: no `static mut`,
//! no `unsafe`, and no reference to a mutable static for `static_mut_refs` to deny.
//! `fetch_add` returns the old value, so `bump` adds 1 to report the new one, and it stays
//! correct if other threads bump the counter too.
//!
//@ pass
//@ edition: 2024
//@ min-rust: 1.85

use std::sync::atomic::{AtomicU32, Ordering};

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn bump() -> u32 {
    let now = COUNTER.fetch_add(1, Ordering::Relaxed) + 1;
    println!("counter is now {now}");
    now
}

fn main() {
    bump();
    assert_eq!(bump(), 2);
}
