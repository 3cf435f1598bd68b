//! Printing a buffer while a scoped thread is still filling it.
//@ expect: scoped_read_while_thread_mutates scoped_join_early_still_borrowed
use std::thread;

fn main() {
    let mut buffer = Vec::new();
    thread::scope(|s| {
        s.spawn(|| {
            for i in 0..3 {
                buffer.push(i);
            }
        });
        println!("so far: {}", buffer.len());
    });
}
