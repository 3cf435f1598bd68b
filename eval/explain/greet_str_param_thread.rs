//! A function that greets a `&str` name from a new thread.
//@ expect: borrowed_str_param_into_spawn
use std::thread;

fn greet_later(name: &str) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        println!("hello, {name}");
    })
}

fn main() {
    let name = String::from("Ada");
    greet_later(&name).join().unwrap();
}
