//! Lending a `Sync`-but-not-`Send` handle to a scoped thread
//!
//! `FrameLock` is marked with `PhantomData<MutexGuard<'static, ()>>`, and `MutexGuard<'_, T>` is
//! `Sync` only when `T: Sync` and never `Send`: so `FrameLock` is `Sync` but not `Send`. A closure
//! that only borrows the handle captures `&FrameLock`, and `&T: Send` holds whenever `T: Sync`,
//! so the scoped thread may read it. The handle itself is
//! still owned, and later dropped, by the main thread, which is the guarantee the marker exists
//! for.
//!
//@ pass

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
        s.spawn(|| println!("uploading frame {}", lock.frame()));
    });
    drop(lock);
}
