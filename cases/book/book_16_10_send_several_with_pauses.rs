//! Iterating over a receiver until the sender is gone
//!
//! `Receiver<T>` implements `IntoIterator` (it does not implement `Iterator` itself, so `rx.next()`
//! is E0599): `for received in rx` turns it into an iterator that calls `recv` again and again,
//! and the loop ends when the channel closes, which happens when the spawned thread finishes and
//! drops `tx`. The
//! pauses between sends show that the main thread really waits for each message. The Book sleeps
//! one second per message; this copy sleeps 5 ms so the test suite stays fast.
//!
//@ pass
//@ book: 16-10

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn main() {
    let (tx, rx) = mpsc::channel();

    thread::spawn(move || {
        let vals = vec![
            String::from("hi"),
            String::from("from"),
            String::from("the"),
            String::from("thread"),
        ];

        for val in vals {
            tx.send(val).unwrap();
            thread::sleep(Duration::from_millis(5));
        }
    });

    for received in rx {
        println!("Got: {received}");
    }
}
