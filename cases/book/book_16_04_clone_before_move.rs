//! Cloning a vector before moving the clone into a thread
//!
//! This is the change rustc suggests for the `move` variant of Listing 16-4. `v.clone()` makes a
//! second, independent `Vec`; the `move` closure takes ownership of the clone, so the spawned
//! thread owns everything it touches and the closure is `'static`. `main` still owns the original
//! and may drop it whenever it likes, because no other thread refers to it.
//!
//@ pass

use std::thread;

fn main() {
    let v = vec![1, 2, 3];
    let value = v.clone();

    let handle = thread::spawn(move || {
        println!("Here's a vector: {value:?}");
    });

    drop(v); // fine: the thread has its own copy

    handle.join().unwrap();
}
