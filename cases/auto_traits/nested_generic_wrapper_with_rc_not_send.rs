//! Moving a generic wrapper around an `Rc` into a thread
//!
//! For a generic struct the compiler derives `Send` per instantiation: `Tagged<T>` is `Send`
//! exactly when `T` is, and the same holds for `Retry<T>` inside it. `Tagged<Retry<Rc<Vec<u8>>>>`
//! is therefore not `Send`, and rustc's E0277 notes walk the chain outward: the `Rc` is
//! "required because it appears within the type" `Retry<..>`, then `Tagged<..>`, then the
//! closure. The fix changes only the innermost argument, to `Arc<Vec<u8>>`.
//!
//@ fail: E0277
//@ fix: nested_generic_wrapper_with_arc_send

use std::rc::Rc;
use std::thread;

struct Retry<T> {
    attempts: u8,
    job: T,
}

struct Tagged<T> {
    tag: &'static str,
    inner: T,
}

fn run(Tagged { tag, inner }: Tagged<Retry<Rc<Vec<u8>>>>) -> String {
    format!("{tag}: {} bytes, {} attempts", inner.job.len(), inner.attempts)
}

fn main() {
    let payload = Rc::new(vec![1u8, 2, 3]);
    let task = Tagged { tag: "upload", inner: Retry { attempts: 3, job: Rc::clone(&payload) } };
    // `run(task)` uses the task as a whole, so the closure captures all of `task`.
    let worker = thread::spawn(move || run(task));
    println!("{}", worker.join().unwrap());
}
