//! Two threads taking two locks in opposite order can deadlock
//!
//! Each thread locks one account and then wants the other, but they start from opposite ends. Once
//! both hold their first lock, each needs the lock the other holds: with `lock()` both would wait
//! forever. Rust accepts this, because a deadlock is not a data race; no memory is touched
//! unsafely. Here `try_lock` returns `WouldBlock` instead of hanging, so the cycle can be observed;
//! the cure is to take locks in one global order.
//!
//@ pass

use std::sync::{Arc, Barrier, Mutex, TryLockError};
use std::thread;

fn main() {
    let accounts = Arc::new((Mutex::new(100), Mutex::new(50)));
    let barrier = Arc::new(Barrier::new(2));
    let mut handles = Vec::new();
    for reversed in [false, true] {
        let (accounts, barrier) = (Arc::clone(&accounts), Arc::clone(&barrier));
        handles.push(thread::spawn(move || {
            let (first, second) = if reversed { (&accounts.1, &accounts.0) } else { (&accounts.0, &accounts.1) };
            let _held = first.lock().unwrap();
            barrier.wait(); // both threads now hold their first lock
            let blocked = matches!(second.try_lock(), Err(TryLockError::WouldBlock));
            barrier.wait(); // nobody unlocks until both have tried
            blocked
        }));
    }
    for handle in handles {
        assert!(handle.join().unwrap(), "with lock() this thread would wait forever");
    }
}
