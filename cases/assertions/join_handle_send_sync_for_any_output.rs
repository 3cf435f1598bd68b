//! `JoinHandle<T>` is `Send` and `Sync` even when `T` is not
//!
//! Std implements `Send` and `Sync` for `JoinHandle<T>` with no bound on `T`, so the assertion on
//! `JoinHandle<Rc<u8>>` holds. The thread-safety of `T` is checked where it matters instead:
//! `thread::spawn` requires the closure's result to be `Send`, because that is where the value
//! crosses threads. Through `&JoinHandle` you reach `thread()` and `is_finished()` but never the
//! `T`, so sharing a handle is harmless, and moving it lets another thread do the `join`.
//!
//@ pass

use std::rc::Rc;
use std::thread::{self, JoinHandle};

const _: fn() = || {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<JoinHandle<Rc<u8>>>();
};

fn main() {
    let worker = thread::spawn(|| (1..=10u64).sum::<u64>());
    let reaper = thread::spawn(move || worker.join().unwrap());
    println!("sum {}", reaper.join().unwrap());
}
