//! Moving a handle with a `MutexGuard` marker into a scoped thread
//!
//! `MutexGuard<'_, T>` is never `Send`, since some platforms require a lock to be released by the
//! thread that took it; `MutexGuard<'_, T>` is `Sync` when `T: Sync`, as `()` is. Using
//! `PhantomData<MutexGuard<'static, ()>>` copies exactly that pair of auto traits onto `FrameLock`:
//! `FrameLock` is `Sync` but not `Send`, a handle that must be dropped where it was created. Moving
//! it into a scoped thread needs `Send`, so rustc rejects it. The fix lends `&FrameLock` instead,
//! which only needs `Sync`.
//!
//@ fail: E0277
//@ fix: mutexguard_marker_handle_shared_with_thread

use std::marker::PhantomData;
use std::sync::MutexGuard;
use std::thread;

struct FrameLock {
    frame: u64,
    _release_on_this_thread: PhantomData<MutexGuard<'static, ()>>,
}

impl FrameLock {
    fn frame(&self) -> u64 {
        self.frame
    }
}

fn main() {
    let lock = FrameLock {
        frame: 9,
        _release_on_this_thread: PhantomData,
    };
    thread::scope(|s| {
        s.spawn(move || println!("uploading frame {}", lock.frame()));
    });
}
