//! A read-modify-write through one `MutexGuard`
//!
//! The guard is bound to `balance`, so the lock is held from the read to the write and released
//! when `balance` goes out of scope. No other thread's withdrawal can come between them.
//!
//@ pass

use std::sync::Mutex;

static BALANCE: Mutex<i64> = Mutex::new(100);

fn withdraw(amount: i64) {
    let mut balance = BALANCE.lock().unwrap();
    *balance -= amount;
}

fn main() {
    withdraw(30);
    assert_eq!(*BALANCE.lock().unwrap(), 70);
}
