//! Getting a `'static` reference with `Box::leak`
//!
//! `Box::leak` gives up ownership of a heap value and returns a `&'static mut` to it: the value
//! is simply never freed, so a reference to it can never dangle. Reborrowed as `&'static Config`,
//! it is `Copy` and `Send` (because `Config` is `Sync`), so every spawned thread can capture it.
//! This suits data created once and needed until exit; otherwise prefer `Arc` or scoped threads.
//!
//@ pass
//@ miri: leak

use std::thread;

struct Config {
    name: String,
    retries: u32,
}

fn main() {
    let config: &'static Config = Box::leak(Box::new(Config { name: "worker".into(), retries: 3 }));
    let handles: Vec<_> = (0..2)
        .map(|id| thread::spawn(move || format!("{}-{id}: {}", config.name, config.retries)))
        .collect();
    for h in handles {
        println!("{}", h.join().unwrap());
    }
}
