// Rebuilt from rust-lang/rust#140841 (see eval/real/MANIFEST.toml): the guard is dropped with
// `drop(inner)` before the `.await`, yet `bad_fn`'s future is still not `Send`.
use std::sync::{Arc, Mutex};
use tokio::sync::Notify;

async fn good_fn() {
    let m = Mutex::new(Arc::new(Notify::new()));
    let v = m.lock().unwrap().clone();
    v.notified().await;
}

async fn bad_fn() {
    let m = Mutex::new(Arc::new(Notify::new()));
    let inner = m.lock().unwrap();
    let v = inner.clone();
    drop(inner);
    v.notified().await;
}

fn test_fn<F: Send + Sync>(_f: F) {}

fn check() {
    test_fn(good_fn());
    test_fn(bad_fn());
}

fn main() {
    check();
}
