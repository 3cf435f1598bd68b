//! Borrowing through a temporary `MutexGuard`
//!
//! `names.lock().unwrap()` makes a guard that is never stored in a variable, so it is a temporary,
//! dropped (and the mutex unlocked) at the end of the `let` statement. `iter().max_by_key(..)`
//! returns a reference into the `Vec`, and that reference would outlive the guard: once the
//! lock is released another thread could change the `Vec` under it. The fix binds the guard to a
//! variable, so the lock stays held for as long as `longest` is used.
//!
//@ fail: E0716
//@ fix: mutex_guard_bound_to_variable

use std::sync::Mutex;

fn main() {
    let names = Mutex::new(vec![String::from("ada"), String::from("grace")]);
    let longest = names.lock().unwrap().iter().max_by_key(|n| n.len());
    println!("longest name: {longest:?}");
}
