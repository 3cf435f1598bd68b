//! Taking what you need from a batch before sending it
//!
//! The length is copied into `count` while `main` still owns `batch`; only then does `send` move
//! the `Vec` to the writer thread. After the move `main` touches nothing of the batch, so at every
//! moment exactly one thread owns it. (If the sender needed the whole batch afterwards, it
//! would send `batch.clone()` instead.)
//!
//@ pass

use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<Vec<String>>();
    let writer = thread::spawn(move || rx.iter().map(|batch| batch.len()).sum::<usize>());

    let batch = vec![String::from("GET /"), String::from("GET /about")];
    let count = batch.len();
    tx.send(batch).unwrap();
    println!("queued {count} lines");

    drop(tx);
    assert_eq!(writer.join().unwrap(), 2);
}
