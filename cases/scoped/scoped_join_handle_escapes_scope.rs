//! Storing a `ScopedJoinHandle` outside its scope
//!
//! A `ScopedJoinHandle<'scope, T>` is tied to the scope that created it, because the thread
//! may borrow data that is only guaranteed to live until the scope ends. Pushing handles into
//! a vector declared outside the closure would let them outlive the scope, so rustc reports
//! E0521 (borrowed data escapes outside of closure). The fix joins each handle inside the
//! scope and returns plain values from it instead.
//!
//@ fail: E0521
//@ fix: scoped_join_results_returned_from_scope

use std::thread;

fn main() {
    let files = ["a.txt", "bb.txt", "ccc.txt"];
    let mut handles = Vec::new();
    thread::scope(|s| {
        for name in &files {
            handles.push(s.spawn(move || name.len()));
        }
    });
    let total: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
    println!("{total}");
}
