//! Queueing a job closure that borrows loop locals
//!
//! Without `move`, a closure captures what it uses by reference: these jobs borrow `greeting` and
//! `id`, which die at the end of each loop iteration. The queue demands `'static` jobs because
//! they run later on another thread, by which time those borrows would dangle, so rustc reports
//! that the locals do not live long enough. Adding `move` makes each closure own its `Arc` clone
//! and its copy of `id`, which satisfies `'static`.
//!
//@ fail: E0597
//@ fix: job_queue_fnonce_send_static

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
        jobs.push(Box::new(|| println!("{greeting} from job {id}")));
    }
    run_on_worker(jobs);
}
