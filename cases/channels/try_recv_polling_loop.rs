//! Polling a channel with `try_recv` between other work
//!
//! `recv` blocks, but `try_recv` returns at once: `Ok` with a message, `Err(Empty)` when none is
//! waiting yet, or `Err(Disconnected)` when every sender is gone and the queue is drained. A loop
//! that matches all three can do its own work while waiting and knows exactly when to stop.
//! Only `Disconnected` ends the loop, so no message is lost.
//!
//@ pass

use std::sync::mpsc::{self, TryRecvError};
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for n in 1..=5u64 {
            tx.send(n * n).unwrap();
        }
    });
    let (mut sum, mut idle_spins) = (0, 0u64);
    loop {
        match rx.try_recv() {
            Ok(square) => sum += square,
            Err(TryRecvError::Empty) => {
                idle_spins += 1; // other work would go here
                thread::yield_now();
            }
            Err(TryRecvError::Disconnected) => break,
        }
    }
    assert_eq!(sum, 55);
    println!("sum {sum} after {idle_spins} idle polls");
}
