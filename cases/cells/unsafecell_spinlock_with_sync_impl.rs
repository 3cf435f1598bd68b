//! A spin lock built on `UnsafeCell` with `unsafe impl Sync`
//!
//! `UnsafeCell` is the primitive under every cell and lock and is never `Sync` on its own; a
//! type that contains one can only be shared once its author promises, via `unsafe impl Sync`,
//! that all access is synchronized. Here an `AtomicBool` guards the value: `swap(true, Acquire)`
//! lets one thread in at a time and `store(false, Release)` publishes its writes to the next.
//!
//@ pass

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

struct SpinLock<T> {
    locked: AtomicBool,
    value: UnsafeCell<T>,
}

// SAFETY: `value` is only accessed while `locked` is held, so one thread at a time.
unsafe impl<T: Send> Sync for SpinLock<T> {}

impl<T> SpinLock<T> {
    fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        while self.locked.swap(true, Ordering::Acquire) {
            std::hint::spin_loop();
        }
        // SAFETY: we hold the lock, so no other reference to `value` exists.
        let result = f(unsafe { &mut *self.value.get() });
        self.locked.store(false, Ordering::Release);
        result
    }
}

static TOTAL: SpinLock<u64> = SpinLock { locked: AtomicBool::new(false), value: UnsafeCell::new(0) };

fn main() {
    let handles: Vec<_> = (1..=4).map(|n| thread::spawn(move || TOTAL.with(|t| *t += n))).collect();
    handles.into_iter().for_each(|h| h.join().unwrap());
    assert_eq!(TOTAL.with(|t| *t), 10);
}
