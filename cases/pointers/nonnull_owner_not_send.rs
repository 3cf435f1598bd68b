//! Moving a hand-rolled `NonNull` owner into a thread without a `Send` impl
//!
//! `NonNull<T>` is a raw pointer in disguise: like `*mut T` it is neither `Send` nor `Sync`, so
//! every struct containing one loses both auto traits. The compiler cannot see that `Slot`
//! uniquely owns its value the way `Box` does, so moving a `Slot` into a thread fails with
//! E0277, noting that the pointer "appears within the type `Slot<Vec<i32>>`". The fix states
//! the ownership argument as `unsafe impl<T: Send> Send for Slot<T>`.
//!
//@ fail: E0277
//@ fix: nonnull_owner_unsafe_impl_send

use std::ptr::NonNull;
use std::thread;

struct Slot<T> {
    ptr: NonNull<T>,
}

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
