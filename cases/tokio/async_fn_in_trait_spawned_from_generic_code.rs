//! An `async fn` in a trait, called from generic code inside `tokio::spawn`
//!
//! An `async fn` in a trait returns an anonymous future chosen by each implementation, and the
//! trait promises nothing about it being `Send`. In `prefetch`, generic over `S: Store`, the
//! compiler cannot assume that `S`'s `load` future is `Send`, even though `MemStore`'s is: the task
//! "awaits another future which is not `Send`". rustc's help suggests the first fix, declaring the
//! method as `-> impl Future<Output = ..> + Send`; the other fix drops the type parameter.
//! `async fn` in traits needs Rust 1.75 (1.70 rejects it with E0706), hence `min-rust: 1.75`.
//!
//@ fail: -
//@ fix: trait_method_returns_send_future_for_tokio_spawn async_fn_in_trait_spawned_for_concrete_type
//@ min-rust: 1.75
//@ crates: tokio

use std::sync::Arc;
use tokio::task::JoinHandle;

trait Store {
    async fn load(&self, key: &str) -> Option<String>;
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
