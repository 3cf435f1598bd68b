//! Two `Rc` futures run by `tokio::join!` in `#[tokio::main]`
//!
//! `tokio::join!` polls its futures inside the future that calls it and asks no `Send` of them.
//! Here that is `main`'s body, which `#[tokio::main]` hands to `Runtime::block_on`, whose only
//! bound is `F: Future`: the future stays on the thread that calls `block_on`, even on the
//! multi-threaded runtime. So two futures that keep an `Rc` across an `.await` are fine, and the
//! asserts show both ran on `main`'s thread. In a `tokio::spawn`ed task, the same `join!` would
//! make the task not `Send`.
//!
//@ pass
//@ crates: tokio

use std::rc::Rc;
use std::thread;

async fn count_words(text: Rc<String>) -> (usize, thread::ThreadId) {
    tokio::task::yield_now().await;
    (text.split_whitespace().count(), thread::current().id())
}

#[tokio::main]
async fn main() {
    let text = Rc::new(String::from("one two three"));
    let (a, b) = tokio::join!(count_words(Rc::clone(&text)), count_words(text));
    assert_eq!((a.0, b.0), (3, 3));
    assert_eq!((a.1, b.1), (thread::current().id(), thread::current().id()));
}
