//! Locking `io::stdout()` inside the thread that writes
//!
//! `io::stdout()` returns a `Stdout` handle, which is `Send` and `Sync`, so any thread may call it.
//! Taking the `StdoutLock` inside the worker keeps the guard on the thread that acquired it, and
//! that thread releases the lock when `out` is dropped at the end of the closure.
//!
//@ pass

use std::io::{self, Write};
use std::thread;

fn main() {
    let worker = thread::spawn(|| {
        let mut out = io::stdout().lock();
        for i in 0..3 {
            writeln!(out, "line {i}").unwrap();
        }
    });
    worker.join().unwrap();
}
