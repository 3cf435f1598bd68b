//! Holding an `Rc` across `.await` in a future that must be `Send`
//!
//! An `async fn` compiles to a state machine, and every local still alive at an `.await` is stored
//! in it. A multi-threaded executor may resume the future on another thread, so the future is
//! `Send` only if everything it keeps across an `.await` is `Send`. Here `session` is an `Rc`,
//! whose non-atomic count must never be touched from two threads, and it lives past the `.await`.
//! The fix computes what it needs from the `Rc` inside a block that ends before the `.await`.
//!
//@ fail: -
//@ fix: rc_scoped_before_await

use std::future::Future;
use std::rc::Rc;

fn require_send<F: Future + Send>(_: F) {}

async fn fetch_stock(item: u32) -> u32 {
    item * 10
}

async fn handle(request: u32) -> u32 {
    let session = Rc::new(format!("user-{request}"));
    let stock = fetch_stock(request).await;
    session.len() as u32 + stock
}

fn main() {
    require_send(handle(7));
}
