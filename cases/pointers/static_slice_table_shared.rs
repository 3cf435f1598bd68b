//! Storing a `&'static [T]` instead of a raw pointer to share a table
//!
//! `&'static [u16]` is `Sync` because `u16` is `Sync`, so `LookupTable` is `Sync` automatically
//! and `&LookupTable` may be captured by several scoped threads. Replacing the raw pointer and
//! length with a slice reference also removes the `unsafe` indexing: the slice carries its own
//! length, and indexing is bounds-checked.
//!
//@ pass

use std::thread;

static SQUARES: [u16; 6] = [0, 1, 4, 9, 16, 25];

struct LookupTable {
    data: &'static [u16],
}

impl LookupTable {
    fn get(&self, i: usize) -> u16 {
        self.data[i]
    }
}

fn main() {
    let table = LookupTable { data: &SQUARES };
    let sum = thread::scope(|s| {
        let a = s.spawn(|| table.get(2));
        let b = s.spawn(|| table.get(5));
        a.join().unwrap() + b.join().unwrap()
    });
    assert_eq!(sum, 29);
}
