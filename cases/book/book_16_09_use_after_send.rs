//! Using a value after sending it down a channel
//!
//! `send` takes its argument by value, so after `tx.send(val)` the `String` belongs to the channel
//! and soon to the receiving thread, which may already be changing or freeing it. Reading `val`
//! afterwards would be a use of memory this thread no longer owns, so the borrow checker rejects
//! it: E0382, "borrow of moved value". The fix, Listing 16-8, does not touch `val` after sending.
//!
//@ fail: E0382
//@ fix: book_16_08_recv_in_main
//@ book: 16-9

use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();

    thread::spawn(move || {
        let val = String::from("hi");
        tx.send(val).unwrap();
        println!("val is {val}");
    });

    let received = rx.recv().unwrap();
    println!("Got: {received}");
}
