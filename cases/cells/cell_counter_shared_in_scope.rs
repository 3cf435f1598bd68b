//! Sharing a `&Cell` counter with scoped threads
//!
//! Scoped threads may borrow locals, but the borrowed type must still be `Sync` for `&T` to be
//! `Send`. `Cell::set` is a plain, unsynchronized write through a shared reference, so two
//! threads calling `get` and `set` at once would be a data race, which is undefined behaviour (not
//! merely a lost update: `unsafe_impls/cell_counter_behind_lying_sync_impl` shows Miri reporting
//! it). So `Cell<T>` is not `Sync`. The fix uses `AtomicU32`, whose `fetch_add` is one
//! indivisible read-modify-write.
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
