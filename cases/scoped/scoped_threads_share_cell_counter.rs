//! Sharing a `Cell` counter between scoped threads
//!
//! Scoped threads lift the `'static` requirement, not the `Send` one: a closure that captures
//! `&Cell<u32>` is `Send` only if `Cell<u32>` is `Sync`, and it is not, because `Cell::set`
//! writes without synchronisation. Two threads doing `hits.set(hits.get() + 1)` could lose
//! updates, so rustc reports E0277. The fix uses `AtomicU32`, whose `fetch_add` is atomic.
//!
//@ fail: E0277
//@ fix: scoped_threads_share_atomic_counter

use std::cell::Cell;
use std::thread;

fn main() {
    let requests = ["/", "/about", "/", "/blog"];
    let hits = Cell::new(0u32);
    thread::scope(|s| {
        for half in requests.chunks(2) {
            s.spawn(|| {
                let roots = half.iter().filter(|r| **r == "/").count() as u32;
                hits.set(hits.get() + roots);
            });
        }
    });
    println!("root hits: {}", hits.get());
}
