//! A shared reference to a `static mut`
//!
//! `&VISITS` promises that the `u32` will not change while the reference lives, but any code, on
//! any thread, may write a `static mut` in the meantime: that is undefined behaviour, and across
//! threads a data race. rustc's `static_mut_refs` warns here in edition 2021 (and denies it in
//! edition 2024); it arrived in Rust 1.77. The fix makes the counter an `AtomicUsize`, with no
//! `unsafe` left.
//!
//@ lint: static_mut_refs
//@ fix: static_atomic_request_counter

static mut VISITS: u32 = 0;

fn visit() {
    unsafe {
        VISITS += 1;
    }
}

fn main() {
    visit();
    let seen: &u32 = unsafe { &VISITS };
    assert_eq!(*seen, 1);
}
