//! Sharing a struct with a `Cell` field between threads through `Arc`
//!
//! A struct is `Sync` only if all of its fields are, and `Cell<u64>` is not: its `set` writes
//! without any synchronisation. `Arc<T>` is `Send` only when `T: Send + Sync`: every clone gives
//! another thread a `&T`, and the last one may drop the `T` there. So moving an `Arc<Stats>` clone
//! into a worker fails with E0277 ("required because it appears within the type `Stats`"). The fix
//! makes the counter an `AtomicU64`, which turns `Stats` into a `Sync` type.
//!
//@ fail: E0277
//@ fix: stats_struct_with_atomic_field_sync

use std::cell::Cell;
use std::sync::Arc;
use std::thread;

struct Stats {
    name: String,
    requests: Cell<u64>,
}

fn main() {
    let stats = Arc::new(Stats { name: "api".into(), requests: Cell::new(0) });
    let worker = {
        let stats = Arc::clone(&stats);
        thread::spawn(move || stats.requests.set(stats.requests.get() + 1))
    };
    worker.join().unwrap();
    println!("{}: {} requests", stats.name, stats.requests.get());
}
