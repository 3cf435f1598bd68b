//! Putting a spin lock on `UnsafeCell` in a `static` without `unsafe impl Sync`
//!
//! `UnsafeCell` permits mutation through `&` that the compiler cannot see guarded, so it is never
//! `Sync`, and a struct containing one is `Sync` only through an `unsafe impl Sync` of its own, as
//! `Mutex` and `AtomicBool` have. This spin lock does synchronize access, but until its author says
//! so, the `static` is rejected. The fix adds `unsafe impl Sync`, a promise rustc takes on trust.
//!
//@ fail: E0277
//@ fix: unsafecell_spinlock_with_sync_impl

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

struct SpinLock<T> {
    locked: AtomicBool,
    value: UnsafeCell<T>,
}

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
