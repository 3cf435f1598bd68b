//! Cloning an `Arc` before moving the clone into a thread
//!
//! The fix for the `move` variant of Listing 16-4, which wanted `main` to let go of `v` while
//! the spawned thread still used it. One value cannot have two owners, so the vector gets an
//! owner count instead: `Arc::new` wraps it, `Arc::clone(&v)` makes a second handle to the same
//! vector (no copy of the elements), and the `move` closure takes that handle, so the closure is
//! `'static`. `main` may now drop its own handle whenever it likes: the vector lives until the
//! last handle is gone, here the thread's. (rustc's hint, `v.clone()`, would give the thread a
//! separate copy of the vector instead; this keeps the one vector that the listing shares.)
//!
//@ pass

use std::sync::Arc;
use std::thread;

fn main() {
    let v = Arc::new(vec![1, 2, 3]);
    let value = Arc::clone(&v);

    let handle = thread::spawn(move || {
        println!("Here's a vector: {value:?}");
    });

    drop(v); // fine: the thread holds its own handle to the vector

    handle.join().unwrap();
}
