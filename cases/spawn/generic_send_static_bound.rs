//! Adding `T: 'static` to a generic value moved into a thread
//!
//! `thread::spawn` needs the closure, and so everything it captures, to be both `Send` (safe to
//! move to another thread) and `'static` (containing no borrows that could expire while the
//! thread runs). With both bounds on `T`, the compiler knows `item` can live inside the thread
//! for as long as the thread wants; a `Vec<i32>` owns its data, so it qualifies.
//!
//@ pass

use std::fmt::Debug;
use std::thread::{self, JoinHandle};

fn describe_in_background<T: Send + Debug + 'static>(item: T) -> JoinHandle<String> {
    thread::spawn(move || format!("{item:?}"))
}

fn main() {
    let text = describe_in_background(vec![1, 2, 3]).join().unwrap();
    assert_eq!(text, "[1, 2, 3]");
}
