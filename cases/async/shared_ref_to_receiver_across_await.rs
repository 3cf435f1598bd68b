//! Keeping a `&Receiver` across `.await` in a future that must be `Send`
//!
//! Parameters of an `async fn` are stored in its future and stay alive across every `.await`, so
//! `drain` keeps `rx: &Receiver<u32>` while it awaits `store`. A shared reference is `Send` only
//! when its target is `Sync`, since both threads could then use the same value, and
//! `mpsc::Receiver` is not `Sync`. So the future is not `Send`, though it holds no `Rc` or guard.
//! The fix takes `&mut Receiver<u32>`: an exclusive reference is `Send` when its target is `Send`.
//!
//@ fail: -
//@ fix: exclusive_ref_to_receiver_across_await

use std::future::Future;
use std::sync::mpsc::{self, Receiver};

fn require_send<F: Future + Send>(_: F) {}

async fn store(job: u32) -> u32 {
    job * 2
}

async fn drain(rx: &Receiver<u32>) -> u32 {
    let mut total = 0;
    loop {
        let next = rx.try_recv();
        let Ok(job) = next else { break };
        total += store(job).await;
    }
    total
}

fn main() {
    let (tx, rx) = mpsc::channel();
    for job in 1..=3 {
        tx.send(job).unwrap();
    }
    require_send(drain(&rx));
}
