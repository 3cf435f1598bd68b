//! A per-thread ID counter with `thread_local!` and `Cell`
//!
//! `thread_local!` gives each thread its own instance of the value, created on first use, and
//! `with` lends out a reference that cannot escape the current thread. Because no two threads
//! ever touch the same `Cell`, it need not be `Sync`. The spawned thread starts counting at 1
//! again: the counters really are separate, so this suits per-thread numbering, not IDs that
//! must be unique across threads (those need an atomic).
//!
//@ pass

use std::cell::Cell;
use std::thread;

thread_local! {
    static NEXT_ID: Cell<u32> = Cell::new(1);
}

fn next_id() -> u32 {
    NEXT_ID.with(|next| {
        let id = next.get();
        next.set(id + 1);
        id
    })
}

fn main() {
    assert_eq!((next_id(), next_id()), (1, 2));
    assert_eq!(thread::spawn(next_id).join().unwrap(), 1);
}
