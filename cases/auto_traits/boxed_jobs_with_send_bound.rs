//! Boxed jobs declared `dyn FnOnce() + Send` can move to a worker
//!
//! Writing `+ Send` into the trait object type makes `Send` part of its contract: a closure can
//! only be boxed as a `Job` if it is `Send` itself (here it captures a `u32`). In return,
//! `Box<dyn FnOnce() -> u32 + Send>` is `Send`, so `Vec<Job>` is `Send` and the worker thread
//! can take the whole queue.
//!
//@ pass

use std::thread;

type Job = Box<dyn FnOnce() -> u32 + Send>;

fn main() {
    let base = 10;
    let jobs: Vec<Job> = vec![Box::new(move || base + 1), Box::new(move || base * 2)];
    let worker = thread::spawn(move || jobs.into_iter().map(|job| job()).sum::<u32>());
    assert_eq!(worker.join().unwrap(), 31);
}
