//! Moving the data out through a `MutexGuard`
//!
//! A guard only lends access to the value inside the mutex: `*guard` is a place you may read or
//! write, not a value you own. Moving the `Vec` out with `*` would leave the mutex holding
//! nothing, for the next locker (or the mutex's own destructor) to find. The fix uses
//! `std::mem::take`, which swaps an empty `Vec` in, so the mutex always holds a valid value.
//!
//@ fail: E0507
//@ fix: mutex_guard_mem_take

use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let batch = Arc::new(Mutex::new(vec![1, 2]));
    let producer = {
        let batch = Arc::clone(&batch);
        thread::spawn(move || batch.lock().unwrap().push(3))
    };
    producer.join().unwrap();
    let items: Vec<i32> = *batch.lock().unwrap();
    println!("flushed {items:?}, {} left", batch.lock().unwrap().len());
}
