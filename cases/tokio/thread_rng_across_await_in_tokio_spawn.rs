//! A `ThreadRng` alive across `.await` in a `tokio::spawn`ed task
//!
//! `rand::thread_rng()` returns a handle to a generator kept per thread: `ThreadRng` wraps an `Rc`,
//! so `rand::rngs::ThreadRng` is not `Send`. Keeping `rng` for the whole retry loop stores it in
//! the future across `tokio::time::sleep(..).await`, so the task is not `Send`; the error shows
//! both the handle, "has type `ThreadRng` which is not `Send`", and the `Rc` inside it. One fix
//! calls `thread_rng()` afresh for each draw, so no handle lives across an `.await`; the other
//! gives the task its own `StdRng`.
//!
//@ fail: -
//@ fix: thread_rng_per_draw_in_tokio_spawn std_rng_across_await_in_tokio_spawn
//@ crates: tokio rand

use rand::Rng;
use std::time::Duration;

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let mut rng = rand::thread_rng();
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
