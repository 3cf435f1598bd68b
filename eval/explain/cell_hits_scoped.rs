//! Counting cache hits in a `Cell` from scoped threads.
//@ expect: cell_counter_shared_in_scope cell_shared_ref_sent_to_thread
use std::cell::Cell;
use std::thread;

fn main() {
    let hits = Cell::new(0u32);
    let keys = ["a", "b", "c"];
    thread::scope(|s| {
        for key in keys {
            s.spawn(|| {
                if key != "b" {
                    hits.set(hits.get() + 1);
                }
            });
        }
    });
    println!("{} hits", hits.get());
}
