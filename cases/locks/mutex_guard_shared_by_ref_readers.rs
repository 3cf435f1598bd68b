//! Sharing `&MutexGuard<u64>` with scoped reader threads
//!
//! A `&MutexGuard<T>` gives every holder a `&T` at the same time, so it may cross threads only
//! when `T: Sync`. A plain `u64` is `Sync` (shared references to it can only read), so
//! `&MutexGuard<u64>` is `Send` and the scoped workers can all read the guarded value while
//! `main` keeps the lock. The guard itself never leaves `main`, which is where it unlocks.
//!
//@ pass

use std::sync::Mutex;
use std::thread;

fn main() {
    let epoch = Mutex::new(7u64);
    let guard = epoch.lock().unwrap(); // held while the workers read it
    thread::scope(|s| {
        for id in 0..3 {
            let guard = &guard;
            s.spawn(move || println!("worker {id} sees epoch {}", **guard));
        }
    });
}
