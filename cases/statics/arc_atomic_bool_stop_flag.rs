//! A stop flag shared as `Arc<AtomicBool>`
//!
//! A thread from `thread::spawn` may outlive `main`'s locals, so it cannot borrow the flag; an
//! `Arc` gives each side an owning handle instead. `Arc<T>` is `Send` only when `T: Send + Sync`,
//! and `AtomicBool` is both, changing through `&self` with `store`. `Relaxed` is enough because
//! the flag publishes no other data; had `main` written something for the worker to read once it
//! sees `true`, the store would need `Release` and the load `Acquire`.
//!
//@ pass

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;

fn main() {
    let stop = Arc::new(AtomicBool::new(false));
    let worker = {
        let stop = Arc::clone(&stop);
        thread::spawn(move || {
            let mut ticks = 0u64;
            while !stop.load(Ordering::Relaxed) {
                ticks += 1;
                thread::yield_now();
            }
            ticks
        })
    };
    stop.store(true, Ordering::Relaxed);
    println!("worker ticked {} times", worker.join().unwrap());
}
