//! `let _ = m.lock()` to hold a lock
//!
//! `let _ = expr;` binds nothing, so the `MutexGuard` is dropped at the semicolon and the lock is
//! released at once. The read and the write below then take the lock separately, and another
//! thread's withdrawal can land between them and be lost. rustc's `let_underscore_lock` is
//! deny-by-default, so this is an error carrying the lint's name. The fix binds the guard to a
//! name and does the read-modify-write through it.
//!
//@ lint: let_underscore_lock
//@ fix: held_guard_withdraw

use std::sync::Mutex;

static BALANCE: Mutex<i64> = Mutex::new(100);

fn withdraw(amount: i64) {
    let _ = BALANCE.lock().unwrap();
    let current = *BALANCE.lock().unwrap();
    *BALANCE.lock().unwrap() = current - amount;
}

fn main() {
    withdraw(30);
}
