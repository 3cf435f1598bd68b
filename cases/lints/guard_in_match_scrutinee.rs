//! A lock guard in a `match` scrutinee, held through every arm
//!
//! Temporaries in a `match` scrutinee live until the end of the `match`, so the `MutexGuard`
//! from `QUEUE.lock()` keeps the queue locked while `process(job)` runs. Other threads wait on the
//! queue meanwhile, and an arm that locked `QUEUE` again would never return. clippy's
//! `significant_drop_in_scrutinee` (nursery, turned on here) flags it. The fix pops in a `let` of
//! its own, whose guard is dropped at the semicolon.
//!
//@ lint: clippy::significant_drop_in_scrutinee
//@ fix: queue_popped_before_match

#![warn(clippy::significant_drop_in_scrutinee)]

use std::sync::Mutex;

static QUEUE: Mutex<Vec<u32>> = Mutex::new(Vec::new());

fn process(job: u32) -> u32 {
    job * 2
}

fn main() {
    QUEUE.lock().unwrap().push(21);
    match QUEUE.lock().unwrap().pop() {
        Some(job) => assert_eq!(process(job), 42),
        None => println!("nothing to do"),
    }
}
