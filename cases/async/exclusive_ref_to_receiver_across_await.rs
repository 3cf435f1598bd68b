//! Taking `&mut Receiver` so an `async fn`'s future stays `Send`
//!
//! The future of `drain` still stores its reference parameter across each `.await`, but now the
//! reference is exclusive. `&mut T` is `Send` whenever `T` is `Send`: while the borrow lasts, no
//! other thread can reach the `T`, so moving the reference is like moving the value itself.
//! `Receiver<u32>` is `Send` (a `Receiver<T>` is `Send` when `T: Send`), so the future is `Send`
//! even though `Receiver<T>` is never `Sync`.
//!
//@ pass

use std::future::Future;
use std::sync::mpsc::{self, Receiver};

fn require_send<F: Future + Send>(_: F) {}

async fn store(job: u32) -> u32 {
    job * 2
}

async fn drain(rx: &mut Receiver<u32>) -> u32 {
    let mut total = 0;
    loop {
        let next = rx.try_recv();
        let Ok(job) = next else { break };
        total += store(job).await;
    }
    total
}

fn main() {
    let (tx, mut rx) = mpsc::channel();
    for job in 1..=3 {
        tx.send(job).unwrap();
    }
    require_send(drain(&mut rx));
}
