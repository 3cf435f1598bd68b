//! Collecting `env::args()` into a `Vec<String>` before spawning
//!
//! `std::env::Args` is not `Send`, but what it yields is plain `String`s. Collecting them on the
//! main thread produces a `Vec<String>`, which is `Send` because `String` is, so the worker
//! closure that owns it satisfies `thread::spawn`. Converting a thread-bound iterator into owned
//! data before the thread boundary is a general pattern.
//!
//@ pass

use std::env;
use std::thread;

fn main() {
    let args: Vec<String> = env::args().collect();
    let parser = thread::spawn(move || {
        let flags: Vec<String> = args
            .into_iter()
            .skip(1)
            .filter(|a| a.starts_with("--"))
            .collect();
        flags.len()
    });
    println!("{} flag(s)", parser.join().unwrap());
}
