//! A generic `T: Send` moved into a thread without `T: 'static`
//!
//! `Send` only says a value may be moved to another thread; it says nothing about how long the
//! value is valid. `T` could be `&'a str` borrowing the caller's stack, which the detached thread
//! might outlive. `thread::spawn` therefore needs `T: 'static` as well, and the fix adds that
//! bound, so callers may only pass owned data or `'static` references.
//!
//@ fail: E0310
//@ fix: generic_send_static_bound

use std::fmt::Debug;
use std::thread::{self, JoinHandle};

fn describe_in_background<T: Send + Debug>(item: T) -> JoinHandle<String> {
    thread::spawn(move || format!("{item:?}"))
}

fn main() {
    let text = describe_in_background(vec![1, 2, 3]).join().unwrap();
    assert_eq!(text, "[1, 2, 3]");
}
