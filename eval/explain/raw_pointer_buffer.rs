//! A hand-made byte buffer holding a `*mut u8`, handed to a writer thread.
//@ expect: raw_mut_ptr_moved_into_spawn nonnull_owner_not_send
use std::thread;

struct Buffer {
    ptr: *mut u8,
    len: usize,
}

fn main() {
    let mut storage = vec![0u8; 16].into_boxed_slice();
    let buf = Buffer { ptr: storage.as_mut_ptr(), len: storage.len() };
    let writer = thread::spawn(move || {
        let b = buf;
        println!("writing {} bytes at {:?}", b.len, b.ptr);
    });
    writer.join().unwrap();
}
