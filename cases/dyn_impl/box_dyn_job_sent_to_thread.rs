//! Sending a `Box<dyn Job>` to a thread
//!
//! A trait object hides its concrete type, so the compiler only knows what the object type says:
//! the traits written in it and their supertraits. `dyn Job` says nothing about `Send` (`Job` has
//! no `Send` supertrait), and any type implementing `Job`, including
//! one holding an `Rc` or a `Cell`, could be behind the box, so `Box<dyn Job>` is not `Send` and
//! `thread::spawn` rejects a closure that owns a vector of them. The fix writes
//! `Box<dyn Job + Send>`: every job is then checked for `Send` when it is boxed.
//!
//@ fail: E0277
//@ fix: box_dyn_job_send_sent_to_thread

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
    let jobs: Vec<Box<dyn Job>> =
        vec![Box::new(Resize { width: 640 }), Box::new(Resize { width: 320 })];
    let worker = thread::spawn(move || {
        for job in &jobs {
            println!("{}", job.run());
        }
    });
    worker.join().unwrap();
}
