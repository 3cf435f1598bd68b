//! `Rc<Mutex<_>>` for state that stays on one thread
//!
//! `Rc` is not `Send`, so an `Rc<Mutex<_>>` can never reach a second thread, and its `Mutex` only
//! adds locking, poisoning and `unwrap`s against a contention that cannot happen. Either the state
//! is shared between threads, and wants `Arc<Mutex<_>>`, or it is not, and wants
//! `Rc<RefCell<_>>`. clippy's `rc_mutex` (in the restriction group, turned on here) flags the type.
//!
//@ lint: clippy::rc_mutex
//@ fix: rc_refcell_undo_stack

#![warn(clippy::rc_mutex)]

use std::rc::Rc;
use std::sync::Mutex;

struct Editor {
    undo: Rc<Mutex<Vec<String>>>,
}

fn main() {
    let undo = Rc::new(Mutex::new(Vec::new()));
    let editor = Editor {
        undo: Rc::clone(&undo),
    };
    editor.undo.lock().unwrap().push("typed".to_string());
    assert_eq!(undo.lock().unwrap().len(), 1);
}
