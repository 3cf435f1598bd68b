//! Sending a returned `impl Iterator` that hides an `Rc` to a thread
//!
//! An iterator adapter stores its closure, and the closure stores its captures, so the type
//! behind `impl Iterator<Item = String>` contains the `Rc<String>` captured here. Auto traits
//! leak through `impl Trait`, so callers learn that this iterator is not `Send`, and moving it
//! into `thread::spawn` fails. Nothing here needs shared ownership, so the fix lets the closure
//! own a plain `String`, which is `Send`.
//!
//@ fail: E0277
//@ fix: impl_iterator_owns_string

use std::rc::Rc;
use std::thread;

fn labels(prefix: &str, count: u32) -> impl Iterator<Item = String> {
    let prefix = Rc::new(prefix.to_string());
    (0..count).map(move |i| format!("{prefix}-{i}"))
}

fn main() {
    let names = labels("node", 3);
    let worker = thread::spawn(move || names.collect::<Vec<_>>());
    println!("{:?}", worker.join().unwrap());
}
