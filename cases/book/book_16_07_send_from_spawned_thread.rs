//! Moving the sending half into a spawned thread
//!
//! The spawned thread must own its end of the channel, so the `move` closure takes `tx`; a
//! `Sender<String>` is `Send`, so that is allowed. `send` moves the `String` into the channel and
//! returns `Err` if the receiver is gone. Sending a `String` also tells the compiler the channel's
//! type. The Book names the receiver `rx`; it is `_rx` here because this listing never uses it and
//! the corpus allows no warnings. Listing 16-8 adds the receiving side.
//!
//@ pass
//@ book: 16-7

use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, _rx) = mpsc::channel();

    thread::spawn(move || {
        let val = String::from("hi");
        tx.send(val).unwrap();
    });
}
