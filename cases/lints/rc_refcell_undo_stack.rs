//! An undo stack shared as `Rc<RefCell<_>>` on one thread
//!
//! The editor and `main` share one stack on one thread, so `Rc` counts the owners and `RefCell`
//! checks the borrows at run time. No lock is taken and no poisoning needs handling, and no
//! atomic count is paid for. `Rc<T>` is neither `Send` nor `Sync`, so this state stays on its
//! thread: the type says so. (A `RefCell` could move alone: `RefCell<T>` is `Send` when
//! `T: Send`, but never `Sync`.) This is the fix of both `Arc<RefCell<_>>` and `Rc<Mutex<_>>`.
//!
//@ pass

#![warn(clippy::rc_mutex)]

use std::cell::RefCell;
use std::rc::Rc;

struct Editor {
    undo: Rc<RefCell<Vec<String>>>,
}

fn main() {
    let undo = Rc::new(RefCell::new(Vec::new()));
    let editor = Editor {
        undo: Rc::clone(&undo),
    };
    editor.undo.borrow_mut().push("typed".to_string());
    assert_eq!(undo.borrow().len(), 1);
}
