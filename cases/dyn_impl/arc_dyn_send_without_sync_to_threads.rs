//! Sharing an `Arc<dyn Trait + Send>` that lacks `+ Sync`
//!
//! Writing `+ Send` into the object type looks like enough for threads, but `Arc<T>` is `Send`
//! only if `T` is `Send` and `Sync`: every clone hands its thread a shared `&T`, so two threads
//! may call `max_batch` on the same value at once. `dyn Limits + Send` makes no `Sync` promise,
//! so the `Arc` cannot move into `thread::spawn` (E0277), although `Fixed` itself is `Sync`. The
//! fix spells out both auto traits, `Arc<dyn Limits + Send + Sync>`.
//!
//@ fail: E0277
//@ fix: arc_dyn_limits_send_sync_shared

use std::sync::Arc;
use std::thread;

trait Limits {
    fn max_batch(&self) -> usize;
}

struct Fixed(usize);

impl Limits for Fixed {
    fn max_batch(&self) -> usize {
        self.0
    }
}

fn main() {
    let limits: Arc<dyn Limits + Send> = Arc::new(Fixed(64));
    let handles: Vec<_> = (1..=3)
        .map(|id| {
            let limits = Arc::clone(&limits);
            thread::spawn(move || id * limits.max_batch())
        })
        .collect();
    let total: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
    println!("total batch capacity = {total}");
}
