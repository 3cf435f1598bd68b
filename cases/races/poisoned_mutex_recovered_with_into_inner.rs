//! Recovering the data from a poisoned Mutex
//!
//! When a thread panics while holding a `MutexGuard`, the guard still unlocks during unwinding, but
//! marks the mutex poisoned: the panic may have left the data half-updated, like this transfer
//! that debited 30 and never credited it anywhere. Later `lock()` calls return `Err(PoisonError)`,
//! and `into_inner` on that error still hands out the guard for code that can check or repair the
//! state. Poisoning is advice, not a safety guarantee; Rust's rules prevent the data race, not the
//! broken invariant.
//!
//@ pass

use std::panic;
use std::sync::Mutex;
use std::thread;

fn main() {
    panic::set_hook(Box::new(|_| {})); // keep the expected panic message quiet
    let balance = Mutex::new(100);
    thread::scope(|s| {
        let worker = s.spawn(|| {
            let mut b = balance.lock().unwrap();
            *b -= 30;
            panic!("crashed halfway through a transfer");
        });
        assert!(worker.join().is_err());
    });
    assert!(balance.is_poisoned());
    let b = balance.lock().unwrap_err().into_inner();
    assert_eq!(*b, 70); // the half-finished update is visible
}
