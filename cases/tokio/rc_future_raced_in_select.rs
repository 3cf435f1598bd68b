//! An `Rc` future raced against a shutdown signal in `tokio::select!`
//!
//! `tokio::select!` also polls its branches inside the current future, dropping the others once one
//! completes, and asks no `Send` of them. `collect` keeps an `Rc<RefCell<_>>` across its `.await`s
//! and runs in `main`'s `block_on`, raced against a `oneshot` receiver that cannot complete while
//! its sender `_shutdown` is alive. Each `RefCell` borrow ends before the next `.await`.
//!
//@ pass
//@ crates: tokio

use std::cell::RefCell;
use std::rc::Rc;
use tokio::sync::oneshot;

async fn collect(log: Rc<RefCell<Vec<u32>>>) -> usize {
    for n in 0..3 {
        log.borrow_mut().push(n);
        tokio::task::yield_now().await;
    }
    log.borrow().len()
}

#[tokio::main]
async fn main() {
    let (_shutdown, stop) = oneshot::channel::<()>();
    let log = Rc::new(RefCell::new(Vec::new()));
    tokio::select! {
        n = collect(Rc::clone(&log)) => assert_eq!(n, 3),
        _ = stop => unreachable!("the sender is still alive"),
    }
    assert_eq!(*log.borrow(), [0, 1, 2]);
}
