//! Moving the original `Arc` into the first spawned closure
//!
//! `Arc<T>` is `Send`, but a `move` closure that names `config` takes that very handle: after the
//! first iteration there is nothing left to move into the second closure or to read at the end,
//! and rustc reports a use of a moved value. Sharing needs one handle per owner. The fix clones
//! the `Arc` inside the loop, shadowing the name, so each closure moves in its own clone (a cheap
//! atomic count increment) and `main` keeps the original.
//!
//@ fail: E0382
//@ fix: move_clone_of_arc_into_each_thread

use std::sync::Arc;
use std::thread;

fn main() {
    let config = Arc::new(vec!["fast", "quiet"]);
    let mut handles = Vec::new();
    for id in 0..2 {
        handles.push(thread::spawn(move || println!("worker {id} uses {config:?}")));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    println!("main still has {} flags", config.len());
}
