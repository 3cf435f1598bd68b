//! Sharing a Cell counter between scoped threads behind a lying `unsafe impl Sync`
//!
//! `Cell<T>` is not `Sync`: its `get` and `set` are plain reads and writes, safe only while one
//! thread uses it. Wrapping it and writing `unsafe impl Sync` lets two scoped threads share the
//! counter, and the program compiles and exits 0. Miri reports the data race between one thread's
//! `set` and the other thread's `get` in `record`.
//!
//@ pass
//@ miri: data-race
//@ fix: atomic_counter_shared_in_scope

use std::cell::Cell;
use std::thread;

struct Hits(Cell<u32>);

// A lie: two threads calling `record` at once touch the `Cell` unsynchronized.
unsafe impl Sync for Hits {}

impl Hits {
    fn record(&self) {
        self.0.set(self.0.get() + 1); // a separate read and write
    }
}

fn main() {
    let hits = Hits(Cell::new(0));
    thread::scope(|s| {
        s.spawn(|| hits.record());
        s.spawn(|| hits.record());
    });
    println!("{} hits", hits.0.get());
}
