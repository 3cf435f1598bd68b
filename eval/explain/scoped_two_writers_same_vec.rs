//! Two scoped threads both appending to the same results vector.
//@ expect: scoped_two_threads_mut_borrow_same_vec
use std::thread;

fn main() {
    let mut results = Vec::new();
    thread::scope(|s| {
        s.spawn(|| results.push("left"));
        s.spawn(|| results.push("right"));
    });
    println!("{results:?}");
}
