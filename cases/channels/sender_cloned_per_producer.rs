//! One cloned `Sender` per producer thread
//!
//! `tx.clone()` makes a second handle to the same channel, so each `move` closure owns its own
//! `Sender`. The channel stays open while any sender is alive; when both threads finish and drop
//! theirs, `recv` starts failing and the `rx.iter()` loop ends. That is why summing the iterator
//! terminates, and why `main` must not keep a sender of its own.
//!
//@ pass

use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();
    let tx1 = tx.clone();
    thread::spawn(move || {
        for n in 0..3 {
            tx1.send(n).unwrap();
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
