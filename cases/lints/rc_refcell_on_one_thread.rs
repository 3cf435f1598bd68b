//! `Rc<RefCell<_>>` for shared, mutable state on one thread
//!
//! Two handles to one mutable vector on one thread need shared ownership and a runtime-checked
//! borrow, nothing more: `Rc` counts owners with plain arithmetic and `RefCell` checks the borrows.
//! Neither is `Send`, which is what the program wants to say: this state stays on its thread.
//!
//@ pass

use std::cell::RefCell;
use std::rc::Rc;

fn main() {
    let history = Rc::new(RefCell::new(Vec::new()));
    let writer = Rc::clone(&history);
    writer.borrow_mut().push("opened");
    assert_eq!(history.borrow().len(), 1);
}
