//! Publishing global settings through a `static AtomicPtr`
//!
//! `AtomicPtr<T>` is `Sync` for every `T`, since it only stores an address, atomically; reading
//! the pointee is `unsafe`, and that is where the thread-safety argument moves. Here the settings
//! are leaked with `Box::leak`, so they are never freed or changed, and the `Release` store paired
//! with the `Acquire` load guarantees a reader that sees the pointer also sees the fields it was
//! built with; the reader runs while `main` installs, so that pairing is all that orders them.
//! `as_ref` turns the null *not installed yet* state into `None`.
//!
//@ pass

use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::thread;

struct Settings { level: u8 }

static CURRENT: AtomicPtr<Settings> = AtomicPtr::new(ptr::null_mut());

fn install(level: u8) {
    let leaked: &'static mut Settings = Box::leak(Box::new(Settings { level }));
    CURRENT.store(leaked, Ordering::Release);
}

fn level() -> Option<u8> {
    let p = CURRENT.load(Ordering::Acquire);
    // SAFETY: a non-null `p` came from `Box::leak`: valid, never freed, never written again.
    unsafe { p.as_ref() }.map(|s| s.level)
}

fn main() {
    assert_eq!(level(), None);
    thread::scope(|s| {
        // Once the pointer is seen, the fields written before the store are seen too.
        s.spawn(|| while level() != Some(3) {
            std::hint::spin_loop();
        });
        install(3);
    });
}
