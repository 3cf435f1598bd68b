//! A `Vec<Box<dyn FnOnce()>>` cannot move to a worker thread
//!
//! `Box<T>` and `Vec<T>` are `Send` only when `T` is, and a trait object `dyn FnOnce() -> u32`
//! carries no auto traits unless they are written into its type. The boxed closures might have
//! captured an `Rc` or a `Cell`, so the compiler must treat the queue as not `Send`, and moving
//! it into `thread::spawn` fails with E0277. The fix declares the jobs as
//! `Box<dyn FnOnce() -> u32 + Send>`, so every closure is checked when it is boxed.
//!
//@ fail: E0277
//@ fix: boxed_jobs_with_send_bound

use std::thread;

type Job = Box<dyn FnOnce() -> u32>;

fn main() {
    let base = 10;
    let jobs: Vec<Job> = vec![Box::new(move || base + 1), Box::new(move || base * 2)];
    let worker = thread::spawn(move || jobs.into_iter().map(|job| job()).sum::<u32>());
    assert_eq!(worker.join().unwrap(), 31);
}
