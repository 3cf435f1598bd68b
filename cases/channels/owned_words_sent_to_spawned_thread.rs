//! Sending owned `String`s to a spawned thread
//!
//! `word.to_string()` copies each slice into its own heap allocation, so the channel carries
//! `String`s that borrow nothing. `Receiver<String>` is `'static` and `Send`, so the worker's
//! closure satisfies `thread::spawn`, and `text` can be dropped whenever `main` likes. (Scoped
//! threads, `thread::scope`, are the other fix: they may borrow `text` because they are joined
//! before it goes away.)
//!
//@ pass

use std::sync::mpsc;
use std::thread;

fn main() {
    let text = String::from("alpha beta gamma");
    let (tx, rx) = mpsc::channel();
    let counter = thread::spawn(move || rx.iter().map(|word: String| word.len()).sum::<usize>());
    for word in text.split(' ') {
        tx.send(word.to_string()).unwrap();
    }
    drop(tx);
    assert_eq!(counter.join().unwrap(), 14);
}
