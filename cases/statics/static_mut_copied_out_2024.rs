//! Copying a `static mut` into a local before printing, in edition 2024
//!
//! `let now = COUNTER;` reads the `u32` by value: it is copied, and no reference to the
//! `static mut` is ever created, so the `static_mut_refs` lint has nothing to reject. Access is
//! still `unsafe`, and sound here only because one thread touches `COUNTER`. Where a pointer is
//! needed, `&raw const COUNTER` makes one without a reference; where threads are involved, a
//! `static AtomicU32` removes the `unsafe` altogether.
//!
//@ pass
//@ edition: 2024
//@ min-rust: 1.85

static mut COUNTER: u32 = 0;

fn bump() -> u32 {
    unsafe {
        COUNTER += 1;
        let now = COUNTER;
        println!("counter is now {now}");
        COUNTER
    }
}

fn main() {
    bump();
    assert_eq!(bump(), 2);
}
