//! Reading a buffer while a `PhantomData<&mut>` cursor still borrows it
//!
//! `Cursor` writes through raw pointers, which are neither `Send` nor borrow-checked. The marker
//! `PhantomData<&'a mut [u8]>` ties the cursor to the buffer's lifetime, so the borrow checker
//! treats it as a `&mut` borrow of the buffer; `Send` comes only from the `unsafe impl Send`,
//! which is sound because the cursor acts like a `&mut [u8]`, and that is `Send`. Reading
//! `buf` while the cursor is alive on another thread would be a data race, so rustc reports the
//! conflicting borrow. The fix reads `buf` after the scope has joined the writer.
//!
//@ fail: E0502
//@ fix: mut_ref_marker_cursor_buffer_read_after_scope

use std::marker::PhantomData;
use std::thread;

struct Cursor<'a> { pos: *mut u8, end: *mut u8, _buf: PhantomData<&'a mut [u8]> }

// SAFETY: a `Cursor` is an exclusive borrow of `[u8]`, just like `&mut [u8]`, which is `Send`.
unsafe impl Send for Cursor<'_> {}

impl<'a> Cursor<'a> {
    fn new(buf: &'a mut [u8]) -> Self {
        let r = buf.as_mut_ptr_range();
        Cursor { pos: r.start, end: r.end, _buf: PhantomData }
    }
    fn put(&mut self, byte: u8) {
        assert!(self.pos < self.end, "buffer full");
        unsafe { self.pos.write(byte); self.pos = self.pos.add(1) }
    }
}

fn main() {
    let mut buf = [0u8; 4];
    let mut cur = Cursor::new(&mut buf);
    thread::scope(|s| {
        s.spawn(move || { cur.put(0xAB); cur.put(0xCD) });
        println!("first byte: {:#x}", buf[0]);
    });
}
