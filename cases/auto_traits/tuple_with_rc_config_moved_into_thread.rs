//! Moving a tuple containing an `Rc` into a thread
//!
//! Tuples get auto traits the same way structs do: `(A, B)` is `Send` only if both `A` and `B`
//! are. The job tuple pairs a `u32` with an `Rc<Config>`, so moving it into `thread::spawn` fails
//! with E0277, the note pointing at the `Rc` "within the type `(u32, Rc<Config>)`". The fix
//! restructures what crosses the boundary: the worker gets its own `Config` clone, while the
//! main thread keeps sharing its `Rc` locally.
//!
//@ fail: E0277
//@ fix: tuple_with_cloned_config_moved_into_thread

use std::rc::Rc;
use std::thread;

#[derive(Clone)]
struct Config {
    retries: u32,
}

fn run((id, config): (u32, Rc<Config>)) -> String {
    format!("job {id} with {} retries", config.retries)
}

fn main() {
    let config = Rc::new(Config { retries: 3 });
    let job = (7u32, Rc::clone(&config));
    // `run(job)` uses the tuple as a whole, so the closure captures all of `job`.
    let worker = thread::spawn(move || run(job));
    println!("{}", worker.join().unwrap());
    println!("main still uses {} retries", config.retries);
}
