//! Reading a result after the scoped thread has been joined
//!
//! `thread::scope` joins every thread spawned on it before returning, so the `&mut total`
//! captured by the worker is guaranteed to be finished when the scope ends. Reading `total`
//! after the scope therefore cannot race with the write, and the borrow checker accepts it.
//!
//@ pass

use std::thread;

fn main() {
    let prices = [3, 7, 11];
    let mut total = 0;
    thread::scope(|s| {
        s.spawn(|| {
            for p in prices {
                total += p;
            }
        });
    });
    println!("final total: {total}");
    assert_eq!(total, 21);
}
