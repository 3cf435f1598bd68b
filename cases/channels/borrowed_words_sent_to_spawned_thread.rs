//! Sending borrowed `&str` slices to a spawned thread
//!
//! The message type is part of the channel's type: here it is `&str`, borrowed from `text`, so the
//! receiver moved into the worker is a `Receiver<&str>` tied to `text`'s lifetime. `thread::spawn`
//! needs a `'static` closure, since the thread may outlive `main`'s locals, and so `text` would
//! have to be borrowed forever. The fix sends owned `String`s, which carry no borrow.
//!
//@ fail: E0597
//@ fix: owned_words_sent_to_spawned_thread

use std::sync::mpsc;
use std::thread;

fn main() {
    let text = String::from("alpha beta gamma");
    let (tx, rx) = mpsc::channel();
    let counter = thread::spawn(move || rx.iter().map(|word: &str| word.len()).sum::<usize>());
    for word in text.split(' ') {
        tx.send(word).unwrap();
    }
    drop(tx);
    assert_eq!(counter.join().unwrap(), 14);
}
