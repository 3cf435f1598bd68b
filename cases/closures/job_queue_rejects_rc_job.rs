//! Queueing a job closure that owns an `Rc`
//!
//! The queue stores `Box<dyn FnOnce() + Send + 'static>`, so a closure can only be boxed into it
//! if it is `Send`. These jobs each own a clone of an `Rc<str>`; `Rc` is not `Send`, because the
//! clones left on the main thread and the one on the worker would update the same count without
//! synchronisation. The coercion to the trait object fails. The fix gives every job an `Arc<str>`
//! clone instead, whose count is atomic.
//!
//@ fail: E0277
//@ fix: job_queue_fnonce_send_static

use std::rc::Rc;
use std::thread;

type Job = Box<dyn FnOnce() + Send + 'static>;

fn run_on_worker(jobs: Vec<Job>) {
    let worker = thread::spawn(move || jobs.into_iter().for_each(|job| job()));
    worker.join().unwrap();
}

fn main() {
    let greeting: Rc<str> = Rc::from("hello");
    let mut jobs: Vec<Job> = Vec::new();
    for id in 0..3 {
        let greeting = Rc::clone(&greeting);
        jobs.push(Box::new(move || println!("{greeting} from job {id}")));
    }
    run_on_worker(jobs);
}
