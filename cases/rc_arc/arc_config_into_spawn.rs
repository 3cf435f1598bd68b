//! Sharing read-only data with a thread through `Arc`
//!
//! `Arc<T>` (*atomically reference counted*) is the thread-safe `Rc`: cloning and dropping it
//! adjust the count with atomic instructions, so clones may live on different threads. `Arc<T>` is
//! `Send` and `Sync` when `T` is both `Send` and `Sync`, which a `Vec<String>` is. The worker
//! owns its clone, meeting the `'static` bound, and the vector is freed when the last clone drops.
//!
//@ pass

use std::sync::Arc;
use std::thread;

fn main() {
    let args = Arc::new(vec!["--verbose".to_string(), "--jobs=4".to_string()]);
    let for_worker = Arc::clone(&args);
    let handle = thread::spawn(move || for_worker.iter().filter(|a| a.starts_with("--")).count());
    assert_eq!(handle.join().unwrap(), args.len());
}
