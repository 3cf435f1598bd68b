//! Passing a `&'static str` into `thread::spawn`
//!
//! A reference may cross into a spawned thread if it satisfies `'static`, meaning the data it
//! points to is never freed, and if it is `Send`: `&T` is `Send` only when `T: Sync` (a
//! `&'static` reference to a struct holding a `Cell` is still E0277). String literals are baked
//! into the binary, so they are `&'static str`, and `&'static str` is `Send`: a thread can hold
//! one as long as it likes. Declaring the parameter `&'static str` lets the compiler prove the
//! `'static` bound that `thread::spawn` requires.
//!
//@ pass

use std::thread::{self, JoinHandle};

fn log_in_background(msg: &'static str) -> JoinHandle<()> {
    thread::spawn(move || println!("log: {msg}"))
}

fn main() {
    log_in_background("starting up").join().unwrap();
}
