//! Several scoped threads reading the same `Vec` through `&Vec`
//!
//! Any number of shared references may exist at once, and `&Vec<T>` is `Send` because
//! `Vec<T>` is `Sync` when `T` is. Scoped threads can therefore all borrow the same vector
//! without `Arc` or cloning: `thread::scope` guarantees they finish before `temps` is dropped.
//!
//@ pass

use std::thread;

fn main() {
    let temps = vec![21.5, 19.0, 23.25, 18.75];
    let (min, max) = thread::scope(|s| {
        let lo = s.spawn(|| temps.iter().copied().fold(f64::INFINITY, f64::min));
        let hi = s.spawn(|| temps.iter().copied().fold(f64::NEG_INFINITY, f64::max));
        (lo.join().unwrap(), hi.join().unwrap())
    });
    assert_eq!((min, max), (18.75, 23.25));
    println!("{} readings from {min} to {max}", temps.len());
}
