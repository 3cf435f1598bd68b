//! Lending a local config to scoped threads
//!
//! `thread::scope` joins every thread it spawned before it returns, so its threads may borrow
//! locals that outlive the scope; `Scope::spawn` asks for `'scope`, not `'static`. The workers
//! share `&owned` as before and nothing is copied, counted or leaked.
//!
//@ pass

use std::thread;

struct Config {
    name: String,
    retries: u32,
}

fn main() {
    let owned = Config { name: "worker".into(), retries: 3 };
    let config = &owned;
    thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|id| s.spawn(move || format!("{}-{id}: {}", config.name, config.retries)))
            .collect();
        for h in handles {
            println!("{}", h.join().unwrap());
        }
    });
}
