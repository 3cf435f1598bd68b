//! Sending an `Rc` through a channel to another thread
//!
//! A channel moves values between threads, so `Receiver<T>` and `Sender<T>` are `Send` only when
//! `T: Send`. `Rc` is not: `main` keeps its own handle to `config`, and the worker's clone would
//! update the same reference count with non-atomic arithmetic when it is dropped. The error appears
//! where the receiver moves into `thread::spawn`. The fix sends an `Arc`, whose count is atomic.
//!
//@ fail: E0277
//@ fix: channel_of_arc_to_worker

use std::rc::Rc;
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();
    let config = Rc::new(String::from("mode=fast"));
    let worker = thread::spawn(move || {
        let config: Rc<String> = rx.recv().unwrap();
        config.len()
    });
    tx.send(Rc::clone(&config)).unwrap();
    println!("{config} has {} bytes", worker.join().unwrap());
}
