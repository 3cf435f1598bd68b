//! Worker threads sharing one job `Receiver` through `Arc` (without a `Mutex`).
//@ expect: arc_receiver_shared_by_workers
use std::sync::mpsc;
use std::sync::Arc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    let rx = Arc::new(rx);
    let mut workers = Vec::new();
    for id in 0..2 {
        let rx = Arc::clone(&rx);
        workers.push(thread::spawn(move || {
            while let Ok(job) = rx.recv() {
                println!("worker {id} got {job}");
            }
        }));
    }
    tx.send(1).unwrap();
    drop(tx);
    for w in workers {
        w.join().unwrap();
    }
}
