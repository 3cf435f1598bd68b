//! Checking a locked cache, then inserting under a second lock, loads twice
//!
//! Each worker locks the cache to ask whether `"config"` is there, releases the lock, and later
//! locks again to insert it. Between the check and the insert another thread can do the same, so
//! the `Barrier` makes both see it missing and both do the expensive load: a time-of-check to
//! time-of-use (TOCTOU) race. Every access is under the `Mutex`, so it compiles; the bug is that
//! the check and the act sit in two critical sections.
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
                let missing = !cache.lock().unwrap().contains_key("config"); // lock, check, unlock
                barrier.wait(); // both workers check before either inserts
                if missing {
                    loads.fetch_add(1, Ordering::SeqCst); // the expensive load
                    cache.lock().unwrap().insert("config", String::from("loaded"));
                }
            });
        }
    });
    assert_eq!(loads.load(Ordering::SeqCst), 2); // loaded twice
}
