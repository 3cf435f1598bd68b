//! Holding a `std::sync::MutexGuard` across `.await`
//!
//! `MutexGuard` is not `Send`: on some platforms a lock must be released by the thread that took
//! it. A guard that is still alive at an `.await` becomes part of the future, and a multi-threaded
//! executor could resume that future, and drop the guard, on a different thread. Holding a blocking
//! lock while suspended can also stall every other task that needs it. The fix releases the guard
//! in a block that ends before the `.await`.
//!
//@ fail: -
//@ fix: mutex_guard_scoped_before_await

use std::future::Future;
use std::sync::Mutex;

static HITS: Mutex<Vec<u32>> = Mutex::new(Vec::new());

fn require_send<F: Future + Send>(_: F) {}

async fn flush_to_disk() {}

async fn record_hit(page: u32) {
    let mut log = HITS.lock().unwrap();
    log.push(page);
    flush_to_disk().await;
}

fn main() {
    require_send(record_hit(1));
}
