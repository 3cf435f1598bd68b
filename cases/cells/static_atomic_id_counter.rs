//! A global ID counter as a `static AtomicU32`
//!
//! `AtomicU32` is `Sync`, so it may sit in a `static` that every thread reaches. `fetch_add`
//! reads the old value and stores the new one in one indivisible step, so no two calls, on any
//! threads, return the same ID, and no caller waits on a lock (the fix, too, of `Cell` and
//! `Mutex<u64>` counters). `Relaxed` is enough: the IDs need to be distinct, and they order no
//! other memory. The spawned thread continues the sequence, getting 3.
//!
//@ pass

use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

static NEXT_ID: AtomicU32 = AtomicU32::new(1);

fn next_id() -> u32 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

fn main() {
    assert_eq!((next_id(), next_id()), (1, 2));
    assert_eq!(thread::spawn(next_id).join().unwrap(), 3);
}
