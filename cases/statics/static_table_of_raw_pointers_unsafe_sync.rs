//! A `static` table of raw pointers made `Sync` by hand
//!
//! `unsafe impl Sync for Name {}` promises that sharing `&Name` between threads is sound. Here it
//! is: each pointer targets a byte-string literal, which is immutable and lives for the whole
//! program, and nothing in the program writes through the pointers. The pointer's type would not
//! stop a write: `ptr.cast_mut()` turns a `*const u8` into a `*mut u8`, so the promise rests on
//! what the code does, not on `const`. With that promise the table may be a `static` read from
//! any thread. Writing the `SAFETY:` comment is part of the fix: if a field ever pointed to
//! mutable or freed memory, or some code wrote through one, the promise would be false and the
//! program unsound.
//!
//@ pass

struct Name {
    ptr: *const u8, // as a C API would hand it over
    len: usize,
}

// SAFETY: every `ptr` points to `len` immutable bytes that live for the whole program.
unsafe impl Sync for Name {}

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
