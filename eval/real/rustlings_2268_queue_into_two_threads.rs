// Rebuilt from rust-lang/rustlings#2268, "thread3.rs don't compile manually" (see
// eval/real/MANIFEST.toml): the exercise's solution, compiled by hand with `rustc threads3.rs`,
// whose default edition 2015 captures the whole `Queue` in the first closure, not its field.
//@ edition: 2015
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

struct Queue {
    first_half: Vec<u32>,
    second_half: Vec<u32>,
}

impl Queue {
    fn new() -> Self {
        Self {
            first_half: vec![1, 2, 3, 4, 5],
            second_half: vec![6, 7, 8, 9, 10],
        }
    }
}

fn send_tx(q: Queue, tx: mpsc::Sender<u32>) {
    let tx_clone = tx.clone();
    thread::spawn(move || {
        for val in q.first_half {
            println!("Sending {val:?}");
            tx_clone.send(val).unwrap();
            thread::sleep(Duration::from_millis(250));
        }
    });

    thread::spawn(move || {
        for val in q.second_half {
            println!("Sending {val:?}");
            tx.send(val).unwrap();
            thread::sleep(Duration::from_millis(250));
        }
    });
}

fn main() {
    let (tx, rx) = mpsc::channel();
    let queue = Queue::new();

    send_tx(queue, tx);

    let mut received = Vec::with_capacity(10);
    for value in rx {
        received.push(value);
    }
    println!("{received:?}");
}
