//! Putting a lookup table in a `static LazyCell`
//!
//! `LazyCell` runs its initializer on first access, but without any synchronization: two
//! threads touching it for the first time could both start initializing the same memory. It is
//! therefore not `Sync`, and a `static` must be. The fix uses `LazyLock`, which guarantees the
//! table is computed exactly once and makes other threads wait until it is ready.
//!
//@ fail: E0277
//@ fix: static_lazylock_square_table
//@ min-rust: 1.80

use std::cell::LazyCell;
use std::thread;

static SQUARES: LazyCell<Vec<u64>> = LazyCell::new(|| (0..16).map(|n| n * n).collect());

fn main() {
    let worker = thread::spawn(|| SQUARES[3]);
    assert_eq!(worker.join().unwrap() + SQUARES[4], 25);
}
