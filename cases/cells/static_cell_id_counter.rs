//! Using a `static Cell` as a global ID counter
//!
//! A `static` is reachable from every thread, so its type must be `Sync`, even in a program that
//! never spawns (a library cannot know who calls it). `Cell<u32>` is not `Sync`: two threads
//! could read the same ID before either stores the next one. The fix makes the counter
//! `thread_local!`, so each thread gets its own `Cell` and nothing is shared at all.
//!
//@ fail: E0277
//@ fix: thread_local_cell_id_counter

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
    assert_eq!(thread::spawn(next_id).join().unwrap(), 1);
}
