//! Sharing a `Cell`-marked scratch buffer by reference between threads
//!
//! `PhantomData<Cell<()>>` makes a type `Send` but not `Sync`, because `Cell<()>` is `Send` but not
//! `Sync`. That says *one thread at a time may own this, but two threads may not touch it through
//! `&`*. Two scoped threads both borrowing `&scratch` need `Scratch: Sync`, which the marker
//! removed, so rustc rejects the closures. The fix gives each thread its own buffer by moving it
//! in, which only needs `Send`.
//!
//@ fail: E0277
//@ fix: cell_marker_moved_into_scoped_thread

use std::cell::Cell;
use std::marker::PhantomData;
use std::thread;

struct Scratch {
    buf: Vec<u8>,
    _not_sync: PhantomData<Cell<()>>,
}

impl Scratch {
    fn len(&self) -> usize {
        self.buf.len()
    }
}

fn main() {
    let scratch = Scratch {
        buf: vec![7; 16],
        _not_sync: PhantomData,
    };
    thread::scope(|s| {
        s.spawn(|| println!("a sees {} bytes", scratch.len()));
        s.spawn(|| println!("b sees {} bytes", scratch.len()));
    });
}
