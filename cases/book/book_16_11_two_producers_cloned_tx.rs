//! Two producers sharing one receiver through a cloned Sender
//!
//! A `Sender` can be cloned to get several producers for one receiver (*mpsc*: multiple producer,
//! single consumer); each thread here owns its own `Sender`. The receiving loop ends only after
//! both senders are dropped, that is, after both threads finish, and the order in which their
//! messages arrive varies from run to run. The Book sleeps one second per message and spreads each
//! `vec!` over several lines between `// --snip--` markers; this copy sleeps 5 ms and is compacted
//! to fit the corpus's 40-line limit.
//!
//@ pass
//@ book: 16-11

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn main() {
    let (tx, rx) = mpsc::channel();

    let tx1 = tx.clone();
    thread::spawn(move || {
        let vals = vec![String::from("hi"), String::from("from"), String::from("the"), String::from("thread")];
        for val in vals {
            tx1.send(val).unwrap();
            thread::sleep(Duration::from_millis(5));
        }
    });

    thread::spawn(move || {
        let vals = vec![String::from("more"), String::from("messages"), String::from("for"), String::from("you")];
        for val in vals {
            tx.send(val).unwrap();
            thread::sleep(Duration::from_millis(5));
        }
    });

    for received in rx {
        println!("Got: {received}");
    }
}
