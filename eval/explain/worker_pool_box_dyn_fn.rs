//! A worker pool that sends `Box<dyn FnOnce()>` jobs to a worker thread.
//@ expect: box_dyn_job_sent_to_thread job_queue_rejects_rc_job
use std::sync::mpsc;
use std::thread;

type Job = Box<dyn FnOnce()>;

fn main() {
    let (tx, rx) = mpsc::channel::<Job>();
    let worker = thread::spawn(move || {
        for job in rx {
            job();
        }
    });
    tx.send(Box::new(|| println!("job 1"))).unwrap();
    drop(tx);
    worker.join().unwrap();
}
