//! Catching the panic that `thread::scope` raises for an unjoined panicked thread
//!
//! A scoped thread's panic does not vanish: when the scope ends, `thread::scope` first waits for
//! every thread, then panics with the message *a scoped thread panicked* if any thread panicked
//! and its panic was not taken by `join`. Here the first scope is wrapped in `catch_unwind`, which
//! returns that panic's payload to the caller. In the second scope the handle is joined, `join`
//! returns the panic as an `Err`, and the scope returns normally. Both panics are expected, so a
//! panic hook keeps their messages quiet: a printed panic is what marks a run as failed.
//!
//@ pass

use std::panic;
use std::thread;

fn main() {
    panic::set_hook(Box::new(|_| {}));
    let unjoined = panic::catch_unwind(|| {
        thread::scope(|s| {
            s.spawn(|| panic!("worker failed"));
        });
    });
    let payload = unjoined.unwrap_err();
    assert_eq!(payload.downcast_ref::<&str>(), Some(&"a scoped thread panicked"));

    let joined = thread::scope(|s| s.spawn(|| panic!("worker failed")).join());
    assert!(joined.is_err());
}
