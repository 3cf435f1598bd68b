//! A trait method declared `-> impl Future + Send`, called from generic code inside `tokio::spawn`
//!
//! Declaring `fn load(..) -> impl Future<Output = ..> + Send` makes `Send` part of the trait's
//! contract, so `prefetch` may rely on it for every `S: Store`. Implementations may still write
//! `async fn`: each one's future is checked at its `impl`, so an implementation that held an `Rc`
//! across an `.await` would be rejected there, not at every caller. Needs Rust 1.75.
//!
//@ pass
//@ min-rust: 1.75
//@ crates: tokio

use std::future::Future;
use std::sync::Arc;
use tokio::task::JoinHandle;

trait Store {
    fn load(&self, key: &str) -> impl Future<Output = Option<String>> + Send;
}

struct MemStore;

impl Store for MemStore {
    async fn load(&self, key: &str) -> Option<String> {
        tokio::task::yield_now().await;
        Some(key.to_uppercase())
    }
}

fn prefetch<S: Store + Send + Sync + 'static>(store: Arc<S>) -> JoinHandle<Option<String>> {
    tokio::spawn(async move { store.load("home").await })
}

#[tokio::main]
async fn main() {
    let page = prefetch(Arc::new(MemStore)).await.unwrap();
    assert_eq!(page.as_deref(), Some("HOME"));
}
