//! Sending a `slice::IterMut` over `Cell`s to a scoped thread
//!
//! `IterMut<'a, T>` hands out `&'a mut T`, and an exclusive reference is `Send` whenever `T` is
//! `Send`. `Cell<u32>` is `Send` (only sharing it is the problem), so the iterator may move into
//! the scoped thread. While it is alive, no other code can touch `cells`, so the unsynchronised
//! `Cell::get` cannot race; afterwards the main thread uses the cells again.
//!
//@ pass

use std::cell::Cell;
use std::thread;

fn main() {
    let mut cells = vec![Cell::new(4u32), Cell::new(8), Cell::new(15)];
    let readings = cells.iter_mut();
    let total = thread::scope(|s| {
        s.spawn(move || readings.map(|c| c.get()).sum::<u32>()).join().unwrap()
    });
    cells[0].set(total);
    assert_eq!(cells[0].get(), 27);
}
