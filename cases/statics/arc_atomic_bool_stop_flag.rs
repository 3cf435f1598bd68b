//! A stop flag shared as `Arc<AtomicBool>`
//!
//! A thread from `thread::spawn` may outlive `main`'s locals, so it cannot borrow the flag; an
//! `Arc` gives each side an owning handle instead. `Arc<T>` is `Send` only when `T` is
//! `Send + Sync`, and `AtomicBool` is both, changing through `&self` with `store`. `Release` on
//! the store and `Acquire` on the load mean that anything `main` wrote before raising the flag is
//! visible to the worker once it sees `true`.
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
            while !stop.load(Ordering::Acquire) {
                ticks += 1;
                thread::yield_now();
            }
            ticks
        })
    };
    stop.store(true, Ordering::Release);
    println!("worker ticked {} times", worker.join().unwrap());
}
