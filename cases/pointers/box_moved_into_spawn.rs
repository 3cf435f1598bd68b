//! Moving a `Box` into a spawned thread
//!
//! `Box<T>` uniquely owns its heap value, so `Box<T>` is `Send` exactly when `T` is `Send`: moving
//! the box moves the value, and the sending thread loses all access. `Vec<String>` is `Send`, so
//! the closure that owns the box is `Send` too, with no `unsafe` code. Prefer owning types like
//! `Box` over raw pointers whenever ownership is what you want to transfer.
//!
//@ pass

use std::thread;

fn main() {
    let log = Box::new(vec!["boot".to_string()]);
    let worker = thread::spawn(move || {
        let mut log = log;
        log.push("worker started".to_string());
        log.len()
    });
    println!("{} log lines", worker.join().unwrap());
}
