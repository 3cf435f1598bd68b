//! Logging an order after sending it to the fulfilment thread.
//@ expect: book_16_09_use_after_send
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();
    let fulfil = thread::spawn(move || {
        for order in rx {
            println!("shipping {order}");
        }
    });
    let order = String::from("order-17");
    tx.send(order).unwrap();
    println!("queued {order}");
    drop(tx);
    fulfil.join().unwrap();
}
