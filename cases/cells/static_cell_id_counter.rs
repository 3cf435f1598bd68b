//! Using a `static Cell` as a global ID counter
//!
//! A `static` is reachable from every thread, so its type must be `Sync`, even in a program that
//! never spawns (a library cannot know who calls it). `Cell<u32>` is not `Sync`: its `get` and
//! `set` are plain reads and writes, and two threads using them at once would be a data race,
//! undefined behaviour. The fix makes the counter an
//! `AtomicU32`, whose `fetch_add` hands out each ID exactly once across all threads.
//!
//@ fail: E0277
//@ fix: static_atomic_id_counter

use std::cell::Cell;
use std::thread;

static NEXT_ID: Cell<u32> = Cell::new(1);

fn next_id() -> u32 {
    let id = NEXT_ID.get();
    NEXT_ID.set(id + 1);
    id
}

fn main() {
    assert_eq!((next_id(), next_id()), (1, 2));
    assert_eq!(thread::spawn(next_id).join().unwrap(), 3);
}
