//! Handing heap objects between threads through an `AtomicPtr`
//!
//! `AtomicPtr<T>` is `Send` and `Sync` for every `T`: it only stores an address, and the
//! `unsafe` needed to dereference it is where the ownership argument lives. `swap` exchanges
//! the pointer in one atomic step, so whoever receives a pointer from it is its only owner. Each
//! worker installs a fresh `Config` and frees the one it swapped out, so nothing is freed twice
//! or leaked. `AcqRel` on a worker's `swap` makes the `Config` it takes out, written before that
//! pointer was installed, visible to it. `main`'s last `swap` can be `Relaxed`: it comes after the
//! scope has joined every worker, and a join already orders all of a thread's writes.
//!
//@ pass

use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::thread;

struct Config {
    version: u32,
}

fn main() {
    let current = AtomicPtr::new(Box::into_raw(Box::new(Config { version: 0 })));
    thread::scope(|s| {
        for version in 1..=3 {
            let current = &current;
            s.spawn(move || {
                let fresh = Box::into_raw(Box::new(Config { version }));
                let old = current.swap(fresh, Ordering::AcqRel);
                // SAFETY: `swap` handed us the only copy of `old`, which came from `Box::into_raw`.
                drop(unsafe { Box::from_raw(old) });
            });
        }
    });
    let last = current.swap(ptr::null_mut(), Ordering::Relaxed);
    // SAFETY: all workers are joined; this is the only remaining pointer to the last config.
    let last = unsafe { Box::from_raw(last) };
    assert!((1..=3).contains(&last.version));
}
