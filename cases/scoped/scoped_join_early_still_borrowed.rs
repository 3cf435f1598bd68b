//! Joining a scoped thread early does not end its borrow
//!
//! `Scope::spawn` requires its closure to live for `'scope`, the whole scope, so a closure that
//! captures `&mut total` keeps that borrow until `scope` returns, even after `join`. Reading
//! `total` right after the join, still inside the scope, is therefore E0502. The fix lets the
//! thread return its result, which `join` hands back: nothing needs to be read through a borrow.
//!
//@ fail: E0502
//@ fix: scoped_join_returns_value

use std::thread;

fn main() {
    let prices = [3, 7, 11];
    let mut total = 0;
    thread::scope(|s| {
        let worker = s.spawn(|| {
            for p in prices {
                total += p;
            }
        });
        worker.join().unwrap();
        println!("total: {total}");
    });
}
