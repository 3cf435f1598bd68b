//! Sharing a `&Cell` counter with scoped threads
//!
//! Scoped threads may borrow locals, but the borrowed type must still be `Sync` for `&T` to be
//! `Send`. `Cell::set` writes through a shared reference with no synchronization, so two threads
//! doing `get` then `set` would race and lose updates; `Cell` is therefore `!Sync`. The fix uses
//! `AtomicU32`, whose `fetch_add` is one indivisible read-modify-write.
//!
//@ fail: E0277
//@ fix: atomic_counter_shared_in_scope

use std::cell::Cell;
use std::thread;

fn main() {
    let processed = Cell::new(0u32);
    let processed_ref = &processed;
    thread::scope(|s| {
        for job in [3, 5, 7] {
            s.spawn(move || processed_ref.set(processed_ref.get() + job));
        }
    });
    assert_eq!(processed.get(), 15);
}
