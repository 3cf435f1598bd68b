//! Sending `&mut Cell` to a scoped thread
//!
//! `&mut T` is `Send` whenever `T` is `Send`, because an exclusive reference guarantees that
//! no other thread can touch the value while the borrow lasts. `Cell<u64>` is `Send` (moving a
//! cell to one thread is harmless), so `&mut Cell<u64>` may cross into the scoped thread even
//! though `&Cell<u64>` may not.
//!
//@ pass

use std::cell::Cell;
use std::thread;

fn main() {
    let mut bytes_read = Cell::new(0u64);
    let counter = &mut bytes_read;
    thread::scope(|s| {
        s.spawn(move || {
            for chunk in [512u64, 512, 100] {
                counter.set(counter.get() + chunk);
            }
        });
    });
    assert_eq!(*bytes_read.get_mut(), 1124);
}
