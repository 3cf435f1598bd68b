//! An `Arc` captured by a `spawn_blocking` closure
//!
//! `Arc<[u8]>` is `Send` (`[u8]` is `Send` and `Sync`), so the closure that captures a clone is
//! `Send`, and `spawn_blocking` runs it on a pool thread, as the assert shows, while `main` keeps
//! its own handle to the same bytes. The atomic count makes it safe for the two handles to be
//! dropped on different threads.
//!
//@ pass
//@ crates: tokio

use std::sync::Arc;
use std::thread;

fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().map(|&b| u32::from(b)).sum()
}

#[tokio::main]
async fn main() {
    let main_thread = thread::current().id();
    let blob: Arc<[u8]> = Arc::from(vec![1; 4096]);
    let sum = tokio::task::spawn_blocking({
        let blob = Arc::clone(&blob);
        move || {
            assert_ne!(thread::current().id(), main_thread);
            checksum(&blob)
        }
    })
    .await
    .unwrap();
    assert_eq!(sum as usize, blob.len());
}
