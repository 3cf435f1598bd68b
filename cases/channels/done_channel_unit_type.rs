//! A completion channel typed as `mpsc::channel::<()>()`
//!
//! The turbofish tells the compiler the message type is `()`, the empty tuple, so both halves
//! have known types even though nothing is ever sent. `recv` blocks until the worker drops
//! `done_tx`; since that was the only sender, `recv` then returns `Err(RecvError)`, which here
//! means *the worker is finished*. Without the turbofish nothing would fix the message type (no
//! `send` is ever written), and inference would give up with E0282, as in Listing 16-6
//! (`book_16_06_channel_type_unknown`).
//!
//@ pass

use std::sync::mpsc;
use std::thread;

fn main() {
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let worker = thread::spawn(move || {
        let total: u64 = (1..=100).sum();
        drop(done_tx); // "I'm finished"
        total
    });
    assert!(done_rx.recv().is_err());
    println!("sum: {}", worker.join().unwrap());
}
