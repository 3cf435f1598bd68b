//! `unsafe impl Send` for a type that owns its memory through a raw pointer
//!
//! Raw pointers are neither `Send` nor `Sync`, so a struct holding one loses both auto traits:
//! the compiler cannot tell whether the pointer owns its target or aliases memory another thread
//! uses. `PixelBuffer` is the sole owner of an allocation it frees in `drop`, exactly like a
//! `Box<[u32]>`, so moving it to another thread is sound. Because `Send` is an `unsafe trait`,
//! that claim is written as `unsafe impl`, with a `SAFETY` comment for reviewers.
//!
//@ pass

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
unsafe impl Send for PixelBuffer {}

fn main() {
    let mut buffer = PixelBuffer { pixels: Box::into_raw(vec![0u32; 4].into_boxed_slice()) };
    let worker = thread::spawn(move || buffer.fill(7));
    println!("sum of pixels = {}", worker.join().unwrap());
}
