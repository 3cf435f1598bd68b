//! Moving a `Receiver` of an enum with an `Rc` variant into a thread
//!
//! An enum is `Send` only if the fields of every variant are, because a value of the type may
//! be any variant. `Event::Label` holds an `Rc<str>`, so `Event` is not `Send`, and a channel
//! `Receiver<Event>` cannot move into the worker, even though only `Click`s are ever sent;
//! rustc reports E0277. The fix stores the label as an `Arc<str>`, whose atomic reference count
//! is thread-safe.
//!
//@ fail: E0277
//@ fix: event_enum_with_arc_variant_send

use std::rc::Rc;
use std::sync::mpsc;
use std::thread;

enum Event {
    Click { x: i32, y: i32 },
    Label(Rc<str>),
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
