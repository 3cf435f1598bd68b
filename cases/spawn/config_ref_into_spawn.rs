//! Sharing a reference to a local config with spawned threads
//!
//! Each worker captures `config`, a `&Config` borrowing the local `owned`. Spawned threads are
//! not tied to `main`'s scope, so the compiler must assume they outlive `owned` and rejects a
//! borrow that is not `'static`. The fix spawns scoped threads, which may borrow `owned`; a second
//! fix, for data needed until exit, leaks the config with `Box::leak` to get a `&'static Config`.
//!
//@ fail: E0597
//@ fix: config_ref_shared_with_scoped_threads leaked_config_for_threads

use std::thread;

struct Config {
    name: String,
    retries: u32,
}

fn main() {
    let owned = Config { name: "worker".into(), retries: 3 };
    let config = &owned;
    let handles: Vec<_> = (0..2)
        .map(|id| thread::spawn(move || format!("{}-{id}: {}", config.name, config.retries)))
        .collect();
    for h in handles {
        println!("{}", h.join().unwrap());
    }
}
