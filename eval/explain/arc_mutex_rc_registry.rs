//! A registry of `Rc` names behind `Arc<Mutex<_>>`, shared with threads.
//@ expect: mutex_of_rc_across_threads
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let names: Arc<Mutex<Vec<Rc<str>>>> = Arc::new(Mutex::new(Vec::new()));
    let worker_names = Arc::clone(&names);
    let worker = thread::spawn(move || {
        worker_names.lock().unwrap().push(Rc::from("worker"));
    });
    worker.join().unwrap();
    println!("{}", names.lock().unwrap().len());
}
