//! Sharing a struct that holds `&mut Cell` between threads
//!
//! `&mut T` is `Send` when `T: Send`, but `Sync` only when `T: Sync`: a shared reference to an
//! exclusive reference still lets every holder reach the `T` through `&T`. The closure below
//! borrows `job`, so `Job` must be `Sync`, which needs `&mut Cell<u32>: Sync`, which needs the
//! missing `Cell<u32>: Sync`; rustc reports E0277 and lists that chain in its notes. The fix
//! adds `move`, so the thread owns the `Job` and only `Send` is needed.
//!
//@ fail: E0277
//@ fix: job_with_mut_cell_ref_moved

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
        s.spawn(|| finish(&job));
    });
    assert_eq!(done.get(), 1);
}
