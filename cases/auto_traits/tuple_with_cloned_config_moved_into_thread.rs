//! Sending a tuple of owned, `Send` values to a thread
//!
//! Instead of sharing the `Rc`, the job tuple now carries a plain `Config` cloned out of it.
//! `u32` and `Config` (a struct of `u32`) are both `Send`, so `(u32, Config)` is `Send` and the
//! closure that owns it can be spawned. The `Rc` itself never leaves the main thread, which is
//! all `Rc` requires.
//!
//@ pass

use std::rc::Rc;
use std::thread;

#[derive(Clone)]
struct Config {
    retries: u32,
}

fn run((id, config): (u32, Config)) -> String {
    format!("job {id} with {} retries", config.retries)
}

fn main() {
    let config = Rc::new(Config { retries: 3 });
    let job = (7u32, Config::clone(&config));
    // `run(job)` uses the tuple as a whole, so the closure captures all of `job`.
    let worker = thread::spawn(move || run(job));
    println!("{}", worker.join().unwrap());
    println!("main still uses {} retries", config.retries);
}
