//! Sharing a `&(dyn Trait + Sync)` with scoped threads
//!
//! Adding `+ Sync` to the trait object type makes `Sync` part of its contract: only types that
//! are `Sync` can be coerced into it, and in exchange `&(dyn Sink + Sync)` is `Send`. The
//! unit struct `Stdout` is `Sync`, so `main` is unchanged, while a sink built on `Cell` or
//! `Rc` would now be rejected at the call site instead of inside `run_workers`.
//!
//@ pass

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

fn run_workers(sink: &(dyn Sink + Sync)) {
    thread::scope(|s| {
        for id in 0..3 {
            s.spawn(move || sink.write(&format!("worker {id} done")));
        }
    });
}

fn main() {
    run_workers(&Stdout);
}
