//! An async request handler that keeps a `std::sync::MutexGuard` across `.await`.
//@ expect: mutex_guard_held_across_await mutex_guard_temporary_in_match_across_await mutex_guard_dropped_before_await_still_held
use std::future::Future;
use std::sync::{Arc, Mutex};

fn spawn_task<F: Future<Output = ()> + Send + 'static>(_task: F) {}

async fn write_log(line: String) {
    let _ = line;
}

async fn handle(hits: Arc<Mutex<u64>>) {
    let mut count = hits.lock().unwrap();
    *count += 1;
    write_log(format!("hit {}", *count)).await;
}

fn main() {
    let hits = Arc::new(Mutex::new(0));
    spawn_task(handle(hits));
}
