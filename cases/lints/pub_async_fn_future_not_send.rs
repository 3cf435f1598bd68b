//! A public `async fn` whose future is not `Send`
//!
//! `total` keeps an `Rc` across `.await`, so its future is not `Send`. rustc says nothing until a
//! caller hands that future to a multi-threaded executor's `spawn`, and in a library that caller
//! is in someone else's crate. clippy's `future_not_send` (nursery, turned on here) reports it at
//! the definition, with the note naming the `Rc`. The fix iterates over the owned `Vec` instead.
//!
//@ lint: clippy::future_not_send
//@ fix: pub_async_fn_owns_vec_across_await

#![warn(clippy::future_not_send)]

use std::rc::Rc;

async fn fetch(id: u32) -> u32 {
    id
}

pub async fn total(ids: Vec<u32>) -> u32 {
    let ids = Rc::new(ids);
    let mut sum = 0;
    for &id in ids.iter() {
        sum += fetch(id).await;
    }
    sum
}

fn main() {
    let _pending = total(vec![1, 2]);
}
