//! A spawned closure that borrows a local vector
//!
//! The closure only prints `v`, so Rust infers that it needs just a reference to `v`. But
//! `thread::spawn` requires a `'static` closure: the new thread may run longer than the function
//! that created it, and the compiler does not reason about where `join` is called, so a borrow of a
//! local could dangle. rustc rejects it with E0373. Listing 16-5 adds `move`, so the closure owns
//! `v` instead of borrowing it.
//!
//@ fail: E0373
//@ fix: book_16_05_move_closure_owns_v
//@ book: 16-3

use std::thread;

fn main() {
    let v = vec![1, 2, 3];

    let handle = thread::spawn(|| {
        println!("Here's a vector: {v:?}");
    });

    handle.join().unwrap();
}
