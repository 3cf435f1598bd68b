//! Wrapping a `Mutex` in `Rc` to share a counter between threads
//!
//! The `Mutex` makes access to the counter safe, but it cannot protect the `Rc` around it: every
//! `Rc::clone` and drop still changes the non-atomic owner count from several threads. So
//! `Rc<Mutex<u32>>` is not `Send`, even though `Mutex<u32>` is `Send + Sync`. The fix uses
//! `Arc<Mutex<u32>>`, where both the sharing (`Arc`) and the mutation (`Mutex`) are thread-safe.
//!
//@ fail: E0277
//@ fix: arc_mutex_counter_cloned_per_thread

use std::rc::Rc;
use std::sync::Mutex;
use std::thread;

fn main() {
    let hits = Rc::new(Mutex::new(0u32));
    let mut handles = Vec::new();
    for _ in 0..4 {
        let hits = Rc::clone(&hits);
        handles.push(thread::spawn(move || *hits.lock().unwrap() += 1));
    }
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(*hits.lock().unwrap(), 4);
}
