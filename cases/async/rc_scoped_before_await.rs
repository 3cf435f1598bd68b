//! Scoping an `Rc` in a block that ends before `.await`
//!
//! A future only has to store the locals that are still alive at an `.await`. Putting the `Rc` in
//! its own block means it is dropped at the closing brace, before `fetch_stock(..).await`, so the
//! state machine keeps only the `u32` result, which is `Send`. The future can now be handed to a
//! multi-threaded executor. Prefer a block to `drop(session)`: the compiler keeps a local that was
//! ever borrowed (here by `session.len()`) in the future until its scope ends, even if it was
//! dropped.
//!
//@ pass

use std::future::Future;
use std::rc::Rc;

fn require_send<F: Future + Send>(_: F) {}

async fn fetch_stock(item: u32) -> u32 {
    item * 10
}

async fn handle(request: u32) -> u32 {
    let user_len = {
        let session = Rc::new(format!("user-{request}"));
        session.len() as u32
    };
    let stock = fetch_stock(request).await;
    user_len + stock
}

fn main() {
    require_send(handle(7));
}
