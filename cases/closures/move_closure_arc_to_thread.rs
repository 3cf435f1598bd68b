//! A `move` closure that captures an `Arc` can be spawned
//!
//! A closure is `Send` when all of its captures are `Send`. Here the worker closure owns an
//! `Arc<String>` and a `Vec<&str>`, both `Send`, so the closure is too and `thread::spawn`
//! accepts it. `Arc` keeps its reference count with atomic operations, so clones may be dropped
//! on any thread without corrupting it.
//!
//@ pass

use std::sync::Arc;
use std::thread;

fn main() {
    let prefix = Arc::new(String::from("[worker]"));
    let messages = vec!["started", "done"];
    let handle = thread::spawn(move || {
        for m in &messages {
            println!("{prefix} {m}");
        }
    });
    handle.join().unwrap();
}
