//! Moving a struct that holds `&mut Cell` into a thread
//!
//! With `move`, the scoped thread owns `job` instead of borrowing it, so `Job` only has to be
//! `Send`. A `&mut Cell<u32>` is `Send` because `Cell<u32>` is `Send`, and the exclusive borrow
//! guarantees that no other thread can reach the cell meanwhile. The other field is a `&'static
//! str`, and `&'static str` is `Send` too, so the whole struct is.
//!
//@ pass

use std::cell::Cell;
use std::thread;

struct Job<'a> {
    name: &'static str,
    done: &'a mut Cell<u32>,
}

fn finish(job: &Job) {
    job.done.set(job.done.get() + 1);
    println!("{} finished", job.name);
}

fn main() {
    let mut done = Cell::new(0);
    let job = Job { name: "resize", done: &mut done };
    thread::scope(|s| {
        s.spawn(move || finish(&job));
    });
    assert_eq!(done.get(), 1);
}
