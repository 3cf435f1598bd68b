//! Two producer threads given the same `Sender` without cloning it.
//@ expect: sender_moved_into_two_threads
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();
    let a = thread::spawn(move || tx.send("from a").unwrap());
    let b = thread::spawn(move || tx.send("from b").unwrap());
    a.join().unwrap();
    b.join().unwrap();
    for msg in rx {
        println!("{msg}");
    }
}
