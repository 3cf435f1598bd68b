//! Putting a `RefCell` registry in a `static LazyLock`
//!
//! `LazyLock` makes the *initialization* thread-safe, but afterwards it just hands out `&T`, so
//! `LazyLock<T>` is `Sync` only when `T` is `Sync`. `RefCell`'s borrow flag is a plain counter, so
//! two threads calling `borrow_mut` together could both get a `&mut Vec`. The compiler rejects the
//! `static`; the fix wraps the vector in a `Mutex`, which makes mutation through `&` thread-safe.
//!
//@ fail: E0277
//@ fix: static_lazylock_mutex_registry
//@ min-rust: 1.80

use std::cell::RefCell;
use std::sync::LazyLock;
use std::thread;

static REGISTRY: LazyLock<RefCell<Vec<String>>> = LazyLock::new(|| RefCell::new(Vec::new()));

fn register(name: &str) {
    REGISTRY.borrow_mut().push(name.to_string());
}

fn main() {
    let plugins = ["png", "jpeg", "gif"];
    let handles: Vec<_> = plugins.into_iter().map(|p| thread::spawn(move || register(p))).collect();
    handles.into_iter().for_each(|h| h.join().unwrap());
    assert_eq!(REGISTRY.borrow().len(), 3);
}
