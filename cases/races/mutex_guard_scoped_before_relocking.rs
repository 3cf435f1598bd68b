//! Ending a guard's scope before calling code that locks again
//!
//! The same `Inventory` as in `mutex_relocked_while_guard_held_deadlocks`, with the push in a
//! block of its own: the guard is dropped at the end of the block, so `len` finds `items` unlocked
//! and its own `lock()` returns at once. Keeping a guard only for the statements that need it is
//! how a thread avoids waiting on itself; Miri runs this clean.
//!
//@ pass

use std::sync::Mutex;

struct Inventory {
    items: Mutex<Vec<&'static str>>,
}

impl Inventory {
    fn len(&self) -> usize {
        self.items.lock().unwrap().len()
    }

    fn add(&self, item: &'static str) -> usize {
        {
            let mut items = self.items.lock().unwrap();
            items.push(item);
        } // the guard is dropped here: `items` is unlocked
        self.len()
    }
}

fn main() {
    let inventory = Inventory { items: Mutex::new(vec!["apple"]) };
    assert_eq!(inventory.add("pear"), 2);
}
