//! Capturing a loop variable in a scoped thread without `move`
//!
//! Scoped threads may borrow anything that outlives the scope, but a loop variable like `i` is
//! a fresh local in each iteration and dies before the thread is joined. Without `move` the
//! closure captures `&i`, a dangling reference in waiting, and rustc reports E0373. Adding
//! `move` copies `i` (and the `&[String]` slice, itself a reference) into each thread.
//!
//@ fail: E0373
//@ fix: scoped_loop_index_moved

use std::thread;

fn greet_all(names: &[String]) {
    thread::scope(|s| {
        for i in 0..names.len() {
            s.spawn(|| {
                println!("worker {i} greets {}", names[i]);
            });
        }
    });
}

fn main() {
    let names = vec!["Ada".to_string(), "Grace".to_string(), "Linus".to_string()];
    greet_all(&names);
}
