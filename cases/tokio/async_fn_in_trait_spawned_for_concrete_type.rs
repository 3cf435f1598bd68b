//! An `async fn` in a trait, called on a concrete type inside `tokio::spawn`
//!
//! With `prefetch` taking `Arc<MemStore>`, the compiler knows exactly which future `load` returns
//! and checks that one: across its `.await` it holds a `&MemStore` and a `&str`, both `Send`, so
//! the task is `Send`. A caller that names the concrete type sees its future's real auto traits;
//! only generic code is limited to what the trait promises. This suits a program with one
//! implementation; a trait others implement should say `+ Send` in its signature. Needs Rust 1.75.
//!
//@ pass
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

fn prefetch(store: Arc<MemStore>) -> JoinHandle<Option<String>> {
    tokio::spawn(async move { store.load("home").await })
}

#[tokio::main]
async fn main() {
    let page = prefetch(Arc::new(MemStore)).await.unwrap();
    assert_eq!(page.as_deref(), Some("HOME"));
}
