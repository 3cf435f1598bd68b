//! Locking stdout once, then giving the lock to a printer thread.
//@ expect: stdout_lock_moved_into_thread mutex_guard_moved_to_thread
use std::io::{self, Write};
use std::thread;

fn main() {
    let mut out = io::stdout().lock();
    let printer = thread::spawn(move || {
        writeln!(out, "printing").unwrap();
    });
    printer.join().unwrap();
}
