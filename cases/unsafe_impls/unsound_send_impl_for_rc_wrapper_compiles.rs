//! A wrong `unsafe impl Send` on an `Rc` wrapper still compiles
//!
//! rustc takes an `unsafe impl` on trust: it checks that the impl is allowed, never that the
//! claim is true. `Tally` wraps an `Rc`, and its `Send` impl is false in general: safe code can
//! keep `Tally::share` clones on this thread, send the `Tally`, and both threads would then update
//! one non-atomic count at once, which is undefined behaviour. That makes the impl unsound even
//! though this particular run is fine (no clone exists, so no count is shared). Soundness is
//! about every use safe code could make, so the correct type here is `Arc`, needing no impl.
//!
//@ pass

use std::rc::Rc;
use std::thread;

struct Tally(Rc<Vec<u32>>);

impl Tally {
    fn share(&self) -> Rc<Vec<u32>> {
        Rc::clone(&self.0)
    }
    fn total(&self) -> u32 {
        self.0.iter().sum()
    }
}

// UNSOUND: nothing stops a caller keeping a `share()` clone on this thread. Do not copy this.
unsafe impl Send for Tally {}

fn main() {
    let tally = Tally(Rc::new(vec![1, 2, 3]));
    let worker = thread::spawn(move || tally.total());
    println!("sum = {}", worker.join().unwrap());
}
