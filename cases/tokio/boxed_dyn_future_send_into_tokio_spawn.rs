//! A `Pin<Box<dyn Future + Send>>` given to `tokio::spawn`
//!
//! `Pin<Box<dyn Future<Output = u32> + Send>>` is `Send`, so `tokio::spawn` accepts each `Job`. The
//! `+ Send` is checked where the box is made: the `async move` block in `job` holds only `n`, a
//! `u32`, across its `.await`, so it coerces to the trait object. The `futures` crate's `BoxFuture`
//! alias has this shape.
//!
//@ pass
//@ crates: tokio

use std::future::Future;
use std::pin::Pin;

type Job = Pin<Box<dyn Future<Output = u32> + Send>>;

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
