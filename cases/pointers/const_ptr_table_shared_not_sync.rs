//! Sharing a struct holding a `*const T` between threads
//!
//! Even a read-only raw pointer is neither `Send` nor `Sync`: the compiler does not know what
//! it points to, how long that lives, or whether someone else writes through another alias.
//! Both scoped threads borrow `table`, which needs `LookupTable: Sync`, so rustc reports E0277
//! for the `*const u16` inside it. The fix stores a `&'static [u16]` instead, whose lifetime and
//! immutability the compiler can check, making the table `Sync` without any `unsafe`.
//!
//@ fail: E0277
//@ fix: static_slice_table_shared

use std::thread;

static SQUARES: [u16; 6] = [0, 1, 4, 9, 16, 25];

struct LookupTable {
    ptr: *const u16,
    len: usize,
}

impl LookupTable {
    fn get(&self, i: usize) -> u16 {
        assert!(i < self.len);
        unsafe { *self.ptr.add(i) }
    }
}

fn main() {
    let table = LookupTable { ptr: SQUARES.as_ptr(), len: SQUARES.len() };
    let sum = thread::scope(|s| {
        let a = s.spawn(|| table.get(2));
        let b = s.spawn(|| table.get(5));
        a.join().unwrap() + b.join().unwrap()
    });
    assert_eq!(sum, 29);
}
