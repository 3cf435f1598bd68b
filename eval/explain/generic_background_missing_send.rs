//! A generic helper that runs a value's cleanup on a background thread, missing `T: Send`.
//@ expect: generic_job_without_send_bound
use std::fmt::Debug;
use std::thread;

fn drop_in_background<T: Debug + 'static>(value: T) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        println!("dropping {value:?}");
    })
}

fn main() {
    drop_in_background(vec![1, 2, 3]).join().unwrap();
}
