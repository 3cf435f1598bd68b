//! A visit counter in a `static AtomicU32`
//!
//! `AtomicU32` is `Sync` and changes through `&self`, so a plain `static` can hold it and any
//! thread may bump or read it without `unsafe`. A reference to it is always sound.
//!
//@ pass

use std::sync::atomic::{AtomicU32, Ordering};

static VISITS: AtomicU32 = AtomicU32::new(0);

fn visit() {
    VISITS.fetch_add(1, Ordering::Relaxed);
}

fn main() {
    visit();
    let seen: &AtomicU32 = &VISITS;
    assert_eq!(seen.load(Ordering::Relaxed), 1);
}
