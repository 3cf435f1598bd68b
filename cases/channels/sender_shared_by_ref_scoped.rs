//! Sharing one `&Sender` among scoped threads
//!
//! Since Rust 1.72 `Sender<T>` is `Sync` when `T: Send` (before, it was only `Send` and had to be
//! cloned per thread), so `&Sender<T>` is `Send` when `T: Send` and scoped threads can all send
//! through one borrowed sender. The scope joins every thread before it returns, so the borrow of
//! `tx` ends in time; `main` then drops `tx`, which closes the channel and lets the `rx.iter()`
//! loop finish.
//!
//@ pass
//@ min-rust: 1.72

use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();
    thread::scope(|s| {
        for id in 0..4u32 {
            let tx = &tx;
            s.spawn(move || tx.send(id * 10).unwrap());
        }
    });
    drop(tx);
    let mut got: Vec<u32> = rx.iter().collect();
    got.sort();
    assert_eq!(got, [0, 10, 20, 30]);
}
