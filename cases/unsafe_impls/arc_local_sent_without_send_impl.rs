//! Using `Arc<Local>`, which is `Send` without any hand-written impl
//!
//! `Arc<T>` is `Send` and `Sync` whenever `T` is `Send + Sync`, and `Reading` gets both
//! automatically because its fields (`&'static str`, `f64`) have them. So the shared handle can
//! go to a worker thread while `main` keeps a clone: the atomic count makes the two owners safe.
//! Reaching for the atomic type is the right answer where an `unsafe impl` on `Rc` is not allowed.
//!
//@ pass

use std::sync::Arc;
use std::thread;

struct Reading {
    sensor: &'static str,
    value: f64,
}

fn main() {
    let latest = Arc::new(Reading { sensor: "north", value: 21.5 });
    let kept = Arc::clone(&latest);
    let worker = thread::spawn(move || format!("{} reads {}", latest.sensor, latest.value));
    println!("{} (main still holds {})", worker.join().unwrap(), kept.sensor);
}
