//! Moving a hand-rolled `NonNull` owner into a thread without a `Send` impl
//!
//! `NonNull<T>` is a raw pointer in disguise: `NonNull<T>` is neither `Send` nor `Sync`, like
//! `*mut T`, so every struct containing one loses both auto traits. The compiler cannot see that
//! `Slot` uniquely owns its value the way `Box` does, so moving a `Slot` into a thread fails with
//! E0277, noting that the pointer "appears within the type `Slot<Arc<str>>`". The fix states the
//! ownership argument as `unsafe impl<T: Send> Send for Slot<T>`.
//!
//@ fail: E0277
//@ fix: conditional_send_impl_for_slot

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

fn main() {
    let name: Arc<str> = Arc::from("payload");
    let slot = Slot::new(Arc::clone(&name));
    let worker = thread::spawn(move || slot.get().len());
    println!("{name} has {} bytes", worker.join().unwrap());
}
