//! A bounded `sync_channel` that makes a fast producer wait
//!
//! `mpsc::sync_channel(n)` returns a `SyncSender` and a `Receiver` with room for `n` messages:
//! when the buffer is full, `send` blocks until the consumer takes one, so a fast producer cannot
//! pile up unbounded memory. `SyncSender<T>` is `Send` when `T: Send`, so it moves into the
//! producer thread like a plain `Sender`. `try_send` shows the limit without blocking.
//!
//@ pass

use std::sync::mpsc::{self, TrySendError};
use std::thread;

fn main() {
    let (tx, rx) = mpsc::sync_channel::<u32>(2);
    tx.send(1).unwrap();
    tx.send(2).unwrap();
    assert!(matches!(tx.try_send(3), Err(TrySendError::Full(3))));

    let producer = thread::spawn(move || {
        for n in 3..=6 {
            tx.send(n).unwrap(); // blocks while two messages wait
        }
    });
    let received: Vec<u32> = rx.iter().collect();
    producer.join().unwrap();
    assert_eq!(received, [1, 2, 3, 4, 5, 6]);
}
