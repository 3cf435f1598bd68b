//! A `const` `AtomicUsize` used as a counter
//!
//! A `const` is not a place but a value pasted in at each use, so every `REQUESTS` here is a new
//! `AtomicUsize` holding 0: `fetch_add` bumps a temporary that is dropped at once, and the final
//! load reads another fresh 0. clippy's `declare_interior_mutable_const` flags the item and
//! `borrow_interior_mutable_const` each use, and rustc (since 1.93) adds its own
//! `const_item_interior_mutations`. The fix is a `static`: one place, shared by every use.
//!
//@ lint: clippy::declare_interior_mutable_const clippy::borrow_interior_mutable_const const_item_interior_mutations
//@ fix: static_atomic_request_counter

use std::sync::atomic::{AtomicUsize, Ordering};

const REQUESTS: AtomicUsize = AtomicUsize::new(0);

fn handle() {
    REQUESTS.fetch_add(1, Ordering::Relaxed);
}

fn main() {
    handle();
    handle();
    println!("{}", REQUESTS.load(Ordering::Relaxed));
}
