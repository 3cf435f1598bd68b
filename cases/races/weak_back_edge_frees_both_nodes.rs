//! A Weak back edge lets both nodes be freed
//!
//! A `Weak` pointer does not count as an owner: it adds to the weak count, not the strong count,
//! and must be `upgrade`d to an `Rc` before use, which fails once the target is gone. Making the
//! back edge from the child to the parent `Weak` leaves only one strong direction, so there is no
//! ownership cycle: dropping the outside handles frees both nodes and runs both destructors.
//!
//@ pass

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicU32, Ordering};

static DROPPED: AtomicU32 = AtomicU32::new(0);

struct Node {
    parent: RefCell<Weak<Node>>,
    child: RefCell<Option<Rc<Node>>>,
}

impl Drop for Node {
    fn drop(&mut self) {
        DROPPED.fetch_add(1, Ordering::SeqCst);
    }
}

fn main() {
    let parent = Rc::new(Node { parent: RefCell::new(Weak::new()), child: RefCell::new(None) });
    let child = Rc::new(Node { parent: RefCell::new(Rc::downgrade(&parent)), child: RefCell::new(None) });
    *parent.child.borrow_mut() = Some(Rc::clone(&child)); // strong: parent -> child
    assert!(child.parent.borrow().upgrade().is_some()); // weak: child -> parent
    assert_eq!(Rc::strong_count(&parent), 1);
    drop(parent);
    drop(child);
    assert_eq!(DROPPED.load(Ordering::SeqCst), 2); // both freed
}
