//! Printing a `static mut` in edition 2024
//!
//! Any code can write a `static mut`, so a reference to it could see the value change under it,
//! which is undefined behaviour even on one thread; with several threads it is a data race.
//! `println!` takes its arguments by reference, so `println!("{COUNTER}")` creates `&COUNTER`. In
//! edition 2024 the `static_mut_refs` lint is deny-by-default, so this is an error (an earlier
//! edition only warns). The fix is a `static AtomicU32`, with no `static mut` or `unsafe` left; a
//! second fix keeps the `static mut` and copies the value into a local before printing it.
//!
//@ fail: -
//@ fix: static_atomic_counter_2024 static_mut_copied_out_2024
//@ edition: 2024
//@ min-rust: 1.85

static mut COUNTER: u32 = 0;

fn bump() -> u32 {
    unsafe {
        COUNTER += 1;
        println!("counter is now {COUNTER}");
        COUNTER
    }
}

fn main() {
    bump();
    assert_eq!(bump(), 2);
}
