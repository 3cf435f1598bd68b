//! Declaring a trait method as `-> impl Future + Send`
//!
//! Writing the trait method as `fn load(..) -> impl Future<Output = ..> + Send` puts `Send` into
//! the trait's contract, so generic code over `S: Storage` may hand the future to a multi-threaded
//! executor. Implementations may still write `async fn`; the compiler checks that each one's future
//! really is `Send`, and an implementation holding an `Rc` across an `.await` would be rejected at
//! the `impl` instead of at every caller.
//!
//@ pass
//@ min-rust: 1.75

use std::collections::HashMap;
use std::future::Future;

trait Storage {
    fn load(&self, key: &str) -> impl Future<Output = Option<String>> + Send;
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
