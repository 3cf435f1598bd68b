//! A channel stays open while main still holds a Sender
//!
//! A `Receiver` reports the channel closed only when every `Sender` has been dropped; until then an
//! empty channel means *maybe more later*, and `recv` or `for msg in &rx` wait. The workers here
//! drop their clones when they finish, but `main` still holds the original `tx`, so a `for` loop
//! over `rx` would hang after the three messages. `try_recv` shows `Empty` rather than
//! `Disconnected` until `tx` is dropped. Nothing in the type system catches the forgotten sender.
//!
//@ pass

use std::sync::mpsc::{self, TryRecvError};
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();
    let mut workers = Vec::new();
    for id in 0..3 {
        let tx = tx.clone();
        workers.push(thread::spawn(move || tx.send(id * 10).unwrap()));
    }
    for worker in workers {
        worker.join().unwrap();
    }
    let mut got: Vec<i32> = rx.try_iter().collect();
    got.sort();
    assert_eq!(got, [0, 10, 20]);
    assert_eq!(rx.try_recv(), Err(TryRecvError::Empty)); // not closed: main's `tx` is alive
    drop(tx);
    assert_eq!(rx.try_recv(), Err(TryRecvError::Disconnected)); // now `for msg in rx` would end
}
