//! Combining two ordinary traits in one trait object
//!
//! The language allows a trait object only one non-auto trait (with its supertraits), whose
//! vtable a pointer to the `dyn` value carries beside the data pointer. Auto traits such as `Send`
//! and `Sync` add no methods and may be appended, but `dyn Job + Describe` names two non-auto
//! traits and is rejected with E0225. The fix declares `trait LabeledJob: Job + Describe` with a
//! blanket impl, so one vtable carries both sets of methods and `Send` can still be added on top.
//!
//@ fail: E0225
//@ fix: dyn_combined_supertrait_object

use std::thread;

trait Job {
    fn run(&self) -> u32;
}
trait Describe {
    fn label(&self) -> String;
}

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
    let jobs: Vec<Box<dyn Job + Describe + Send>> = vec![Box::new(Square(3)), Box::new(Square(5))];
    let worker = thread::spawn(move || {
        jobs.iter().map(|j| format!("{}: {}", j.label(), j.run())).collect::<Vec<_>>()
    });
    println!("{:?}", worker.join().unwrap());
}
