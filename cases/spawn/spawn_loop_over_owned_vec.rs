//! Spawning one thread per element by consuming the vector
//!
//! `for name in names` moves each `String` out of the vector, and the `move` closure then moves
//! it into its thread. Every thread owns its data, so no borrow of `main`'s locals can dangle and
//! the `'static` bound of `thread::spawn` holds. If `names` were needed afterwards, iterating
//! over `names.clone()` (or sharing an `Arc`) would achieve the same.
//!
//@ pass

use std::thread;

fn main() {
    let names = vec![String::from("alpha"), String::from("beta")];
    let mut handles = Vec::new();
    for name in names {
        handles.push(thread::spawn(move || name.len()));
    }
    let total: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
    assert_eq!(total, 9);
}
