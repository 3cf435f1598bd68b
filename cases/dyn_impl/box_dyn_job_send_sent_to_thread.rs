//! Writing `Box<dyn Job + Send>` to send jobs to a thread
//!
//! Adding the auto trait `Send` to the object type records that whatever sits behind each box is
//! `Send`. The promise is checked when a concrete value is coerced into the box (`Resize` holds
//! only a `u32`, so it qualifies), and afterwards `Box<dyn Job + Send>` is itself `Send`. The
//! vector of jobs can therefore move into the worker thread.
//!
//@ pass

use std::thread;

trait Job {
    fn run(&self) -> String;
}

struct Resize {
    width: u32,
}

impl Job for Resize {
    fn run(&self) -> String {
        format!("resized to {}px", self.width)
    }
}

fn main() {
    let jobs: Vec<Box<dyn Job + Send>> =
        vec![Box::new(Resize { width: 640 }), Box::new(Resize { width: 320 })];
    let worker = thread::spawn(move || {
        for job in &jobs {
            println!("{}", job.run());
        }
    });
    worker.join().unwrap();
}
