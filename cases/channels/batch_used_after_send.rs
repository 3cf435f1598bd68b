//! Reading a batch after sending it to a writer thread
//!
//! `send` takes the message by value: the `Vec` moves into the channel, and from there to the
//! writer thread, which may already be iterating over it or freeing it. Asking `batch.len()`
//! afterwards would read memory this thread no longer owns, so the compiler reports a use of a
//! moved value. The fix reads what it needs, the length, before sending.
//!
//@ fail: E0382
//@ fix: batch_len_taken_before_send

use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<Vec<String>>();
    let writer = thread::spawn(move || rx.iter().map(|batch| batch.len()).sum::<usize>());

    let batch = vec![String::from("GET /"), String::from("GET /about")];
    tx.send(batch).unwrap();
    println!("queued {} lines", batch.len());

    drop(tx);
    assert_eq!(writer.join().unwrap(), 2);
}
