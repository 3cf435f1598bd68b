//! Moving the sending half into a spawned thread
//!
//! The spawned thread must own its end of the channel, so the `move` closure takes `tx`; a
//! `Sender<String>` is `Send`, so that is allowed. `send` moves the `String` into the channel
//! (which also tells the compiler the channel's type) and returns `Err` if the receiver is gone.
//! The Book's `main` returns at once, dropping the receiver, so its thread's `unwrap` panics with
//! `SendError` whenever it sends after that and before the process exits: on 24 Miri seeds of 24,
//! and rarely natively (the process usually ends first). This copy joins the thread before `main`
//! returns, so `_rx` (the Book's `rx`, unused until Listing 16-8) is alive when it sends.
//!
//@ pass
//@ book: 16-7

use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, _rx) = mpsc::channel();

    let handle = thread::spawn(move || {
        let val = String::from("hi");
        tx.send(val).unwrap();
    });

    handle.join().unwrap();
}
