//! Passing a borrowed `&str` parameter into `thread::spawn`
//!
//! `msg: &str` borrows the caller's data for some unknown lifetime, and `move` only moves the
//! reference, not the text. `thread::spawn` needs a `'static` closure because the thread may
//! outlive this call, so the borrowed data would escape the function. The fix asks for a
//! `&'static str`, which lives for the whole program (an owned `String` would work too).
//!
//@ fail: E0521
//@ fix: static_str_param_into_spawn

use std::thread::{self, JoinHandle};

fn log_in_background(msg: &str) -> JoinHandle<()> {
    thread::spawn(move || println!("log: {msg}"))
}

fn main() {
    log_in_background("starting up").join().unwrap();
}
