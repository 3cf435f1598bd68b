//! Adding `move` so the closure owns the vector
//!
//! `move` makes the closure take ownership of `v` instead of borrowing it. The closure then holds
//! no references to `main`'s stack, so it is `'static`, and it is `Send` because `Vec<i32>` is:
//! exactly what `thread::spawn` requires. In exchange, the main thread can no longer use `v` after
//! the spawn, so nothing can drop the vector out from under the new thread.
//!
//@ pass
//@ book: 16-5

use std::thread;

fn main() {
    let v = vec![1, 2, 3];

    let handle = thread::spawn(move || {
        println!("Here's a vector: {v:?}");
    });

    handle.join().unwrap();
}
