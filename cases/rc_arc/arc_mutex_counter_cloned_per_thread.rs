//! Cloning an `Arc<Mutex<_>>` once per spawned thread
//!
//! Each thread needs its own owning handle, because `thread::spawn` takes a `'static` closure
//! and cannot borrow `hits` from `main`. Cloning the `Arc` inside the loop (shadowing the name)
//! gives every closure a handle to move in, while all handles point at one `Mutex`. `Arc` makes
//! the shared ownership thread-safe and `Mutex` makes the increments thread-safe.
//!
//@ pass

use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let hits = Arc::new(Mutex::new(0u32));
    let mut handles = Vec::new();
    for _ in 0..4 {
        let hits = Arc::clone(&hits);
        handles.push(thread::spawn(move || *hits.lock().unwrap() += 1));
    }
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(*hits.lock().unwrap(), 4);
}
