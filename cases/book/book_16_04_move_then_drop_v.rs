//! Adding move to Listing 16-4 and still dropping v
//!
//! The Book's prose tries to fix Listing 16-4 with `move`. That moves `v` into the closure, so the
//! later `drop(v)` in `main` uses a value it no longer owns (E0382): `move` replaces borrowing with
//! ownership, but never lets two threads own one value. The fix shares the vector through an
//! `Arc`: the thread owns one handle and `main` drops its own.
//!
//@ fail: E0382
//@ fix: book_16_04_clone_before_move
//@ book: 16-4

use std::thread;

fn main() {
    let v = vec![1, 2, 3];

    let handle = thread::spawn(move || {
        println!("Here's a vector: {v:?}");
    });

    drop(v); // oh no!

    handle.join().unwrap();
}
