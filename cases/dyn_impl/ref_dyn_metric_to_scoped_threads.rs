//! Sharing a `&dyn Trait` without `+ Sync` with scoped threads
//!
//! Each scoped thread captures the same `&dyn Metric`, and a shared reference may cross threads
//! only if the referent is `Sync`. The object type `dyn Metric` makes no such promise: a caller
//! could pass a metric that caches results in a `Cell`, and two threads calling `score` at once
//! would race on it. The fix asks for `&(dyn Metric + Sync)`, so the check moves to the caller,
//! where the concrete type is known (`Weighted` is `Sync`, holding only a `u32`).
//!
//@ fail: E0277
//@ fix: ref_dyn_metric_sync_to_scoped_threads

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

fn score_all(metric: &dyn Metric, inputs: &[u32]) -> u32 {
    thread::scope(|s| {
        let handles: Vec<_> = inputs.iter().map(|&x| s.spawn(move || metric.score(x))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}

fn main() {
    println!("total score = {}", score_all(&Weighted(3), &[1, 2, 3]));
}
