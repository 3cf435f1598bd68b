//! Bounding `T: Send` so a generic `Send` assertion holds
//!
//! With `impl<T: Send> Batch<T>`, the associated const `IS_SEND` is checked under the assumption
//! `T: Send`, and from that rustc derives `Vec<T>: Send` and so `Batch<T>: Send`. The assertion
//! now documents the real rule, *a batch is `Send` when its items are*, and it would fail to
//! compile if someone added a field such as an `Rc` that breaks it for every `T`.
//!
//@ pass

use std::thread;

fn assert_send<T: Send>() {}

struct Batch<T> {
    items: Vec<T>,
}

impl<T: Send> Batch<T> {
    const IS_SEND: fn() = assert_send::<Self>;

    fn new(items: Vec<T>) -> Self {
        Batch { items }
    }
}

fn main() {
    let batch = Batch::new(vec![String::from("a"), String::from("b")]);
    let worker = thread::spawn(move || batch.items.len());
    println!("processed {}", worker.join().unwrap());
}
