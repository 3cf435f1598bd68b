//! Function pointers are always `Send` and `Sync`
//!
//! A function pointer like `fn(&[u32]) -> u32` is just the address of code: it captures no
//! state, so it is `Send`, `Sync`, `Copy` and `'static` with no conditions. A closure that
//! captures nothing coerces to such a pointer, as `count` does here. Each spawned thread receives
//! its own copy of an entry from the table, and nothing needs wrapping in `Arc`.
//!
//@ pass

use std::thread;

fn total(xs: &[u32]) -> u32 {
    xs.iter().sum()
}

fn largest(xs: &[u32]) -> u32 {
    xs.iter().copied().max().unwrap_or(0)
}

fn main() {
    let count: fn(&[u32]) -> u32 = |xs| xs.len() as u32;
    let stats: [(&str, fn(&[u32]) -> u32); 3] =
        [("total", total), ("largest", largest), ("count", count)];
    let handles: Vec<_> = stats
        .into_iter()
        .map(|(name, stat)| thread::spawn(move || (name, stat(&[4, 8, 1]))))
        .collect();
    for handle in handles {
        let (name, value) = handle.join().unwrap();
        println!("{name} = {value}");
    }
}
