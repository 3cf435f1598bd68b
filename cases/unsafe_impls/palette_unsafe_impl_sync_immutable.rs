//! `unsafe impl Sync` for a raw-pointer type that is never mutated
//!
//! Each scoped thread gets a copy of `&Palette`, and `&T` is `Send` only when `T: Sync`. The raw
//! pointer removes the automatic `Sync`, but the claim holds: the table is written once in `new`
//! and only read afterwards, and concurrent reads of unchanging memory cannot race. The `Sync`
//! impl stays sound only while no method mutates through `&self`.
//!
//@ pass

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

// SAFETY: `Palette` owns its table (so it may move) and `&Palette` only ever reads it.
unsafe impl Send for Palette {}
unsafe impl Sync for Palette {}

fn main() {
    let palette = &Palette::new(vec![0xff0000, 0x00ff00, 0x0000ff]);
    thread::scope(|s| {
        for i in 0..3 {
            s.spawn(move || println!("{:06x}", palette.lookup(i)));
        }
    });
}
