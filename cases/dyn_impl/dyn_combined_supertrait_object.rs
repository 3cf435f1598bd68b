//! One trait object through a combined supertrait
//!
//! `LabeledJob` has `Job` and `Describe` as supertraits, so its single vtable contains the
//! methods of both, and the blanket impl makes every type that implements the two traits a
//! `LabeledJob` automatically. `Box<dyn LabeledJob + Send>` is then a legal object type: one
//! ordinary trait plus the auto trait `Send`, which lets the jobs move to the worker thread.
//!
//@ pass

use std::thread;

trait Job {
    fn run(&self) -> u32;
}
trait Describe {
    fn label(&self) -> String;
}

trait LabeledJob: Job + Describe {}
impl<T: Job + Describe> LabeledJob for T {}

struct Square(u32);
impl Job for Square {
    fn run(&self) -> u32 {
        self.0 * self.0
    }
}
impl Describe for Square {
    fn label(&self) -> String {
        format!("square of {}", self.0)
    }
}

fn main() {
    let jobs: Vec<Box<dyn LabeledJob + Send>> = vec![Box::new(Square(3)), Box::new(Square(5))];
    let worker = thread::spawn(move || {
        jobs.iter().map(|j| format!("{}: {}", j.label(), j.run())).collect::<Vec<_>>()
    });
    println!("{:?}", worker.join().unwrap());
}
