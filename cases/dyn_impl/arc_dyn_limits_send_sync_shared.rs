//! Sharing an `Arc<dyn Trait + Send + Sync>` between threads
//!
//! `Arc<T>` is `Send` only if `T` is both `Send` and `Sync`: every clone gives its thread a
//! shared `&T`, and whichever thread drops the last clone also drops the `T`. For a trait object
//! the compiler cannot look at the hidden type, so both auto traits must be spelled out in the
//! object type, as in `Arc<dyn Limits + Send + Sync>`. Each worker then gets its own clone.
//!
//@ pass

use std::sync::Arc;
use std::thread;

trait Limits {
    fn max_batch(&self) -> usize;
}

struct Fixed(usize);

impl Limits for Fixed {
    fn max_batch(&self) -> usize {
        self.0
    }
}

fn main() {
    let limits: Arc<dyn Limits + Send + Sync> = Arc::new(Fixed(64));
    let handles: Vec<_> = (1..=3)
        .map(|id| {
            let limits = Arc::clone(&limits);
            thread::spawn(move || id * limits.max_batch())
        })
        .collect();
    let total: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
    println!("total batch capacity = {total}");
}
