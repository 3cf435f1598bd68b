//! Moving the original `Arc` into the first spawned closure
//!
//! `Arc<Vec<&str>>` is `Send`, but a `move` closure that names `config` takes that very handle, so
//! after the first iteration nothing is left for the second closure or the read at the end. rustc
//! reports one E0382, "borrow of moved value", at the read, pointing at the closure with "value
//! moved into closure here, in previous iteration of loop". The fix clones the `Arc` inside the
//! loop, so each closure moves in its own clone (a cheap atomic count increment) and `main` keeps
//! the original.
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
