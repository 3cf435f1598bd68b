//! Letting a returned `impl Iterator` own a `String` so it can be sent
//!
//! The iterator returned by `labels` is a `Map` over a range holding a closure that owns a
//! `String`. Every piece of that hidden type is `Send`, and since auto traits leak through
//! `impl Trait`, the caller may move the iterator into a spawned thread and consume it there.
//!
//@ pass

use std::thread;

fn labels(prefix: &str, count: u32) -> impl Iterator<Item = String> {
    let prefix = prefix.to_string();
    (0..count).map(move |i| format!("{prefix}-{i}"))
}

fn main() {
    let names = labels("node", 3);
    let worker = thread::spawn(move || names.collect::<Vec<_>>());
    println!("{:?}", worker.join().unwrap());
}
