//! Moving one Mutex into ten threads
//!
//! The `move` closure takes ownership of `counter` in the first loop iteration, so the second
//! iteration, and the final `println!`, use a value that has already been moved (E0382). A
//! `Mutex` makes access safe, but it still has exactly one owner; giving ten threads a handle to it
//! needs shared ownership. Listing 16-14 tries `Rc` and Listing 16-15, the fix, uses `Arc`.
//!
//@ fail: E0382
//@ fix: book_16_15_arc_mutex_counter
//@ book: 16-13

use std::sync::Mutex;
use std::thread;

fn main() {
    let counter = Mutex::new(0);
    let mut handles = vec![];

    for _ in 0..10 {
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
