//! Checking and inserting under one lock with the entry API
//!
//! Holding the guard from the check through the insert makes the pair one critical section: no
//! other thread can lock the map in between, so whichever worker gets the lock first loads the
//! value and the other finds it present. `entry(..).or_insert_with(..)` expresses exactly that, and
//! runs the closure only when the key is absent. Both workers start together, yet the load happens
//! once on every run.
//!
//@ pass

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Barrier, Mutex};
use std::thread;

fn main() {
    let cache: Mutex<HashMap<&str, String>> = Mutex::new(HashMap::new());
    let loads = AtomicU32::new(0);
    let barrier = Barrier::new(2);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                barrier.wait(); // both workers try at the same time
                let mut map = cache.lock().unwrap(); // one lock for check and insert
                map.entry("config").or_insert_with(|| {
                    loads.fetch_add(1, Ordering::SeqCst); // the expensive load
                    String::from("loaded")
                });
            });
        }
    });
    assert_eq!(loads.load(Ordering::SeqCst), 1);
}
