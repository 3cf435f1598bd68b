//! A `Result<_, Box<dyn Error + Send + Sync>>` as the output of a `tokio::spawn`ed task
//!
//! `Result<u16, Box<dyn Error + Send + Sync>>` is `Send`, so the task's result may go from the
//! worker thread that finishes the task to `main`, which awaits the `JoinHandle`. `?` converts the
//! `ParseIntError` through std's `From<E>` for every `E: Error + Send + Sync`. The outer `unwrap`
//! is for a task that panicked or was cancelled (tokio's `JoinError`), the inner one for the parse.
//!
//@ pass
//@ crates: tokio

use std::error::Error;

async fn load_port(text: &str) -> Result<u16, Box<dyn Error + Send + Sync>> {
    tokio::task::yield_now().await;
    Ok(text.trim().parse()?)
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(load_port(" 8080 "));
    assert_eq!(task.await.unwrap().unwrap(), 8080);
}
