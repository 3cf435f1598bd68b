//! A `Mutex<bool>` as a stop flag
//!
//! The worker locks the mutex on every round only to read one `bool`, and `main` must win the lock
//! against that loop to set it. A flag needs no critical section: `AtomicBool` reads and writes it
//! in one indivisible step, with no lock to contend or poison. clippy's `mutex_atomic` (in the
//! restriction group, turned on here) suggests it.
//!
//@ lint: clippy::mutex_atomic
//@ fix: scoped_atomic_bool_stop_flag

#![warn(clippy::mutex_atomic)]

use std::sync::Mutex;
use std::thread;

fn main() {
    let stop = Mutex::new(false);
    thread::scope(|s| {
        let worker = s.spawn(|| {
            let mut rounds = 0u64;
            while !*stop.lock().unwrap() {
                rounds += 1;
            }
            rounds
        });
        *stop.lock().unwrap() = true;
        worker.join().unwrap();
    });
}
