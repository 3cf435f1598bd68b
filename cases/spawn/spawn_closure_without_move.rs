//! Spawning a closure that borrows a local without `move`
//!
//! A closure that only reads `words` captures it by reference, but `thread::spawn` demands a
//! `'static` closure: nothing stops the new thread from running after `main`'s stack frame (and
//! `words` with it) is gone, which would leave the thread reading freed memory. The compiler
//! rejects the borrow and suggests `move`; the fix adds it so the thread owns `words`.
//!
//@ fail: E0373
//@ fix: move_closure_into_spawn

use std::thread;

fn main() {
    let words = vec![String::from("send"), String::from("sync")];
    let handle = thread::spawn(|| {
        let total: usize = words.iter().map(|w| w.len()).sum();
        total
    });
    assert_eq!(handle.join().unwrap(), 8);
}
