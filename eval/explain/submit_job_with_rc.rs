//! Submitting a job that owns an `Rc` to a pool whose `submit` needs `Send + 'static`.
//@ expect: job_queue_rejects_rc_job
use std::rc::Rc;

struct Pool {
    jobs: Vec<Box<dyn FnOnce() + Send + 'static>>,
}

impl Pool {
    fn submit<F: FnOnce() + Send + 'static>(&mut self, job: F) {
        self.jobs.push(Box::new(job));
    }
}

fn main() {
    let mut pool = Pool { jobs: Vec::new() };
    let name = Rc::new(String::from("report"));
    pool.submit(move || println!("building {name}"));
    println!("{} jobs", pool.jobs.len());
}
