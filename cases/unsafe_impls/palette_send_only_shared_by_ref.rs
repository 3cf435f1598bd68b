//! Sharing `&T` of a type that has only an `unsafe impl Send`
//!
//! `Send` (may move to another thread) and `Sync` (may be used through `&T` from several threads
//! at once) are separate promises. `Palette` vouches only for `Send`, and its raw pointer removes
//! the automatic `Sync`, so the scoped threads cannot share `&Palette`. The fix adds
//! `unsafe impl Sync`, which is sound here because the table is never written after `new`.
//!
//@ fail: E0277
//@ fix: palette_unsafe_impl_sync_immutable

use std::thread;

struct Palette(*const [u32]);

impl Palette {
    fn new(colors: Vec<u32>) -> Self {
        Palette(Box::into_raw(colors.into_boxed_slice()))
    }
    fn lookup(&self, i: usize) -> u32 {
        unsafe { (*self.0)[i] } // SAFETY: live allocation, never written after `new`.
    }
}

impl Drop for Palette {
    fn drop(&mut self) {
        unsafe { drop(Box::from_raw(self.0 as *mut [u32])) } // SAFETY: freed only here.
    }
}

// SAFETY: `Palette` owns its table, so it may move to another thread.
unsafe impl Send for Palette {}

fn main() {
    let palette = &Palette::new(vec![0xff0000, 0x00ff00, 0x0000ff]);
    thread::scope(|s| {
        for i in 0..3 {
            s.spawn(move || println!("{:06x}", palette.lookup(i)));
        }
    });
}
