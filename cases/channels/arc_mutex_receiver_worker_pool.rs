//! A worker pool sharing one `Receiver` through `Arc<Mutex<_>>`
//!
//! `Mutex<T>` is `Sync` whenever `T: Send`, and `Receiver<u32>` is `Send`, so
//! `Arc<Mutex<Receiver<u32>>>` can be cloned into every worker. Each worker locks the mutex just
//! long enough to take one job: the guard is a temporary dropped at the end of the `let`, so the
//! others can receive while this one works (a `while let` would hold it for the whole body). Once
//! `tx` is dropped and the queue is empty, `recv` fails and every worker stops.
//!
//@ pass

use std::sync::{mpsc, Arc, Mutex};
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    let rx = Arc::new(Mutex::new(rx));
    let workers: Vec<_> = (0..3)
        .map(|_| {
            let rx = Arc::clone(&rx);
            thread::spawn(move || {
                let mut done = 0;
                loop {
                    let Ok(job) = rx.lock().unwrap().recv() else { break };
                    done += job;
                }
                done
            })
        })
        .collect();
    for job in 1..=10 {
        tx.send(job).unwrap();
    }
    drop(tx);
    let total: u32 = workers.into_iter().map(|w| w.join().unwrap()).sum();
    assert_eq!(total, 55);
}
