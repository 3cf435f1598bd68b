//! A public `async fn` that keeps only `Send` values across `.await`
//!
//! The future owns the `Vec<u32>` and the loop's iterator, both `Send`, so the future is `Send`
//! and any executor can run it. `require_send` states that for every caller.
//!
//@ pass

#![warn(clippy::future_not_send)]

use std::future::Future;

fn require_send<F: Future + Send>(_: F) {}

async fn fetch(id: u32) -> u32 {
    id
}

pub async fn total(ids: Vec<u32>) -> u32 {
    let mut sum = 0;
    for id in ids {
        sum += fetch(id).await;
    }
    sum
}

fn main() {
    require_send(total(vec![1, 2]));
}
