//! Incrementing an atomic with a separate load and store loses updates
//!
//! Every access to `hits` is atomic, so there is no data race and the code compiles. But `load`
//! followed by `store` is two steps, and another thread can run in between: here a `Barrier` makes
//! all four threads read `0` before any of them writes, so all four store `1` and three page hits
//! are lost. Atomicity of each operation does not make a sequence of them atomic; a single
//! read-modify-write such as `fetch_add` does (`atomic_static_counter_keeps_both_updates`).
//!
//@ pass

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Barrier;
use std::thread;

fn main() {
    let hits = AtomicU32::new(0);
    let barrier = Barrier::new(4);
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                let seen = hits.load(Ordering::SeqCst); // read...
                barrier.wait(); // every thread has read before any writes
                hits.store(seen + 1, Ordering::SeqCst); // ...then write back
            });
        }
    });
    assert_eq!(hits.load(Ordering::SeqCst), 1); // four hits, three lost
}
