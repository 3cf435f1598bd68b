//! Moving one `Sender` into two threads
//!
//! A `move` closure takes ownership of the `tx` it captures, so after the first `spawn` the
//! sender is gone from `main` and the second closure cannot capture it too. A channel may have
//! many producers, but each needs its own `Sender`. The fix calls `tx.clone()` for the first
//! producer and moves the original into the second.
//!
//@ fail: E0382
//@ fix: sender_cloned_per_producer

use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for n in 0..3 {
            tx.send(n).unwrap();
        }
    });
    thread::spawn(move || {
        for n in 10..13 {
            tx.send(n).unwrap();
        }
    });
    let total: i32 = rx.iter().sum();
    assert_eq!(total, 36);
    println!("total: {total}");
}
