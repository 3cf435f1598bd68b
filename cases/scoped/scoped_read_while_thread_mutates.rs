//! Reading a value that a scoped thread is still mutating
//!
//! A closure given to `Scope::spawn` must live for the whole scope (its `F: 'scope` bound), so its
//! borrows last until `scope` returns, even if the thread is joined earlier. Here the thread holds
//! `&mut total` while the main thread prints `total`, a read that could race with the write; rustc
//! rejects it with E0502. The fix reads `total` after the scope, when the mutable borrow has ended.
//!
//@ fail: E0502
//@ fix: scoped_read_after_scope_ends

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
        println!("running total: {total}");
    });
    println!("final total: {total}");
}
