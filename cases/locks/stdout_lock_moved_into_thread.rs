//! Moving an `io::stdout().lock()` guard into a spawned thread
//!
//! `io::stdout().lock()` returns a `StdoutLock`, which holds a `ReentrantLockGuard` on the
//! process-wide stdout lock until it is dropped. That lock records the thread that owns it, so
//! that the same thread may lock it again, and its guard is not `Send`: the lock must be released
//! by the thread that took it, as with `MutexGuard`. Moving the guard into `thread::spawn` is
//! therefore E0277. The fix moves nothing: the worker calls `io::stdout().lock()` itself.
//!
//@ fail: E0277
//@ fix: stdout_locked_inside_thread

use std::io::{self, Write};
use std::thread;

fn main() {
    let mut out = io::stdout().lock();
    let worker = thread::spawn(move || {
        for i in 0..3 {
            writeln!(out, "line {i}").unwrap();
        }
    });
    worker.join().unwrap();
}
