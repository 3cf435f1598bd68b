//! Splitting a vector with `split_at_mut` for two scoped threads
//!
//! `split_at_mut` turns one `&mut [T]` into two `&mut` slices that provably do not overlap.
//! Each scoped thread moves in its own half, so there is never more than one `&mut` to any
//! element and both threads can run at once. Once the scope ends, both borrows are over and
//! `data` can be read again.
//!
//@ pass

use std::thread;

fn main() {
    let mut data = vec![1, 2, 3, 4, 5, 6];
    let (left, right) = data.split_at_mut(3);
    thread::scope(|s| {
        s.spawn(move || {
            for x in left.iter_mut() {
                *x *= 10;
            }
        });
        s.spawn(move || {
            for x in right.iter_mut() {
                *x += 1;
            }
        });
    });
    assert_eq!(data, [10, 20, 30, 5, 6, 7]);
}
