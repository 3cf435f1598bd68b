//! An Rc cycle leaks memory in safe code
//!
//! Two nodes that hold `Rc`s to each other keep each other's strong count above zero, so after the
//! last outside handle is dropped neither is ever freed and their `Drop` never runs. Rust does not
//! promise that memory is freed or that destructors run: leaking is "safe", because it cannot cause
//! a use-after-free or a data race (`mem::forget` and `Box::leak` are safe for the same reason).
//! Break such cycles with `Weak` for the back edge.
//!
//@ pass
//@ miri: leak

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

static DROPPED: AtomicU32 = AtomicU32::new(0);

struct Node {
    next: RefCell<Option<Rc<Node>>>,
}

impl Drop for Node {
    fn drop(&mut self) {
        DROPPED.fetch_add(1, Ordering::SeqCst);
    }
}

fn main() {
    let a = Rc::new(Node { next: RefCell::new(None) });
    let b = Rc::new(Node { next: RefCell::new(Some(Rc::clone(&a))) }); // b -> a
    *a.next.borrow_mut() = Some(Rc::clone(&b)); // a -> b: a cycle
    assert_eq!(Rc::strong_count(&a), 2);
    drop(a);
    drop(b);
    assert_eq!(DROPPED.load(Ordering::SeqCst), 0); // neither node was freed
}
