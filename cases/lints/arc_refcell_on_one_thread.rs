//! `Arc<RefCell<_>>` on one thread
//!
//! `Arc` pays for atomic reference counting so that clones can live on several threads, but
//! `Arc<T>` is `Send` and `Sync` only when `T` is both, and `RefCell` is not `Sync`. So this
//! `Arc` can never leave its thread: it costs what a thread-safe pointer costs and gives what `Rc`
//! gives. rustc accepts it, since nothing sends it anywhere; clippy's `arc_with_non_send_sync`
//! (warn by default since Rust 1.72) points it out. The fix says what the code does: `Rc`.
//!
//@ lint: clippy::arc_with_non_send_sync
//@ fix: rc_refcell_undo_stack

use std::cell::RefCell;
use std::sync::Arc;

fn main() {
    let history = Arc::new(RefCell::new(Vec::new()));
    let writer = Arc::clone(&history);
    writer.borrow_mut().push("opened");
    assert_eq!(history.borrow().len(), 1);
}
