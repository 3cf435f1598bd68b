//! Storing an `Arc<str>` in a slot whose `Send` impl asks `T: Send`
//!
//! `Slot<T>` owns its heap `T` through a `NonNull<T>` exclusively, like `Box<T>`, and
//! `NonNull<T>` is never `Send`, so the impl is written by hand. Sending a `Slot` really sends its
//! `T`, so the promise is only true when `T: Send`, and the bound says exactly that (as std's
//! bound on `Unique<T>`, the pointer in `Box<T>`, does). `Arc<str>` is `Send`, so this slot may
//! move to the worker while `main` keeps a clone.
//!
//@ pass

use std::ptr::NonNull;
use std::sync::Arc;
use std::thread;

struct Slot<T>(NonNull<T>);

impl<T> Slot<T> {
    fn new(value: T) -> Self {
        Slot(NonNull::from(Box::leak(Box::new(value))))
    }
    fn get(&self) -> &T {
        unsafe { self.0.as_ref() } // SAFETY: the allocation lives as long as the slot.
    }
}

impl<T> Drop for Slot<T> {
    fn drop(&mut self) {
        unsafe { drop(Box::from_raw(self.0.as_ptr())) } // SAFETY: freed only here.
    }
}

// SAFETY: a `Slot<T>` uniquely owns its `T`, so it is exactly as sendable as that `T`.
unsafe impl<T: Send> Send for Slot<T> {}

fn main() {
    let name: Arc<str> = Arc::from("payload");
    let slot = Slot::new(Arc::clone(&name));
    let worker = thread::spawn(move || slot.get().len());
    println!("{name} has {} bytes", worker.join().unwrap());
}
