//! Sharing a `&dyn Trait` without `+ Sync` with scoped threads
//!
//! A trait object only has the auto traits its type spells out: `dyn Sink` says nothing about
//! `Sync`, so the compiler must assume the hidden type may not be. Since `&T` is `Send` only
//! when `T: Sync`, the closures holding `&dyn Sink` cannot move to other threads, and rustc
//! reports E0277. The fix takes `&(dyn Sink + Sync)`, so callers must pass a thread-safe sink.
//!
//@ fail: E0277
//@ fix: dyn_trait_ref_with_sync_bound

use std::thread;

trait Sink {
    fn write(&self, line: &str);
}

struct Stdout;

impl Sink for Stdout {
    fn write(&self, line: &str) {
        println!("{line}");
    }
}

fn run_workers(sink: &dyn Sink) {
    thread::scope(|s| {
        for id in 0..3 {
            s.spawn(move || sink.write(&format!("worker {id} done")));
        }
    });
}

fn main() {
    run_workers(&Stdout);
}
