//! A metrics struct with a `Cell` field shared with threads through `Arc`.
//@ expect: stats_struct_with_cell_field_not_sync
use std::cell::Cell;
use std::sync::Arc;
use std::thread;

struct Metrics {
    requests: Cell<u64>,
}

fn main() {
    let metrics = Arc::new(Metrics { requests: Cell::new(0) });
    let m = Arc::clone(&metrics);
    let t = thread::spawn(move || m.requests.set(m.requests.get() + 1));
    t.join().unwrap();
    println!("{}", metrics.requests.get());
}
