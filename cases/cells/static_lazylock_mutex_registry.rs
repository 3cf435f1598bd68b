//! A `static LazyLock<Mutex<_>>` plugin registry
//!
//! `LazyLock` builds the value on first access (exactly once, even under contention) and
//! `Mutex` serializes every later change. `Mutex<Vec<String>>` is `Sync`, so the `LazyLock`
//! around it is too and the `static` compiles. Each thread locks, pushes, and unlocks when the
//! guard is dropped at the end of the statement.
//!
//@ pass
//@ min-rust: 1.80

use std::sync::{LazyLock, Mutex};
use std::thread;

static REGISTRY: LazyLock<Mutex<Vec<String>>> = LazyLock::new(|| Mutex::new(Vec::new()));

fn register(name: &str) {
    REGISTRY.lock().unwrap().push(name.to_string());
}

fn main() {
    let plugins = ["png", "jpeg", "gif"];
    let handles: Vec<_> = plugins.into_iter().map(|p| thread::spawn(move || register(p))).collect();
    handles.into_iter().for_each(|h| h.join().unwrap());
    assert_eq!(REGISTRY.lock().unwrap().len(), 3);
}
