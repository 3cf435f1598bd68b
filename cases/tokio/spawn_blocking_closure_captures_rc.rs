//! An `Rc` captured by a `spawn_blocking` closure
//!
//! `spawn_blocking` runs its closure on a thread of tokio's blocking pool (the assert in the fix
//! shows it is not `main`'s), so it asks for `F: FnOnce() -> R + Send + 'static`. The `move`
//! closure holds what it captures, here an `Rc<[u8]>` clone, and `Rc` is not `Send`: the clone in
//! `main` and the one on the pool thread would update one count without atomics. A closure, not a
//! future, fails the bound, so this is E0277: "`Rc<[u8]>` cannot be sent between threads safely".
//! The fix uses `Arc`.
//!
//@ fail: E0277
//@ fix: spawn_blocking_closure_captures_arc
//@ crates: tokio

use std::rc::Rc;
use std::thread;

fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().map(|&b| u32::from(b)).sum()
}

#[tokio::main]
async fn main() {
    let main_thread = thread::current().id();
    let blob: Rc<[u8]> = Rc::from(vec![1; 4096]);
    let sum = tokio::task::spawn_blocking({
        let blob = Rc::clone(&blob);
        move || {
            assert_ne!(thread::current().id(), main_thread);
            checksum(&blob)
        }
    })
    .await
    .unwrap();
    assert_eq!(sum as usize, blob.len());
}
