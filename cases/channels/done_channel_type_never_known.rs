//! Creating a completion channel whose message type is never known
//!
//! `mpsc::channel()` is generic over the message type `T`, and every type must be known at compile
//! time. Here nothing is ever sent: the worker signals completion just by dropping its sender,
//! which makes `recv` return `Err`. With no `send` call and no annotation, nothing fixes `T`, so
//! inference gives up. The fix names the type, `()`, with a turbofish.
//!
//@ fail: E0282
//@ fix: done_channel_unit_type

use std::sync::mpsc;
use std::thread;

fn main() {
    let (done_tx, done_rx) = mpsc::channel();
    let worker = thread::spawn(move || {
        let total: u64 = (1..=100).sum();
        drop(done_tx); // "I'm finished"
        total
    });
    assert!(done_rx.recv().is_err());
    println!("sum: {}", worker.join().unwrap());
}
