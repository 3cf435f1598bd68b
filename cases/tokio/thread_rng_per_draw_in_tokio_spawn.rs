//! A fresh `thread_rng()` for each draw in a `tokio::spawn`ed task
//!
//! `rand::thread_rng().gen_range(0..=1)` makes a `ThreadRng`, draws from it and drops it at the end
//! of the statement, before the `.await`. Only integers (`jitter`, `waited`) are kept across the
//! `.await`, so the future is `Send`. A task resumed on another worker thread simply gets that
//! thread's generator at its next call.
//!
//@ pass
//@ crates: tokio rand

use rand::Rng;
use std::time::Duration;

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let mut waited = 0;
        for _attempt in 0..3 {
            let jitter = rand::thread_rng().gen_range(0..=1);
            tokio::time::sleep(Duration::from_millis(jitter)).await;
            waited += jitter;
        }
        waited
    });
    assert!(task.await.unwrap() <= 3);
}
