//! Returning an `Rc` from a spawned closure
//!
//! `thread::spawn` requires not only the closure but also its return value to be `Send`, because
//! the value is handed from the worker thread to whoever calls `join`. This worker builds an
//! `Rc<Vec<String>>` and returns it; if the worker had kept a clone, both threads would later
//! touch the same non-atomic count. The fix returns the plain `Vec<String>`, which is `Send`,
//! and wraps it in an `Rc` on the main thread after `join`.
//!
//@ fail: E0277
//@ fix: spawn_closure_returns_vec

use std::rc::Rc;
use std::thread;

fn main() {
    let worker = thread::spawn(|| {
        let words: Vec<String> = "red green blue".split(' ').map(String::from).collect();
        Rc::new(words)
    });
    let words = worker.join().unwrap();
    let alias = Rc::clone(&words);
    println!("{} words, {} owners", alias.len(), Rc::strong_count(&words));
}
