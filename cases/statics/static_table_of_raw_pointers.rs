//! Putting raw pointers in a `static` table
//!
//! A `static` is shared by every thread, so its type must be `Sync`. Raw pointers are neither
//! `Send` nor `Sync`: the compiler cannot know what they point to or who else writes there, so a
//! struct containing `*const u8` is not `Sync` either, even when, as here, every pointer targets
//! immutable `'static` bytes. The fix states that fact with `unsafe impl Sync`, taking on the
//! proof the compiler cannot do.
//!
//@ fail: E0277
//@ fix: static_table_of_raw_pointers_unsafe_sync

struct Name {
    ptr: *const u8, // as a C API would hand it over
    len: usize,
}

static NAMES: [Name; 2] = [
    Name { ptr: b"alpha".as_ptr(), len: 5 },
    Name { ptr: b"beta".as_ptr(), len: 4 },
];

fn name(i: usize) -> &'static str {
    let n = &NAMES[i];
    let bytes = unsafe { std::slice::from_raw_parts(n.ptr, n.len) };
    std::str::from_utf8(bytes).unwrap()
}

fn main() {
    let other = std::thread::spawn(|| name(1));
    println!("{} and {}", name(0), other.join().unwrap());
}
