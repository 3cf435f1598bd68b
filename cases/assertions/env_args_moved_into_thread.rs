//! Moving `std::env::Args` into another thread
//!
//! The iterator returned by `env::args()` is neither `Send` nor `Sync`: std opts it out with
//! explicit negative impls (`impl !Send for Args {}`, the unstable `negative_impls` feature, which
//! any crate may enable on nightly), keeping the freedom to back it with one thread's state.
//! Handing the iterator itself to a worker therefore fails the `Send` bound of `thread::spawn`.
//! The fix collects the arguments into a `Vec<String>` first; owned strings are `Send`.
//!
//@ fail: E0277
//@ fix: env_args_collected_before_thread

use std::env;
use std::thread;

fn main() {
    let args = env::args();
    let parser = thread::spawn(move || {
        let flags: Vec<String> = args.skip(1).filter(|a| a.starts_with("--")).collect();
        flags.len()
    });
    println!("{} flag(s)", parser.join().unwrap());
}
