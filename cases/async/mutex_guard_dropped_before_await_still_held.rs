//! Calling `drop(guard)` before `.await` and expecting a `Send` future
//!
//! It looks as if `drop(log)` releases the `MutexGuard` before the `.await`, and at run time it
//! does. But the compiler decides what a future may hold conservatively: a local that was ever
//! borrowed (`log.push` borrows it through `DerefMut`) counts as alive until the end of its scope,
//! even after being moved into `drop`. So the future still *holds* a non-`Send` guard. The fix puts
//! the guard in a block, whose closing brace ends it for the compiler too.
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
    drop(log);
    flush_to_disk().await;
}

fn main() {
    require_send(record_hit(1));
}
