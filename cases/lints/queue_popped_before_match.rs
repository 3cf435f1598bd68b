//! Popping from a locked queue in a `let` before matching
//!
//! A temporary in a `let` initializer is dropped at the end of the statement, so the queue is
//! unlocked at the semicolon and only the `Option<u32>` is left to match on. `process` runs with
//! no lock held.
//!
//@ pass

#![warn(clippy::significant_drop_in_scrutinee)]

use std::sync::Mutex;

static QUEUE: Mutex<Vec<u32>> = Mutex::new(Vec::new());

fn process(job: u32) -> u32 {
    job * 2
}

fn main() {
    QUEUE.lock().unwrap().push(21);
    let next = QUEUE.lock().unwrap().pop();
    match next {
        Some(job) => assert_eq!(process(job), 42),
        None => println!("nothing to do"),
    }
}
