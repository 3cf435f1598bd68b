//! Sharing a `&(dyn Metric + Sync)` with scoped threads
//!
//! Adding `+ Sync` to the object type promises that the value behind the reference can be used
//! from several threads at once, so `&(dyn Metric + Sync)` is `Send` and every scoped thread may
//! copy it. The promise is checked where `&Weighted(3)` is coerced to the trait object;
//! `Weighted` holds only a `u32` and is `Sync`. The parentheses are required: rustc rejects
//! `&dyn Metric + Sync` as an ambiguous `+`.
//!
//@ pass

use std::thread;

trait Metric {
    fn score(&self, input: u32) -> u32;
}

struct Weighted(u32);

impl Metric for Weighted {
    fn score(&self, input: u32) -> u32 {
        input * self.0
    }
}

fn score_all(metric: &(dyn Metric + Sync), inputs: &[u32]) -> u32 {
    thread::scope(|s| {
        let handles: Vec<_> = inputs.iter().map(|&x| s.spawn(move || metric.score(x))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}

fn main() {
    println!("total score = {}", score_all(&Weighted(3), &[1, 2, 3]));
}
