//! Reading a buffer once its `PhantomData<&'a mut T>` cursor is gone
//!
//! `Cursor<'a>` holds `PhantomData<&'a mut [u8]>`, so the borrow checker treats it as a `&mut`
//! borrow of `buf` for as long as the cursor lives. The cursor moves into a scoped thread, and
//! `thread::scope` joins that thread before returning, so the exclusive borrow ends with the scope.
//! Reading `buf[0]` afterwards cannot race with the writer, and it compiles.
//!
//@ pass

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
    });
    println!("first byte: {:#x}", buf[0]);
}
