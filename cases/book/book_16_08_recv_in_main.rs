//! Receiving a value from another thread, untouched after its `send`
//!
//! `recv` blocks the main thread until a message arrives and returns it as `Ok`, or returns `Err`
//! once every `Sender` is gone and no message is left. Ownership of the `String` travels through
//! the channel: the spawned thread gives it up in `send`, and the main thread owns `received`.
//! Only one thread holds the value at any moment, so no lock is needed.
//!
//@ pass
//@ book: 16-8

use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();

    thread::spawn(move || {
        let val = String::from("hi");
        tx.send(val).unwrap();
    });

    let received = rx.recv().unwrap();
    println!("Got: {received}");
}
