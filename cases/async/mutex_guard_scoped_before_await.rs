//! Releasing a `MutexGuard` in a block before `.await`
//!
//! A future is `Send` when nothing it keeps across an `.await` is non-`Send`. Here the guard lives
//! in its own block, so it is unlocked at the closing brace and is out of scope at
//! `flush_to_disk().await`; the future stores only `page` and the inner future, both `Send`. The
//! lock is also held for the shortest time, so no task waits on it while this one is suspended.
//!
//@ pass

use std::future::Future;
use std::sync::Mutex;

static HITS: Mutex<Vec<u32>> = Mutex::new(Vec::new());

fn require_send<F: Future + Send>(_: F) {}

async fn flush_to_disk() {}

async fn record_hit(page: u32) {
    {
        let mut log = HITS.lock().unwrap();
        log.push(page);
    }
    flush_to_disk().await;
}

fn main() {
    require_send(record_hit(1));
}
