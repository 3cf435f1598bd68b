//! Dropping a vector that a spawned thread borrows
//!
//! This is why Listing 16-3 is rejected: the main thread could drop `v` while the spawned thread,
//! perhaps not yet even started, still holds a reference to it and later reads freed memory.
//! rustc reports the borrow escaping into a `'static` thread (E0373) and, separately, moving `v`
//! into `drop` while it is borrowed (E0505). The fix, Listing 16-5, moves `v` into the closure: the
//! thread then owns the vector, and the main thread no longer gets to drop it.
//!
//@ fail: E0373 E0505
//@ fix: book_16_05_move_closure_owns_v
//@ book: 16-4

use std::thread;

fn main() {
    let v = vec![1, 2, 3];

    let handle = thread::spawn(|| {
        println!("Here's a vector: {v:?}");
    });

    drop(v); // oh no!

    handle.join().unwrap();
}
