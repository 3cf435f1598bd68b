//! Observing a panicked thread through `join`'s `Err`
//!
//! A panic unwinds only the thread it happens in; the spawning thread keeps running. `join` then
//! returns `Err` holding the panic payload as a `Box<dyn Any + Send>`, which is `Send` because it
//! has to travel from the dead thread to the joiner. Downcasting it recovers the message (a
//! `String` for formatted panics such as `expect`).
//!
//@ pass

use std::thread;

fn main() {
    std::panic::set_hook(Box::new(|_| {})); // silence the expected panic message
    let handle = thread::spawn(|| "forty-two".parse::<u32>().expect("bad number"));
    match handle.join() {
        Ok(n) => panic!("unexpectedly parsed {n}"),
        Err(payload) => {
            let msg = payload.downcast_ref::<String>().expect("formatted panic message");
            assert!(msg.starts_with("bad number"));
        }
    }
}
