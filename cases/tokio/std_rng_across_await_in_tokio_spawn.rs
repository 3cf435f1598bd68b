//! A `StdRng` owned by a `tokio::spawn`ed task across `.await`
//!
//! `StdRng` is a plain value with no tie to a thread: `StdRng` is `Send`, so the task may own it
//! across every `.await`. `SeedableRng::from_entropy` seeds it from the operating system's random
//! source. A task that draws many numbers keeps one generator of its own this way.
//!
//@ pass
//@ crates: tokio rand

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::time::Duration;

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let mut rng = StdRng::from_entropy();
        let mut waited = 0;
        for _attempt in 0..3 {
            let jitter = rng.gen_range(0..=1);
            tokio::time::sleep(Duration::from_millis(jitter)).await;
            waited += jitter;
        }
        waited
    });
    assert!(task.await.unwrap() <= 3);
}
