//! Implementing `Send` without the `unsafe` keyword
//!
//! `Send` is an `unsafe trait`: a hand-written impl asserts a thread-safety fact the compiler
//! cannot check, and a wrong claim lets safe code cause data races. Such impls must therefore be
//! spelled `unsafe impl`, marking the spot a reviewer has to audit. The fix adds `unsafe`; the
//! claim is sound because `PixelBuffer` solely owns its allocation, like a `Box<[u32]>`.
//!
//@ fail: E0200
//@ fix: pixel_buffer_unsafe_impl_send

use std::thread;

struct PixelBuffer {
    pixels: *mut [u32],
}

impl PixelBuffer {
    fn fill(&mut self, color: u32) -> u32 {
        // SAFETY: `pixels` is a live `Box` allocation that only this struct can reach.
        let pixels = unsafe { &mut *self.pixels };
        pixels.fill(color);
        pixels.iter().sum()
    }
}

impl Drop for PixelBuffer {
    fn drop(&mut self) {
        // SAFETY: `pixels` came from `Box::into_raw` and is freed exactly once, here.
        unsafe { drop(Box::from_raw(self.pixels)) }
    }
}

// SAFETY: the buffer exclusively owns its allocation, so it can move like a `Box<[u32]>`.
impl Send for PixelBuffer {}

fn main() {
    let mut buffer = PixelBuffer { pixels: Box::into_raw(vec![0u32; 4].into_boxed_slice()) };
    let worker = thread::spawn(move || buffer.fill(7));
    println!("sum of pixels = {}", worker.join().unwrap());
}
