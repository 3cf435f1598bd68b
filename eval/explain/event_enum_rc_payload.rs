//! A UI event enum with one `Rc` payload, sent to an event thread.
//@ expect: event_enum_with_rc_variant_not_send
use std::rc::Rc;
use std::sync::mpsc;
use std::thread;

enum Event {
    Click(u32, u32),
    Text(Rc<str>),
}

fn main() {
    let (tx, rx) = mpsc::channel::<Event>();
    let events = thread::spawn(move || {
        for e in rx {
            if let Event::Click(x, y) = e {
                println!("click {x},{y}");
            }
        }
    });
    tx.send(Event::Text(Rc::from("hi"))).unwrap();
    drop(tx);
    events.join().unwrap();
}
