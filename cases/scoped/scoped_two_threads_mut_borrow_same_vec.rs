//! Two scoped threads mutably borrowing the same vector
//!
//! Scoped threads may borrow local data, but the borrow checker treats them like any other
//! borrows that are alive at the same time: there can be only one `&mut` to a value. Both
//! closures here capture `&mut data` and may run in parallel, which would be a data race, so
//! rustc reports E0499. The fix uses `split_at_mut` to hand each thread its own disjoint half.
//!
//@ fail: E0499
//@ fix: scoped_split_at_mut_halves

use std::thread;

fn main() {
    let mut data = vec![1, 2, 3, 4, 5, 6];
    thread::scope(|s| {
        s.spawn(|| {
            for x in &mut data[..3] {
                *x *= 10;
            }
        });
        s.spawn(|| {
            for x in &mut data[3..] {
                *x += 1;
            }
        });
    });
    println!("{data:?}");
}
