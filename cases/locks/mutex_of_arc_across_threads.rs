//! A `Mutex<Arc<_>>` shared across threads
//!
//! `Mutex<T>` is `Sync` when `T: Send`, and `Arc<str>` is `Send` (`str` is `Send + Sync` and the
//! count is updated atomically): a clone taken out of the lock can be dropped on any thread without
//! racing with the others. So the mutex is `Sync`, `Arc<Mutex<Vec<Arc<str>>>>` is `Send`, and
//! each spawned thread can push a name while `main` later clones one out.
//!
//@ pass

use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let names: Arc<Mutex<Vec<Arc<str>>>> = Arc::new(Mutex::new(Vec::new()));
    let handles: Vec<_> = ["ada", "grace", "linus"]
        .into_iter()
        .map(|name| {
            let names = Arc::clone(&names);
            thread::spawn(move || names.lock().unwrap().push(Arc::from(name)))
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    let first = names.lock().unwrap()[0].clone();
    println!("{first} is one of {} names", names.lock().unwrap().len());
}
