//! Capturing only the raw-pointer field of a `Send` wrapper in a closure
//!
//! `SendPtr` wraps a raw pointer and promises, via `unsafe impl Send`, that moving it to
//! one thread is fine. But since edition 2021 a closure captures only the places it uses: writing
//! `job.0` captures the bare `*mut u64` field, not the `SendPtr`, so the closure is not `Send`
//! and rustc reports E0277. The fix reads the pointer through a method, which makes the closure
//! capture the whole wrapper.
//!
//@ fail: E0277
//@ fix: send_ptr_newtype_moved_whole

use std::thread;

struct SendPtr(*mut u64);

// SAFETY: the pointer comes from `Box::into_raw` and only the receiving thread uses it.
unsafe impl Send for SendPtr {}

fn main() {
    let job = SendPtr(Box::into_raw(Box::new(41)));
    let handle = thread::spawn(move || {
        let mut value = unsafe { Box::from_raw(job.0) };
        *value += 1;
        *value
    });
    assert_eq!(handle.join().unwrap(), 42);
}
