//! Moving a fresh `Arc` clone into each spawned closure
//!
//! The line `let config = Arc::clone(&config);` makes a new handle to the same vector and
//! shadows the outer name for the rest of the loop body, so the `move` closure takes the clone
//! and the original stays with `main`. Each thread drops its clone when it finishes, and the
//! atomic count makes that safe on any thread. The vector itself is freed when the last handle
//! goes away.
//!
//@ pass

use std::sync::Arc;
use std::thread;

fn main() {
    let config = Arc::new(vec!["fast", "quiet"]);
    let mut handles = Vec::new();
    for id in 0..2 {
        let config = Arc::clone(&config);
        handles.push(thread::spawn(move || println!("worker {id} uses {config:?}")));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    println!("main still has {} flags", config.len());
}
