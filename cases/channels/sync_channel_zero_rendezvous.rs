//! A `sync_channel(0)` hands each message over in a rendezvous
//!
//! `mpsc::sync_channel(0)` has no buffer: `send` blocks until a receiver takes the message, so
//! the two threads meet at every message. The worker below cannot run ahead of the main thread,
//! whose `recv` calls release one `send` at a time. `SyncSender<T>` is `Send` when `T` is, so it
//! moves into the worker like a `Sender` does.
//!
//@ pass

use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::sync_channel::<u32>(0);
    let worker = thread::spawn(move || {
        for n in 1..=3 {
            tx.send(n).unwrap();
        }
    });
    let got: Vec<u32> = rx.iter().collect();
    worker.join().unwrap();
    assert_eq!(got, [1, 2, 3]);
}
