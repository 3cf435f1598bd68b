//! Sending a `Slot<Rc<str>>` past a conditional `Send` impl
//!
//! `unsafe impl<T: Send> Send for Slot<T>` makes a slot `Send` only when its contents are. Here
//! `T` is `Rc<str>`, so the bound fails and so does `thread::spawn`: the worker's `Rc` and the
//! clone kept by `main` share one non-atomic count that both threads could update. The bound did
//! its job; the fix stores an `Arc<str>`, and the same impl then applies.
//!
//@ fail: E0277
//@ fix: conditional_send_impl_for_slot

use std::ptr::NonNull;
use std::rc::Rc;
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
    let name: Rc<str> = Rc::from("payload");
    let slot = Slot::new(Rc::clone(&name));
    let worker = thread::spawn(move || slot.get().len());
    println!("{name} has {} bytes", worker.join().unwrap());
}
