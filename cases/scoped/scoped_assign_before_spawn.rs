//! Finishing an assignment before a scoped thread borrows the value
//!
//! Shared borrows forbid mutation only while they are alive. Here `limit` is updated before any
//! thread is spawned, so the scoped thread's `&limit` starts after the last write and ends when
//! the scope joins it. No write can overlap a read, and the program compiles.
//!
//@ pass

use std::thread;

fn main() {
    let readings = [12, 48, 7, 99];
    let mut limit = 50;
    limit -= 10;
    thread::scope(|s| {
        s.spawn(|| {
            let over = readings.iter().filter(|&&r| r > limit).count();
            assert_eq!(over, 2);
        });
    });
    println!("limit was {limit}");
}
