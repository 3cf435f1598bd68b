//! Moving a raw-pointer newtype whole so its `unsafe impl Send` applies
//!
//! Raw pointers are not `Send`, but a wrapper may promise it is when its author can show why:
//! here the pointer comes from `Box::into_raw`, so it is the only handle to the allocation, and
//! the one thread that receives it turns it back into a `Box`. Calling the method `into_box`
//! makes the closure capture the whole `SendPtr` (not just its `*mut` field), so the
//! `unsafe impl Send` applies.
//!
//@ pass

use std::thread;

struct SendPtr(*mut u64);

// SAFETY: the pointer comes from `Box::into_raw` and only the receiving thread uses it.
unsafe impl Send for SendPtr {}

impl SendPtr {
    /// # Safety
    /// The pointer must come from `Box::into_raw` and not have been freed.
    unsafe fn into_box(self) -> Box<u64> {
        unsafe { Box::from_raw(self.0) }
    }
}

fn main() {
    let job = SendPtr(Box::into_raw(Box::new(41)));
    let handle = thread::spawn(move || {
        let mut value = unsafe { job.into_box() };
        *value += 1;
        *value
    });
    assert_eq!(handle.join().unwrap(), 42);
}
