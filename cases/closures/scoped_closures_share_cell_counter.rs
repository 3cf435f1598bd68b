//! Closures sharing a `Cell` by reference need `Cell: Sync`
//!
//! Both scoped closures capture `hits` by reference, so each one holds a `&Cell<u32>`, and a
//! reference can only cross to another thread if the referent is `Sync`. `Cell` is not `Sync`:
//! its `get` and `set` are plain, unsynchronised memory accesses, and two threads doing
//! `set(get() + 1)` at once would be a data race. The fix uses an `AtomicU32`, which is `Sync`
//! because its `fetch_add` is a single atomic read-modify-write.
//!
//@ fail: E0277
//@ fix: scoped_closures_share_atomic_counter

use std::cell::Cell;
use std::thread;

fn main() {
    let hits = Cell::new(0u32);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| hits.set(hits.get() + 1));
        }
    });
    println!("hits = {}", hits.get());
}
