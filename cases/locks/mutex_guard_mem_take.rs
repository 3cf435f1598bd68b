//! Taking the data out of a mutex with `mem::take`
//!
//! `std::mem::take(&mut *guard)` needs only a mutable borrow through the guard: it returns the
//! `Vec` and leaves `Vec::new()` behind, so the mutex never holds a moved-out value. This is the
//! usual way to drain a shared buffer; `mem::replace` does the same with a value of your choice.
//!
//@ pass

use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let batch = Arc::new(Mutex::new(vec![1, 2]));
    let producer = {
        let batch = Arc::clone(&batch);
        thread::spawn(move || batch.lock().unwrap().push(3))
    };
    producer.join().unwrap();
    let items: Vec<i32> = std::mem::take(&mut *batch.lock().unwrap());
    println!("flushed {items:?}, {} left", batch.lock().unwrap().len());
}
