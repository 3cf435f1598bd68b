//! A `Pin<Box<dyn Future>>` given to `tokio::spawn`
//!
//! A trait object is `Send` only if `Send` is written in its type or is a supertrait of its trait,
//! and `Future` has no such supertrait: `Pin<Box<dyn Future<Output = u32>>>` is not `Send`,
//! whatever the `async move` block inside holds. The compiler checks the erased type, not the
//! block, so `tokio::spawn`'s `F: Send` fails with E0277, "`dyn Future<Output = u32>` cannot be
//! sent between threads safely". The fix writes `+ Send` into the `Job` alias; the block is then
//! checked once, where `job` boxes it.
//!
//@ fail: E0277
//@ fix: boxed_dyn_future_send_into_tokio_spawn
//@ crates: tokio

use std::future::Future;
use std::pin::Pin;

type Job = Pin<Box<dyn Future<Output = u32>>>;

fn job(n: u32) -> Job {
    Box::pin(async move {
        tokio::task::yield_now().await;
        n * 2
    })
}

#[tokio::main]
async fn main() {
    let tasks: Vec<_> = (1..=3).map(|n| tokio::spawn(job(n))).collect();
    let mut sum = 0;
    for task in tasks {
        sum += task.await.unwrap();
    }
    assert_eq!(sum, 12);
}
