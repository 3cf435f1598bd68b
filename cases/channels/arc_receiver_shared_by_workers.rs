//! Sharing a `Receiver` between workers with `Arc`
//!
//! The channel is single-consumer: `Receiver<T>` is `Send` when `T: Send`, but never `Sync`, so two
//! threads may not call `recv` on the same receiver at once. `Arc<T>` is `Send` only when `T` is
//! `Send + Sync`, since its clones share a `&T` across threads, so `Arc<Receiver<_>>` cannot move
//! into the workers. The fix puts the receiver behind a `Mutex`, so only one worker receives at a
//! time.
//!
//@ fail: E0277
//@ fix: arc_mutex_receiver_worker_pool

use std::sync::{mpsc, Arc};
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    let rx = Arc::new(rx);
    let workers: Vec<_> = (0..3)
        .map(|_| {
            let rx = Arc::clone(&rx);
            thread::spawn(move || {
                let mut done = 0;
                loop {
                    let Ok(job) = rx.recv() else { break };
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
