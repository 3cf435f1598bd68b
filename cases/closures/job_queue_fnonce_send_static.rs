//! A job queue of `Box<dyn FnOnce() + Send + 'static>`
//!
//! A queue whose jobs run later on another thread needs two promises from every closure: `Send`,
//! so it may move to the worker, and `'static`, so it borrows nothing that could be freed before
//! it runs. Each job here is a `move` closure that owns its own `Arc<str>` clone and a copied
//! `id`, so both bounds hold and the closures coerce into the boxed trait object. `FnOnce` lets
//! a job consume what it captured, since it is called exactly once.
//!
//@ pass

use std::sync::Arc;
use std::thread;

type Job = Box<dyn FnOnce() + Send + 'static>;

fn run_on_worker(jobs: Vec<Job>) {
    let worker = thread::spawn(move || jobs.into_iter().for_each(|job| job()));
    worker.join().unwrap();
}

fn main() {
    let greeting: Arc<str> = Arc::from("hello");
    let mut jobs: Vec<Job> = Vec::new();
    for id in 0..3 {
        let greeting = Arc::clone(&greeting);
        jobs.push(Box::new(move || println!("{greeting} from job {id}")));
    }
    run_on_worker(jobs);
}
