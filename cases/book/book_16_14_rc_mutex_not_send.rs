//! Sharing a Mutex between threads through Rc
//!
//! `Rc` updates its reference count with plain, non-atomic arithmetic, so two threads cloning or
//! dropping `Rc`s at once could corrupt the count and free the mutex while it is still in use, or
//! never. `Rc<T>` therefore does not implement `Send`, and `thread::spawn` rejects a closure that
//! captures one (E0277). The fix, Listing 16-15, swaps in `Arc`, whose count is atomic.
//!
//@ fail: E0277
//@ fix: book_16_15_arc_mutex_counter
//@ book: 16-14

use std::rc::Rc;
use std::sync::Mutex;
use std::thread;

fn main() {
    let counter = Rc::new(Mutex::new(0));
    let mut handles = vec![];

    for _ in 0..10 {
        let counter = Rc::clone(&counter);
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
