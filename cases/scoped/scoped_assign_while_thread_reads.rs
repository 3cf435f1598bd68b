//! Assigning to a variable a scoped thread is reading
//!
//! A scoped thread reading `limit` keeps a shared borrow of it until `scope` returns, the lifetime
//! `'scope` that `Scope::spawn` demands of its closure. Overwriting `limit` meanwhile would change
//! the value under the reader's feet, so rustc reports E0506 (assignment to a borrowed value). The
//! fix performs the assignment before the scope starts, so the thread only sees the final value.
//!
//@ fail: E0506
//@ fix: scoped_assign_before_spawn

use std::thread;

fn main() {
    let readings = [12, 48, 7, 99];
    let mut limit = 50;
    thread::scope(|s| {
        s.spawn(|| {
            let over = readings.iter().filter(|&&r| r > limit).count();
            println!("{over} readings over {limit}");
        });
        limit = 40;
    });
    println!("limit was {limit}");
}
