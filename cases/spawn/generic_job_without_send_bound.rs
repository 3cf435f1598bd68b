//! Spawning a thread with a generic value that lacks a `T: Send` bound
//!
//! Inside a generic function the compiler knows only the bounds written on `T`. `T: 'static`
//! says the value holds no short borrows, but not that it may move to another thread, and
//! `thread::spawn` needs its closure, and so the captured `job`, to be `Send`. rustc reports
//! E0277 and suggests "consider further restricting type parameter `T` with trait `Send`". The fix
//! adds that bound, which moves the check to each caller's concrete type.
//!
//@ fail: E0277
//@ fix: generic_job_with_send_bound

use std::thread;

fn run_in_background<T: 'static>(job: T) -> thread::JoinHandle<usize> {
    thread::spawn(move || std::mem::size_of_val(&job))
}

fn main() {
    assert_eq!(run_in_background(5u8).join().unwrap(), 1);
}
