//! Waiting for a flag with `Condvar::wait_while`
//!
//! A `Condvar` lets a thread sleep until another signals it, paired with the `Mutex` that guards
//! the condition. It keeps no record of signals: a `notify_one` sent while nobody waits is lost,
//! and a plain `wait` after it would sleep for ever. `wait_while` checks the closure under the
//! lock *before* it sleeps, releases the lock while asleep, re-locks on waking, and sleeps again
//! while the closure still returns `true`; so a flag set before the wait ends it at once, and a
//! spurious wakeup cannot be mistaken for the flag being set. `Condvar` is `Send + Sync`, so it
//! can sit in the `Arc` beside its mutex.
//!
//@ pass

use std::sync::{Arc, Condvar, Mutex};
use std::thread;

fn main() {
    let pair = Arc::new((Mutex::new(false), Condvar::new()));
    let worker = {
        let pair = Arc::clone(&pair);
        thread::spawn(move || {
            let (ready, cvar) = &*pair;
            *ready.lock().unwrap() = true;
            cvar.notify_one();
        })
    };
    let (ready, cvar) = &*pair;
    let guard = cvar.wait_while(ready.lock().unwrap(), |ready| !*ready).unwrap();
    assert!(*guard);
    drop(guard);
    worker.join().unwrap();
}
