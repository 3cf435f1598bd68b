//! Sharing a `Mutex<Rc<_>>` across threads
//!
//! Wrapping a value in a `Mutex` does not make it thread-safe if the value can escape the lock:
//! an `Rc` cloned out of the mutex can be dropped later on any thread, outside the lock, and its
//! reference count is updated with plain, non-atomic arithmetic. So `Mutex<T>` is `Sync` only
//! when `T: Send`, and `Rc` is not `Send`. The fix stores `Arc<str>`, whose count is atomic, so
//! the mutex is `Sync` and `Arc<Mutex<_>>` can move into the threads.
//!
//@ fail: E0277
//@ fix: mutex_of_arc_across_threads

use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let names: Arc<Mutex<Vec<Rc<str>>>> = Arc::new(Mutex::new(Vec::new()));
    let handles: Vec<_> = ["ada", "grace", "linus"]
        .into_iter()
        .map(|name| {
            let names = Arc::clone(&names);
            thread::spawn(move || names.lock().unwrap().push(Rc::from(name)))
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    let first = names.lock().unwrap()[0].clone();
    println!("{first} is one of {} names", names.lock().unwrap().len());
}
