//! Declaring a `NonNull`-based owner `Send` with a sound `unsafe impl`
//!
//! A `Slot<T>` owns its heap value exclusively, exactly like `Box<T>`: no other pointer to the
//! value exists, and dropping the slot frees it. Moving the slot to another thread is therefore
//! the same as moving a `T`, which is safe when `T: Send`. The `unsafe impl` records that
//! promise; the `T: Send` bound keeps e.g. `Slot<Rc<_>>` from slipping through.
//!
//@ pass

use std::ptr::NonNull;
use std::thread;

struct Slot<T> {
    ptr: NonNull<T>,
}

// SAFETY: `Slot<T>` uniquely owns its `T`, so sending the slot only sends the `T`.
unsafe impl<T: Send> Send for Slot<T> {}

impl<T> Slot<T> {
    fn new(value: T) -> Self {
        Slot { ptr: NonNull::from(Box::leak(Box::new(value))) }
    }
    fn get_mut(&mut self) -> &mut T {
        unsafe { self.ptr.as_mut() }
    }
}

impl<T> Drop for Slot<T> {
    fn drop(&mut self) { unsafe { drop(Box::from_raw(self.ptr.as_ptr())) } }
}

fn main() {
    let mut slot = Slot::new(vec![1, 2]);
    let worker = thread::spawn(move || slot.get_mut().pop());
    assert_eq!(worker.join().unwrap(), Some(2));
}
