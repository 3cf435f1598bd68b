//! Locking a Mutex again in the thread that holds it
//!
//! `std::sync::Mutex` is not reentrant: if the thread that holds the lock calls `lock()` again,
//! the documentation says it may deadlock or panic. The borrow checker cannot see this, because
//! `lock` takes `&self` and the guard's borrow does not conflict with another shared borrow. Here
//! the helper uses `try_lock`, which reports `WouldBlock` instead of hanging; the fix is to drop
//! the guard (end the critical section) before calling code that locks again.
//!
//@ pass

use std::sync::{Mutex, TryLockError};

struct Inventory {
    items: Mutex<Vec<&'static str>>,
}

impl Inventory {
    fn count(&self) -> Option<usize> {
        match self.items.try_lock() {
            Ok(items) => Some(items.len()),
            Err(TryLockError::WouldBlock) => None, // lock() would never return here
            Err(TryLockError::Poisoned(e)) => Some(e.into_inner().len()),
        }
    }
}

fn main() {
    let inventory = Inventory { items: Mutex::new(vec!["apple"]) };
    let mut items = inventory.items.lock().unwrap();
    items.push("pear");
    assert_eq!(inventory.count(), None); // still holding the guard
    drop(items);
    assert_eq!(inventory.count(), Some(2));
}
