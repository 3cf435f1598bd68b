//! A lookup table in a `static LazyLock`
//!
//! `LazyLock` is the thread-safe `LazyCell`: the first thread to dereference it runs the closure,
//! and any thread arriving meanwhile blocks until the value is stored. After that, reads are
//! plain shared access to an immutable `Vec<u64>`, which is `Sync`. So the `static` compiles and
//! the worker and `main` can both index the table whichever touches it first.
//!
//@ pass
//@ min-rust: 1.80

use std::sync::LazyLock;
use std::thread;

static SQUARES: LazyLock<Vec<u64>> = LazyLock::new(|| (0..16).map(|n| n * n).collect());

fn main() {
    let worker = thread::spawn(|| SQUARES[3]);
    assert_eq!(worker.join().unwrap() + SQUARES[4], 25);
}
