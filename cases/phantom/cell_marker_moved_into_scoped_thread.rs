//! Moving a `Cell`-marked buffer into each thread instead of sharing it
//!
//! `PhantomData<Cell<()>>` removes only `Sync`: `Cell<()>` is `Send`, so the marked `Scratch` stays
//! `Send`. Moving a value into a thread is fine for a `Send` type, because afterwards only that
//! thread can reach it. Giving each worker its own `Scratch` with `move` closures therefore
//! compiles, while sharing one buffer through `&` between threads is still forbidden.
//!
//@ pass

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
    let a = Scratch {
        buf: vec![7; 16],
        _not_sync: PhantomData,
    };
    let b = Scratch {
        buf: vec![7; 8],
        _not_sync: PhantomData,
    };
    thread::scope(|s| {
        s.spawn(move || println!("a sees {} bytes", a.len()));
        s.spawn(move || println!("b sees {} bytes", b.len()));
    });
}
