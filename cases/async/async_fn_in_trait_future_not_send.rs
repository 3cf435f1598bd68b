//! Requiring `Send` of an `async fn` in a trait that never promised it
//!
//! An `async fn` in a trait returns an anonymous future chosen by each implementation, and the
//! trait makes no promise about it. Generic code over `S: Storage` therefore cannot assume the
//! future is `Send`, since some implementation might hold an `Rc` across an `.await`. Passing it to
//! a `Send`-requiring executor is rejected even though `MemStore`'s future happens to be `Send`.
//! The fix spells the method as `-> impl Future<Output = ..> + Send`, so every implementation must
//! uphold it.
//!
//@ fail: E0277
//@ fix: trait_method_returns_impl_future_send
//@ min-rust: 1.75

use std::collections::HashMap;
use std::future::Future;

trait Storage {
    async fn load(&self, key: &str) -> Option<String>;
}

struct MemStore(HashMap<String, String>);

impl Storage for MemStore {
    async fn load(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
}

fn require_send<F: Future + Send>(_: F) {}

fn prefetch<S: Storage + Sync>(store: &S) {
    require_send(store.load("home"));
}

fn main() {
    prefetch(&MemStore(HashMap::new()));
}
