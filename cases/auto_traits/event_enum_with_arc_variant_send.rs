//! Storing an enum variant's label as `Arc<str>` to keep the enum `Send`
//!
//! With `Label(Arc<str>)`, every variant's fields are `Send` (`i32` and `Arc<str>`), so the
//! compiler implements `Send` for `Event`. That makes `Receiver<Event>` `Send`, and the worker
//! thread can own the receiving end of the channel.
//!
//@ pass

use std::sync::mpsc;
use std::sync::Arc;
use std::thread;

enum Event {
    Click { x: i32, y: i32 },
    Label(Arc<str>),
}

fn main() {
    let (tx, rx) = mpsc::channel::<Event>();
    let worker = thread::spawn(move || {
        for event in rx {
            match event {
                Event::Click { x, y } => println!("click at {x},{y}"),
                Event::Label(text) => println!("label {text}"),
            }
        }
    });
    tx.send(Event::Click { x: 3, y: 4 }).unwrap();
    drop(tx);
    worker.join().unwrap();
}
