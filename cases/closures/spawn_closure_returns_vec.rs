//! A spawned closure returns a `Vec` that is wrapped in `Rc` after `join`
//!
//! The value a spawned closure returns travels to the joining thread, so it must be `Send`.
//! `Vec<String>` is, so the worker returns it directly, and only the main thread creates the
//! `Rc` afterwards. Every `Rc` clone now lives on one thread, where non-atomic counting is safe.
//!
//@ pass

use std::rc::Rc;
use std::thread;

fn main() {
    let worker = thread::spawn(|| {
        let words: Vec<String> = "red green blue".split(' ').map(String::from).collect();
        words
    });
    let words = Rc::new(worker.join().unwrap());
    let alias = Rc::clone(&words);
    println!("{} words, {} owners", alias.len(), Rc::strong_count(&words));
}
