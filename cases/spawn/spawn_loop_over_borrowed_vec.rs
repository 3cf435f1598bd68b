//! Spawning one thread per element while iterating over `&names`
//!
//! Looping over `&names` yields `&String` items, and `move` moves only that reference into each
//! thread. The threads are detached, so as far as the compiler knows they may still run after
//! `names` is dropped at the end of `main`; `thread::spawn` requires `'static` captures to rule
//! that out. The fix iterates over `names` by value, handing each thread its own `String`.
//!
//@ fail: E0597
//@ fix: spawn_loop_over_owned_vec

use std::thread;

fn main() {
    let names = vec![String::from("alpha"), String::from("beta")];
    let mut handles = Vec::new();
    for name in &names {
        handles.push(thread::spawn(move || name.len()));
    }
    let total: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
    assert_eq!(total, 9);
}
