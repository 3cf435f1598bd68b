//! Writing a plain `bool` stop flag while a scoped thread reads it
//!
//! The worker's closure borrows `stop` to read it in its loop, and that shared borrow lasts until
//! `scope` returns, however early the worker is joined. Writing `stop = true` meanwhile would be a
//! data race, and the compiler might even hoist the unsynchronised read out of the loop so the
//! worker never stops. So the borrow checker forbids assigning to `stop` while it is borrowed. The
//! fix uses an `AtomicBool`, which both threads may access through `&` at once.
//!
//@ fail: E0506
//@ fix: scoped_atomic_bool_stop_flag

use std::thread;

fn main() {
    let mut stop = false;
    let ticks = thread::scope(|s| {
        let worker = s.spawn(|| {
            let mut ticks = 0u64;
            while !stop {
                ticks += 1;
                thread::yield_now();
            }
            ticks
        });
        stop = true;
        worker.join().unwrap()
    });
    println!("worker ticked {ticks} times");
}
