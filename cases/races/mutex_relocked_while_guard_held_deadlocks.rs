//! Locking a Mutex again while the same thread holds its guard never returns
//!
//! `add` still holds the guard of `items` when it calls `len`, which locks `items` again. `std`'s
//! `Mutex` is not reentrant: its documentation says the second `lock()` will not return (it might
//! panic or deadlock). Here it waits for a guard that only its own thread could drop, so natively
//! the run never ends, and Miri reports `the evaluated program deadlocked`. The compiler accepts
//! it, since both locks borrow `items` only shared. The fix drops the guard before calling `len`.
//!
//@ pass
//@ native: hangs
//@ miri: deadlock
//@ fix: mutex_guard_scoped_before_relocking

use std::sync::Mutex;

struct Inventory {
    items: Mutex<Vec<&'static str>>,
}

impl Inventory {
    fn len(&self) -> usize {
        self.items.lock().unwrap().len()
    }

    fn add(&self, item: &'static str) -> usize {
        let mut items = self.items.lock().unwrap();
        items.push(item);
        self.len() // locks `items` again while the guard `items` is alive
    }
}

fn main() {
    let inventory = Inventory { items: Mutex::new(vec!["apple"]) };
    assert_eq!(inventory.add("pear"), 2);
}
