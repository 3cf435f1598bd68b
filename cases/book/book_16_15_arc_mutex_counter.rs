//! Sharing a Mutex between threads through Arc
//!
//! `Arc<T>` is the atomically reference-counted `Rc<T>`: `Arc::clone` gives each thread its own
//! owning handle, and the count is changed with atomic instructions; with `Mutex<i32>` being `Send`
//! and `Sync`, `Arc<Mutex<i32>>` is too. The `Arc` makes ownership shared; the `Mutex` makes the
//! increments exclusive. After joining all ten threads the program always prints `Result: 10`.
//!
//@ pass
//@ book: 16-15

use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let counter = Arc::new(Mutex::new(0));
    let mut handles = vec![];

    for _ in 0..10 {
        let counter = Arc::clone(&counter);
        let handle = thread::spawn(move || {
            let mut num = counter.lock().unwrap();

            *num += 1;
        });
        handles.push(handle);
    }

    for handle in handles {
        handle.join().unwrap();
    }

    println!("Result: {}", *counter.lock().unwrap());
}
