//! Request ids from a `static Cell` counter.
//@ expect: static_cell_id_counter
use std::cell::Cell;

static NEXT_ID: Cell<u64> = Cell::new(1);

fn next_id() -> u64 {
    let id = NEXT_ID.get();
    NEXT_ID.set(id + 1);
    id
}

fn main() {
    println!("{}", next_id());
}
