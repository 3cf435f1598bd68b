//! Moving a `slice::Iter` over `Cell`s into another thread
//!
//! Iterators pass on the thread-safety of what they hand out. `slice::Iter<'a, T>` yields `&'a T`,
//! so std implements `Send` for it only when `T: Sync`, just as for `&T`; rustc's note says
//! "required for `std::slice::Iter<'_, Cell<u32>>` to implement `Send`". `Cell<u32>` is not `Sync`,
//! so moving `cells.iter()` into a scoped thread fails with E0277, though the thread only reads.
//! The fix uses `iter_mut()`: `IterMut<'a, T>` yields `&'a mut T` and only needs `T: Send`.
//!
//@ fail: E0277
//@ fix: slice_iter_mut_of_cells_sent

use std::cell::Cell;
use std::thread;

fn main() {
    let cells = vec![Cell::new(4u32), Cell::new(8), Cell::new(15)];
    let readings = cells.iter();
    let total = thread::scope(|s| {
        s.spawn(move || readings.map(|c| c.get()).sum::<u32>()).join().unwrap()
    });
    cells[0].set(total);
    assert_eq!(cells[0].get(), 27);
}
