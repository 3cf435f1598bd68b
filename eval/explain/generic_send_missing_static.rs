//! A generic `T: Send` value handed to a thread without `T: 'static`.
//@ expect: generic_send_without_static_bound
use std::fmt::Debug;
use std::thread;

fn log_in_background<T: Send + Debug>(value: T) {
    thread::spawn(move || {
        println!("{value:?}");
    });
}

fn main() {
    log_in_background(5);
}
