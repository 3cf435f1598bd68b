//! Wrapping an `Arc` instead of an `Rc` to keep a generic wrapper `Send`
//!
//! The wrappers themselves never changed: `Retry<T>` and `Tagged<T>` add only `Send` fields (`u8`
//! and `&'static str`), so they pass `Send` through from `T`. With `T = Arc<Vec<u8>>`, which is
//! `Send` because `Vec<u8>` is `Send + Sync`, the whole `Tagged<Retry<Arc<Vec<u8>>>>` is `Send`
//! and can move into the worker thread.
//!
//@ pass

use std::sync::Arc;
use std::thread;

struct Retry<T> {
    attempts: u8,
    job: T,
}

struct Tagged<T> {
    tag: &'static str,
    inner: T,
}

fn run(Tagged { tag, inner }: Tagged<Retry<Arc<Vec<u8>>>>) -> String {
    format!("{tag}: {} bytes, {} attempts", inner.job.len(), inner.attempts)
}

fn main() {
    let payload = Arc::new(vec![1u8, 2, 3]);
    let task = Tagged { tag: "upload", inner: Retry { attempts: 3, job: Arc::clone(&payload) } };
    // `run(task)` uses the task as a whole, so the closure captures all of `task`.
    let worker = thread::spawn(move || run(task));
    println!("{}", worker.join().unwrap());
}
