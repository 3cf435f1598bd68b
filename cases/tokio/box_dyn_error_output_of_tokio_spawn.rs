//! A `Result<_, Box<dyn Error>>` as the output of a `tokio::spawn`ed task
//!
//! `tokio::spawn` also asks for `F::Output: Send`: the result is produced on a worker thread and
//! handed to whoever awaits the handle (`tokio::task::JoinHandle<T>: Send` when `T: Send`). This
//! future is `Send`, since `?` returns the error at once and nothing is held across `.await`,
//! but its output `Result<u16, Box<dyn Error>>` is not `Send`. So this is E0277 at the
//! `F::Output: Send` bound, not a *future cannot be sent* error. The fix is the same change, to
//! `Box<dyn Error + Send + Sync>`.
//!
//@ fail: E0277
//@ fix: box_dyn_error_send_sync_output_of_tokio_spawn
//@ crates: tokio

use std::error::Error;

async fn load_port(text: &str) -> Result<u16, Box<dyn Error>> {
    tokio::task::yield_now().await;
    Ok(text.trim().parse()?)
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(load_port(" 8080 "));
    assert_eq!(task.await.unwrap().unwrap(), 8080);
}
