//! Sending an `Arc` through a channel to another thread
//!
//! `Arc<String>` is `Send`: its count is updated atomically and `String` is `Send + Sync`, so
//! `Receiver<Arc<String>>` is `Send` too and can move into the worker. `main` and the worker each
//! hold a handle to the same `String`; whichever drops last frees it, with no race on the count.
//!
//@ pass

use std::sync::{mpsc, Arc};
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();
    let config = Arc::new(String::from("mode=fast"));
    let worker = thread::spawn(move || {
        let config: Arc<String> = rx.recv().unwrap();
        config.len()
    });
    tx.send(Arc::clone(&config)).unwrap();
    println!("{config} has {} bytes", worker.join().unwrap());
}
