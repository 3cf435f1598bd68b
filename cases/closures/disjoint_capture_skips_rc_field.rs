//! Capturing only the `Send` field of a struct that holds an `Rc`
//!
//! Since edition 2021 a closure captures the places it uses, not whole variables: `move || job.id`
//! moves just the `u32` field `job.id` into the closure. The closure's auto traits come from what
//! it captures, so it is `Send` although `Job` is not `Send` itself (it holds an `Rc`). The `Rc`
//! stays behind in `main`, which can still use `job.owner` after the spawn. In edition 2018 the
//! same closure captures all of `job` and `thread::spawn` rejects it with E0277.
//!
//@ pass

use std::rc::Rc;
use std::thread;

struct Job {
    id: u32,
    owner: Rc<String>,
}

fn main() {
    let job = Job {
        id: 7,
        owner: Rc::new("ops".to_string()),
    };
    let worker = thread::spawn(move || job.id * 100);
    assert_eq!(worker.join().unwrap(), 700);
    assert_eq!(job.owner.as_str(), "ops");
}
