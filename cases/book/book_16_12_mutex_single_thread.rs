//! Locking a Mutex and letting the guard unlock it
//!
//! A `Mutex<T>` owns the data it protects, and the only way to reach that data is `lock`, which
//! waits until no one else holds the lock and returns a `MutexGuard` that derefs to the value.
//! `lock` returns a `Result` because the lock is poisoned if a thread panicked while holding it.
//! When the guard goes out of scope at the closing brace its `Drop` releases the lock, so you
//! cannot forget to unlock; printing `m` afterwards shows `data: 6`.
//!
//@ pass
//@ book: 16-12

use std::sync::Mutex;

fn main() {
    let m = Mutex::new(5);

    {
        let mut num = m.lock().unwrap();
        *num = 6;
    }

    println!("m = {m:?}");
}
